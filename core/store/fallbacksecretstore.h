#pragma once

#include "core/store/secretstore.h"

#include <QList>

#include <memory>

namespace ica {

class SessionSecretStore;

/// Uses `primary` (the system keychain) when it answers, else a SessionSecretStore.
/// It probes the primary once at construction; calls made meanwhile wait for the
/// answer. If the primary later reports itself unavailable (the keychain service
/// went away), it switches to memory then and repeats that call there. Each switch
/// emits persistenceChanged(false), and persistenceNote() says, in a sentence the
/// profile dialog can show, that the secret is kept for this session only.
class FallbackSecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FallbackSecretStore)
public:
    /// Takes ownership of `primary` and starts the probe.
    explicit FallbackSecretStore(std::unique_ptr<SecretStore> primary, QObject *parent = nullptr);
    ~FallbackSecretStore() override;

    /// The app's store: the system keychain under `service` (empty: "ICA Tagger"),
    /// with memory as the fallback.
    [[nodiscard]] static std::unique_ptr<FallbackSecretStore>
    overSystemKeychain(const QString &service = {});

    /// "No system keychain is available (REASON); the secret is kept for this
    /// session only and you will be asked again next time."
    [[nodiscard]] static QString noKeychainNote(const QString &reason);

    void read(const QString &profileId, SecretKind kind, Callback done) override;
    void write(const QString &profileId, SecretKind kind, const QString &secret,
               Callback done) override;
    void remove(const QString &profileId, Callback done) override;
    /// True while the probe runs (optimistic) and while the keychain is in use.
    [[nodiscard]] bool isPersistent() const override { return m_state != State::Session; }
    [[nodiscard]] QString persistenceNote() const override { return m_note; }
    /// Answers once the startup probe is done: available means persistent.
    void probe(ProbeCallback done) override;
    /// True until the startup probe answered.
    [[nodiscard]] bool isProbing() const { return m_state == State::Probing; }

private:
    enum class State { Probing, Primary, Session };
    using Operation = std::function<void(SecretStore &store, Callback done)>;

    /// Runs `op` on the store in use; on Unavailable from the primary, switches
    /// and runs it again in memory.
    void run(Operation op, Callback done);
    void switchToSession(const QString &reason);
    void finishProbe(bool available, const QString &reason);

    SecretStore *m_primary;
    SessionSecretStore *m_session = nullptr;
    State m_state = State::Probing;
    QString m_note;
    QList<std::function<void()>> m_waiting; // calls made while probing
};

} // namespace ica
