#include "cli/globaloptions.h"

#include "cli/optionvalues.h"

#include "core/api/serverurl.h"

#include <algorithm>

namespace ica::cli {

namespace {
const QString ServerVariable = QStringLiteral("ICAV2_SERVER_URL");
const QString ApiKeyVariable = QStringLiteral("ICAV2_X_API_KEY");
const QString AccessTokenVariable = QStringLiteral("ICAV2_ACCESS_TOKEN");
/// The "no progress" timeout; a shorter --timeout shortens it too.
constexpr std::chrono::milliseconds SilenceTimeout{60000};
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 MaxBodyMibLimit = 4096;
constexpr qint64 MaxRetries = 10;
} // namespace

void GlobalSettings::addOptions(QCommandLineParser &parser, bool commandHasTimeout) {
    parser.addOptions({
        {QStringLiteral("server"),
         QStringLiteral("ICA server: a URL or a host name (default %1; env %2).")
             .arg(QLatin1String(ica::DefaultServerUrl), ServerVariable),
         QStringLiteral("URL")},
        {QStringLiteral("api-key"),
         QStringLiteral("API key, sent as X-API-Key (env %1).").arg(ApiKeyVariable),
         QStringLiteral("KEY")},
        {QStringLiteral("access-token"),
         QStringLiteral("Access token (JWT), sent as Bearer; wins over an API key (env %1).")
             .arg(AccessTokenVariable),
         QStringLiteral("JWT")},
        {QStringLiteral("verbose"),
         QStringLiteral("Log each request (method and URL, never credentials) on stderr.")},
        {QStringLiteral("max-body-mib"),
         QStringLiteral("Refuse an answer larger than N MiB, as sent or unzipped (default %1).")
             .arg(ica::DefaultMaxBodyBytes / MiB),
         QStringLiteral("N")},
        {QStringLiteral("retries"),
         QStringLiteral("Try a failed request again up to N times when that is safe (default "
                        "%1, after 0.5, 2, 10 and 30 s; a 429's Retry-After up to 60 s wins).")
             .arg(ica::RetryPolicy().delays.size()),
         QStringLiteral("N")},
    });
    // --request-timeout is the unambiguous name; --timeout is the short one,
    // except for a command that has a --timeout of its own (batch wait).
    const QString description =
        QStringLiteral("Fail a request not answered completely within SECONDS, from sending "
                       "to the last byte, however slowly the server sends (default 120); a "
                       "silent server fails after 60 s or SECONDS if less. Each retry gets "
                       "SECONDS again.");
    QCommandLineOption requestTimeout(QStringLiteral("request-timeout"), description,
                                      QStringLiteral("SECONDS"));
    if (!commandHasTimeout) {
        parser.addOption({QStringLiteral("timeout"), description, QStringLiteral("SECONDS")});
        requestTimeout.setFlags(QCommandLineOption::HiddenFromHelp);
    }
    parser.addOption(requestTimeout);
}

QStringList GlobalSettings::valueOptionNames() {
    return {QStringLiteral("server"),          QStringLiteral("api-key"),
            QStringLiteral("access-token"),    QStringLiteral("timeout"),
            QStringLiteral("request-timeout"), QStringLiteral("max-body-mib"),
            QStringLiteral("retries")};
}

QStringList GlobalSettings::flagNames() {
    return {QStringLiteral("verbose")};
}

void GlobalSettings::readFrom(const QCommandLineParser &parser, bool commandHasTimeout) {
    const auto take = [&parser](const QString &name, std::optional<QString> &field) {
        if (parser.isSet(name))
            field = parser.value(name);
    };
    take(QStringLiteral("server"), server);
    take(QStringLiteral("api-key"), apiKey);
    take(QStringLiteral("access-token"), accessToken);
    if (!commandHasTimeout)
        take(QStringLiteral("timeout"), requestTimeout);
    take(QStringLiteral("request-timeout"), requestTimeout);
    take(QStringLiteral("max-body-mib"), maxBodyMib);
    take(QStringLiteral("retries"), retries);
    if (parser.isSet(QStringLiteral("verbose")))
        verbose = true;
}

bool resolveConnection(const GlobalSettings &settings, const QProcessEnvironment &env,
                       Connection *out, QString *error) {
    Connection connection;
    connection.verbose = settings.verbose;

    QString serverText = QLatin1String(ica::DefaultServerUrl);
    QString serverSource = QStringLiteral("the default server");
    if (settings.server) {
        serverText = *settings.server;
        serverSource = QStringLiteral("--server");
    } else if (!env.value(ServerVariable).trimmed().isEmpty()) {
        serverText = env.value(ServerVariable);
        serverSource = ServerVariable;
    }
    QString serverError;
    connection.server = ica::normalizeServerUrl(serverText, &serverError);
    if (!connection.server.isValid()) {
        *error = serverSource + QStringLiteral(": ") + serverError;
        return false;
    }

    // Options as a whole win over the environment: a key given on the command
    // line is not overridden by a token left in the environment.
    const auto given = [](const std::optional<QString> &value) {
        return value && !value->trimmed().isEmpty();
    };
    if (settings.accessToken && !given(settings.accessToken)) {
        *error = QStringLiteral("--access-token is empty; give the token or leave the option out.");
        return false;
    }
    if (settings.apiKey && !given(settings.apiKey)) {
        *error = QStringLiteral("--api-key is empty; give the key or leave the option out.");
        return false;
    }
    if (given(settings.accessToken)) {
        connection.credential = Connection::Credential::AccessToken;
        connection.secret = settings.accessToken->trimmed();
    } else if (given(settings.apiKey)) {
        connection.credential = Connection::Credential::ApiKey;
        connection.secret = settings.apiKey->trimmed();
    } else if (!env.value(AccessTokenVariable).trimmed().isEmpty()) {
        connection.credential = Connection::Credential::AccessToken;
        connection.secret = env.value(AccessTokenVariable).trimmed();
    } else if (!env.value(ApiKeyVariable).trimmed().isEmpty()) {
        connection.credential = Connection::Credential::ApiKey;
        connection.secret = env.value(ApiKeyVariable).trimmed();
    } else {
        *error = QStringLiteral("No credentials: give --api-key KEY or set %1 (or give "
                                "--access-token JWT or set %2).")
                     .arg(ApiKeyVariable, AccessTokenVariable);
        return false;
    }

    if (settings.requestTimeout) {
        double seconds = 0;
        if (!parseSeconds(QStringLiteral("--request-timeout"), *settings.requestTimeout, 0.001,
                          &seconds, error))
            return false;
        connection.requestTimeout = std::chrono::milliseconds(qint64(seconds * 1000.0));
    }
    if (settings.maxBodyMib) {
        qint64 mib = 0;
        if (!parseInteger(QStringLiteral("--max-body-mib"), *settings.maxBodyMib, 1,
                          MaxBodyMibLimit, &mib, error))
            return false;
        connection.maxBodyBytes = mib * MiB;
    }
    if (settings.retries) {
        qint64 retries = 0;
        if (!parseInteger(QStringLiteral("--retries"), *settings.retries, 0, MaxRetries, &retries,
                          error))
            return false;
        QList<std::chrono::milliseconds> &delays = connection.retryPolicy.delays;
        while (delays.size() < retries)
            delays.append(delays.isEmpty() ? std::chrono::milliseconds(30000) : delays.last());
        delays.resize(retries);
    }
    *out = connection;
    return true;
}

void Connection::applyBoundsTo(ica::ApiClient &client) const {
    client.setDefaultDeadline(requestTimeout);
    client.setDefaultTimeout(std::min(SilenceTimeout, requestTimeout));
    client.setMaxBodyBytes(maxBodyBytes);
    client.setRetryPolicy(retryPolicy);
}

QString connectionHelp() {
    return QStringLiteral(
               "Credentials: --access-token JWT (sent as Bearer) or --api-key KEY (sent as "
               "X-API-Key), or the icav2 CLI's environment variables %1 and %2. Options win over "
               "the environment; a token wins over a key. The server comes from --server, %3 or "
               "the default %4; a bare host name such as ica.illumina.com means "
               "https://HOST/ica/rest.")
        .arg(AccessTokenVariable, ApiKeyVariable, ServerVariable,
             QLatin1String(ica::DefaultServerUrl));
}

} // namespace ica::cli
