#include "core/store/profile.h"

#include <QCoreApplication>
#include <QUuid>

namespace ica {

QString authKindToString(AuthKind kind) {
    switch (kind) {
    case AuthKind::ApiKeyExchange:
        return QStringLiteral("apiKeyExchange");
    case AuthKind::ApiKey:
        return QStringLiteral("apiKey");
    case AuthKind::AccessToken:
        return QStringLiteral("accessToken");
    }
    return QStringLiteral("apiKeyExchange");
}

std::optional<AuthKind> authKindFromString(const QString &text) {
    for (const AuthKind kind : {AuthKind::ApiKeyExchange, AuthKind::ApiKey, AuthKind::AccessToken})
        if (text == authKindToString(kind))
            return kind;
    return std::nullopt;
}

QString authKindLabel(AuthKind kind) {
    switch (kind) {
    case AuthKind::ApiKeyExchange:
        return QCoreApplication::translate("ica::Profile",
                                           "API key, exchanged for a token (recommended)");
    case AuthKind::ApiKey:
        return QCoreApplication::translate("ica::Profile", "API key, sent on every call");
    case AuthKind::AccessToken:
        return QCoreApplication::translate("ica::Profile", "Access token (JWT, expires)");
    }
    return {};
}

QString Profile::newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace ica
