#include "core/session/clientfactory.h"

#include "core/api/apiclient.h"
#include "core/api/authenticator.h"
#include "core/api/serverurl.h"
#include "core/domain/problem.h"

namespace ica {

QUrl profileServerUrl(const Profile &profile, QString *error) {
    return normalizeServerUrl(profile.serverUrl, error);
}

ApiClient *createClientFor(const Profile &profile, const QString &secret, QObject *parent,
                           QString *error) {
    const QUrl url = profileServerUrl(profile, error);
    if (!url.isValid())
        return nullptr;
    auto *client = new ApiClient(nullptr, parent);
    client->setServerUrl(url);
    // A key pasted from a web page often carries a trailing newline or space.
    const QString key = secret.trimmed();
    switch (profile.authKind) {
    case AuthKind::ApiKeyExchange:
        client->setAuthenticator(new TokenExchangeAuthenticator(client, key));
        break;
    case AuthKind::ApiKey:
        client->setAuthenticator(new StaticAuthenticator(StaticAuthenticator::Kind::ApiKey, key));
        break;
    case AuthKind::AccessToken:
        client->setAuthenticator(
            new StaticAuthenticator(StaticAuthenticator::Kind::BearerToken, key));
        break;
    }
    return client;
}

QDateTime accessTokenExpiry(const QString &jwt) {
    const auto claims = JwtClaims::parse(jwt.trimmed());
    return claims ? claims->expiresAt : QDateTime();
}

} // namespace ica
