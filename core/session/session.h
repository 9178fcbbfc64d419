#pragma once

#include "core/session/connectiontest.h"

#include "core/api/apiclient.h" // complete: clientChanged() carries an ApiClient*
#include "core/api/apierror.h"
#include "core/store/profile.h"
#include "core/store/secretstore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QSettings;

namespace ica {

class ProfileStore;
class SessionSecretStore;

/// The connection the whole app works through: the profiles, their secrets, the
/// current profile and the ApiClient built for it. Every view takes its client
/// from clientChanged(), so activating another profile re-targets them all.
///
/// Secrets are read asynchronously from the SecretStore (the system keychain in
/// the app); they go into the client's authenticator and nowhere else. The demo
/// profile (--demo) lives in memory only: neither it nor its key reach the
/// settings or the keychain.
class Session final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)
public:
    /// Where the current profile stands.
    enum class State {
        None,          ///< no profile is active
        ReadingSecret, ///< waiting for the secret store
        Ready,         ///< client() is usable
        SecretMissing, ///< the secret could not be read: the UI asks for it
        Unusable,      ///< the profile cannot be used as stored (bad server URL)
    };
    Q_ENUM(State)

    /// Uses `profiles` and `secrets`, which must outlive the session.
    Session(ProfileStore *profiles, SecretStore *secrets, QObject *parent = nullptr);
    /// Owns a ProfileStore over `settings` (which must outlive the session) and
    /// `secrets` (the app passes FallbackSecretStore::overSystemKeychain()).
    Session(QSettings *settings, std::unique_ptr<SecretStore> secrets, QObject *parent = nullptr);
    ~Session() override;

    [[nodiscard]] ProfileStore *profileStore() const { return m_profiles; }
    /// The store of the saved profiles' secrets (the keychain, or memory as fallback).
    [[nodiscard]] SecretStore *secretStore() const { return m_secrets; }
    /// Where `profile`'s secret lives: memory for the demo profile, else secretStore().
    [[nodiscard]] SecretStore *secretStoreFor(const Profile &profile) const;

    /// The stored profiles, then the demo profile when there is one.
    [[nodiscard]] QList<Profile> profiles() const;
    [[nodiscard]] std::optional<Profile> profile(const QString &id) const;

    [[nodiscard]] std::optional<Profile> currentProfile() const { return m_current; }
    [[nodiscard]] State state() const { return m_state; }
    /// The client of the current profile; null while none is active, the secret is
    /// being read or is missing. Owned by the session; valid until clientChanged().
    [[nodiscard]] ApiClient *client() const { return m_client; }
    /// When the current token expires: the exchanged JWT's exp (ApiKeyExchange),
    /// the pasted JWT's exp (AccessToken); invalid otherwise or while not known.
    [[nodiscard]] QDateTime tokenExpiry() const { return m_tokenExpiry; }
    /// The tenant the current token was issued for (tns claim), once known.
    [[nodiscard]] QString tenantName() const;

    /// Makes `id` the current profile: drops the old client at once, reads the
    /// secret, then emits clientChanged() with the new client (or secretMissing()).
    /// False when there is no such profile.
    bool activateProfile(const QString &id);
    /// Activates the default profile; false when there is none.
    bool activateDefaultProfile();
    /// No profile: drops the client.
    void deactivate();

    /// Adds (or re-targets) the in-memory profile "Demo" (demo = true, ApiKeyExchange)
    /// for the in-process simulator at `baseUrl`; `apiKey` is kept in session memory
    /// only. Does not activate it.
    Profile addDemoProfile(const QUrl &baseUrl, const QString &apiKey);

    /// Tests `profile` with `secret` (empty: the stored one) by one real call; see
    /// ConnectionTest. `context` (usually the asking dialog) owns the test, so the
    /// callback never outlives it. Cancel through the returned object.
    ConnectionTest *testConnection(const Profile &profile, const QString &secret, QObject *context,
                                   ConnectionTest::Callback done);

    /// Stores `secret` for `profileId` in its store (memory for the demo), then
    /// rebuilds the client if that profile is current. `done` may be empty.
    void setSecret(const QString &profileId, const QString &secret, SecretStore::Callback done);
    /// The secret of `profileId` changed in the store: rebuild the client if current.
    void reloadSecret(const QString &profileId);
    /// Asks the UI for a new secret for the current profile (emits secretMissing());
    /// used by the token status label when a pasted token has expired.
    void requestSecret(const QString &reason);

Q_SIGNALS:
    /// The list of profiles, a field, or the default changed.
    void profilesChanged();
    /// The current profile changed, or its plain fields did; an empty id: none.
    void currentProfileChanged(const ica::Profile &profile);
    /// client() changed: a new client, or null (none active, secret missing).
    void clientChanged(ica::ApiClient *client);
    /// tokenExpiry() changed (a new token was fetched, another profile is current).
    void tokenExpiryChanged(const QDateTime &expiresAt);
    /// The secret of `profile` could not be read or is no longer accepted; `reason`
    /// says why in a sentence (never the secret). The UI asks for it.
    void secretMissing(const ica::Profile &profile, const QString &reason);

private:
    void init();
    void setState(State state);
    void finishActivation(const Profile &profile, const SecretResult &result);
    void dropClient();
    void setTokenExpiry(const QDateTime &expiresAt);
    void onProfilesChanged();
    void onUnauthorized(const ApiError &error);
    void reportRejected(const QString &reason);

    ProfileStore *m_profiles = nullptr;
    SecretStore *m_secrets = nullptr;
    SessionSecretStore *m_demoSecrets = nullptr;
    std::optional<Profile> m_demo;
    std::optional<Profile> m_current;
    State m_state = State::None;
    QPointer<ApiClient> m_client;
    QDateTime m_tokenExpiry;
    quint64 m_generation = 0; // an activation's answers are dropped once another started
    bool m_rejectionReported = false;
};

} // namespace ica
