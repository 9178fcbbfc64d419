#pragma once

#include <QString>
#include <QUrl>

namespace ica {

/// ICA's one public server; every region is behind it.
inline constexpr const char DefaultServerUrl[] = "https://ica.illumina.com/ica/rest";

/// Turns what a user or the icav2 CLI gives as a server into the API base URL:
/// a URL with a scheme is the whole base and is used as given (trailing '/'
/// dropped); a bare host name means https://HOST/ica/rest. Only https is accepted,
/// except plain http to a loopback address (the simulator, Prism). On a bad value
/// returns an invalid URL and says why in `error`.
QUrl normalizeServerUrl(const QString &input, QString *error = nullptr);

/// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);

} // namespace ica
