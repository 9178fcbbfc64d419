#include "runner.h"

#include "cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

namespace icacli {

int runMain(const QStringList &arguments) {
    QFile out;
    QFile err;
    // Unbuffered: progress and results appear at once, in order with stderr.
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    Console console(&out, &err);
    Cli cli(console, QProcessEnvironment::systemEnvironment());
    QObject::connect(&cli, &Cli::finished, QCoreApplication::instance(),
                     [](int code) { QCoreApplication::exit(code); });
    // Started from the loop, so a command that finishes at once can still exit it.
    QTimer::singleShot(0, &cli, [&cli, arguments]() { cli.run(arguments); });
    return QCoreApplication::exec();
}

} // namespace icacli
