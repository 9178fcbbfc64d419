// icatag under faults, in-process against the real simulator over loopback:
// `batch wait` rides out 500s, dropped connections and a slow answer and gives up
// only after --give-up-after (or at once on a 404); `batch items --all` survives a
// 500, a dropped connection and an answer slower than the request timeout; a
// gateway's 504 or a dropped connection after a create is an unknown outcome whose
// `batch find` check finds the one batch the server did create.
#include "tests/cli/clitestsupport.h"
#include "tests/support/simfixture.h"

#include "simulator/icasimulator.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using clitest::CliResult;
using clitest::CliSession;
using clitest::runCli;

class TestCliFaults final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::SimFixture> f;
    QString project;
    QStringList files;

    QStringList server() const {
        return {QStringLiteral("--server"), f->sim->baseUrl().toString(),
                QStringLiteral("--api-key"), f->sim->apiKey()};
    }
    QStringList inProject() const { return {QStringLiteral("--project"), project}; }
    /// Quick retries (the real schedule is 0.5, 2, 10, 30 s) where a test needs many.
    static QProcessEnvironment quickRetries() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("ICATAG_RETRY_DELAYS_MS"), QStringLiteral("10,20,40,80"));
        return env;
    }

    QString createBatch(const QStringList &ids) {
        static int n = 0;
        const QString path = clitest::writeScratchFile(QStringLiteral("faults-%1.txt").arg(++n),
                                                       ids.join(QLatin1Char('\n')).toUtf8());
        const CliResult r = runCli(
            QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
            QStringList{QStringLiteral("--ids-file"), path, QStringLiteral("--add-user-tag"),
                        QStringLiteral("storm"), QStringLiteral("-o"), QStringLiteral("json")} +
            server());
        if (r.exitCode != 0)
            qWarning("%s", r.describe().constData());
        return r.jsonObject().value(QLatin1String("id")).toString();
    }

    /// Runs `batch create` from `ids` expecting an unknown outcome; returns stderr.
    CliResult createExpectingFailure(const QStringList &ids) {
        const QString path = clitest::writeScratchFile(QStringLiteral("unknown.txt"),
                                                       ids.join(QLatin1Char('\n')).toUtf8());
        return runCli(QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
                      QStringList{QStringLiteral("--ids-file"), path,
                                  QStringLiteral("--add-user-tag"), QStringLiteral("maybe")} +
                      server());
    }

    /// The `batch find` command line icatag printed, as arguments.
    static QStringList suggestedCheck(const QString &err) {
        const QRegularExpression line(QStringLiteral("icatag (batch find [^\\n]+)"));
        const QRegularExpressionMatch m = line.match(err);
        return m.hasMatch() ? m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)
                            : QStringList();
    }

    /// Checks the unknown-outcome message, that exactly one batch was created, and
    /// that the suggested check finds exactly that one with the count sent.
    void verifyUnknownOutcomeAndCheck(const CliResult &r, int before, int idCount) {
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("the server may or may not have created the batch")),
                 r.describe());
        QVERIFY2(!r.err.contains(QLatin1String("was not created")), r.describe());
        QCOMPARE(f->sim->batchCount(), before + 1); // taken once, never sent again
        const QStringList check = suggestedCheck(r.err);
        QVERIFY2(check.size() >= 6, r.describe());
        const CliResult found =
            runCli(check + QStringList{QStringLiteral("-o"), QStringLiteral("json")} + server());
        QVERIFY2(found.exitCode == 0, found.describe());
        int matching = 0;
        QString matchedId;
        for (const QJsonValue &v : found.jsonArray()) {
            if (v[QLatin1String("matchesItems")].toBool()) {
                ++matching;
                matchedId = v[QLatin1String("id")].toString();
                QCOMPARE(v[QLatin1String("itemCount")].toInt(), idCount);
            }
        }
        QCOMPARE(matching, 1);
        QVERIFY(f->sim->batch(project, matchedId).has_value());
    }

