// `icatag batch items --with-names` and `icatag batch failures`, in-process against
// the real simulator over loopback: a finished batch of 2,000 items (4 data IDs that
// name nothing) listed with names and paths in every format, and its failures
// grouped by reason in every format. Both must tell the same facts as the simulator.
#include "tests/cli/clitestsupport.h"
#include "tests/support/simfixture.h"

#include "simulator/icasimulator.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using clitest::CliResult;
using clitest::runCli;

class TestCliNames final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::SimFixture> f;
    QString project;
    QStringList known;   // files of the batch, in the order sent
    QStringList unknown; // data IDs of the batch no project holds
    QString batch;
    int dataRequests = 0; // GET .../data answers the simulator wrote

    QStringList server() const {
        return {QStringLiteral("--server"), f->sim->baseUrl().toString(),
                QStringLiteral("--api-key"), f->sim->apiKey()};
    }
    CliResult icatag(const QStringList &args) { return runCli(args + server()); }
    QStringList items(const QStringList &more) const {
        return QStringList{QStringLiteral("batch"),     QStringLiteral("items"),
                           QStringLiteral("--project"), project,
                           QStringLiteral("--batch"),   batch} +
               more;
    }
    QStringList failures(const QStringList &more) const {
        return QStringList{QStringLiteral("batch"),     QStringLiteral("failures"),
                           QStringLiteral("--project"), project,
                           QStringLiteral("--batch"),   batch} +
               more;
    }

