#pragma once

#include "core/store/profile.h"
#include "core/store/secretstore.h"
#include "core/store/storeresult.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace ica {

class Session;
struct Icav2Import;

/// Changes to the list of profiles that also touch their secrets, so a profile and
/// its key are saved, copied and removed together: the plain fields through the
/// ProfileStore, the secrets through the session's SecretStore. Callbacks run later
/// on this object's thread and are dropped if it is destroyed first.
class ProfileActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileActions)
public:
    /// What an action did. `error` (nothing was changed, or only partly) and
    /// `warning` (done, but something needs attention) never contain a secret.
    struct Outcome {
        bool ok = false;
        Profile profile; ///< the profile as stored
        QString error;
        QString warning;
    };
    using Callback = std::function<void(const Outcome &outcome)>;

    explicit ProfileActions(Session *session, QObject *parent = nullptr);

    /// Adds `profile` (empty id) or updates it (known id). A non-empty `secret` is
    /// stored first for the profile's auth kind; an empty one keeps what is stored.
    /// Rebuilds the session's client when the current profile's secret changed.
    void save(Profile profile, const QString &secret, Callback done);
    /// Copies profile `id` as "NAME (copy)" and its secret through the store; when
    /// the secret cannot be read the copy is made without it and `warning` says so.
    void duplicate(const QString &id, Callback done);
    /// Removes profile `id` and every secret it has.
    void remove(const QString &id, Callback done);
    /// Makes profile `id` the default one (used at the next start).
    StoreResult<bool> setDefault(const QString &id);
    /// Adds the profile an icav2 import proposes (renamed if the name is taken) with
    /// the API key and access token it found.
    void importFromIcav2(const Icav2Import &found, Callback done);

private:
    /// Writes `secret` (if any) for `kind` of profile `id`, then runs `next` with
    /// the store's error sentence (empty on success).
    void writeSecret(const Profile &profile, SecretKind kind, const QString &secret,
                     std::function<void(const QString &error)> next);
    void answer(const Callback &done, Outcome outcome);
    [[nodiscard]] QString demoRefusal(const QString &id) const;

    QPointer<Session> m_session;
};

} // namespace ica
