#pragma once

#include "core/store/profile.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

class QObject;

namespace ica {

class ApiClient;

/// The API base a profile points at: its server URL normalized (a bare host
/// becomes https://HOST/ica/rest); invalid with `error` set when it is not usable.
[[nodiscard]] QUrl profileServerUrl(const Profile &profile, QString *error = nullptr);

/// A new ApiClient for `profile` with the authenticator its auth kind needs:
/// ApiKeyExchange -> TokenExchangeAuthenticator, ApiKey -> StaticAuthenticator
/// (X-API-Key), AccessToken -> StaticAuthenticator (Bearer). The secret goes into
/// the authenticator only. Null when the server URL is not usable (see `error`).
[[nodiscard]] ApiClient *createClientFor(const Profile &profile, const QString &secret,
                                         QObject *parent, QString *error = nullptr);

/// The `exp` of a pasted JWT; invalid when the text is not a JWT or has no exp.
[[nodiscard]] QDateTime accessTokenExpiry(const QString &jwt);

} // namespace ica
