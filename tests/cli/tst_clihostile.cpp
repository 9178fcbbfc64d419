// Every icatag command that talks to a server, run as the built executable against
// each misbehaviour of a hostile HTTP server on loopback (HostileServer, served by
// this process's event loop): exit 1, a clear message on stderr, done within a
// few times its --timeout, and peak resident memory under 128 MB. Two children run
// at a time so the matrix stays fast.
#include "tests/cli/clitestsupport.h"
#include "tests/support/hostileserver.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <limits>
#include <map>
#include <memory>

#include <sys/resource.h>

using ica::test::HostileServer;
using Behaviour = HostileServer::Behaviour;

namespace {

/// Each request's bound in the matrix (--timeout / --request-timeout).
constexpr int RequestSeconds = 3;
/// Generous: a run must end within this (the drip and silent runs take ~3 s).
constexpr qint64 RunLimitMs = 5 * RequestSeconds * 1000;
#ifdef ICATAG_SANITIZED
// ASan's shadow memory and quarantine are resident too: the bound is for real builds.
constexpr qint64 RssLimitKib = std::numeric_limits<qint64>::max();
#else
constexpr qint64 RssLimitKib = 128 * 1024;
#endif
constexpr int Parallel = 2;

struct CommandCase {
    QString name;
    QStringList args;
    bool listing = false;      ///< a listing (the paging behaviours apply)
    bool pagesToEnd = false;   ///< --all: loops are its problem
    bool offsetPaging = false; ///< --all --sort: offset pages
};

QList<CommandCase> commands(const QString &idsFile) {
    const QString p = QStringLiteral("--project=hostile-p");
    const QString b = QStringLiteral("--batch=hostile-b");
    const QString all = QStringLiteral("--all");
    const QString sort = QStringLiteral("--sort=name");
    return {
        {QStringLiteral("projects list"),
         {QStringLiteral("projects"), QStringLiteral("list")},
         true},
        {QStringLiteral("projects list --all"),
         {QStringLiteral("projects"), QStringLiteral("list"), all},
         true,
         true},
        {QStringLiteral("projects list --all --sort"),
         {QStringLiteral("projects"), QStringLiteral("list"), all, sort},
         true,
         true,
         true},
        {QStringLiteral("data list"), {QStringLiteral("data"), QStringLiteral("list"), p}, true},
        {QStringLiteral("data list --all"),
         {QStringLiteral("data"), QStringLiteral("list"), p, all},
         true,
         true},
        {QStringLiteral("data get"),
         {QStringLiteral("data"), QStringLiteral("get"), p,
          QStringLiteral("--data=fil.0123456789abcdef0123456789abcdef")}},
        {QStringLiteral("batch get"), {QStringLiteral("batch"), QStringLiteral("get"), p, b}},
        {QStringLiteral("batch item"),
         {QStringLiteral("batch"), QStringLiteral("item"), p, b, QStringLiteral("--item=i1")}},
        {QStringLiteral("batch items"),
         {QStringLiteral("batch"), QStringLiteral("items"), p, b},
         true},
        {QStringLiteral("batch items --all"),
         {QStringLiteral("batch"), QStringLiteral("items"), p, b, all},
         true,
         true},
        {QStringLiteral("batch items --all --sort"),
         {QStringLiteral("batch"), QStringLiteral("items"), p, b, all,
          QStringLiteral("--sort=timeCreated")},
         true,
         true,
         true},
        {QStringLiteral("batch wait"),
         {QStringLiteral("batch"), QStringLiteral("wait"), p, b, QStringLiteral("--interval=1"),
          QStringLiteral("--timeout=10")}},
        {QStringLiteral("batch create"),
         {QStringLiteral("batch"), QStringLiteral("create"), p,
          QStringLiteral("--ids-file=") + idsFile, QStringLiteral("--add-user-tag=reviewed")}},
    };
}

/// What stderr must say for each behaviour (case-insensitive).
QString expectedMessage(Behaviour behaviour) {
    switch (behaviour) {
    case Behaviour::GzipBomb:
        return QStringLiteral("larger than the 16 MiB limit.*\\n.*hint: .*--max-body-mib");
    case Behaviour::EndlessBody:
        // Whichever bound comes first: this process serves two children at once and
        // may not reach 16 MiB within the 3 s deadline.
        return QStringLiteral("(larger than the 16 MiB limit.*\\n.*hint: .*--max-body-mib|"
                              "not complete within the 3 s deadline.*\\n.*hint: .*--timeout)");
    case Behaviour::HugeBody:
        return QStringLiteral("announced 200 MiB, more than the 16 MiB limit");
    case Behaviour::Drip:
        return QStringLiteral("not complete within the 3 s deadline.*\\n.*hint: .*--timeout");
    case Behaviour::DeepNesting:
    case Behaviour::WrongShapes:
        return QStringLiteral("error: .*Unexpected answer from the server: ");
    case Behaviour::HtmlLogin:
        return QStringLiteral("web page, not ICA's API: check the server URL \\(127.0.0.1\\)");
    case Behaviour::RedirectLoop:
        return QStringLiteral("redirected more than 5 times");
    case Behaviour::RedirectAway:
        return QStringLiteral("redirected to https://login.example.invalid/sso, which is not");
    case Behaviour::Silent:
        // batch wait rides out failed polls until its own --timeout.
        return QStringLiteral("(error: .*Timed out: .*127.0.0.1|No answer from 127.0.0.1 within "
                              "3 s; polling again[\\s\\S]*error: timed out after \\d+ s waiting)");
    case Behaviour::Drop:
        return QStringLiteral("connection to 127.0.0.1 dropped");
    case Behaviour::RateLimited:
        return QStringLiteral("hint: the server asked to wait 3600 s");
    case Behaviour::RepeatCursor:
    case Behaviour::CycleCursor:
    case Behaviour::EndlessCursor:
        return QStringLiteral("stopping to avoid an endless listing");
    case Behaviour::OversizedPage:
        return QStringLiteral("rows on a page of at most");
    case Behaviour::HugeTotal:
        // Refused by the decoder (a count is 0..INT_MAX) before the paging guard sees it.
        return QStringLiteral("totalItemCount: 4611686018427387904 is not a whole number");
    case Behaviour::ShortPages:
        return QStringLiteral("sent 500 items at offset 2000 where the batch's 3000 items call "
                              "for 1000[\\s\\S]*output above is incomplete: 2000 rows");
    case Behaviour::RepeatedRow:
        return QStringLiteral("sent the item hostile-i-0 twice \\(again on the page at offset "
                              "1000\\)[\\s\\S]*output above is incomplete: 1000 rows");
    }
    return {};
}

/// Whether `command` is expected to fail against `behaviour`.
bool applies(Behaviour behaviour, const CommandCase &command) {
    switch (behaviour) {
    case Behaviour::RepeatCursor:
    case Behaviour::CycleCursor:
    case Behaviour::EndlessCursor:
        return command.pagesToEnd;
    case Behaviour::OversizedPage:
        return command.listing;
    case Behaviour::HugeTotal:
        return command.offsetPaging;
    case Behaviour::ShortPages:
    case Behaviour::RepeatedRow:
        // Only a finished batch's items are checked to add up (their batch is SUCCEEDED).
        return command.name == QLatin1String("batch items --all");
    case Behaviour::Drop:
    case Behaviour::RateLimited:
        // Covered by tst_hostileclient for every call; here one GET and the POST.
        return command.name == QLatin1String("batch get") ||
               command.name == QLatin1String("batch create");
    default:
        return true;
    }
}

struct Run {
    Behaviour behaviour;
    CommandCase command;
    std::unique_ptr<QProcess> process;
    QElapsedTimer clock;
    qint64 elapsedMs = -1;
};

long childrenPeakRssKib() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss; // KiB on Linux: the largest child reaped so far
}

} // namespace

