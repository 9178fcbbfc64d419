#include "cli/cli.h"

#include "cli/helpexport.h"
#include "cli/helptext.h"
#include "cli/networklog.h"

#include "core/api/authenticator.h"

#include <QCoreApplication>

namespace ica::cli {

namespace {

const QString HelpOption = QStringLiteral("help");
const QString OutputOption = QStringLiteral("output");
/// Hidden: names a response header to report on stderr (Prism's sl-violations).
const QString ReportHeaderVariable = QStringLiteral("ICATAG_REPORT_HEADER");
/// Hidden, for tests: the retry delays in ms, comma-separated (e.g. "10,20"), so
/// that a test of many retries does not wait the real 0.5 + 2 + 10 + 30 s.
const QString RetryDelaysVariable = QStringLiteral("ICATAG_RETRY_DELAYS_MS");

/// The option's name when `token` is an option ("--name=value" gives "name").
QString optionName(const QString &token) {
    QString name = token;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    const qsizetype eq = name.indexOf(QLatin1Char('='));
    return eq < 0 ? name : name.left(eq);
}

bool isOption(const QString &token) {
    return token.size() > 1 && token.startsWith(QLatin1Char('-'));
}

} // namespace

Cli::Cli(Console &console, QProcessEnvironment env, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_env(std::move(env)) {
    m_specs = batchCommands() + projectCommands() + dataCommands() + tagCommands();
}

Cli::~Cli() = default;

void Cli::finish(int exitCode) {
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

void Cli::usageError(const QString &message, const QString &helpCommand) {
    m_console.errLine(QStringLiteral("icatag: error: ") + message);
    m_console.errLine(QStringLiteral("Run '%1 --help' for help.").arg(helpCommand));
    finish(ExitUsage);
}

void Cli::registerSecrets(const QStringList &arguments) {
    const QStringList secretOptions{QStringLiteral("api-key"), QStringLiteral("access-token")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &token = arguments.at(i);
        if (!isOption(token) || !secretOptions.contains(optionName(token)))
            continue;
        const qsizetype eq = token.indexOf(QLatin1Char('='));
        if (eq >= 0)
            m_console.addSecret(token.mid(eq + 1).trimmed());
        else if (i + 1 < arguments.size())
            m_console.addSecret(arguments.at(i + 1).trimmed());
    }
    m_console.addSecret(m_env.value(QStringLiteral("ICAV2_X_API_KEY")).trimmed());
    m_console.addSecret(m_env.value(QStringLiteral("ICAV2_ACCESS_TOKEN")).trimmed());
}

Cli::CommandWords Cli::findCommandWords(const QStringList &arguments) const {
    CommandWords words;
    const QStringList valueOptions = GlobalSettings::valueOptionNames();
    int found = 0;
    const int wanted = 2;
    qsizetype i = 1;
    while (i < arguments.size() && found < wanted) {
        const QString &token = arguments.at(i);
        if (isOption(token)) {
            words.headArguments.append(token);
            // A global option's value is not a command word.
            if (valueOptions.contains(optionName(token)) && !token.contains(QLatin1Char('=')) &&
                i + 1 < arguments.size()) {
                words.headArguments.append(arguments.at(i + 1));
                ++i;
            }
            ++i;
            continue;
        }
        if (found == 0 && token == QLatin1String("help") && !words.helpWord) {
            words.helpWord = true; // "icatag help batch create"
            ++i;
            continue;
        }
        if (found == 0)
            words.group = token;
        else
            words.name = token;
        ++found;
        ++i;
    }
    words.tailArguments = arguments.mid(i);
    return words;
}

const CommandSpec *Cli::findSpec(const QString &group, const QString &name) const {
    for (const CommandSpec &spec : m_specs) {
        if (spec.group == group && spec.name == name)
            return &spec;
    }
    return nullptr;
}

QStringList Cli::groups() const {
    QStringList names;
    for (const CommandSpec &spec : m_specs) {
        if (!names.contains(spec.group))
            names.append(spec.group);
    }
    return names;
}

void Cli::run(const QStringList &arguments) {
    registerSecrets(arguments);
    const CommandWords words = findCommandWords(arguments);

    // Options before the command words: only the global ones (and help/version).
    QCommandLineParser head;
    addLeadingOptions(head);
    if (!head.parse(QStringList{QStringLiteral("icatag")} + words.headArguments)) {
        usageError(head.errorText() +
                       QStringLiteral(" Options of a command go after its words, as in "
                                      "'icatag batch get --project P --batch B'."),
                   QStringLiteral("icatag"));
        return;
    }
    const bool helpAsked = words.helpWord || head.isSet(HelpOption) ||
                           words.tailArguments.contains(QLatin1String("--help")) ||
                           words.tailArguments.contains(QLatin1String("-h"));
    if (head.isSet(QStringLiteral("man-page")) || head.isSet(QStringLiteral("bash-completion"))) {
        m_console.out(head.isSet(QStringLiteral("man-page"))
                          ? manPage(m_specs, QCoreApplication::applicationVersion())
                          : bashCompletion(m_specs));
        finish(ExitSuccess);
        return;
    }
    if (head.isSet(QStringLiteral("version")) && words.group.isEmpty()) {
        m_console.out(QStringLiteral("icatag %1\n").arg(QCoreApplication::applicationVersion()));
        finish(ExitSuccess);
        return;
    }
    if (words.group.isEmpty()) {
        if (helpAsked) {
            m_console.out(topHelp(m_specs));
            finish(ExitSuccess);
            return;
        }
        usageError(QStringLiteral("no command given. Commands: %1.")
                       .arg(groups().join(QStringLiteral(", "))),
                   QStringLiteral("icatag"));
        return;
    }
    if (!groups().contains(words.group)) {
        usageError(QStringLiteral("unknown command \"%1\". Commands: %2.")
                       .arg(words.group, groups().join(QStringLiteral(", "))),
                   QStringLiteral("icatag"));
        return;
    }
    const CommandSpec *spec = findSpec(words.group, words.name);
    if (!spec) {
        if (words.name.isEmpty() && helpAsked) {
            m_console.out(groupHelp(m_specs, words.group));
            finish(ExitSuccess);
            return;
        }
        QStringList names;
        for (const CommandSpec &s : std::as_const(m_specs)) {
            if (s.group == words.group)
                names.append(s.name);
        }
        const QString what =
            words.name.isEmpty()
                ? QStringLiteral("\"%1\" needs a command").arg(words.group)
                : QStringLiteral("unknown command \"%1 %2\"").arg(words.group, words.name);
        usageError(
            QStringLiteral("%1: give one of %2.").arg(what, names.join(QStringLiteral(", "))),
            QStringLiteral("icatag ") + words.group);
        return;
    }
    runCommand(*spec, words, head);
}

ica::ApiClient *Cli::createClient(const Connection &connection) {
    auto *nam = new LoggingNetworkAccessManager(m_console, connection.verbose,
                                                m_env.value(ReportHeaderVariable).toLatin1(), this);
    auto *client = new ica::ApiClient(nam, this);
    client->setServerUrl(connection.server);
    connection.applyBoundsTo(*client);
    if (m_env.contains(RetryDelaysVariable)) {
        ica::RetryPolicy policy = client->retryPolicy();
        policy.delays.clear();
        for (const QString &part : m_env.value(RetryDelaysVariable).split(QLatin1Char(','))) {
            bool ok = false;
            const int ms = part.trimmed().toInt(&ok);
            if (ok && ms >= 0 && policy.delays.size() < 10)
                policy.delays.append(std::chrono::milliseconds(ms));
        }
        client->setRetryPolicy(policy);
    }
    const bool token = connection.credential == Connection::Credential::AccessToken;
    client->setAuthenticator(
        new ica::StaticAuthenticator(token ? ica::StaticAuthenticator::Kind::BearerToken
                                           : ica::StaticAuthenticator::Kind::ApiKey,
                                     connection.secret));
    // Every retry is said on stderr, so a command that takes longer says why.
    connect(client, &ica::ApiClient::retryScheduled, this,
            [this, client](const ica::ApiRequest &request, int attempt, qint64 delayMs,
                           const ica::ApiError &error) {
                m_console.errLine(
                    QStringLiteral("icatag: %1 %2: %3; trying again in %4 s (try %5 of %6).")
                        .arg(QString::fromLatin1(request.method), request.path, error.shortReason())
                        .arg(double(delayMs) / 1000.0)
                        .arg(attempt)
                        .arg(client->retryPolicy().delays.size() + 1));
            });
    if (connection.verbose)
        m_console.errLine(
            QStringLiteral("icatag: server %1, credentials: %2")
                .arg(connection.server.toString(), token ? QStringLiteral("access token (Bearer)")
                                                         : QStringLiteral("API key (X-API-Key)")));
    return client;
}

void Cli::runCommand(const CommandSpec &spec, const CommandWords &words,
                     const QCommandLineParser &head) {
    const QString helpCommand = QStringLiteral("icatag ") + spec.path();
    QCommandLineParser parser;
    addCommandOptions(spec, parser);

    if (!parser.parse(QStringList{QStringLiteral("icatag")} + words.tailArguments)) {
        usageError(parser.errorText(), helpCommand);
        return;
    }
    if (parser.isSet(HelpOption) || head.isSet(HelpOption) || words.helpWord) {
        m_console.out(commandHelp(spec, parser));
        finish(ExitSuccess);
        return;
    }
    if (!parser.positionalArguments().isEmpty()) {
        usageError(QStringLiteral("unexpected argument \"%1\": every value goes with an option, "
                                  "as in --project ID.")
                       .arg(parser.positionalArguments().constFirst()),
                   helpCommand);
        return;
    }

    CommandContext context;
    context.console = &m_console;
    if (parser.isSet(OutputOption)) {
        const std::optional<OutputFormat> format = parseOutputFormat(parser.value(OutputOption));
        if (!format || !spec.formats.contains(*format)) {
            usageError(QStringLiteral("--output: \"%1\" is not a format of %2; give %3.")
                           .arg(parser.value(OutputOption), spec.path(),
                                formatNames(spec.formats, QStringLiteral(" or "))),
                       helpCommand);
            return;
        }
        context.format = *format;
    }

    QString error;
    std::unique_ptr<Command> command = spec.create(parser, m_console, &error);
    if (!command) {
        usageError(error, helpCommand);
        return;
    }

    GlobalSettings settings;
    settings.readFrom(head);
    settings.readFrom(parser, spec.hasOwnTimeout);
    Connection connection;
    if (!resolveConnection(settings, m_env, &connection, &error)) {
        usageError(error, helpCommand);
        return;
    }
    m_console.addSecret(connection.secret);

    ica::ApiClient *client = createClient(connection);
    context.client = client;

    m_command = std::move(command);
    m_command->setContext(context);
    connect(m_command.get(), &Command::finished, this, &Cli::finish);
    m_command->start();
}

} // namespace ica::cli
