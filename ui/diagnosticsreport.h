#pragma once

#include <QString>

namespace ica {
class LogFile;
class Session;
} // namespace ica

namespace ica::ui {

/// The text of Help → Copy Diagnostics: what someone helping a user needs first, and
/// never a secret: the app's and Qt's versions, the system, the current profile's
/// server and kind of sign-in (not its key or token), the log's place and its last
/// warnings (already masked by LogFile).
[[nodiscard]] QString diagnosticsReport(const Session *session, const LogFile *log);

} // namespace ica::ui
