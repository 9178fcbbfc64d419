#pragma once

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "core/api/apiclient.h"

#include <chrono>
#include <optional>

namespace ica::cli {

/// The options every command takes: server, credentials, the bounds of a request
/// (timeout, body size, retries), verbose.
/// They may stand before the command words or among the command's options.
struct GlobalSettings {
    std::optional<QString> server;
    std::optional<QString> apiKey;
    std::optional<QString> accessToken;
    std::optional<QString> requestTimeout; ///< raw text, checked in resolveConnection()
    std::optional<QString> maxBodyMib;     ///< raw text, checked in resolveConnection()
    std::optional<QString> retries;        ///< raw text, checked in resolveConnection()
    bool verbose = false;

    /// Adds the global options to a parser. A command whose own option is named
    /// "timeout" (batch wait) passes `commandHasTimeout`; the request timeout then
    /// keeps only its other name, --request-timeout.
    static void addOptions(QCommandLineParser &parser, bool commandHasTimeout = false);
    /// The global options that take a value, for finding the command words.
    [[nodiscard]] static QStringList valueOptionNames();
    /// The global flags (no value), for finding the command words.
    [[nodiscard]] static QStringList flagNames();
    /// Takes over what `parser` (made by addOptions() with the same flag) has set;
    /// unset options keep their current value.
    void readFrom(const QCommandLineParser &parser, bool commandHasTimeout = false);
};

/// Where and how to connect, resolved from the options and the icav2 CLI's
/// environment variables (options win).
struct Connection {
    enum class Credential { ApiKey, AccessToken };

    QUrl server;
    Credential credential = Credential::ApiKey;
    QString secret;
    /// Each request must be answered completely within this (ApiClient's deadline);
    /// a silent server fails after min(60 s, this).
    std::chrono::milliseconds requestTimeout{120000};
    qint64 maxBodyBytes = ica::DefaultMaxBodyBytes;
    ica::RetryPolicy retryPolicy;
    bool verbose = false;

    /// Sets the timeouts, body cap and retry policy on `client`.
    void applyBoundsTo(ica::ApiClient &client) const;
};

/// Resolves the connection; false with a usage message naming the option or
/// environment variable to set when something is missing or wrong.
bool resolveConnection(const GlobalSettings &settings, const QProcessEnvironment &env,
                       Connection *out, QString *error);

/// The help text about credentials and the server, for `icatag --help`.
[[nodiscard]] QString connectionHelp();

} // namespace ica::cli
