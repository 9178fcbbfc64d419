#pragma once

#include "core/domain/decodecontext.h"

#include <QDateTime>
#include <QMap>

namespace ica {

/// An RFC 7807 problem as ICA sends it with application/problem+json (schema Problem).
struct Problem {
    QString id;
    QString type;
    QString title;
    int status = 0;
    QString detail;
    QString instance;
    QMap<QString, QString> parameters;
    QDateTime timestamp;

    static Problem fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Problem &a, const Problem &b);
};

/// The answer of POST /api/tokens (schema Token).
struct Token {
    QString token;

    static Token fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Token &a, const Token &b) { return a.token == b.token; }
};

/// The claims of a JWT this client reads. The signature is not checked: the server
/// does that; the client only needs to know when to get a new token and for whom.
struct JwtClaims {
    QDateTime expiresAt; // from exp
    QString tenantId;    // from tid
    QString tenantName;  // from tns
    QString subject;     // from sub

    /// Decodes the payload of a three-part JWT; nullopt when it is not one.
    static std::optional<JwtClaims> parse(const QString &jwt);
};

} // namespace ica
