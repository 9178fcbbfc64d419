#include "simulator/authenticator.h"

#include "simulator/jsonwriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace ica::sim {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= uchar(a[i]) ^ uchar(b[i]);
    return diff == 0;
}

bool isBase64Url(const QByteArray &part) {
    if (part.isEmpty())
        return false;
    for (const char c : part) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    }
    return true;
}

} // namespace

Authenticator::Authenticator(QStringList apiKeys, int tokenLifetimeSeconds, Identity identity,
                             QByteArray secret)
    : m_apiKeys(std::move(apiKeys))
    , m_lifetime(qMax(1, tokenLifetimeSeconds))
    , m_identity(std::move(identity))
    , m_secret(std::move(secret)) {}

QString Authenticator::defaultApiKey(quint64 seed) {
    const QByteArray input = QByteArrayLiteral("ica-sim demo api key ") + QByteArray::number(seed);
    const QByteArray digest = QCryptographicHash::hash(input, QCryptographicHash::Sha256);
    return QStringLiteral("icasim_") + QString::fromLatin1(digest.left(16).toHex());
}

bool Authenticator::isValidApiKey(const QByteArray &key) const {
    bool valid = false;
    for (const QString &accepted : m_apiKeys)
        valid |= constantTimeEquals(accepted.toUtf8(), key);
    return valid;
}

void Authenticator::authenticate(const ApiRequest &request, bool apiKeyOnly) const {
    const bool hasKey = request.hasHeader(QByteArrayLiteral("x-api-key"));
    const QByteArray authorization = request.header(QByteArrayLiteral("authorization")).trimmed();
    if (hasKey) {
        if (!isValidApiKey(request.header(QByteArrayLiteral("x-api-key")).trimmed()))
            throw ApiError::unauthorized(QStringLiteral("The API key is not valid."));
        return;
    }
    if (apiKeyOnly)
        throw ApiError::unauthorized(
            QStringLiteral("This call needs an API key in the X-API-Key header."));
    if (authorization.isEmpty())
        throw ApiError::unauthorized(QStringLiteral(
            "No credentials: send an X-API-Key header or an Authorization: Bearer JWT."));
    if (!authorization.toLower().startsWith("bearer "))
        throw ApiError::unauthorized(
            QStringLiteral("Unsupported authorization scheme: use Bearer with a JWT."));
    switch (verifyToken(authorization.mid(7).trimmed(), QDateTime::currentSecsSinceEpoch())) {
    case TokenCheck::Valid:
        return;
    case TokenCheck::Malformed:
        throw ApiError::unauthorized(QStringLiteral("The bearer token is not a valid JWT."));
    case TokenCheck::BadSignature:
        throw ApiError::unauthorized(QStringLiteral("The JWT signature is not valid."));
    case TokenCheck::Expired:
        throw ApiError::unauthorized(QStringLiteral("The JWT has expired."));
    }
}

QByteArray Authenticator::issueToken() const {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray header = QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    JsonWriter payload;
    payload.beginObject();
    payload.field("sub", m_identity.userId);
    payload.field("iss", QLatin1String("ica-simulator"));
    payload.field("iat", now);
    payload.field("exp", now + m_lifetime);
    payload.field("tid", m_identity.tenantId);
    payload.field("tns", m_identity.tenantName);
    payload.field("email", m_identity.email);
    payload.endObject();
    const QByteArray signingInput =
        QByteArray(header.toBase64(kBase64Url) + '.' + payload.data().toBase64(kBase64Url));
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    return QByteArray(signingInput + '.' + signature.toBase64(kBase64Url));
}

Authenticator::TokenCheck Authenticator::verifyToken(const QByteArray &jwt,
                                                     qint64 nowSeconds) const {
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3 || !isBase64Url(parts[0]) || !isBase64Url(parts[1]) ||
        !isBase64Url(parts[2]))
        return TokenCheck::Malformed;
    const QJsonDocument header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], kBase64Url));
    const QJsonDocument payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], kBase64Url));
    if (!header.isObject() || !payload.isObject() ||
        header.object().value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return TokenCheck::Malformed;
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    const QByteArray expected =
        QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    if (!constantTimeEquals(expected, QByteArray::fromBase64(parts[2], kBase64Url)))
        return TokenCheck::BadSignature;
    const QJsonValue exp = payload.object().value(QLatin1String("exp"));
    if (!exp.isDouble())
        return TokenCheck::Malformed;
    if (nowSeconds >= qint64(exp.toDouble()))
        return TokenCheck::Expired;
    return TokenCheck::Valid;
}

} // namespace ica::sim
