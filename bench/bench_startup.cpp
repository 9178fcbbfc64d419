// Figures for starting the app: from launching the ica-tagger process to its main
// window's first paint (the hidden --quit-when-drawn option prints "drawn" then),
// without --demo and with --demo (which also starts the built-in simulator and
// signs in). Each run gets a fresh home and data folder, as on a first start. The
// window is drawn on the offscreen platform, so no display is needed. Targets on a
// 2-core machine: <= 0.5 s without --demo, <= 1 s with it. Prints figures only.
#include "bench/benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

using ica::bench::fail;
using ica::bench::say;

namespace {

constexpr int Runs = 5;

/// Milliseconds from starting the app until it says "drawn".
qint64 timeToDrawn(const QStringList &extraArguments) {
    QTemporaryDir home;
    if (!home.isValid())
        fail(QStringLiteral("no temporary folder"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    QProcess app;
    app.setProcessEnvironment(env);
    QStringList arguments{QStringLiteral("--data-dir"), home.filePath(QStringLiteral("app")),
                          QStringLiteral("--quit-when-drawn")};
    arguments += extraArguments;
    QElapsedTimer clock;
    clock.start();
    app.start(QStringLiteral(ICATAG_APP_PATH), arguments);
    qint64 drawnAt = -1;
    while (drawnAt < 0) {
        if (!app.waitForReadyRead(30000))
            fail(QStringLiteral("ica-tagger %1 never said it was drawn: %2")
                     .arg(extraArguments.join(QLatin1Char(' ')),
                          QString::fromLocal8Bit(app.readAllStandardError())));
        if (app.readAllStandardOutput().contains("drawn"))
            drawnAt = clock.elapsed();
    }
    if (!app.waitForFinished(30000))
        app.kill();
    return drawnAt;
}

void measure(const QString &label, const QStringList &arguments, qint64 targetMs) {
    QList<qint64> times;
    for (int i = 0; i < Runs; ++i)
        times.append(timeToDrawn(arguments));
    const qint64 first = times.first();
    std::sort(times.begin(), times.end());
    say(QStringLiteral("start to drawn main window, %1: median %2 ms, first run %3 ms, "
                       "slowest %4 ms (%5 runs; target <= %6 ms)")
            .arg(label)
            .arg(times.at(times.size() / 2))
            .arg(first)
            .arg(times.last())
            .arg(Runs)
            .arg(targetMs));
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    say(QStringLiteral("ICA Tagger startup (%1 cores)").arg(QThread::idealThreadCount()));
    measure(QStringLiteral("no --demo"), {}, 500);
    measure(QStringLiteral("--demo"), {QStringLiteral("--demo")}, 1000);
    return 0;
}
