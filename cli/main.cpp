// icatag: the ICA Tagger command line. All of it lives in the icacli library
// (cli.h, runner.h) so the tests can run it in-process.

#include "cli/runner.h"
#include "core/store/coredumps.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[]) {
    // Before anything holds a secret: a crash must not write API keys to a core file.
    QString hardeningError;
    if (!ica::disableCoreDumps(&hardeningError))
        std::fprintf(stderr, "icatag: core dumps could not be turned off: %s\n",
                     qPrintable(hardeningError));
    // A reader that goes away (`icatag ... | head`) must not kill icatag mid-write:
    // writes then fail with EPIPE, which the console notices and ends quietly on.
    std::signal(SIGPIPE, SIG_IGN);
    // icatag's stderr is part of its interface (errors, retries, --verbose): the
    // core's log categories, written to the app's log file, stay out of it.
    QLoggingCategory::setFilterRules(QStringLiteral("ica.*=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("icatag"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ICATAG_VERSION));
    return ica::cli::runMain(QCoreApplication::arguments());
}