class TestCliHostile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCommandAgainstEveryBehaviour() {
        const QString idsFile = clitest::writeScratchFile(QStringLiteral("hostile-ids.txt"),
                                                          "fil.0123456789abcdef0123456789abcdef\n");
        std::map<Behaviour, std::unique_ptr<HostileServer>> servers;
        QList<std::shared_ptr<Run>> pending;
        for (const Behaviour behaviour : HostileServer::all()) {
            auto server = std::make_unique<HostileServer>(behaviour);
            QVERIFY2(server->listen(), qPrintable(server->errorString()));
            for (const CommandCase &command : commands(idsFile)) {
                if (!applies(behaviour, command))
                    continue;
                auto run = std::make_shared<Run>();
                run->behaviour = behaviour;
                run->command = command;
                QStringList args = command.args;
                const bool ownTimeout = command.name == QLatin1String("batch wait");
                args << QStringLiteral("--server") << server->baseUrl().toString()
                     << QStringLiteral("--retries=0")
                     << (ownTimeout ? QStringLiteral("--request-timeout=%1")
                                    : QStringLiteral("--timeout=%1"))
                            .arg(RequestSeconds);
                run->command.args = args;
                pending.append(run);
            }
            servers[behaviour] = std::move(server);
        }

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"ICAV2_SERVER_URL", "ICAV2_ACCESS_TOKEN", "ICATAG_REPORT_HEADER"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("ICAV2_X_API_KEY"), QStringLiteral("hostile-test-key"));

        QList<std::shared_ptr<Run>> running;
        QList<std::shared_ptr<Run>> done;
        QStringList failures;
        long rssBefore = childrenPeakRssKib();
        QElapsedTimer total;
        total.start();
        while (!pending.isEmpty() || !running.isEmpty()) {
            while (running.size() < Parallel && !pending.isEmpty()) {
                std::shared_ptr<Run> run = pending.takeFirst();
                run->process = std::make_unique<QProcess>();
                run->process->setProcessEnvironment(env);
                run->clock.start();
                run->process->start(QStringLiteral(ICATAG_EXECUTABLE), run->command.args);
                running.append(run);
            }
            // Wait for one child to end (or to overrun its limit: then it is killed).
            const bool ended = QTest::qWaitFor(
                [&running]() {
                    for (const auto &run : running) {
                        if (run->process->state() == QProcess::NotRunning ||
                            run->clock.elapsed() > 3 * RunLimitMs)
                            return true;
                    }
                    return false;
                },
                int(4 * RunLimitMs));
            QVERIFY(ended);
            for (qsizetype i = running.size() - 1; i >= 0; --i) {
                std::shared_ptr<Run> run = running.at(i);
                QProcess &process = *run->process;
                if (process.state() != QProcess::NotRunning) {
                    if (run->clock.elapsed() <= 3 * RunLimitMs)
                        continue;
                    process.kill();
                    process.waitForFinished(5000);
                }
                run->elapsedMs = run->clock.elapsed();
                running.removeAt(i);
                done.append(run);
                const long rssNow = childrenPeakRssKib();
                const QString what =
                    HostileServer::name(run->behaviour) + QStringLiteral(" / ") + run->command.name;
                if (rssNow > rssBefore) {
                    qInfo("%s: peak RSS of the children now %ld KiB", qPrintable(what), rssNow);
                    rssBefore = rssNow;
                }
                const int exitCode =
                    process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
                const QString err = QString::fromUtf8(process.readAllStandardError());
                const QString out = QString::fromUtf8(process.readAllStandardOutput());
                const QRegularExpression expected(expectedMessage(run->behaviour),
                                                  QRegularExpression::CaseInsensitiveOption);
                QStringList problems;
                if (exitCode != 1)
                    problems << QStringLiteral("exit %1").arg(exitCode);
                if (!expected.match(err).hasMatch())
                    problems << QStringLiteral("stderr lacks /%1/").arg(expected.pattern());
                // --all streams: rows of the pages before the failing one are out
                // already, and stderr must then say the output is incomplete.
                const bool saidIncomplete =
                    run->command.pagesToEnd && err.contains(QLatin1String("output above is "
                                                                          "incomplete"));
                if (!out.isEmpty() && !saidIncomplete)
                    problems << QStringLiteral("stdout not empty");
                if (run->elapsedMs > RunLimitMs)
                    problems << QStringLiteral("took %1 ms").arg(run->elapsedMs);
                if (rssNow > RssLimitKib)
                    problems << QStringLiteral("children's peak RSS %1 KiB").arg(rssNow);
                if (!problems.isEmpty())
                    failures << QStringLiteral("%1: %2\n  stderr: %3")
                                    .arg(what, problems.join(QStringLiteral(", ")),
                                         err.left(600).trimmed());
            }
        }
        qInfo("%lld runs in %lld ms; children's peak RSS %ld KiB", qint64(done.size()),
              total.elapsed(), childrenPeakRssKib());
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(done.size() > 100);
        QVERIFY(childrenPeakRssKib() > 0); // the measure works at all
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_clihostile.moc"
