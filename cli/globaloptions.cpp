#include "globaloptions.h"

#include "optionvalues.h"

#include "api/serverurl.h"

namespace icacli {

namespace {
const QString ServerVariable = QStringLiteral("ICAV2_SERVER_URL");
const QString ApiKeyVariable = QStringLiteral("ICAV2_X_API_KEY");
const QString AccessTokenVariable = QStringLiteral("ICAV2_ACCESS_TOKEN");
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
    });
    // --request-timeout is the unambiguous name; --timeout is the short one,
    // except for a command that has a --timeout of its own (batch wait).
    const QString description =
        QStringLiteral("Fail a request after SECONDS without progress (default 60).");
    QCommandLineOption requestTimeout(QStringLiteral("request-timeout"), description,
                                      QStringLiteral("SECONDS"));
    if (!commandHasTimeout) {
        parser.addOption({QStringLiteral("timeout"), description, QStringLiteral("SECONDS")});
        requestTimeout.setFlags(QCommandLineOption::HiddenFromHelp);
    }
    parser.addOption(requestTimeout);
}

QStringList GlobalSettings::valueOptionNames() {
    return {QStringLiteral("server"), QStringLiteral("api-key"), QStringLiteral("access-token"),
            QStringLiteral("timeout"), QStringLiteral("request-timeout")};
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
    *out = connection;
    return true;
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

} // namespace icacli
