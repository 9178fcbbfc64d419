#include "logcategories.h"

// Debug messages are off unless asked for (QT_LOGGING_RULES="ica.*.debug=true").
Q_LOGGING_CATEGORY(lcApi, "ica.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "ica.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "ica.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "ica.ui", QtInfoMsg)
