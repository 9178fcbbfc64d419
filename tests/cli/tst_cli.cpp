// icatag's commands run in-process against the real simulator over loopback:
// create (ID file with tag options, JSON body, --split, the limits), get, items
// (status filter, offset and cursor paging, --all in both modes, sort, every
// output format parsed back), item, wait, projects list, data list/get, help,
// usage errors (exit 2, nothing sent), API errors (exit 1) and secrets.
#include "tests/cli/clitestsupport.h"
#include "tests/support/simfixture.h"

#include "core/api/tokenapi.h"
#include "simulator/icasimulator.h"
#include "tests/support/callwaiter.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using clitest::CliResult;
using clitest::CliSession;
using clitest::runCli;

class TestCli final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::SimFixture> f;
    QString project;
    QStringList files;      // files of the first project, in listing order
    QString finishedBatch;  // files[0..2] + 2 unknown IDs, processed to the end
    QStringList unknownIds; // the unknown IDs of finishedBatch
    int requests = 0;       // answers the simulator wrote

    QStringList server() const {
        return {QStringLiteral("--server"), f->sim->baseUrl().toString(),
                QStringLiteral("--api-key"), f->sim->apiKey()};
    }
    QStringList inProject() const { return {QStringLiteral("--project"), project}; }
    CliResult icatag(const QStringList &args) { return runCli(args + server()); }

    /// Creates a batch from IDs with the given options; returns its ID ("" on failure).
    QString createBatch(const QStringList &ids, const QStringList &options) {
        static int n = 0;
        const QString path = clitest::writeScratchFile(QStringLiteral("ids-%1.txt").arg(++n),
                                                       ids.join(QLatin1Char('\n')).toUtf8());
        const CliResult r =
            icatag(QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
                   QStringList{QStringLiteral("--ids-file"), path} + options +
                   QStringList{QStringLiteral("-o"), QStringLiteral("json")});
        if (r.exitCode != 0)
            qWarning("%s", r.describe().constData());
        return r.jsonObject().value(QLatin1String("id")).toString();
    }

    static QStringList dataIdsOf(const QJsonArray &items) {
        QStringList ids;
        for (const QJsonValue &item : items)
            ids.append(item[QLatin1String("request")][QLatin1String("dataId")].toString());
        return ids;
    }

