#pragma once

#include "core/api/serverurl.h"

#include <QString>

#include <optional>

namespace ica {

/// How a profile authenticates against ICA.
enum class AuthKind {
    ApiKeyExchange, ///< API key exchanged for a JWT at POST /api/tokens (recommended)
    ApiKey,         ///< API key sent as X-API-Key on every call
    AccessToken,    ///< a pasted JWT, sent as Bearer until it expires
};

/// The stable spelling kept in settings: "apiKeyExchange", "apiKey", "accessToken".
[[nodiscard]] QString authKindToString(AuthKind kind);
/// Parses authKindToString()'s spelling; nullopt for anything else.
[[nodiscard]] std::optional<AuthKind> authKindFromString(const QString &text);
/// A short label for a combo box, e.g. "API key, exchanged for a token (recommended)".
[[nodiscard]] QString authKindLabel(AuthKind kind);

/// One place to connect to: the plain, non-secret fields of an ICA account. The
/// API key or token lives in a SecretStore under the profile's id, never here.
struct Profile {
    QString id;   ///< a UUID without braces; assigned by ProfileStore::add() when empty
    QString name; ///< unique among profiles (case-insensitively)
    QString serverUrl = QString::fromLatin1(DefaultServerUrl);
    AuthKind authKind = AuthKind::ApiKeyExchange;
    QString tenantName;       ///< optional, shown to tell accounts apart
    QString defaultProjectId; ///< optional, the project opened first
    bool isDefault = false;   ///< the profile used at start; ProfileStore keeps exactly one
    bool demo = false;        ///< the in-process simulator; its URL is set at run time

    /// A fresh id for a new profile.
    [[nodiscard]] static QString newId();

    friend bool operator==(const Profile &a, const Profile &b) {
        return a.id == b.id && a.name == b.name && a.serverUrl == b.serverUrl &&
               a.authKind == b.authKind && a.tenantName == b.tenantName &&
               a.defaultProjectId == b.defaultProjectId && a.isDefault == b.isDefault &&
               a.demo == b.demo;
    }
    friend bool operator!=(const Profile &a, const Profile &b) { return !(a == b); }
};

} // namespace ica
