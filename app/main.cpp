// ica-tagger: the desktop app. A thin main(): options, the demo simulator, the
// session, the store, the main window.
#include "appoptions.h"
#include "apprunner.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ICA Tagger"));
    QApplication::setApplicationName(QStringLiteral("ica-tagger"));
    QApplication::setApplicationDisplayName(QStringLiteral("ICA Tagger"));
    QApplication::setApplicationVersion(QStringLiteral(ICATAG_VERSION));

    ica::app::AppOptions options;
    QString error;
    if (!ica::app::AppOptions::parse(QApplication::arguments(), &options, &error)) {
        std::fprintf(stderr, "ica-tagger: %s\n", qPrintable(error));
        return 2;
    }
    ica::app::AppRunner runner(options);
    if (!runner.start(&error)) {
        std::fprintf(stderr, "ica-tagger: %s\n", qPrintable(error));
        return 1;
    }
    return QApplication::exec();
}
