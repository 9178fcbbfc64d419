#pragma once

#include <QLoggingCategory>

// The logging categories, one per layer, so a log (or QT_LOGGING_RULES) can be read
// or tuned by layer: "ica.api.info=false", "ica.*.debug=true". Warnings and worse
// by default; LogFile::install() turns info on.
Q_DECLARE_LOGGING_CATEGORY(lcApi)     ///< ica.api: requests, retries, answers refused
Q_DECLARE_LOGGING_CATEGORY(lcSession) ///< ica.session: profiles, sign-in, token renewal
Q_DECLARE_LOGGING_CATEGORY(lcStore)   ///< ica.store: the SQLite store, the keychain
Q_DECLARE_LOGGING_CATEGORY(lcUi)      ///< ica.ui: what the windows did for the user
