#include "cli/runner.h"

#include "cli/cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <unistd.h>

namespace ica::cli {

int runMain(const QStringList &arguments) {
    QFile out;
    QFile err;
    // Unbuffered: progress and results appear at once, in order with stderr. Standard
    // output by its descriptor, not stdio's FILE: fwrite() keeps what a closed pipe
    // refused in its buffer and reports it written, so `| head` would go unnoticed
    // (listings write a page at a time, so no stdio buffer is needed).
    out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    Console console(&out, &err);
    Cli cli(console, QProcessEnvironment::systemEnvironment());
    QObject::connect(&cli, &Cli::finished, QCoreApplication::instance(),
                     [](int code) { QCoreApplication::exit(code); });
    // Started from the loop, so a command that finishes at once can still exit it.
    QTimer::singleShot(0, &cli, [&cli, arguments]() { cli.run(arguments); });
    return QCoreApplication::exec();
}

} // namespace ica::cli
