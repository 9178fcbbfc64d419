#include "core/api/authenticator.h"

#include "core/api/apiclient.h"
#include "core/api/tokenapi.h"

#include <QCoreApplication>
#include <QNetworkRequest>

namespace ica {

StaticAuthenticator::StaticAuthenticator(Kind kind, const QString &secret, QObject *parent)
    : Authenticator(parent)
    , m_kind(kind)
    , m_secret(secret) {}

void StaticAuthenticator::ensureReady(const ReadyCallback &done) {
    if (m_secret.isEmpty()) {
        done(ApiError::usage(
            m_kind == Kind::ApiKey
                ? QCoreApplication::translate("ica::Authenticator", "No API key is set.")
                : QCoreApplication::translate("ica::Authenticator", "No access token is set.")));
        return;
    }
    done(ApiError());
}

void StaticAuthenticator::apply(QNetworkRequest &request) const {
    if (m_kind == Kind::ApiKey)
        request.setRawHeader("X-API-Key", m_secret.toUtf8());
    else
        request.setRawHeader("Authorization", "Bearer " + m_secret.toUtf8());
}

QDateTime StaticAuthenticator::expiresAt() const {
    if (m_kind != Kind::BearerToken)
        return {};
    const auto claims = JwtClaims::parse(m_secret);
    return claims ? claims->expiresAt : QDateTime();
}

TokenExchangeAuthenticator::TokenExchangeAuthenticator(ApiClient *client, const QString &apiKey,
                                                       QObject *parent)
    : Authenticator(parent)
    , m_client(client)
    , m_apiKey(apiKey) {}

bool TokenExchangeAuthenticator::tokenIsFresh() const {
    if (m_token.isEmpty())
        return false;
    if (!m_expiresAt.isValid())
        return true; // no exp claim: use it until the server says 401
    qint64 margin = m_renewMargin.count();
    if (m_issuedAt.isValid())
        margin = qMin(margin, m_issuedAt.secsTo(m_expiresAt) / 2);
    return QDateTime::currentDateTimeUtc().secsTo(m_expiresAt) > margin;
}

void TokenExchangeAuthenticator::ensureReady(const ReadyCallback &done) {
    if (tokenIsFresh()) {
        done(ApiError());
        return;
    }
    if (m_apiKey.isEmpty()) {
        done(ApiError::usage(
            QCoreApplication::translate("ica::Authenticator", "No API key is set.")));
        return;
    }
    if (!m_client) {
        done(ApiError::usage(QCoreApplication::translate("ica::Authenticator", "No API client.")));
        return;
    }
    m_waiters.append(done);
    if (m_exchanging)
        return; // one exchange serves every call waiting for it
    m_exchanging = true;
    TokenApi(m_client).createToken(m_apiKey, this, [this](const Result<Token> &result) {
        m_exchanging = false;
        if (!result.ok()) {
            finishWaiters(result.error);
            return;
        }
        const auto claims = JwtClaims::parse(result.value->token);
        if (!claims) {
            finishWaiters(ApiError::decode(
                200, QCoreApplication::translate("ica::Authenticator",
                                                 "token: the server's token is not "
                                                 "a JWT")));
            return;
        }
        m_token = result.value->token;
        m_issuedAt = QDateTime::currentDateTimeUtc();
        m_expiresAt = claims->expiresAt;
        m_tenantName = claims->tenantName;
        m_tenantId = claims->tenantId;
        Q_EMIT tokenChanged();
        finishWaiters(ApiError());
    });
}

void TokenExchangeAuthenticator::finishWaiters(const ApiError &error) {
    const QList<ReadyCallback> waiters = std::exchange(m_waiters, {});
    for (const ReadyCallback &waiter : waiters)
        waiter(error);
}

void TokenExchangeAuthenticator::apply(QNetworkRequest &request) const {
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
}

bool TokenExchangeAuthenticator::invalidate() {
    if (m_apiKey.isEmpty())
        return false;
    m_token.clear();
    m_expiresAt = {};
    return true;
}

} // namespace ica
