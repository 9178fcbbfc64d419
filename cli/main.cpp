// icatag: the ICA Tagger command line. All of it lives in the icacli library
// (cli.h, runner.h) so the tests can run it in-process.

#include "runner.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("icatag"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ICATAG_VERSION));
    return icacli::runMain(QCoreApplication::arguments());
}