private Q_SLOTS:
    void initTestCase() {
        f = std::make_unique<ica::test::SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        connect(f->sim.get(), &ica::sim::IcaSimulator::requestServed, this,
                [this]() { ++requests; });
        project = f->sim->projectIds().constFirst();
        files = f->sim->fileIds(project).mid(0, 60);
        QCOMPARE(files.size(), 60);

        unknownIds = clitest::unknownDataIds(2, 0xabc);
        finishedBatch = createBatch(files.mid(0, 3) + unknownIds,
                                    {QStringLiteral("--add-user-tag"), QStringLiteral("cli-done"),
                                     QStringLiteral("--add-tech-tag"), QStringLiteral("cli:tech")});
        QVERIFY(!finishedBatch.isEmpty());
        f->sim->advance(std::chrono::minutes(10));
        QCOMPARE(f->sim->batch(project, finishedBatch)->jobStatus,
                 QStringLiteral("PARTIALLY_SUCCEEDED"));
    }

    void cleanupTestCase() { f.reset(); }

    // --- help -------------------------------------------------------------------

    void helpForEveryLevel() {
        CliResult r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *text :
             {"batch create", "batch get", "batch items", "batch item", "batch wait",
              "projects list", "data list", "data get", "ICAV2_X_API_KEY", "Exit status"})
            QVERIFY2(r.out.contains(QLatin1String(text)), text);

        r = runCli({QStringLiteral("batch"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("Usage: icatag batch <command>")));
        QVERIFY(r.out.contains(QLatin1String("wait")));
        QVERIFY(!r.out.contains(QLatin1String("projects list")));

        r = runCli({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *text : {"Usage: icatag batch create", "--ids-file", "--add-user-tag",
                                 "--split-size", "--archive-at", "--api-key"})
            QVERIFY2(r.out.contains(QLatin1String(text)), text);

        r = runCli({QStringLiteral("help"), QStringLiteral("batch"), QStringLiteral("wait")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("FAILED included")));
        QVERIFY(r.out.contains(QLatin1String("--interval")));

        r = runCli({QStringLiteral("data"), QStringLiteral("list"), QStringLiteral("-h")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--tech-tag-match")));
        QVERIFY(r.err.isEmpty());
    }

    // --- projects ---------------------------------------------------------------

    void projectsListInEveryFormat() {
        const QStringList ids = f->sim->projectIds();
        CliResult r = icatag({QStringLiteral("projects"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.startsWith(QLatin1String("ID ")));
        for (const QString &id : ids)
            QVERIFY(r.out.contains(id));

        r = icatag({QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("-o"),
                    QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray array = r.jsonArray();
        QCOMPARE(array.size(), ids.size());
        QCOMPARE(array.at(0)[QLatin1String("id")].toString(), ids.at(0));
        QVERIFY(!array.at(0)[QLatin1String("name")].toString().isEmpty());

        r = icatag({QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("--output"),
                    QStringLiteral("csv")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> rows = clitest::parseCsv(r.out);
        QCOMPARE(rows.size(), ids.size() + 1);
        QCOMPARE(rows.at(0).at(0), QStringLiteral("id"));
        QCOMPARE(rows.at(0).at(1), QStringLiteral("name"));
        QCOMPARE(rows.at(1).at(0), ids.at(0));
        QCOMPARE(rows.at(1).at(1), array.at(0)[QLatin1String("name")].toString());
    }

    void projectsSearchSortAndPaging() {
        const QJsonArray all = icatag({QStringLiteral("projects"), QStringLiteral("list"),
                                       QStringLiteral("-o"), QStringLiteral("json")})
                                   .jsonArray();
        QVERIFY(all.size() >= 2);
        const QString name = all.at(1)[QLatin1String("name")].toString();

        CliResult r =
            icatag({QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("--search"),
                    name, QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.jsonArray().size(), 1);
        QCOMPARE(r.jsonArray().at(0)[QLatin1String("name")].toString(), name);

        r = icatag({QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("--all"),
                    QStringLiteral("--sort"), QStringLiteral("name desc"),
                    QStringLiteral("--page-size"), QStringLiteral("1"), QStringLiteral("-o"),
                    QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QStringList names;
        for (const QJsonValue &p : r.jsonArray())
            names.append(p[QLatin1String("name")].toString());
        QCOMPARE(names.size(), all.size());
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(names, sorted);

        r = icatag({QStringLiteral("projects"), QStringLiteral("list"),
                    QStringLiteral("--page-size"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.err.contains(QLatin1String("next page: --offset 1")), r.describe());
    }

    // --- batch create -----------------------------------------------------------

    void createFromIdsFileWithTagOptions() {
        // Separators of every kind, a blank line and a duplicate.
        const QByteArray content = files.at(10).toUtf8() + ",  " + files.at(11).toUtf8() + "\n\n" +
                                   files.at(12).toUtf8() + "\t" + files.at(10).toUtf8() + "\r\n";
        const QString path = clitest::writeScratchFile(QStringLiteral("mixed.txt"), content);
        const CliResult r =
            icatag(QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
                   QStringList{QStringLiteral("--ids-file"), path, QStringLiteral("--add-user-tag"),
                               QStringLiteral("u1"), QStringLiteral("--add-user-tag"),
                               QStringLiteral("u2"), QStringLiteral("--remove-user-tag"),
                               QStringLiteral("old"), QStringLiteral("--add-tech-tag"),
                               QStringLiteral("t1"), QStringLiteral("--remove-tech-tag"),
                               QStringLiteral("t0"), QStringLiteral("--archive-at"),
                               QStringLiteral("2031-02-03T04:05:06Z"), QStringLiteral("-o"),
                               QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.err.contains(QLatin1String("1 duplicate ID(s) ignored")), r.describe());
        QVERIFY(r.err.contains(files.at(10) + QStringLiteral(" (line 3, first on line 1)")));
        const QString batchId = r.jsonObject().value(QLatin1String("id")).toString();
        QCOMPARE(r.jsonObject()[QLatin1String("job")][QLatin1String("status")].toString(),
                 QStringLiteral("INITIALIZED"));
        QCOMPARE(f->sim->batch(project, batchId)->itemCount, 3);

        const CliResult items =
            icatag(QStringList{QStringLiteral("batch"), QStringLiteral("items")} + inProject() +
                   QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--all"),
                               QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(items.exitCode == 0, items.describe());
        const QJsonArray array = items.jsonArray();
        const QStringList itemIds = dataIdsOf(array);
        QCOMPARE(QSet<QString>(itemIds.begin(), itemIds.end()),
                 QSet<QString>({files.at(10), files.at(11), files.at(12)}));
        for (const QJsonValue &item : array) {
            const QJsonObject request = item[QLatin1String("request")].toObject();
            QCOMPARE(request[QLatin1String("userTags")][QLatin1String("addTags")].toArray(),
                     QJsonArray({QStringLiteral("u1"), QStringLiteral("u2")}));
            QCOMPARE(request[QLatin1String("userTags")][QLatin1String("removeTags")].toArray(),
                     QJsonArray({QStringLiteral("old")}));
            QCOMPARE(request[QLatin1String("technicalTags")][QLatin1String("addTags")].toArray(),
                     QJsonArray({QStringLiteral("t1")}));
            QCOMPARE(request[QLatin1String("technicalTags")][QLatin1String("removeTags")].toArray(),
                     QJsonArray({QStringLiteral("t0")}));
            QCOMPARE(request[QLatin1String("willBeArchivedAt")].toString(),
                     QStringLiteral("2031-02-03T04:05:06Z"));
        }
    }

    void createFromJsonBodyFile() {
        const QByteArray body = QStringLiteral(
                                    R"({"dataUpdateGroups": [
              {"dataIds": ["%1", "%2"], "userTags": {"addTags": ["body-a"]}},
              {"dataIds": ["%3"], "technicalTags": {"removeTags": ["body-t"]}}]})")
                                    .arg(files.at(20), files.at(21), files.at(22))
                                    .toUtf8();
        const QString path = clitest::writeScratchFile(QStringLiteral("body.json"), body);
        CliResult r = icatag(QStringList{QStringLiteral("batch"), QStringLiteral("create")} +
                             inProject() + QStringList{QStringLiteral("--file"), path});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.contains(QLatin1String("Status:")));
        QVERIFY(r.out.contains(QLatin1String("INITIALIZED")));
        const QString batchId =
            r.out.section(QLatin1String("Batch:"), 1).section(QLatin1Char('\n'), 0, 0).trimmed();
        QCOMPARE(f->sim->batch(project, batchId)->itemCount, 3);

        r = icatag(QStringList{QStringLiteral("batch"), QStringLiteral("items")} + inProject() +
                   QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("-o"),
                               QStringLiteral("csv")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> rows = clitest::parseCsv(r.out);
        QCOMPARE(rows.size(), 4);
        const QStringList header = rows.at(0);
        const qsizetype dataCol = header.indexOf(QStringLiteral("dataId"));
        const qsizetype addUserCol = header.indexOf(QStringLiteral("addUserTags"));
        const qsizetype removeTechCol = header.indexOf(QStringLiteral("removeTechnicalTags"));
        QVERIFY(dataCol >= 0 && addUserCol >= 0 && removeTechCol >= 0);
        for (const QStringList &row : rows.mid(1)) {
            if (row.at(dataCol) == files.at(22)) {
                QCOMPARE(row.at(addUserCol), QString());
                QCOMPARE(row.at(removeTechCol), QStringLiteral("body-t"));
            } else {
                QCOMPARE(row.at(addUserCol), QStringLiteral("body-a"));
                QCOMPARE(row.at(removeTechCol), QString());
            }
        }
    }

    void createWithSplitSize() {
        const int before = f->sim->batchCount();
        const QString path = clitest::writeScratchFile(
            QStringLiteral("twelve.txt"), files.mid(30, 12).join(QLatin1Char('\n')).toUtf8());
        const CliResult r =
            icatag(QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
                   QStringList{QStringLiteral("--ids-file"), path, QStringLiteral("--add-user-tag"),
                               QStringLiteral("split"), QStringLiteral("--split-size"),
                               QStringLiteral("5"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray batches = r.jsonArray();
        QCOMPARE(batches.size(), 3);
        QCOMPARE(f->sim->batchCount(), before + 3);
        const QList<int> sizes{5, 5, 2};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                f->sim->batch(project, batches.at(i)[QLatin1String("id")].toString())->itemCount,
                sizes.at(i));
    }

    void createWithSplitStopsAtTheFirstRefusal() {
        // Part 2 holds a folder, which cannot get an archive date: the server refuses it.
        const CliResult folders =
            icatag(QStringList{QStringLiteral("data"), QStringLiteral("list")} + inProject() +
                   QStringList{QStringLiteral("--type"), QStringLiteral("FOLDER"),
                               QStringLiteral("--page-size"), QStringLiteral("1"),
                               QStringLiteral("-o"), QStringLiteral("json")});
        const QString folder = clitest::dataIdOf(folders.jsonArray().at(0));
        QVERIFY(folder.startsWith(QLatin1String("fol.")));
        const int before = f->sim->batchCount();
        const QString path = clitest::writeScratchFile(
            QStringLiteral("with-folder.txt"),
            (files.mid(45, 3) + QStringList{folder}).join(QLatin1Char('\n')).toUtf8());
        const CliResult r = icatag(
            QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
            QStringList{QStringLiteral("--ids-file"), path, QStringLiteral("--archive-at"),
                        QStringLiteral("2032-01-01T00:00:00Z"), QStringLiteral("--split-size"),
                        QStringLiteral("3"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(f->sim->batchCount(), before + 1);
        // stdout stays a valid JSON array of what was created.
        QCOMPARE(r.jsonArray().size(), 1);
        QVERIFY(f->sim->batch(project, r.jsonArray().at(0)[QLatin1String("id")].toString()));
        QVERIFY2(r.err.contains(QLatin1String("parts 1-1 were created")), r.describe());
        QVERIFY(r.err.contains(QLatin1String("from position 4 of the list")));
        QVERIFY(r.err.contains(QLatin1String("part 2 of 2 (1 data IDs) was not created: Bad "
                                             "Request: ")));
    }

    void createWithSplitDefaultSizeAndAdvice() {
        const QStringList ids = clitest::unknownDataIds(6001, 0x5b1);
        const QString path = clitest::writeScratchFile(QStringLiteral("six-thousand.txt"),
                                                       ids.join(QLatin1Char('\n')).toUtf8());
        const QStringList create =
            QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
            QStringList{QStringLiteral("--ids-file"), path, QStringLiteral("--add-tech-tag"),
                        QStringLiteral("x")};
        // Without --split: one batch, and advice to split.
        CliResult r = icatag(create + QStringList{QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.err.contains(QLatin1String("consider --split")), r.describe());
        QCOMPARE(f->sim->batch(project, r.jsonObject()[QLatin1String("id")].toString())->itemCount,
                 6001);
        // With --split: 5,000 + 1,001, each printed.
        r = icatag(create + QStringList{QStringLiteral("--split")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(!r.err.contains(QLatin1String("consider --split")));
        QVERIFY(r.out.contains(QLatin1String("1 of 2 (5000 data IDs)")));
        QVERIFY(r.out.contains(QLatin1String("2 of 2 (1001 data IDs)")));
        QCOMPARE(r.out.count(QLatin1String("Batch:")), 2);
    }

    void createOverTheLimitIsRefused() {
        const QStringList ids = clitest::unknownDataIds(100001, 0x1ee);
        const QString path = clitest::writeScratchFile(QStringLiteral("too-many.txt"),
                                                       ids.join(QLatin1Char('\n')).toUtf8());
        const int before = requests;
        const CliResult r =
            icatag(QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
                   QStringList{QStringLiteral("--ids-file"), path, QStringLiteral("--add-user-tag"),
                               QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("100001 data IDs")), r.describe());
        QVERIFY(r.err.contains(QLatin1String("not allow more than 100000")));
        QVERIFY(r.err.contains(QLatin1String("--split")));
        QCOMPARE(requests, before);
    }

    // --- batch get / items / item ----------------------------------------------

    void batchGetTableAndJson() {
        CliResult r = icatag(QStringList{QStringLiteral("batch"), QStringLiteral("get")} +
                             inProject() + QStringList{QStringLiteral("--batch"), finishedBatch});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.contains(QStringLiteral("Batch:")));
        QVERIFY(r.out.contains(finishedBatch));
        QVERIFY(r.out.contains(QLatin1String("PARTIALLY_SUCCEEDED")));

        r = icatag(QStringList{QStringLiteral("batch"), QStringLiteral("get")} + inProject() +
                   QStringList{QStringLiteral("--batch"), finishedBatch, QStringLiteral("-o"),
                               QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.jsonObject()[QLatin1String("id")].toString(), finishedBatch);
        QCOMPARE(r.jsonObject()[QLatin1String("job")][QLatin1String("status")].toString(),
                 QStringLiteral("PARTIALLY_SUCCEEDED"));
        QCOMPARE(r.jsonObject()[QLatin1String("job")][QLatin1String("id")].toString(),
                 f->sim->batch(project, finishedBatch)->jobId);
    }

    void itemsFilteredByStatusInEveryFormat() {
        const QStringList items = QStringList{QStringLiteral("batch"), QStringLiteral("items")} +
                                  inProject() +
                                  QStringList{QStringLiteral("--batch"), finishedBatch};
        CliResult r =
            icatag(items + QStringList{QStringLiteral("--status"), QStringLiteral("FAILED"),
                                       QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QStringList failed = dataIdsOf(r.jsonArray());
        failed.sort();
        QCOMPARE(failed, unknownIds);
        for (const QJsonValue &item : r.jsonArray())
            QCOMPARE(item[QLatin1String("processing")][QLatin1String("status")].toString(),
                     QStringLiteral("FAILED"));

        r = icatag(items + QStringList{QStringLiteral("--status"), QStringLiteral("updated"),
                                       QStringLiteral("-o"), QStringLiteral("csv")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> rows = clitest::parseCsv(r.out);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).mid(0, 4),
                 QStringList({QStringLiteral("id"), QStringLiteral("dataId"),
                              QStringLiteral("status"), QStringLiteral("addUserTags")}));
        for (const QStringList &row : rows.mid(1)) {
            QVERIFY(files.mid(0, 3).contains(row.at(1)));
            QCOMPARE(row.at(2), QStringLiteral("UPDATED"));
            QCOMPARE(row.at(3), QStringLiteral("cli-done"));
        }

        r = icatag(items + QStringList{QStringLiteral("--status"), QStringLiteral("UPDATED"),
                                       QStringLiteral("--status"), QStringLiteral("FAILED")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.startsWith(QLatin1String("ITEM ")));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 6);
        QVERIFY(r.out.contains(QLatin1String("+cli-done")));
        QVERIFY(r.out.contains(QLatin1String("+cli:tech")));
    }

    void itemsOffsetAndCursorPaging() {
        const QStringList items =
            QStringList{QStringLiteral("batch"), QStringLiteral("items")} + inProject() +
            QStringList{QStringLiteral("--batch"),     finishedBatch,
                        QStringLiteral("--page-size"), QStringLiteral("2"),
                        QStringLiteral("-o"),          QStringLiteral("json")};
        CliResult r = icatag(items + QStringList{QStringLiteral("--offset"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.jsonArray().size(), 2);
        QVERIFY2(r.err.contains(QLatin1String("rows 3-4 of 5; next page: --offset 4")),
                 r.describe());

        // Cursor paging: follow the tokens from stderr to the end.
        QStringList seen;
        QString token;
        for (int page = 0; page < 10; ++page) {
            r = icatag(items + QStringList{QStringLiteral("--cursor"), token});
            QVERIFY2(r.exitCode == 0, r.describe());
            seen += dataIdsOf(r.jsonArray());
            token = clitest::nextCursor(r.err);
            if (token.isEmpty())
                break;
        }
        QCOMPARE(seen.size(), 5);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 5);
        QVERIFY(seen.contains(unknownIds.at(0)));
    }

    void itemsAllPagesInBothModes() {
        const QStringList items =
            QStringList{QStringLiteral("batch"), QStringLiteral("items")} + inProject() +
            QStringList{QStringLiteral("--batch"),     finishedBatch,       QStringLiteral("--all"),
                        QStringLiteral("--page-size"), QStringLiteral("2"), QStringLiteral("-o"),
                        QStringLiteral("json")};
        CliResult r = icatag(items);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QStringList cursorIds = dataIdsOf(r.jsonArray());
        QCOMPARE(QSet<QString>(cursorIds.begin(), cursorIds.end()),
                 QSet<QString>(
                     {files.at(0), files.at(1), files.at(2), unknownIds.at(0), unknownIds.at(1)}));
        QCOMPARE(cursorIds.size(), 5);

        r = icatag(items + QStringList{QStringLiteral("--sort"), QStringLiteral("dataId desc")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QStringList sortedIds = dataIdsOf(r.jsonArray());
        QStringList expected = cursorIds;
        std::sort(expected.begin(), expected.end(), std::greater<>());
        QCOMPARE(sortedIds, expected);
    }

    void singleItem() {
        const CliResult list = icatag(
            QStringList{QStringLiteral("batch"), QStringLiteral("items")} + inProject() +
            QStringList{QStringLiteral("--batch"), finishedBatch, QStringLiteral("--status"),
                        QStringLiteral("FAILED"), QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonObject first = list.jsonArray().at(0).toObject();
        const QString itemId = first[QLatin1String("id")].toString();
        QVERIFY(!itemId.isEmpty());
        const QStringList item =
            QStringList{QStringLiteral("batch"), QStringLiteral("item")} + inProject() +
            QStringList{QStringLiteral("--batch"), finishedBatch, QStringLiteral("--item"), itemId};
        CliResult r = icatag(item + QStringList{QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.jsonObject(), first);

        r = icatag(item);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.contains(QLatin1String("Status:")));
        QVERIFY(r.out.contains(QLatin1String("FAILED")));
        QVERIFY(
            r.out.contains(first[QLatin1String("request")][QLatin1String("dataId")].toString()));
        QVERIFY(r.out.contains(QLatin1String("+cli-done")));
    }

    // --- batch wait -------------------------------------------------------------

    void waitPollsUntilTerminalAndCounts() {
        const QString batchId =
            createBatch(files.mid(40, 4) + clitest::unknownDataIds(3, 0x7a1),
                        {QStringLiteral("--add-user-tag"), QStringLiteral("w")});
        QVERIFY(!batchId.isEmpty());
        CliSession session;
        session.start(QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject() +
                      QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--interval"),
                                  QStringLiteral("0.02"), QStringLiteral("-o"),
                                  QStringLiteral("json")} +
                      server());
        // The simulated clock stands still: the job stays INITIALIZED and is polled.
        QTRY_VERIFY(session.err().contains(QLatin1String("INITIALIZED: INITIALISED 7")));
        QVERIFY(!session.isFinished());
        f->sim->advance(std::chrono::minutes(5));
        QVERIFY(session.waitFinished());
        QCOMPARE(session.exitCode(), 0);
        QVERIFY(session.err().contains(QLatin1String("PARTIALLY_SUCCEEDED")));
        const QJsonObject result = QJsonDocument::fromJson(session.out().toUtf8()).object();
        QCOMPARE(result[QLatin1String("batch")][QLatin1String("id")].toString(), batchId);
        QCOMPARE(result[QLatin1String("batch")][QLatin1String("job")][QLatin1String("status")]
                     .toString(),
                 QStringLiteral("PARTIALLY_SUCCEEDED"));
        const QJsonObject counts = result[QLatin1String("itemCounts")].toObject();
        QCOMPARE(counts.size(), 6);
        QCOMPARE(counts[QLatin1String("UPDATED")].toInt(), 4);
        QCOMPARE(counts[QLatin1String("FAILED")].toInt(), 3);
        for (const char *status :
             {"INITIALISED", "WAITING_RESOURCES", "UPDATING", "PARTIALLY_UPDATED"})
            QCOMPARE(counts[QLatin1String(status)].toInt(-1), 0);

        // Table format on a terminal batch: the batch, then a line per status.
        const CliResult table =
            icatag(QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject() +
                   QStringList{QStringLiteral("--batch"), batchId});
        QVERIFY2(table.exitCode == 0, table.describe());
        QVERIFY(table.out.contains(QLatin1String("PARTIALLY_SUCCEEDED")));
        QVERIFY(table.out.contains(QRegularExpression(QStringLiteral("\\nUPDATED +4\\n"))));
        QVERIFY(table.out.contains(QRegularExpression(QStringLiteral("\\nFAILED +3\\n"))));
        QVERIFY(table.out.contains(QRegularExpression(QStringLiteral("\\nINITIALISED +0\\n"))));
    }

    void waitTimesOut() {
        const QString batchId = createBatch(
            files.mid(50, 2), {QStringLiteral("--add-user-tag"), QStringLiteral("never")});
        QVERIFY(!batchId.isEmpty());
        // The simulated clock stands still, so the job never finishes.
        const CliResult r = icatag(
            QStringList{QStringLiteral("batch"), QStringLiteral("wait")} + inProject() +
            QStringList{QStringLiteral("--batch"), batchId, QStringLiteral("--interval"),
                        QStringLiteral("0.05"), QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("icatag: error: timed out after 1 s waiting for "
                                               "batch %1 to finish")
                                    .arg(batchId)),
                 r.describe());
        QVERIFY(r.out.isEmpty());
        f->sim->advance(std::chrono::minutes(5)); // leave nothing running for later tests
    }

    // --- data -------------------------------------------------------------------

    void dataListFiltersShowBatchTags() {
        const QStringList list =
            QStringList{QStringLiteral("data"), QStringLiteral("list")} + inProject();
        // Tags applied by the finished batch.
        CliResult r = icatag(list + QStringList{QStringLiteral("--user-tag"),
                                                QStringLiteral("cli-done"), QStringLiteral("--all"),
                                                QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QStringList ids;
        for (const QJsonValue &d : r.jsonArray()) {
            ids.append(clitest::dataIdOf(d));
            QVERIFY(clitest::dataTagsOf(d, "userTags").contains(QStringLiteral("cli-done")));
            QVERIFY(clitest::dataTagsOf(d, "technicalTags").contains(QStringLiteral("cli:tech")));
        }
        ids.sort();
        QStringList expected = files.mid(0, 3);
        expected.sort();
        QCOMPARE(ids, expected);

        r = icatag(list + QStringList{QStringLiteral("--tech-tag"), QStringLiteral("cli:tech"),
                                      QStringLiteral("--tech-tag-match"), QStringLiteral("exact")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.out.count(QLatin1Char('\n')), 4);
        QVERIFY(r.out.contains(QLatin1String("cli-done")));

        r = icatag(list + QStringList{QStringLiteral("--type"), QStringLiteral("folder"),
                                      QStringLiteral("--page-size"), QStringLiteral("20"),
                                      QStringLiteral("-o"), QStringLiteral("csv")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> rows = clitest::parseCsv(r.out);
        QVERIFY(rows.size() > 1);
        for (const QStringList &row : rows.mid(1))
            QCOMPARE(row.at(1), QStringLiteral("FOLDER"));

        // A folder's content, and an exact name and path.
        const auto data = f->sim->data(project, files.at(0));
        QVERIFY(data.has_value());
        const QString folder = data->path.left(data->path.lastIndexOf(QLatin1Char('/')) + 1);
        r = icatag(list + QStringList{QStringLiteral("--parent-folder"), folder,
                                      QStringLiteral("--all"), QStringLiteral("-o"),
                                      QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QStringList inFolder;
        for (const QJsonValue &d : r.jsonArray()) {
            inFolder.append(clitest::dataIdOf(d));
            QVERIFY(clitest::dataPathOf(d).startsWith(folder));
        }
        QVERIFY(inFolder.contains(files.at(0)));

        r = icatag(list + QStringList{QStringLiteral("--name"), data->name,
                                      QStringLiteral("--name-match"), QStringLiteral("exact"),
                                      QStringLiteral("--path"), data->path,
                                      QStringLiteral("--path-match"), QStringLiteral("full"),
                                      QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.jsonArray().size(), 1);
        QCOMPARE(clitest::dataIdOf(r.jsonArray().at(0)), files.at(0));
    }

    void dataGet() {
        const QStringList get = QStringList{QStringLiteral("data"), QStringLiteral("get")} +
                                inProject() + QStringList{QStringLiteral("--data"), files.at(1)};
        CliResult r = icatag(get + QStringList{QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonObject data = r.jsonObject()[QLatin1String("data")].toObject();
        QCOMPARE(data[QLatin1String("id")].toString(), files.at(1));
        QCOMPARE(r.jsonObject()[QLatin1String("projectId")].toString(), project);
        QVERIFY(
            clitest::dataTagsOf(r.jsonObject(), "userTags").contains(QStringLiteral("cli-done")));
        r = icatag(get);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("User tags: +[^\\n]*cli-done"))));
        QVERIFY(r.out.contains(f->sim->data(project, files.at(1))->path));
    }

    // --- usage errors -------------------------------------------------------------

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString ids = clitest::writeScratchFile(QStringLiteral("usage-ids.txt"),
                                                      "fil.00000000000000000000000000000001\n");
        const QString badJson = clitest::writeScratchFile(QStringLiteral("bad.json"), "{\"dataUp");
        const QString badField = clitest::writeScratchFile(
            QStringLiteral("badfield.json"),
            R"({"dataUpdateGroups": [{"dataIds": ["a"]}, {"dataIds": "fil.x"}]})");
        const QString empty = clitest::writeScratchFile(QStringLiteral("empty.txt"), "\n \n");
        // Each row's command line is written as one string of words; a word in braces
        // stands for the value named ({none} is an empty argument).
        const QHash<QString, QString> values{
            {QStringLiteral("{ids}"), ids},
            {QStringLiteral("{badJson}"), badJson},
            {QStringLiteral("{badField}"), badField},
            {QStringLiteral("{empty}"), empty},
            {QStringLiteral("{batch}"), QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6")},
            {QStringLiteral("{none}"), QString()}};
        struct Case {
            const char *name;
            const char *line;
            const char *message;
        };
        const Case cases[] = {
            {"no command", "", "no command given"},
            {"unknown group", "frob", "unknown command \"frob\""},
            {"group only", "batch", "\"batch\" needs a command: give one of create, get"},
            {"unknown command", "batch frob", "unknown command \"batch frob\""},
            {"missing project", "batch get --batch {batch}", "--project is required"},
            {"missing batch", "batch items --project p", "--batch is required"},
            {"bad status", "batch items --project p --batch {batch} --status DONE",
             "Item statuses are: INITIALISED"},
            {"sort with cursor",
             "batch items --project p --batch {batch} --cursor {none} --sort dataId",
             "--sort works only with offset paging"},
            {"offset and all", "projects list --offset 1 --all", "exclude each other"},
            {"bad page size", "projects list --page-size 0", "--page-size: \"0\" is not valid"},
            {"bad sort", "projects list --sort name;drop", "--sort: \"name;drop\" is not valid"},
            {"csv for a single object", "batch get --project p --batch {batch} -o csv",
             "--output: \"csv\" is not a format of batch get; give table or json"},
            {"unknown format", "projects list -o xml", "is not a format"},
            {"unknown option", "projects list --frob", "Unknown option 'frob'"},
            {"command option before the command", "--project p batch get",
             "Unknown option 'project'"},
            {"stray argument", "projects list extra", "unexpected argument \"extra\""},
            {"unreadable ids file",
             "batch create --project p --ids-file /nonexistent/ids.txt --add-user-tag x",
             "cannot read the ID file /nonexistent/ids.txt"},
            {"empty ids file", "batch create --project p --ids-file {empty} --add-user-tag x",
             "holds no data IDs"},
            {"nothing to change", "batch create --project p --ids-file {ids}", "nothing to change"},
            {"bad date", "batch create --project p --ids-file {ids} --archive-at tomorrow",
             "--archive-at: \"tomorrow\" is not a date-time"},
            {"tag added and removed",
             "batch create --project p --ids-file {ids} --add-user-tag x --remove-user-tag x",
             "both added (--add-user-tag) and removed"},
            {"bad json body", "batch create --project p --file {badJson}", "is not valid JSON"},
            {"bad body field", "batch create --project p --file {badField}",
             "dataUpdateGroups[1].dataIds: expected an array of strings"},
            {"file with tag options", "batch create --project p --file {badField} --add-user-tag x",
             "--add-user-tag cannot be used with --file"},
            {"no data source", "batch create --project p", "--ids-file FILE"},
            {"bad split size",
             "batch create --project p --ids-file {ids} --add-user-tag x --split-size 200000",
             "--split-size: \"200000\" is not valid"},
            {"bad interval", "batch wait --project p --batch {batch} --interval -1",
             "--interval: \"-1\" is not valid"},
            {"bad type", "data list --project p --type BLOB", "give FILE or FOLDER"},
            {"bad match mode", "data list --project p --name x --name-match sorta",
             "give exact, fuzzy or exclude"},
            {"path match without path", "data list --project p --path-match full",
             "--path-match needs --path"},
            {"bad server", "projects list --server ftp://example.com", "must start with https://"},
            {"bad request timeout", "projects list --timeout soon",
             "--request-timeout: \"soon\" is not valid"},
        };
        for (const Case &c : cases) {
            QStringList args;
            for (const QString &word : QString::fromUtf8(c.line).split(u' ', Qt::SkipEmptyParts))
                args.append(values.value(word, word));
            QTest::newRow(c.name) << args << QString::fromUtf8(c.message);
        }
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const int before = requests;
        // Credentials in the environment, so only the error under test remains.
        QProcessEnvironment env;
        env.insert(QStringLiteral("ICAV2_SERVER_URL"), f->sim->baseUrl().toString());
        env.insert(QStringLiteral("ICAV2_X_API_KEY"), f->sim->apiKey());
        const CliResult r = runCli(args, env);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.err.contains(message), r.describe());
        QVERIFY2(r.err.contains(QLatin1String("--help' for help")), r.describe());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(requests, before); // nothing was sent
    }

    void missingCredentialsSayWhatToSet() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("ICAV2_SERVER_URL"), f->sim->baseUrl().toString());
        const CliResult r = runCli({QStringLiteral("projects"), QStringLiteral("list")}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("No credentials")));
        QVERIFY(r.err.contains(QLatin1String("--api-key")));
        QVERIFY(r.err.contains(QLatin1String("ICAV2_X_API_KEY")));
        QVERIFY(r.err.contains(QLatin1String("ICAV2_ACCESS_TOKEN")));
    }

    // --- API errors -------------------------------------------------------------

    void apiErrorsExitOneWithTheProblem_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown project")
            << QStringList{QStringLiteral("data"), QStringLiteral("list"),
                           QStringLiteral("--project"), QStringLiteral("no-such-project")}
            << QStringLiteral("Not Found") << 404;
        QTest::newRow("unknown batch")
            << QStringList{QStringLiteral("batch"),
                           QStringLiteral("get"),
                           QStringLiteral("--project"),
                           QStringLiteral("PROJECT"),
                           QStringLiteral("--batch"),
                           QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6")}
            << QStringLiteral("Not Found") << 404;
        QTest::newRow("page size too large")
            << QStringList{QStringLiteral("data"),        QStringLiteral("list"),
                           QStringLiteral("--project"),   QStringLiteral("PROJECT"),
                           QStringLiteral("--page-size"), QStringLiteral("5000")}
            << QStringLiteral("Bad Request") << 400;
        QTest::newRow("bad key") << QStringList{QStringLiteral("projects"), QStringLiteral("list"),
                                                QStringLiteral("--api-key"),
                                                QStringLiteral("wrong-key-123456")}
                                 << QStringLiteral("Unauthorized") << 401;
    }

    void apiErrorsExitOneWithTheProblem() {
        QFETCH(QStringList, args);
        QFETCH(QString, title);
        QFETCH(int, status);
        args.replaceInStrings(QStringLiteral("PROJECT"), project);
        // The test's own --api-key comes after the default one and wins.
        const CliResult r = runCli(server() + args);
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY2(r.err.contains(QStringLiteral("icatag: error: ") + title + QStringLiteral(": ")),
                 r.describe());
        QVERIFY2(r.err.contains(QStringLiteral("(HTTP %1)").arg(status)), r.describe());
        QVERIFY(r.out.isEmpty());
        if (status == 401)
            QVERIFY(r.err.contains(QLatin1String("check --api-key")));
    }

    // --- credentials and secrets --------------------------------------------------

    void environmentCredentialsAndFlagsWin() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("ICAV2_SERVER_URL"), f->sim->baseUrl().toString());
        env.insert(QStringLiteral("ICAV2_X_API_KEY"), f->sim->apiKey());
        CliResult r = runCli({QStringLiteral("projects"), QStringLiteral("list")}, env);
        QVERIFY2(r.exitCode == 0, r.describe());

        env.insert(QStringLiteral("ICAV2_X_API_KEY"), QStringLiteral("stale-env-key-0000"));
        r = runCli({QStringLiteral("projects"), QStringLiteral("list")}, env);
        QCOMPARE(r.exitCode, 1);
        r = runCli({QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("--api-key"),
                    f->sim->apiKey()},
                   env);
        QVERIFY2(r.exitCode == 0, r.describe());
    }

    void secretsNeverAppearEvenVerbose() {
        // A real token from the simulator, sent as Bearer.
        ica::test::CallWaiter<ica::Token> token;
        ica::TokenApi(f->client.get()).createToken(f->sim->apiKey(), &token, token.callback());
        QVERIFY(token.wait());
        QVERIFY2(token.ok(), qPrintable(token.error().toString()));
        const QString jwt = token.value().token;
        const QString key = f->sim->apiKey();
        const QString wrongKey = QStringLiteral("wrong-key-abcdef123");
        const QString url = f->sim->baseUrl().toString();

        const QList<QStringList> runs{
            {QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("--verbose"),
             QStringLiteral("--server"), url, QStringLiteral("--api-key"), key},
            {QStringLiteral("--verbose"), QStringLiteral("--server"), url,
             QStringLiteral("--access-token"), jwt, QStringLiteral("batch"), QStringLiteral("get"),
             QStringLiteral("--project"), project, QStringLiteral("--batch"), finishedBatch,
             QStringLiteral("-o"), QStringLiteral("json")},
            {QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("--verbose"),
             QStringLiteral("--server"), url, QStringLiteral("--api-key"), wrongKey},
            {QStringLiteral("data"), QStringLiteral("list"), QStringLiteral("--verbose"),
             QStringLiteral("--server"), url, QStringLiteral("--api-key=") + key,
             QStringLiteral("--project"), QStringLiteral("nope")},
        };
        for (const QStringList &args : runs) {
            const CliResult r = runCli(args);
            QVERIFY2(r.err.contains(QLatin1String("icatag: > GET http://127.0.0.1:")),
                     r.describe());
            QVERIFY2(r.err.contains(QLatin1String("icatag: < ")), r.describe());
            for (const QString &secret : {key, jwt, wrongKey}) {
                QVERIFY2(!r.out.contains(secret), r.describe());
                QVERIFY2(!r.err.contains(secret), r.describe());
            }
        }
        const CliResult bearer = runCli(runs.at(1));
        QVERIFY2(bearer.exitCode == 0, bearer.describe());
        QVERIFY(bearer.err.contains(QLatin1String("access token (Bearer)")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
