// ica-sim: serves the ICA simulator until SIGINT/SIGTERM.
// Prints ICA_SIM_URL=... and ICA_SIM_API_KEY=... (the simulator's own demo key) on start.

#include "simulator/icasimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

[[noreturn]] void usageError(const QString &message) {
    std::fprintf(stderr, "ica-sim: %s\nTry 'ica-sim --help'.\n", qPrintable(message));
    std::exit(2);
}

int intOption(const QCommandLineParser &parser, const QString &name, int min, int max) {
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        usageError(QStringLiteral("--%1 must be an integer between %2 and %3.")
                       .arg(name)
                       .arg(min)
                       .arg(max));
    return value;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ica-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local simulator of the Illumina Connected Analytics REST API, served at "
        "http://127.0.0.1:PORT/ica/rest. Control surface: /_sim/advance?ms=N, /_sim/faults, "
        "/_sim/reset-faults, /_sim/info."));
    parser.addHelpOption();
    const auto opt = [&](const char *name, const char *description, const char *valueName = nullptr,
                         const char *defaultValue = nullptr) {
        QCommandLineOption option{QString(QLatin1String(name)),
                                  QString(QLatin1String(description))};
        if (valueName)
            option.setValueName(QLatin1String(valueName));
        if (defaultValue)
            option.setDefaultValue(QLatin1String(defaultValue));
        parser.addOption(option);
    };
    opt("port", "TCP port to listen on (0: any free port).", "port", "0");
    opt("address", "Address to listen on.", "address", "127.0.0.1");
    opt("seed", "Seed of the generated data.", "n", "1");
    opt("projects", "Number of projects.", "n", "4");
    opt("files", "Files in the first project.", "n", "20000");
    opt("files-per-project", "Files in each other project (0: seeded 300..1800).", "n", "0");
    opt("speed", "Simulated seconds per real second.", "x", "1");
    opt("manual-clock", "Simulated time moves only via POST /_sim/advance.");
    opt("items-per-second", "Batch items processed per simulated second.", "n", "2000");
    opt("api-key", "Accepted API key (repeatable; default: a key derived from the seed).", "key");
    opt("token-lifetime", "Lifetime of issued JWTs in seconds.", "s", "3600");
    opt("latency", "Latency added to every answer, in ms.", "ms", "0");
    opt("fail-next", "Answer the next N requests with --fail-status.", "n", "0");
    opt("fail-status", "Status for --fail-next: 500, 503 or 429.", "status", "500");
    opt("rate-limit-next", "Answer the next N requests with 429.", "n", "0");
    opt("rate-limit-rate", "Answer this fraction (0..1) of requests with 429.", "x", "0");
    opt("retry-after", "Retry-After seconds of 429 answers.", "s", "1");
    opt("drop-next", "Close the connection of the next N requests without an answer.", "n", "0");
    opt("truncate-next", "Send only half the body of the next N answers.", "n", "0");
    opt("fault-path", "Restrict the counted faults to paths containing this text.", "text");
    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        usageError(
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));

    ica::sim::SimulatorOptions options;
    options.port = quint16(intOption(parser, QStringLiteral("port"), 0, 65535));
    if (!options.address.setAddress(parser.value(QStringLiteral("address"))))
        usageError(QStringLiteral("--address must be an IP address."));
    bool ok = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        usageError(QStringLiteral("--seed must be a non-negative integer."));
    options.projectCount = intOption(parser, QStringLiteral("projects"), 1, 1000);
    options.filesInFirstProject = intOption(parser, QStringLiteral("files"), 0, 2000000);
    options.filesInOtherProjects =
        intOption(parser, QStringLiteral("files-per-project"), 0, 2000000);
    options.speed = parser.value(QStringLiteral("speed")).toDouble(&ok);
    if (!ok || options.speed <= 0 || options.speed > 1e6)
        usageError(QStringLiteral("--speed must be a positive number."));
    options.manualClock = parser.isSet(QStringLiteral("manual-clock"));
    options.itemsPerSecond = intOption(parser, QStringLiteral("items-per-second"), 1, 100000000);
    options.apiKeys = parser.values(QStringLiteral("api-key"));
    for (const QString &key : options.apiKeys) {
        if (key.trimmed().isEmpty())
            usageError(QStringLiteral("--api-key must not be empty."));
    }
    options.tokenLifetimeSeconds =
        intOption(parser, QStringLiteral("token-lifetime"), 1, 365 * 24 * 3600);

    ica::sim::FaultOptions &faults = options.faults;
    const QString faultPath = parser.value(QStringLiteral("fault-path"));
    faults.latencyMs = intOption(parser, QStringLiteral("latency"), 0, 600000);
    faults.failNext = intOption(parser, QStringLiteral("fail-next"), 0, 1000000000);
    faults.failStatus = intOption(parser, QStringLiteral("fail-status"), 0, 999);
    if (faults.failStatus != 500 && faults.failStatus != 503 && faults.failStatus != 429)
        usageError(QStringLiteral("--fail-status must be 500, 503 or 429."));
    faults.rateLimitNext = intOption(parser, QStringLiteral("rate-limit-next"), 0, 1000000000);
    faults.rateLimitRate = parser.value(QStringLiteral("rate-limit-rate")).toDouble(&ok);
    if (!ok || faults.rateLimitRate < 0 || faults.rateLimitRate > 1)
        usageError(QStringLiteral("--rate-limit-rate must be between 0 and 1."));
    faults.retryAfterSeconds = intOption(parser, QStringLiteral("retry-after"), 0, 86400);
    faults.dropNext = intOption(parser, QStringLiteral("drop-next"), 0, 1000000000);
    faults.truncateNext = intOption(parser, QStringLiteral("truncate-next"), 0, 1000000000);
    faults.failPathContains = faultPath;
    faults.rateLimitPathContains = faultPath;
    faults.dropPathContains = faultPath;
    faults.truncatePathContains = faultPath;

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        std::fprintf(stderr, "ica-sim: cannot set up signal handling\n");
        return 1;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    ica::sim::IcaSimulator simulator(options);
    QString error;
    if (!simulator.start(&error)) {
        std::fprintf(stderr, "ica-sim: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("ICA_SIM_URL=%s\n", qPrintable(simulator.baseUrl().toString()));
    std::printf("ICA_SIM_API_KEY=%s\n", qPrintable(simulator.apiKey()));
    std::fflush(stdout);
    return app.exec();
}
