// hostile-server BEHAVIOUR: runs one HostileServer on 127.0.0.1 and prints its URL
// on stdout (one line), so a script or a test can point icatag at it. Runs until
// killed. `hostile-server --list` prints the behaviours.
#include "tests/support/hostileserver.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString wanted = args.value(1);
    QStringList names;
    for (const ica::test::HostileServer::Behaviour b : ica::test::HostileServer::all())
        names.append(ica::test::HostileServer::name(b));
    if (wanted == QLatin1String("--list")) {
        std::printf("%s\n", qPrintable(names.join(QLatin1Char('\n'))));
        return 0;
    }
    const auto behaviour = ica::test::HostileServer::fromName(wanted);
    if (!behaviour) {
        std::fprintf(stderr, "usage: hostile-server BEHAVIOUR (one of: %s)\n",
                     qPrintable(names.join(QStringLiteral(", "))));
        return 2;
    }
    ica::test::HostileServer server(*behaviour);
    if (!server.listen()) {
        std::fprintf(stderr, "hostile-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("%s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
