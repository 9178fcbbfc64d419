#include "core/session/session.h"

#include "core/session/clientfactory.h"
#include "core/session/tokenrenewer.h"

#include "core/api/apiclient.h"
#include "core/api/authenticator.h"
#include "core/diagnostics/statusnotices.h"
#include "core/store/profilestore.h"
#include "core/store/sessionsecretstore.h"

#include <QCoreApplication>
#include <QTimer>

namespace ica {

Session::Session(ProfileStore *profiles, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets) {
    init();
}

Session::Session(QSettings *settings, std::unique_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent)
    , m_profiles(new ProfileStore(settings, this))
    , m_secrets(secrets.release()) {
    m_secrets->setParent(this);
    init();
}

Session::~Session() {
    // Views are told first, while the client still exists.
    dropClient();
}

void Session::init() {
    Q_ASSERT(m_profiles && m_secrets);
    m_demoSecrets = new SessionSecretStore(this);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &Session::onProfilesChanged);
    // The keychain can go away mid-session (its service ended): say so where it is
    // seen, not only in the profile dialog, since secrets now last this session only.
    connect(m_secrets, &SecretStore::persistenceChanged, this, [this](bool persistent) {
        if (!persistent && !m_secrets->persistenceNote().isEmpty())
            StatusNotices::post(m_secrets->persistenceNote());
    });
}

SecretStore *Session::secretStoreFor(const Profile &profile) const {
    return profile.demo && m_demo && profile.id == m_demo->id ? m_demoSecrets : m_secrets;
}

QList<Profile> Session::profiles() const {
    QList<Profile> all = m_profiles->profiles();
    if (m_demo)
        all.append(*m_demo);
    return all;
}

std::optional<Profile> Session::profile(const QString &id) const {
    if (m_demo && m_demo->id == id)
        return m_demo;
    return m_profiles->byId(id);
}

QString Session::tenantName() const {
    if (!m_client)
        return {};
    if (const auto *exchange =
            qobject_cast<const TokenExchangeAuthenticator *>(m_client->authenticator()))
        return exchange->tenantName();
    return {};
}

void Session::setState(State state) {
    m_state = state;
}

void Session::setTokenExpiry(const QDateTime &expiresAt) {
    if (expiresAt == m_tokenExpiry)
        return;
    m_tokenExpiry = expiresAt;
    Q_EMIT tokenExpiryChanged(expiresAt);
}

void Session::dropClient() {
    if (!m_client)
        return;
    ApiClient *old = m_client;
    m_client = nullptr;
    old->disconnect(this);
    Q_EMIT clientChanged(nullptr);
    // Later: the views that were just told may still be inside a call on it.
    old->deleteLater();
}

bool Session::activateProfile(const QString &id) {
    const auto found = profile(id);
    if (!found) {
        StatusNotices::post(QCoreApplication::translate(
            "ica::Session", "That profile no longer exists: pick another one from the list."));
        return false;
    }
    const quint64 generation = ++m_generation;
    m_rejectionReported = false;
    dropClient();
    setTokenExpiry({});
    m_current = *found;
    setState(State::ReadingSecret);
    Q_EMIT currentProfileChanged(*found);

    const Profile profile = *found;
    QPointer<Session> self(this);
    secretStoreFor(profile)->read(profile.id, secretKindFor(profile.authKind),
                                  [self, generation, profile](const SecretResult &result) {
                                      if (self && generation == self->m_generation)
                                          self->finishActivation(profile, result);
                                  });
    return true;
}

bool Session::activateDefaultProfile() {
    const auto preferred = m_profiles->defaultProfile();
    return preferred && activateProfile(preferred->id);
}

void Session::deactivate() {
    ++m_generation;
    dropClient();
    setTokenExpiry({});
    setState(State::None);
    if (m_current) {
        m_current.reset();
        Q_EMIT currentProfileChanged(Profile());
    }
}

void Session::finishActivation(const Profile &profile, const SecretResult &result) {
    const QString label = secretKindLabel(secretKindFor(profile.authKind));
    if (!result.ok() || result.secret.trimmed().isEmpty()) {
        setState(State::SecretMissing);
        const QString reason =
            result.ok() || result.status == SecretResult::Status::NotFound
                ? QCoreApplication::translate(
                      "ica::Session",
                      "No %1 is stored for the profile \"%2\": enter it to connect.")
                      .arg(label, profile.name)
                : QCoreApplication::translate(
                      "ica::Session", "The %1 of the profile \"%2\" could not be read: %3 Enter it "
                                      "again to connect.")
                      .arg(label, profile.name, result.message);
        Q_EMIT secretMissing(profile, reason);
        StatusNotices::post(reason);
        return;
    }
    QString urlError;
    ApiClient *client = createClientFor(profile, result.secret, this, &urlError);
    if (!client) {
        setState(State::Unusable);
        StatusNotices::post(
            QCoreApplication::translate("ica::Session", "The profile \"%1\" cannot be used: %2")
                .arg(profile.name, urlError));
        return;
    }
    m_client = client;
    connect(client, &ApiClient::unauthorized, this, &Session::onUnauthorized);
    Authenticator *auth = client->authenticator();
    if (auto *exchange = qobject_cast<TokenExchangeAuthenticator *>(auth)) {
        // The guards drop what a dropped client (or its exchange still in flight) says.
        connect(exchange, &Authenticator::tokenChanged, this, [this, client, exchange] {
            if (m_client == client)
                setTokenExpiry(exchange->expiresAt());
        });
        // A child of the client: it goes when the client goes.
        auto *renewer = new TokenRenewer(exchange, std::chrono::seconds(300), client);
        connect(renewer, &TokenRenewer::renewalFailed, this, [this, client](const ApiError &error) {
            if (m_client != client)
                return;
            if (error.kind == ApiError::Kind::Http &&
                (error.httpStatus == 401 || error.httpStatus == 403))
                onUnauthorized(error);
            else
                StatusNotices::post(
                    QCoreApplication::translate("ica::Session", "Could not get a token from %1: %2")
                        .arg(m_client ? m_client->serverUrl().host() : QString(),
                             error.toString()));
        });
        setState(State::Ready);
        Q_EMIT clientChanged(client);
        renewer->start();
    } else {
        setState(State::Ready);
        Q_EMIT clientChanged(client);
        setTokenExpiry(auth ? auth->expiresAt() : QDateTime());
    }
    StatusNotices::post(
        QCoreApplication::translate("ica::Session", "Using the profile \"%1\".").arg(profile.name));
}

