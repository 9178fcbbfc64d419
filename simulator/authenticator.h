#pragma once

#include "simulator/apimessage.h"
#include "simulator/uuid.h"

#include <QByteArray>
#include <QStringList>

namespace ica::sim {

/// Checks credentials and issues JWTs the way ICA does: X-API-Key on any call,
/// or "Authorization: Bearer <jwt>" where the JWT came from POST /api/tokens.
/// JWTs are real HS256 tokens signed with a per-instance secret; their expiry follows the
/// real wall clock, not simulated time. Nothing here ever puts a key or token in a message.
class Authenticator {
public:
    struct Identity {
        Uuid tenantId;
        QString tenantName;
        Uuid userId;
        QString email;
    };

    Authenticator(QStringList apiKeys, int tokenLifetimeSeconds, Identity identity,
                  QByteArray secret);

    /// The API key derived from a seed when none is configured.
    static QString defaultApiKey(quint64 seed);

    /// Accepts a valid X-API-Key, or (unless apiKeyOnly) a valid Bearer JWT;
    /// throws ApiError (401) otherwise.
    void authenticate(const ApiRequest &request, bool apiKeyOnly) const;

    /// A new JWT for the tenant's user, valid for the configured lifetime from now.
    QByteArray issueToken() const;

    enum class TokenCheck { Valid, Malformed, BadSignature, Expired };
    /// Verifies a JWT against the secret and the real clock (seconds since the epoch).
    TokenCheck verifyToken(const QByteArray &jwt, qint64 nowSeconds) const;

    const QStringList &apiKeys() const { return m_apiKeys; }
    int tokenLifetimeSeconds() const { return m_lifetime; }

private:
    bool isValidApiKey(const QByteArray &key) const;

    QStringList m_apiKeys;
    int m_lifetime;
    Identity m_identity;
    QByteArray m_secret;
};

} // namespace ica::sim
