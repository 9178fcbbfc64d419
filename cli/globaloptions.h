#pragma once

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace icacli {

/// The options every command takes: server, credentials, request timeout, verbose.
/// They may stand before the command words or among the command's options.
struct GlobalSettings {
    std::optional<QString> server;
    std::optional<QString> apiKey;
    std::optional<QString> accessToken;
    std::optional<QString> requestTimeout; ///< raw text, checked in resolveConnection()
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
    std::chrono::milliseconds requestTimeout{60000};
    bool verbose = false;
};

/// Resolves the connection; false with a usage message naming the option or
/// environment variable to set when something is missing or wrong.
bool resolveConnection(const GlobalSettings &settings, const QProcessEnvironment &env,
                       Connection *out, QString *error);

/// The help text about credentials and the server, for `icatag --help`.
[[nodiscard]] QString connectionHelp();

} // namespace icacli
