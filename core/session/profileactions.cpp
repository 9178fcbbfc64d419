#include "core/session/profileactions.h"

#include "core/session/session.h"

#include "core/store/icav2configimporter.h"
#include "core/store/profilestore.h"

#include <QCoreApplication>
#include <QTimer>

namespace ica {

namespace {

ProfileActions::Outcome failure(const QString &error) {
    ProfileActions::Outcome outcome;
    outcome.error = error;
    return outcome;
}

ProfileActions::Outcome success(const Profile &profile, const QString &warning = {}) {
    return ProfileActions::Outcome{true, profile, QString(), warning};
}

} // namespace

ProfileActions::ProfileActions(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session) {
    Q_ASSERT(session);
}

void ProfileActions::answer(const Callback &done, Outcome outcome) {
    // Always later, like the secret store: callers never see a re-entrant callback.
    QTimer::singleShot(0, this, [done, outcome = std::move(outcome)] {
        if (done)
            done(outcome);
    });
}

QString ProfileActions::demoRefusal(const QString &id) const {
    const auto profile = m_session ? m_session->profile(id) : std::nullopt;
    if (profile && profile->demo && !m_session->profileStore()->byId(id))
        return QCoreApplication::translate(
            "ica::ProfileActions",
            "The demo profile is set up by --demo for this session and cannot "
            "be changed: add a profile of your own instead.");
    return {};
}

void ProfileActions::writeSecret(const Profile &profile, SecretKind kind, const QString &secret,
                                 std::function<void(const QString &error)> next) {
    if (secret.isEmpty()) {
        next(QString());
        return;
    }
    QPointer<ProfileActions> self(this);
    m_session->secretStoreFor(profile)->write(
        profile.id, kind, secret, [self, next = std::move(next)](const SecretResult &result) {
            if (self)
                next(result.ok() ? QString() : result.message);
        });
}

void ProfileActions::save(Profile profile, const QString &secret, Callback done) {
    if (!m_session)
        return;
    const bool adding = profile.id.isEmpty();
    if (const QString refusal = demoRefusal(profile.id); !adding && !refusal.isEmpty())
        return answer(done, failure(refusal));
    ProfileStore *store = m_session->profileStore();
    const std::optional<Profile> before = adding ? std::nullopt : store->byId(profile.id);
    if (!adding && !before)
        return answer(done, failure(QCoreApplication::translate(
                                "ica::ProfileActions", "This profile no longer exists (it may have "
                                                       "been removed): close the dialog and pick a "
                                                       "profile from the list again.")));
    if (const QString error = store->validate(profile, profile.id); !error.isEmpty())
        return answer(done, failure(error));
    if (adding)
        profile.id = Profile::newId(); // the secret is filed under it before the profile exists

    const QString key = secret.trimmed();
    writeSecret(profile, secretKindFor(profile.authKind), key,
                [this, profile, adding, before, key, done](const QString &secretError) {
                    if (!secretError.isEmpty())
                        return answer(done, failure(secretError));
                    ProfileStore *store = m_session->profileStore();
                    const StoreResult<Profile> saved =
                        adding ? store->add(profile) : store->update(profile);
                    if (!saved.ok()) {
                        if (adding && !key.isEmpty()) // leave no orphan secret behind
                            m_session->secretStoreFor(profile)->remove(profile.id, {});
                        return answer(done, failure(saved.error));
                    }
                    // A new server or auth kind makes the session reconnect by itself;
                    // a new secret alone does not.
                    if (!adding && !key.isEmpty() && before &&
                        before->serverUrl == saved.value.serverUrl &&
                        before->authKind == saved.value.authKind)
                        m_session->reloadSecret(saved.value.id);
                    answer(done, success(saved.value));
                });
}

void ProfileActions::duplicate(const QString &id, Callback done) {
    if (!m_session)
        return;
    if (const QString refusal = demoRefusal(id); !refusal.isEmpty())
        return answer(done, failure(refusal));
    const StoreResult<Profile> copy = m_session->profileStore()->duplicate(id);
    if (!copy.ok())
        return answer(done, failure(copy.error));
    const Profile profile = copy.value;
    const SecretKind kind = secretKindFor(profile.authKind);
    QPointer<ProfileActions> self(this);
    m_session->secretStoreFor(profile)->read(
        id, kind, [self, profile, kind, done](const SecretResult &read) {
            if (!self)
                return;
            const QString missing =
                QCoreApplication::translate("ica::ProfileActions",
                                            "The copy \"%1\" has no %2: edit it to enter one.")
                    .arg(profile.name, secretKindLabel(kind));
            if (!read.ok())
                return self->answer(done, success(profile, missing));
            self->writeSecret(
                profile, kind, read.secret, [self, profile, missing, done](const QString &error) {
                    self->answer(done, success(profile, error.isEmpty()
                                                            ? QString()
                                                            : missing + QLatin1Char(' ') + error));
                });
        });
}

void ProfileActions::remove(const QString &id, Callback done) {
    if (!m_session)
        return;
    if (const QString refusal = demoRefusal(id); !refusal.isEmpty())
        return answer(done, failure(refusal));
    const auto profile = m_session->profileStore()->byId(id);
    if (!profile)
        return answer(done, failure(QCoreApplication::translate("ica::ProfileActions",
                                                                "This profile no longer exists.")));
    const StoreResult<bool> removed = m_session->profileStore()->remove(id);
    if (!removed.ok())
        return answer(done, failure(removed.error));
    QPointer<ProfileActions> self(this);
    m_session->secretStoreFor(*profile)->remove(
        id, [self, profile, done](const SecretResult &result) {
            if (self)
                self->answer(done,
                             success(*profile, result.ok() ? QString()
                                                           : QCoreApplication::translate(
                                                                 "ica::ProfileActions",
                                                                 "The profile was removed, but its "
                                                                 "secrets could not be: %1")
                                                                 .arg(result.message)));
        });
}

StoreResult<bool> ProfileActions::setDefault(const QString &id) {
    if (!m_session)
        return StoreResult<bool>::failure(
            QCoreApplication::translate("ica::ProfileActions", "The session has ended."));
    if (const QString refusal = demoRefusal(id); !refusal.isEmpty())
        return StoreResult<bool>::failure(refusal);
    return m_session->profileStore()->setDefault(id);
}

void ProfileActions::importFromIcav2(const Icav2Import &found, Callback done) {
    if (!m_session)
        return;
    ProfileStore *store = m_session->profileStore();
    Profile profile = found.profile;
    profile.id = Profile::newId();
    profile.demo = false;
    const QString base =
        profile.name.trimmed().isEmpty() ? QStringLiteral("icav2") : profile.name.trimmed();
    profile.name = base;
    for (int n = 2; store->byName(profile.name); ++n)
        profile.name = QStringLiteral("%1 %2").arg(base).arg(n);
    if (const QString error = store->validate(profile); !error.isEmpty())
        return answer(done, failure(error));

    const QString apiKey = found.apiKey.trimmed();
    const QString token = found.accessToken.trimmed();
    writeSecret(profile, SecretKind::ApiKey, apiKey,
                [this, profile, token, done](const QString &keyError) {
                    if (!keyError.isEmpty())
                        return answer(done, failure(keyError));
                    writeSecret(profile, SecretKind::AccessToken, token,
                                [this, profile, done](const QString &tokenError) {
                                    if (!tokenError.isEmpty())
                                        return answer(done, failure(tokenError));
                                    const StoreResult<Profile> added =
                                        m_session->profileStore()->add(profile);
                                    if (!added.ok()) {
                                        m_session->secretStoreFor(profile)->remove(profile.id, {});
                                        return answer(done, failure(added.error));
                                    }
                                    answer(done, success(added.value));
                                });
                });
}

} // namespace ica