private Q_SLOTS:
    void initTestCase() {
        ica::sim::SimulatorOptions options = ica::test::SimFixture::smallWorld();
        options.filesInFirstProject = 2000;
        f = std::make_unique<ica::test::SimFixture>(options);
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        connect(f->sim.get(), &ica::sim::IcaSimulator::requestServed, this,
                [this](const QString &method, const QString &path, int) {
                    if (method == QStringLiteral("GET") && path.endsWith(QStringLiteral("/data")))
                        ++dataRequests;
                });
        project = f->sim->projectIds().constFirst();
        known = f->sim->fileIds(project).mid(0, 1996);
        QCOMPARE(known.size(), 1996);
        unknown = clitest::unknownDataIds(4, 0x4a3e);
        const QString path = clitest::writeScratchFile(
            QStringLiteral("names-ids.txt"),
            (known.mid(0, 500) + unknown + known.mid(500)).join(QLatin1Char('\n')).toUtf8());
        const CliResult created =
            icatag({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--project"),
                    project, QStringLiteral("--ids-file"), path, QStringLiteral("--add-user-tag"),
                    QStringLiteral("named"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(created.exitCode == 0, created.describe());
        batch = created.jsonObject().value(QLatin1String("id")).toString();
        QVERIFY(!batch.isEmpty());
        f->sim->advance(std::chrono::minutes(30));
        QCOMPARE(f->sim->batch(project, batch)->jobStatus, QStringLiteral("PARTIALLY_SUCCEEDED"));
    }

    void cleanupTestCase() { f.reset(); }

    void helpDescribesTheNewOptions() {
        CliResult r =
            runCli({QStringLiteral("batch"), QStringLiteral("items"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--with-names")));
        QVERIFY(r.out.contains(QLatin1String("dataName")));
        r = runCli({QStringLiteral("batch"), QStringLiteral("failures"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("additionalStatusInformation")));
        QVERIFY(r.out.contains(QLatin1String("dataIds")));
        r = runCli({QStringLiteral("batch"), QStringLiteral("failures"),
                    QStringLiteral("--project"), QStringLiteral("p")});
        QCOMPARE(r.exitCode, 2); // --batch is required
        QVERIFY(r.err.contains(QLatin1String("--batch")));
    }

    void jsonAndJsonlCarryNameAndPath() {
        for (const char *format : {"json", "jsonl"}) {
            const int dataBefore = dataRequests;
            const CliResult r =
                icatag(items({QStringLiteral("--all"), QStringLiteral("--with-names"),
                              QStringLiteral("-o"), QLatin1String(format)}));
            QVERIFY2(r.exitCode == 0, r.describe());
            QList<QJsonObject> rows;
            if (QLatin1String(format) == QLatin1String("json")) {
                for (const QJsonValue &v : r.jsonArray())
                    rows.append(v.toObject());
            } else {
                for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    rows.append(QJsonDocument::fromJson(line.toUtf8()).object());
            }
            QCOMPARE(rows.size(), 2000);
            QSet<QString> notFound;
            for (const QJsonObject &row : rows) {
                const QString dataId =
                    row[QLatin1String("request")][QLatin1String("dataId")].toString();
                // The API's fields stay as they were.
                QVERIFY(!row[QLatin1String("id")].toString().isEmpty());
                QVERIFY(row[QLatin1String("processing")].isObject());
                const auto data = f->sim->data(project, dataId);
                if (!data) {
                    QVERIFY(row[QLatin1String("dataName")].isNull());
                    QVERIFY(row[QLatin1String("dataPath")].isNull());
                    notFound.insert(dataId);
                    continue;
                }
                QCOMPARE(row[QLatin1String("dataName")].toString(), data->name);
                QCOMPARE(row[QLatin1String("dataPath")].toString(), data->path);
            }
            QCOMPARE(notFound, QSet<QString>(unknown.cbegin(), unknown.cend()));
            // In bulk: repeated id parameters, up to 200 a call, not a call per item.
            const int calls = dataRequests - dataBefore;
            QVERIFY2(calls >= 10 && calls <= 14, qPrintable(QString::number(calls)));
        }
    }

    void csvAndTableCarryNameAndPath() {
        CliResult r = icatag(items({QStringLiteral("--all"), QStringLiteral("--with-names"),
                                    QStringLiteral("-o"), QStringLiteral("csv")}));
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> csv = clitest::parseCsv(r.out);
        QCOMPARE(csv.size(), 2001);
        const QStringList header = csv.first();
        const qsizetype dataCol = header.indexOf(QStringLiteral("dataId"));
        const qsizetype nameCol = header.indexOf(QStringLiteral("dataName"));
        const qsizetype pathCol = header.indexOf(QStringLiteral("dataPath"));
        QVERIFY(dataCol >= 0 && nameCol == dataCol + 1 && pathCol == dataCol + 2);
        int missing = 0;
        for (qsizetype i = 1; i < csv.size(); ++i) {
            const QStringList &line = csv.at(i);
            const auto data = f->sim->data(project, line.at(dataCol));
            QCOMPARE(line.at(nameCol), data ? data->name : QString());
            QCOMPARE(line.at(pathCol), data ? data->path : QString());
            missing += data ? 0 : 1;
        }
        QCOMPARE(missing, 4);

        // A single page of the table: NAME and PATH beside the data ID.
        r = icatag(items({QStringLiteral("--with-names"), QStringLiteral("--page-size"),
                          QStringLiteral("1000")}));
        QVERIFY2(r.exitCode == 0, r.describe());
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(
            lines.first().contains(QRegularExpression(QStringLiteral("^ITEM +DATA +NAME +PATH"))));
        QCOMPARE(lines.size(), 1001);
        QCOMPARE(r.out.count(QLatin1String("(not found)")), 4); // the 4 unknown IDs are on page 1
        const auto first = f->sim->data(project, known.first());
        QVERIFY(first);
        QVERIFY(r.out.contains(first->path));
    }

    void failuresInEveryFormat() {
        const QSet<QString> unknownSet(unknown.cbegin(), unknown.cend());
        const QString reason = QStringLiteral("Data with id '<id>' was not found in project <id>.");

        CliResult r = icatag(failures({QStringLiteral("-o"), QStringLiteral("json")}));
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray groups = r.jsonArray();
        QCOMPARE(groups.size(), 1);
        const QJsonObject group = groups.first().toObject();
        QCOMPARE(group[QLatin1String("reason")].toString(), reason);
        QCOMPARE(group[QLatin1String("count")].toInt(), 4);
        QCOMPARE(group[QLatin1String("statuses")].toArray(), QJsonArray{QStringLiteral("FAILED")});
        QSet<QString> ids;
        for (const QJsonValue &id : group[QLatin1String("dataIds")].toArray())
            ids.insert(id.toString());
        QCOMPARE(ids, unknownSet);

        r = icatag(failures({QStringLiteral("-o"), QStringLiteral("csv")}));
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> csv = clitest::parseCsv(r.out);
        QCOMPARE(csv.size(), 2);
        QCOMPARE(csv.at(0), (QStringList{QStringLiteral("reason"), QStringLiteral("count"),
                                         QStringLiteral("statuses")}));
        QCOMPARE(csv.at(1), (QStringList{reason, QStringLiteral("4"), QStringLiteral("FAILED")}));

        r = icatag(failures({}));
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.startsWith(QLatin1String("REASON")));
        QVERIFY(r.out.contains(QRegularExpression(QRegularExpression::escape(reason) +
                                                  QStringLiteral(" +4 +FAILED\\n"))));

        // The same facts as --with-names: the IDs that failed are those not found.
        r = icatag(items({QStringLiteral("--all"), QStringLiteral("--with-names"),
                          QStringLiteral("--status"), QStringLiteral("FAILED"),
                          QStringLiteral("-o"), QStringLiteral("json")}));
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.jsonArray().size(), 4);
        for (const QJsonValue &row : r.jsonArray()) {
            QVERIFY(row[QLatin1String("dataName")].isNull());
            QVERIFY(unknownSet.contains(
                row[QLatin1String("request")][QLatin1String("dataId")].toString()));
        }
    }

    void aBatchWithoutFailures() {
        const QString path = clitest::writeScratchFile(
            QStringLiteral("ok-ids.txt"), known.mid(0, 5).join(QLatin1Char('\n')).toUtf8());
        const CliResult created =
            icatag({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--project"),
                    project, QStringLiteral("--ids-file"), path, QStringLiteral("--add-user-tag"),
                    QStringLiteral("ok"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(created.exitCode == 0, created.describe());
        const QString ok = created.jsonObject().value(QLatin1String("id")).toString();
        f->sim->advance(std::chrono::minutes(10));
        CliResult r = icatag({QStringLiteral("batch"), QStringLiteral("failures"),
                              QStringLiteral("--project"), project, QStringLiteral("--batch"), ok,
                              QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.jsonArray().size(), 0);
        r = icatag({QStringLiteral("batch"), QStringLiteral("failures"),
                    QStringLiteral("--project"), project, QStringLiteral("--batch"), ok});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QLatin1String("no item")));
    }
};

QTEST_GUILESS_MAIN(TestCliNames)
#include "tst_clinames.moc"