void Session::onUnauthorized(const ApiError &error) {
    if (!m_current)
        return;
    const QString label = secretKindLabel(secretKindFor(m_current->authKind));
    if (m_current->authKind == AuthKind::AccessToken)
        reportRejected(QCoreApplication::translate(
                           "ica::Session", "The server refused the access token of the profile "
                                           "\"%1\" (%2); it may have expired: paste a new one.")
                           .arg(m_current->name, error.toString()));
    else
        reportRejected(QCoreApplication::translate(
                           "ica::Session", "The server refused the %1 of the profile \"%2\" (%3): "
                                           "enter a valid one.")
                           .arg(label, m_current->name, error.toString()));
}

void Session::reportRejected(const QString &reason) {
    // One prompt per activation: every call in flight may be refused the same way.
    if (m_rejectionReported || !m_current)
        return;
    m_rejectionReported = true;
    Q_EMIT secretMissing(*m_current, reason);
    StatusNotices::post(reason);
}

void Session::requestSecret(const QString &reason) {
    if (m_current)
        Q_EMIT secretMissing(*m_current, reason);
}

void Session::onProfilesChanged() {
    Q_EMIT profilesChanged();
    if (!m_current || (m_demo && m_current->id == m_demo->id))
        return;
    const auto stored = m_profiles->byId(m_current->id);
    if (!stored) {
        // The current profile was removed: carry on with the default, if any.
        if (!activateDefaultProfile())
            deactivate();
    } else if (stored->serverUrl != m_current->serverUrl ||
               stored->authKind != m_current->authKind) {
        activateProfile(stored->id); // another server or another secret: a new client
    } else if (*stored != *m_current) {
        m_current = *stored;
        Q_EMIT currentProfileChanged(*stored);
    }
}

Profile Session::addDemoProfile(const QUrl &baseUrl, const QString &apiKey) {
    Profile demo = m_demo.value_or(Profile());
    // A fixed id: the demo's history and drafts (kept in its own data folder) belong to
    // "the demo profile" across restarts.
    demo.id = QStringLiteral("00000000-0000-4000-8000-00000000de70");
    demo.name = QStringLiteral("Demo");
    demo.serverUrl = baseUrl.toString();
    demo.authKind = AuthKind::ApiKeyExchange;
    demo.tenantName.clear();
    demo.demo = true;
    demo.isDefault = false;
    m_demo = demo;
    // Memory only: the session store answers in order, so an activation that
    // follows reads this key.
    m_demoSecrets->write(demo.id, SecretKind::ApiKey, apiKey, {});
    Q_EMIT profilesChanged();
    if (m_current && m_current->id == demo.id)
        activateProfile(demo.id);
    return demo;
}

ConnectionTest *Session::testConnection(const Profile &profile, const QString &secret,
                                        QObject *context, ConnectionTest::Callback done) {
    return new ConnectionTest(profile, secret,
                              profile.id.isEmpty() ? nullptr : secretStoreFor(profile),
                              std::move(done), context ? context : this);
}

void Session::setSecret(const QString &profileId, const QString &secret,
                        SecretStore::Callback done) {
    const auto found = profile(profileId);
    if (!found) {
        QTimer::singleShot(0, this, [done] {
            if (done)
                done(SecretResult::error(SecretResult::Status::Failed,
                                         QCoreApplication::translate(
                                             "ica::Session", "That profile no longer exists: pick "
                                                             "another one from the list.")));
        });
        return;
    }
    QPointer<Session> self(this);
    secretStoreFor(*found)->write(profileId, secretKindFor(found->authKind), secret.trimmed(),
                                  [self, profileId, done](const SecretResult &result) {
                                      if (self && result.ok())
                                          self->reloadSecret(profileId);
                                      if (done)
                                          done(result);
                                  });
}

void Session::reloadSecret(const QString &profileId) {
    if (m_current && m_current->id == profileId)
        activateProfile(profileId);
}

} // namespace ica
