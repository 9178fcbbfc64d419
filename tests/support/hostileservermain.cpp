// hostile-server BEHAVIOUR: runs one HostileServer on 127.0.0.1 and prints its URL
// on stdout (one line), so a script or a test can point icatag at it. Runs until
// killed. `hostile-server --list` prints the behaviours.
#include "hostileserver.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString wanted = args.value(1);
    QStringList names;
    for (const icatest::HostileServer::Behaviour b : icatest::HostileServer::all())
        names.append(icatest::HostileServer::name(b));
    if (wanted == QLatin1String("--list")) {
        std::printf("%s\n", qPrintable(names.join(QLatin1Char('\n'))));
        return 0;
    }
    const auto behaviour = icatest::HostileServer::fromName(wanted);
    if (!behaviour) {
        std::fprintf(stderr, "usage: hostile-server BEHAVIOUR (one of: %s)\n",
                     qPrintable(names.join(QStringLiteral(", "))));
        return 2;
    }
    icatest::HostileServer server(*behaviour);
    if (!server.listen()) {
        std::fprintf(stderr, "hostile-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("%s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
