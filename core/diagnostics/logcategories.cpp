#include "core/diagnostics/logcategories.h"

// Warnings and worse by default; the app's LogFile turns info on for its file
// (QT_LOGGING_RULES="ica.*.debug=true" adds debug messages).
Q_LOGGING_CATEGORY(lcApi, "ica.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "ica.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "ica.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "ica.ui", QtWarningMsg)
