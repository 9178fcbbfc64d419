#pragma once

#include "core/api/apiclient.h"
#include "core/api/apiresult.h"
#include "core/domain/problem.h"

namespace ica {

/// POST /api/tokens: exchanges an API key for a JWT.
class TokenApi final {
public:
    explicit TokenApi(ApiClient *client)
        : m_client(client) {}
    /// Sends `apiKey` as X-API-Key whatever the client's own authenticator is.
    ApiCall *createToken(const QString &apiKey, QObject *context, ResultCallback<Token> callback);

private:
    ApiClient *m_client;
};

} // namespace ica