private Q_SLOTS:
    void initTestCase() {
        f = std::make_unique<ica::test::SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        project = f->sim->projectIds().constFirst();
        files = f->sim->fileIds(project).mid(0, 400);
        QCOMPARE(files.size(), 400);
    }

    void cleanup() { f->sim->faults().reset(); }
    void cleanupTestCase() { f.reset(); }

    void waitRidesOutFailuresForMoreThanOnePoll() {
        const QString batchId = createBatch(files.mid(0, 5));
        QVERIFY(!batchId.isEmpty());
        // More failures than the client's five tries of one call: whole polls fail.
        f->sim->faults().failNext(14, 500, batchId);
        CliSession session(quickRetries());
        session.start(QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject() +
                      QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--interval"),
                                  QStringLiteral("0.05")} +
                      server());
        QTRY_VERIFY_WITH_TIMEOUT(f->sim->faults().options().failNext == 0, 20000);
        f->sim->faults().dropNext(2, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(f->sim->faults().options().dropNext == 0, 20000);
        QVERIFY2(!session.isFinished(), qPrintable(session.err()));
        f->sim->advance(std::chrono::minutes(5));
        QVERIFY(session.waitFinished());
        QVERIFY2(session.exitCode() == 0, qPrintable(session.err()));
        QVERIFY(session.out().contains(QLatin1String("SUCCEEDED")));
        const QString err = session.err();
        QVERIFY2(err.contains(QLatin1String("HTTP 500")) &&
                     err.contains(QLatin1String("trying again in")),
                 qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("polling again in 0.05 s")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("answers again")), qPrintable(err));
    }

    void waitSurvivesAnAnswerSlowerThanTheRequestTimeout() {
        const QString batchId = createBatch(files.mid(5, 3));
        QVERIFY(!batchId.isEmpty());
        f->sim->advance(std::chrono::minutes(5)); // terminal: one poll is enough
        f->sim->faults().slowNext(1, 3000, batchId);
        const CliResult r =
            runCli(QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject() +
                   QStringList{QStringLiteral("--batch"), batchId,
                               QStringLiteral("--request-timeout"), QStringLiteral("0.5")} +
                   server());
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.err.contains(QLatin1String("No answer from")) &&
                     r.err.contains(QLatin1String("trying again in 0.5 s (try 2 of 5)")),
                 r.describe());
    }

    void waitGivesUpAfterTheGraceOrAtOnceWhenGone() {
        const QString batchId = createBatch(files.mid(8, 2));
        QVERIFY(!batchId.isEmpty());
        f->sim->faults().failNext(100000, 503, batchId);
        CliResult r =
            runCli(QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject() +
                       QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--interval"),
                                   QStringLiteral("0.05"), QStringLiteral("--give-up-after"),
                                   QStringLiteral("0.5")} +
                       server(),
                   quickRetries());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("polling again")), r.describe());
        QVERIFY2(r.err.contains(QLatin1String("gave up after 0.5 s")), r.describe());
        f->sim->faults().reset();

        // A batch that does not exist: a 404 will not change, no grace.
        r = runCli(QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject() +
                       QStringList{QStringLiteral("--batch"),
                                   QStringLiteral("00000000-0000-4000-8000-000000000000")} +
                       server(),
                   quickRetries());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("404")), r.describe());
        QVERIFY2(!r.err.contains(QLatin1String("polling again")), r.describe());
    }

    void itemsAllSurvivesA500ADropAndASlowAnswer() {
        const QStringList ids = files.mid(100, 250);
        const QString batchId = createBatch(ids);
        QVERIFY(!batchId.isEmpty());
        const QString items = batchId + QStringLiteral("/items");
        // In order: a 500; its retry dropped twice (Qt itself sends a GET again once
        // after an early close); then one answer 3 s late, after the 1 s timeout.
        f->sim->faults().failNext(1, 500, items);
        f->sim->faults().dropNext(2, items);
        f->sim->faults().slowNext(1, 3000, items);
        // The real retry schedule (first retry after 0.5 s).
        const CliResult r =
            runCli(QStringList{QStringLiteral("batch"), QStringLiteral("items")} + inProject() +
                   QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--all"),
                               QStringLiteral("--page-size"), QStringLiteral("50"),
                               QStringLiteral("--request-timeout"), QStringLiteral("1"),
                               QStringLiteral("-o"), QStringLiteral("json")} +
                   server());
        QVERIFY2(r.exitCode == 0, r.describe());
        QSet<QString> seen;
        for (const QJsonValue &item : r.jsonArray())
            seen.insert(item[QLatin1String("request")][QLatin1String("dataId")].toString());
        QCOMPARE(r.jsonArray().size(), ids.size());
        QCOMPARE(seen, QSet<QString>(ids.begin(), ids.end()));
        QVERIFY2(r.err.contains(QLatin1String("HTTP 500")), r.describe());
        QVERIFY2(r.err.contains(QLatin1String("the connection dropped")), r.describe());
        QVERIFY2(r.err.contains(QLatin1String("No answer from")), r.describe());
    }

    void gateway504AfterCreateIsAnUnknownOutcomeAndTheCheckFindsIt() {
        const int before = f->sim->batchCount();
        f->sim->faults().gatewayNext(1, 504, QStringLiteral("dataUpdateBatch"));
        const CliResult r = createExpectingFailure(files.mid(20, 6));
        QVERIFY2(r.err.contains(QLatin1String("504")), r.describe());
        verifyUnknownOutcomeAndCheck(r, before, 6);
    }

    void droppedConnectionAfterCreateIsAnUnknownOutcome() {
        const int before = f->sim->batchCount();
        f->sim->faults().dropNext(1, QStringLiteral("dataUpdateBatch"));
        const CliResult r = createExpectingFailure(files.mid(30, 9));
        verifyUnknownOutcomeAndCheck(r, before, 9);
    }

    void icaRefusalStillMeansNotCreated() {
        const int before = f->sim->batchCount();
        // ICA's own 400 problem: an archive time set and cleared in the same group.
        const QString path = clitest::writeScratchFile(
            QStringLiteral("refused.json"),
            QStringLiteral("{\"dataUpdateGroups\": [{\"dataIds\": [\"%1\"], "
                           "\"willBeArchivedAt\": \"2100-01-01T00:00:00Z\", "
                           "\"clearWillBeArchivedAt\": true}]}")
                .arg(files.at(50))
                .toUtf8());
        const CliResult r =
            runCli(QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
                   QStringList{QStringLiteral("--file"), path} + server());
        QCOMPARE(f->sim->batchCount(), before);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("the batch was not created")), r.describe());
        QVERIFY2(!r.err.contains(QLatin1String("may or may not")), r.describe());
    }

    void findSaysWhenNothingWasCreated() {
        const CliResult r = runCli(
            QStringList{QStringLiteral("batch"), QStringLiteral("find")} + inProject() +
            QStringList{QStringLiteral("--created-after"), QStringLiteral("2100-01-01T00:00:00Z")} +
            server());
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.err.contains(QLatin1String("no batch was created in project")), r.describe());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_clifaults.moc"
