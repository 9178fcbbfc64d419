#pragma once

#include "core/store/secretstore.h"

#include <chrono>

namespace ica {

/// Secrets in the system keychain through QtKeychain (Secret Service on Linux,
/// Keychain on macOS, Credential Manager on Windows). Keys are
/// "<profileId>/apiKey" and "<profileId>/accessToken" under one service name.
/// The insecure plain-text fallback of QtKeychain is always off: a secret is in
/// the keychain or nowhere. Use FallbackSecretStore to switch to memory when no
/// keychain answers.
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)
public:
    /// "ICA Tagger": the service name the app's secrets are filed under.
    [[nodiscard]] static QString defaultServiceName();

    /// `service` separates the app's entries from others (tests use their own).
    explicit KeychainSecretStore(const QString &service = defaultServiceName(),
                                 QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &profileId, SecretKind kind, Callback done) override;
    void write(const QString &profileId, SecretKind kind, const QString &secret,
               Callback done) override;
    void remove(const QString &profileId, Callback done) override;
    [[nodiscard]] bool isPersistent() const override { return true; }
    /// Reads an entry that does not exist: "not found" means the keychain works;
    /// no backend, a D-Bus failure or no answer within the probe timeout means it
    /// does not, and `reason` gives the keychain's own words.
    void probe(ProbeCallback done) override;
    /// How long probe() waits for an answer (default 10 s).
    void setProbeTimeout(std::chrono::milliseconds timeout) { m_probeTimeout = timeout; }
    [[nodiscard]] QString service() const { return m_service; }

private:
    void removeKey(const QString &key, const QString &what, Callback done);

    QString m_service;
    std::chrono::milliseconds m_probeTimeout{10000};
};

} // namespace ica
