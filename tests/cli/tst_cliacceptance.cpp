// The acceptance scenario, end to end through icatag against the simulator:
// create a batch of 10,000 data IDs of the first project (10 of them unknown) with
// user and technical tag changes, wait for it (PARTIALLY_SUCCEEDED, right counts),
// list exactly the unknown IDs as FAILED, and find the new tags with data list.
// Every run is --verbose, and nothing any of them printed holds the API key, a JWT
// or an Authorization header.
#include "tests/cli/clitestsupport.h"
#include "tests/support/secretscan.h"
#include "tests/support/simfixture.h"

#include "simulator/icasimulator.h"

#include <QSet>
#include <QTest>

using clitest::CliResult;
using clitest::CliSession;

class TestCliAcceptance final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::SimFixture> f;
    QByteArray m_printed; ///< stdout and stderr of every run, for the secret scan

    QStringList server() const {
        return {QStringLiteral("--server"), f->sim->baseUrl().toString(),
                QStringLiteral("--api-key"), f->sim->apiKey(), QStringLiteral("--verbose")};
    }

    void keep(const QString &out, const QString &err) { m_printed += (out + err).toUtf8(); }

private Q_SLOTS:
    void initTestCase() {
        ica::sim::SimulatorOptions options = ica::test::SimFixture::smallWorld();
        options.filesInFirstProject = 10500;
        f = std::make_unique<ica::test::SimFixture>(options);
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
    }

    void tenThousandIdsWithUnknownOnes() {
        const QString project = f->sim->projectIds().constFirst();
        const QStringList known = f->sim->fileIds(project).mid(0, 9990);
        QCOMPARE(known.size(), 9990);
        const QStringList unknown = clitest::unknownDataIds(10, 0xacce);
        for (const QString &id : unknown)
            QVERIFY(!f->sim->data(project, id).has_value());
        // Unknown IDs spread through the file, as a person's list would have them.
        QStringList ids = known;
        for (int i = 0; i < unknown.size(); ++i)
            ids.insert(i * 997, unknown.at(i));
        const QString path = clitest::writeScratchFile(QStringLiteral("acceptance.txt"),
                                                       ids.join(QLatin1Char('\n')).toUtf8());
        const QStringList inProject{QStringLiteral("--project"), project};

        // Create.
        CliResult r = clitest::runCli(
            QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject +
            QStringList{QStringLiteral("--ids-file"), path, QStringLiteral("--add-user-tag"),
                        QStringLiteral("reviewed"), QStringLiteral("--add-user-tag"),
                        QStringLiteral("cohort-7"), QStringLiteral("--add-tech-tag"),
                        QStringLiteral("pipeline:v2"), QStringLiteral("--remove-tech-tag"),
                        QStringLiteral("pipeline:v1"), QStringLiteral("-o"),
                        QStringLiteral("json")} +
            server());
        keep(r.out, r.err);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QString batchId = r.jsonObject()[QLatin1String("id")].toString();
        QVERIFY(!batchId.isEmpty());
        QCOMPARE(f->sim->batch(project, batchId)->itemCount, 10000);

        // Wait: polled while the simulated clock stands still, then moved on.
        CliSession wait;
        wait.start(QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject +
                   QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--interval"),
                               QStringLiteral("0.02"), QStringLiteral("-o"),
                               QStringLiteral("json")} +
                   server());
        QTRY_VERIFY(wait.err().contains(QLatin1String("INITIALIZED: INITIALISED 10000")));
        f->sim->advance(std::chrono::seconds(3)); // mid-way: RUNNING, some items done
        QTRY_VERIFY(wait.err().contains(QLatin1String(" RUNNING: ")));
        QVERIFY(!wait.isFinished());
        f->sim->advance(std::chrono::minutes(10));
        QVERIFY(wait.waitFinished());
        keep(wait.out(), wait.err());
        QVERIFY2(wait.exitCode() == 0, qPrintable(wait.err()));
        const QJsonObject result = QJsonDocument::fromJson(wait.out().toUtf8()).object();
        QCOMPARE(result[QLatin1String("batch")][QLatin1String("job")][QLatin1String("status")]
                     .toString(),
                 QStringLiteral("PARTIALLY_SUCCEEDED"));
        const QJsonObject counts = result[QLatin1String("itemCounts")].toObject();
        QCOMPARE(counts[QLatin1String("UPDATED")].toInt(), 9990);
        QCOMPARE(counts[QLatin1String("FAILED")].toInt(), 10);
        QCOMPARE(counts[QLatin1String("PARTIALLY_UPDATED")].toInt(-1), 0);
        QCOMPARE(counts[QLatin1String("INITIALISED")].toInt(-1), 0);
        QCOMPARE(counts[QLatin1String("WAITING_RESOURCES")].toInt(-1), 0);
        QCOMPARE(counts[QLatin1String("UPDATING")].toInt(-1), 0);

        // Exactly the unknown IDs failed.
        r = clitest::runCli(
            QStringList{QStringLiteral("batch"), QStringLiteral("items")} + inProject +
            QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--status"),
                        QStringLiteral("FAILED"), QStringLiteral("--all"), QStringLiteral("-o"),
                        QStringLiteral("csv")} +
            server());
        keep(r.out, r.err);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> rows = clitest::parseCsv(r.out);
        QCOMPARE(rows.size(), 11);
        QSet<QString> failed;
        for (const QStringList &row : rows.mid(1)) {
            QCOMPARE(row.at(2), QStringLiteral("FAILED"));
            failed.insert(row.at(1));
        }
        QCOMPARE(failed, QSet<QString>(unknown.begin(), unknown.end()));

        // data list shows the new tags on exactly the known files.
        r = clitest::runCli(
            QStringList{QStringLiteral("data"), QStringLiteral("list")} + inProject +
            QStringList{QStringLiteral("--user-tag"), QStringLiteral("cohort-7"),
                        QStringLiteral("--all"), QStringLiteral("-o"), QStringLiteral("json")} +
            server());
        keep(r.out, r.err);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray tagged = r.jsonArray();
        QCOMPARE(tagged.size(), 9990);
        QSet<QString> taggedIds;
        for (const QJsonValue &d : tagged) {
            taggedIds.insert(clitest::dataIdOf(d));
            const QStringList userTags = clitest::dataTagsOf(d, "userTags");
            const QStringList techTags = clitest::dataTagsOf(d, "technicalTags");
            QVERIFY(userTags.contains(QStringLiteral("reviewed")));
            QVERIFY(techTags.contains(QStringLiteral("pipeline:v2")));
            QVERIFY(!techTags.contains(QStringLiteral("pipeline:v1")));
        }
        QCOMPARE(taggedIds, QSet<QString>(known.begin(), known.end()));

        // The table view of one of them, as a person would read it.
        r = clitest::runCli(QStringList{QStringLiteral("data"), QStringLiteral("list")} +
                            inProject +
                            QStringList{QStringLiteral("--tech-tag"), QStringLiteral("pipeline:v2"),
                                        QStringLiteral("--page-size"), QStringLiteral("3")} +
                            server());
        keep(r.out, r.err);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).contains(QLatin1String("USER TAGS")));
        for (const QString &line : lines.mid(1)) {
            QVERIFY2(line.contains(QLatin1String("pipeline:v2")), qPrintable(line));
            QVERIFY2(line.contains(QLatin1String("reviewed")), qPrintable(line));
            QVERIFY2(line.contains(QLatin1String("cohort-7")), qPrintable(line));
        }
        QVERIFY(r.err.contains(QLatin1String("rows 1-3 of 9990")));
    }

    void nothingSecretWasPrinted() {
        QVERIFY2(m_printed.contains("icatag: > GET "), "the runs were verbose");
        const QStringList found =
            ica::test::findSecretsInOutput(m_printed, {f->sim->apiKey().toUtf8()});
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCliAcceptance)
#include "tst_cliacceptance.moc"
