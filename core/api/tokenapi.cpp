#include "core/api/tokenapi.h"

namespace ica {

ApiCall *TokenApi::createToken(const QString &apiKey, QObject *context,
                               ResultCallback<Token> callback) {
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/tokens");
    request.authenticated = false; // the key below is the credential of this one call
    request.headers.append({QByteArrayLiteral("X-API-Key"), apiKey.toUtf8()});
    return deliver<Token>(m_client->send(std::move(request)), context, &decodeJson<Token>,
                          std::move(callback));
}

} // namespace ica
