#pragma once

#include "core/api/apierror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkRequest;

namespace ica {

/// Supplies the credentials of every call in one place. ApiClient asks it to get
/// ready (which may take a network call, as the token exchange does), then to put
/// its header on the request; after a 401 it may drop what it cached and try once
/// more. Implementations never log or show a secret.
class Authenticator : public QObject {
    Q_OBJECT
public:
    using ReadyCallback = std::function<void(const ApiError &error)>;

    using QObject::QObject;
    /// Calls `done` (maybe at once) when apply() can be used; with an error otherwise.
    virtual void ensureReady(const ReadyCallback &done) = 0;
    /// Adds the auth header (X-API-Key or Authorization: Bearer).
    virtual void apply(QNetworkRequest &request) const = 0;
    /// A call was refused with 401. Returns true when another try may succeed
    /// (cached token dropped, a fresh one will be fetched by ensureReady()).
    virtual bool invalidate() { return false; }
    /// When the current token expires; invalid when unknown or not a token.
    [[nodiscard]] virtual QDateTime expiresAt() const { return {}; }

Q_SIGNALS:
    /// The token changed (new expiry), for the status bar.
    void tokenChanged();
};

/// A fixed API key (X-API-Key on every call) or a fixed JWT (Bearer).
class StaticAuthenticator final : public Authenticator {
    Q_OBJECT
public:
    enum class Kind { ApiKey, BearerToken };
    StaticAuthenticator(Kind kind, const QString &secret, QObject *parent = nullptr);

    void ensureReady(const ReadyCallback &done) override;
    void apply(QNetworkRequest &request) const override;
    [[nodiscard]] QDateTime expiresAt() const override;

private:
    Kind m_kind;
    QString m_secret;
};

class ApiClient;

/// The way ICA recommends: exchange the API key once at POST /api/tokens and send
/// the JWT. A JWT minted from an API key cannot be refreshed with tokens:refresh, so
/// the key is exchanged again shortly before `exp` and once after a 401.
class TokenExchangeAuthenticator final : public Authenticator {
    Q_OBJECT
public:
    /// `client` makes the exchange call (unauthenticated, with the key as X-API-Key).
    TokenExchangeAuthenticator(ApiClient *client, const QString &apiKey, QObject *parent = nullptr);

    void ensureReady(const ReadyCallback &done) override;
    void apply(QNetworkRequest &request) const override;
    bool invalidate() override;
    [[nodiscard]] QDateTime expiresAt() const override { return m_expiresAt; }
    /// How long before `exp` a new token is fetched (default 5 minutes, capped at
    /// half the token's lifetime).
    void setRenewMargin(std::chrono::seconds margin) { m_renewMargin = margin; }
    /// Tenant name and id from the token's claims, once one was fetched.
    [[nodiscard]] QString tenantName() const { return m_tenantName; }
    [[nodiscard]] QString tenantId() const { return m_tenantId; }

private:
    [[nodiscard]] bool tokenIsFresh() const;
    void finishWaiters(const ApiError &error);

    QPointer<ApiClient> m_client;
    QString m_apiKey;
    QString m_token;
    QDateTime m_issuedAt;
    QDateTime m_expiresAt;
    QString m_tenantName;
    QString m_tenantId;
    std::chrono::seconds m_renewMargin{300};
    bool m_exchanging = false;
    QList<ReadyCallback> m_waiters;
};

} // namespace ica
