// ica-tagger: the desktop app. A thin main(): options, the demo simulator, the
// session, the store, the main window.
#include "app/appoptions.h"
#include "app/apprunner.h"
#include "core/store/coredumps.h"
#include "ui/appicon.h"

#include <QApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[]) {
    // Before anything holds a secret: a crash must not write API keys to a core file.
    QString hardeningError;
    if (!ica::disableCoreDumps(&hardeningError))
        std::fprintf(stderr, "ica-tagger: core dumps could not be turned off: %s\n",
                     qPrintable(hardeningError));
#ifdef SIGXFSZ
    // A file-size limit (ulimit -f) must give a write error the store reports, not
    // kill the app on the spot: SIGXFSZ's default action ends the process.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ICA Tagger"));
    QApplication::setApplicationName(QStringLiteral("ica-tagger"));
    QApplication::setApplicationDisplayName(QStringLiteral("ICA Tagger"));
    QApplication::setApplicationVersion(QStringLiteral(ICATAG_VERSION));
    // The desktop entry's name: lets Wayland compositors match windows to it.
    QGuiApplication::setDesktopFileName(ica::ui::AppId);
    QApplication::setWindowIcon(ica::ui::appIcon());

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
    if (runner.handedOver())
        return 0;
    return QApplication::exec();
}
