#pragma once

#include "core/store/profile.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ica {

/// The secrets a profile may hold.
enum class SecretKind { ApiKey, AccessToken };

/// The key suffix, "apiKey" or "accessToken" (keychain key "<profileId>/apiKey").
[[nodiscard]] QString secretKindKey(SecretKind kind);
/// "API key" or "access token", for messages.
[[nodiscard]] QString secretKindLabel(SecretKind kind);
/// The secret a profile with this auth kind needs.
[[nodiscard]] SecretKind secretKindFor(AuthKind kind);
/// `message` with every occurrence of `secret` masked: a last guard so no error
/// text built from a backend's words can carry the secret it was given.
[[nodiscard]] QString withoutSecret(QString message, const QString &secret);

/// The outcome of one secret operation. `message` says what went wrong in a
/// sentence for the user and never contains a secret.
struct SecretResult {
    enum class Status {
        Ok,          ///< done; for read, `secret` holds the value
        NotFound,    ///< read only: nothing stored for this profile and kind
        Unavailable, ///< the store cannot be reached (no keychain service)
        Failed,      ///< the store answered with an error (access denied, ...)
    };
    Status status = Status::Ok;
    QString secret;
    QString message; ///< the whole sentence for the user
    QString detail;  ///< the backend's own words, when it gave any

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
    static SecretResult success(const QString &secret = {}) { return {Status::Ok, secret, {}, {}}; }
    static SecretResult error(Status status, const QString &message) {
        return {status, QString(), message, QString()};
    }
};

/// Where API keys and tokens live, keyed by profile id and kind. Every call is
/// asynchronous: `done` runs later on the store's thread, never inside the call,
/// and not at all if the store is destroyed first. `done` may be empty.
/// Implementations never write a secret to settings, files, logs or messages.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &result)>;
    using ProbeCallback = std::function<void(bool available, const QString &reason)>;

    using QObject::QObject;

    virtual void read(const QString &profileId, SecretKind kind, Callback done) = 0;
    /// Stores `secret`; an empty `secret` removes that one kind.
    virtual void write(const QString &profileId, SecretKind kind, const QString &secret,
                       Callback done) = 0;
    /// Removes every secret of the profile; removing what is not there succeeds.
    virtual void remove(const QString &profileId, Callback done) = 0;
    /// True when secrets outlive this session (a system keychain).
    [[nodiscard]] virtual bool isPersistent() const = 0;
    /// When not persistent: a sentence the profile dialog shows; empty otherwise.
    [[nodiscard]] virtual QString persistenceNote() const { return {}; }
    /// Checks once whether the backing service answers; `reason` says why not.
    /// The default says "available".
    virtual void probe(ProbeCallback done);

Q_SIGNALS:
    /// isPersistent() is known or changed (FallbackSecretStore after its probe).
    void persistenceChanged(bool persistent);
};

} // namespace ica
