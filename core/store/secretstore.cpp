#include "core/store/secretstore.h"

#include <QCoreApplication>
#include <QTimer>

namespace ica {

QString secretKindKey(SecretKind kind) {
    return kind == SecretKind::ApiKey ? QStringLiteral("apiKey") : QStringLiteral("accessToken");
}

QString secretKindLabel(SecretKind kind) {
    return kind == SecretKind::ApiKey
               ? QCoreApplication::translate("ica::SecretStore", "API key")
               : QCoreApplication::translate("ica::SecretStore", "access token");
}

SecretKind secretKindFor(AuthKind kind) {
    return kind == AuthKind::AccessToken ? SecretKind::AccessToken : SecretKind::ApiKey;
}

QString withoutSecret(QString message, const QString &secret) {
    if (!secret.isEmpty())
        message.replace(secret, QStringLiteral("[hidden]"));
    return message;
}

void SecretStore::probe(ProbeCallback done) {
    QTimer::singleShot(0, this, [done = std::move(done)] {
        if (done)
            done(true, QString());
    });
}

} // namespace ica
