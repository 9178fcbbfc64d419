#include "core/store/sessionsecretstore.h"

#include <QCoreApplication>
#include <QTimer>

namespace ica {

namespace {

QString keyOf(const QString &profileId, SecretKind kind) {
    return profileId + QLatin1Char('/') + secretKindKey(kind);
}

} // namespace

SessionSecretStore::SessionSecretStore(QObject *parent)
    : SecretStore(parent) {}

SessionSecretStore::~SessionSecretStore() {
    // Overwrite before freeing: a small courtesy, since QString may be copied elsewhere.
    for (QString &secret : m_secrets)
        secret.fill(QLatin1Char('\0'));
}

QString SessionSecretStore::persistenceNote() const {
    return QCoreApplication::translate(
        "ica::SessionSecretStore",
        "Secrets are kept for this session only; you will be asked again next "
        "time.");
}

void SessionSecretStore::answer(Callback done, const SecretResult &result) {
    // Always later, as a keychain would: callers never see a re-entrant callback.
    QTimer::singleShot(0, this, [done = std::move(done), result] {
        if (done)
            done(result);
    });
}

void SessionSecretStore::read(const QString &profileId, SecretKind kind, Callback done) {
    const auto it = m_secrets.constFind(keyOf(profileId, kind));
    if (it == m_secrets.cend())
        answer(std::move(done), SecretResult::error(SecretResult::Status::NotFound,
                                                    QCoreApplication::translate(
                                                        "ica::SessionSecretStore",
                                                        "No %1 is stored for this profile in this "
                                                        "session.")
                                                        .arg(secretKindLabel(kind))));
    else
        answer(std::move(done), SecretResult::success(*it));
}

void SessionSecretStore::write(const QString &profileId, SecretKind kind, const QString &secret,
                               Callback done) {
    if (secret.isEmpty())
        m_secrets.remove(keyOf(profileId, kind));
    else
        m_secrets.insert(keyOf(profileId, kind), secret);
    answer(std::move(done), SecretResult::success());
}

void SessionSecretStore::remove(const QString &profileId, Callback done) {
    for (const SecretKind kind : {SecretKind::ApiKey, SecretKind::AccessToken})
        m_secrets.remove(keyOf(profileId, kind));
    answer(std::move(done), SecretResult::success());
}

} // namespace ica
