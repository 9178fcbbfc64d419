#include "core/domain/problem.h"
#include "core/domain/jsonlimits.h"

#include <QByteArray>
#include <QJsonDocument>

namespace ica {

Problem Problem::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    Problem p;
    // Lenient on purpose: a problem is read while something already went wrong, so
    // whatever the server sent is kept; only type mismatches are reported.
    p.id = ctx.optionalString(o, QLatin1String("id"));
    p.type = ctx.optionalString(o, QLatin1String("type"));
    p.title = ctx.optionalString(o, QLatin1String("title"));
    p.status = int(ctx.optionalInt(o, QLatin1String("status"), 0, 999).value_or(0));
    p.detail = ctx.optionalString(o, QLatin1String("detail"));
    p.instance = ctx.optionalString(o, QLatin1String("instance"));
    p.timestamp = ctx.optionalDateTime(o, QLatin1String("timestamp"));
    const QJsonObject parameters = ctx.optionalObject(o, QLatin1String("parameters"));
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        // Values are strings in the spec; anything else is shown as compact JSON.
        if (it->isString())
            p.parameters.insert(it.key(), it->toString());
        else
            p.parameters.insert(
                it.key(),
                QString::fromUtf8(QJsonDocument(QJsonArray{*it}).toJson(QJsonDocument::Compact))
                    .mid(1)
                    .chopped(1));
    }
    return p;
}

QJsonObject Problem::toJson() const {
    QJsonObject params;
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        params.insert(it.key(), it.value());
    QJsonObject o{{QStringLiteral("type"), type.isEmpty() ? QStringLiteral("about:blank") : type},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("parameters"), params}};
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    if (!instance.isEmpty())
        o.insert(QStringLiteral("instance"), instance);
    if (timestamp.isValid())
        o.insert(QStringLiteral("timestamp"), formatDateTime(timestamp));
    return o;
}

bool operator==(const Problem &a, const Problem &b) {
    return a.id == b.id && a.type == b.type && a.title == b.title && a.status == b.status &&
           a.detail == b.detail && a.instance == b.instance && a.parameters == b.parameters &&
           a.timestamp == b.timestamp;
}

Token Token::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    return Token{ctx.requiredString(o, QLatin1String("token"))};
}

QJsonObject Token::toJson() const {
    return QJsonObject{{QStringLiteral("token"), token}};
}

std::optional<JwtClaims> JwtClaims::parse(const QString &jwt) {
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!decoded)
        return std::nullopt;
    // The payload is outside input too: it gets the same limits as any answer body.
    QJsonObject payload;
    JsonIssue issue;
    if (!parseJsonObject(*decoded, &payload, &issue))
        return std::nullopt;
    JwtClaims claims;
    const QJsonValue exp = payload.value(QLatin1String("exp"));
    // Seconds up to the year 9999; anything else (a fraction, 1e300, -5) is no expiry
    // this client can use, as if exp were absent.
    constexpr double maxExp = 253402300799.0;
    if (exp.isDouble() && exp.toDouble() >= 0 && exp.toDouble() <= maxExp)
        claims.expiresAt = QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
    claims.tenantId = payload.value(QLatin1String("tid")).toString();
    claims.tenantName = payload.value(QLatin1String("tns")).toString();
    claims.subject = payload.value(QLatin1String("sub")).toString();
    return claims;
}

} // namespace ica
