// icatag's streamed listings: the built executable run as a process against an
// in-process simulator (and the hostile server), where output, pipes and exit codes
// matter; plus the streaming parts on their own (ID set, JSON writer, row writer,
// the console on a closed pipe). Proves the parallel offset `--all` of a finished
// batch gives every item once in order, a running batch falls back to cursor
// paging, streamed JSON is valid and the old shape, rows that do not add up fail
// clearly, and a reader that leaves early ends icatag quietly with exit 0.
#include "tests/cli/clitestsupport.h"
#include "tests/support/hostileserver.h"
#include "tests/support/simfixture.h"

#include "cli/console.h"
#include "cli/rowwriter.h"
#include "cli/views.h"
#include "core/export/idset.h"
#include "core/export/jsonout.h"

#include "core/api/batchapi.h"
#include "core/api/dataapi.h"
#include "core/api/pagecollector.h"
#include "simulator/batchengine.h"
#include "simulator/icasimulator.h"
#include "tests/support/callwaiter.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

#include <unistd.h>

using clitest::cleanEnvironment;
using clitest::ProcessResult;
using clitest::runIcatag;
using ica::test::CallWaiter;
using ica::test::HostileServer;

namespace {

constexpr int FilesInProject = 1500;
constexpr int ItemsPerBatch = 2 * FilesInProject; // two groups over the same files
constexpr int PageSize = 250;                     // 12 pages: several in flight

/// The "id" of every line of JSON Lines output, in order.
QStringList jsonLinesIds(const QByteArray &out) {
    QStringList ids;
    for (const QByteArray &line : out.chopped(1).split('\n'))
        ids.append(QJsonDocument::fromJson(line).object().value(QLatin1String("id")).toString());
    return ids;
}

QStringList requestLines(const QString &err, const QString &direction) {
    QStringList lines;
    for (const QString &line : err.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("icatag: ") + direction + QLatin1Char(' ')))
            lines.append(line);
    }
    return lines;
}

/// The most item pages the --verbose log shows asked for and not yet answered.
int mostPagesInFlight(const QString &err) {
    int inFlight = 0;
    int most = 0;
    for (const QString &line : err.split(QLatin1Char('\n'))) {
        if (!line.contains(QLatin1String("/items?")))
            continue;
        if (line.startsWith(QLatin1String("icatag: > GET ")))
            most = qMax(most, ++inFlight);
        else if (line.startsWith(QLatin1String("icatag: < ")))
            --inFlight;
    }
    return most;
}

QStringList idsOf(const QJsonArray &items) {
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(QLatin1String("id")).toString());
    return ids;
}

ica::BatchItem richItem() {
    ica::BatchItem item;
    item.id = QStringLiteral("0b6f6d4e-1c2a-4d7e-9f00-aa11bb22cc33");
    item.request.dataId = QStringLiteral("fil.0123456789abcdef0123456789abcdef");
    item.request.userTags.addTags = {QStringLiteral("reviewed"), QStringLiteral("a \"quoted\" tag"),
                                     QStringLiteral("tab\there, line\nbreak, bell\x07")};
    item.request.userTags.removeTags = {QStringLiteral("draft")};
    item.request.technicalTags.removeTags = {QStringLiteral("ünïcödé ✓ 𝄞"),
                                             QStringLiteral("back\\slash")};
    item.request.willBeArchivedAt = QDateTime(QDate(2031, 2, 28), QTime(23, 59, 59, 7), Qt::UTC);
    item.request.willBeDeletedAt = QDateTime(QDate(1999, 12, 31), QTime(0, 0), Qt::UTC);
    item.status = ica::ItemStatus::PartiallyUpdated;
    item.additionalStatusInformation = QStringLiteral("2 of 3 tags applied; \"x\" refused");
    return item;
}

ica::ProjectData richData() {
    ica::ProjectData d;
    d.projectId = QStringLiteral("p1");
    d.id = QStringLiteral("fil.0123456789abcdef0123456789abcdef");
    d.urn = QStringLiteral("urn:ilmn:ica:region:x:data:fil.0123#/a/b.bam");
    d.name = QStringLiteral("b.bam");
    d.path = QStringLiteral("/a/b.bam");
    d.type = ica::ProjectData::Type::File;
    d.typeText = QStringLiteral("FILE");
    d.status = QStringLiteral("AVAILABLE");
    d.formatCode = QStringLiteral("BAM");
    d.sizeInBytes = 9007199254740993LL; // past 2^53: must stay exact
    d.tags.userTags = {QStringLiteral("x"), QStringLiteral("é")};
    d.tags.referenceTags = {QStringLiteral("ref")};
    d.owningProjectId = QStringLiteral("p0");
    d.timeCreated = QDateTime(QDate(2024, 2, 29), QTime(12, 30, 5, 120), Qt::UTC);
    d.timeModified = QDateTime(QDate(2026, 1, 1), QTime(0, 0, 0), Qt::UTC);
    d.willBeArchivedAt = QDateTime(QDate(2030, 6, 1), QTime(8, 0), Qt::UTC);
    d.willBeDeletedAt = QDateTime(QDate(2035, 6, 1), QTime(8, 0, 0, 999), Qt::UTC);
    return d;
}

template <typename T> QJsonObject writtenJson(const T &row) {
    QByteArray bytes;
    ica::appendJson(bytes, row);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s: %s", qPrintable(error.errorString()), bytes.constData());
    return doc.object();
}

} // namespace

class TestCliStream final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::SimFixture> f;
    QString project;
    QString finishedBatch;
    QString runningBatch;
    QStringList finishedIds; // the simulator's own item order
    QStringList runningIds;
    QJsonArray finishedOldShape; // what the listing printed before it streamed

    QProcessEnvironment simEnvironment() const {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("ICAV2_SERVER_URL"), f->sim->baseUrl().toString());
        env.insert(QStringLiteral("ICAV2_X_API_KEY"), f->sim->apiKey());
        return env;
    }

    QStringList items(const QString &batch, const QString &format) const {
        return {QStringLiteral("batch"),
                QStringLiteral("items"),
                QStringLiteral("--project"),
                project,
                QStringLiteral("--batch"),
                batch,
                QStringLiteral("--all"),
                QStringLiteral("--page-size"),
                QString::number(PageSize),
                QStringLiteral("-o"),
                format};
    }

    QString createBatch() {
        const QStringList files = f->sim->fileIds(project);
        ica::CreateBatchRequest request;
        for (int g = 0; g < 2; ++g) {
            ica::DataUpdateGroup group;
            group.dataIds = files.mid(0, FilesInProject);
            group.userTags.addTags = {QStringLiteral("stream-%1").arg(g)};
            request.dataUpdateGroups.append(group);
        }
        CallWaiter<ica::Batch> created;
        ica::BatchApi(f->client.get()).create(project, request, &created, created.callback());
        if (!created.wait() || !created.ok())
            return {};
        return created.value().id;
    }

    QStringList simulatorItemIds(const QString &batchId) const {
        QStringList ids;
        for (const auto &batch : f->sim->batchEngine().batches()) {
            if (batch->id.toString() != batchId)
                continue;
            for (const auto &item : batch->items)
                ids.append(item.id.toString());
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase() {
        // The test process writes to closed pipes on purpose (consoleSeesAClosedPipe).
        std::signal(SIGPIPE, SIG_IGN);
        f = std::make_unique<ica::test::SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        project = f->sim->projectIds().first();
        QCOMPARE(f->sim->fileIds(project).size(), FilesInProject);

        finishedBatch = createBatch();
        QVERIFY(!finishedBatch.isEmpty());
        f->sim->advance(std::chrono::minutes(10));
        QCOMPARE(f->sim->batch(project, finishedBatch)->jobStatus, QStringLiteral("SUCCEEDED"));
        // Created after the clock moved, and the clock stays: INITIALIZED throughout.
        runningBatch = createBatch();
        QVERIFY(!runningBatch.isEmpty());
        QCOMPARE(f->sim->batch(project, runningBatch)->jobStatus, QStringLiteral("INITIALIZED"));

        finishedIds = simulatorItemIds(finishedBatch);
        runningIds = simulatorItemIds(runningBatch);
        QCOMPARE(finishedIds.size(), ItemsPerBatch);
        QCOMPARE(runningIds.size(), ItemsPerBatch);

        // The old output: every item through the collecting pager, as QJsonDocument.
        CallWaiter<QList<ica::BatchItem>> all;
        ica::BatchApi api(f->client.get());
        const QString batchId = finishedBatch;
        const QString projectId = project;
        ica::collectAllPages<ica::BatchItem>(
            [api, projectId, batchId](const ica::PageRequest &page, QObject *context,
                                      ica::ResultCallback<ica::BatchItemPage> done) mutable {
                return api.listItems(projectId, batchId, ica::ItemsQuery{{}, page, {}}, context,
                                     std::move(done));
            },
            ica::CollectOptions{ica::PageRequest::Mode::Cursor, 1000, 1, {}}, &all, all.callback());
        QVERIFY(all.wait());
        QVERIFY(all.ok());
        for (const ica::BatchItem &item : all.value())
            finishedOldShape.append(item.toJson());
        QCOMPARE(finishedOldShape.size(), ItemsPerBatch);
    }

    // --- a finished batch: offset pages in flight ---------------------------------

    void finishedBatchJsonIsTheOldShapeInOrder() {
        const ProcessResult r =
            runIcatag(items(finishedBatch, QStringLiteral("json")) << QStringLiteral("--verbose"),
                      simEnvironment());
        QVERIFY2(r.exitCode == 0, r.describe());
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isArray());
        // Same items, same order, same fields as the collected QJsonDocument output.
        QCOMPARE(doc.array().size(), ItemsPerBatch);
        QCOMPARE(idsOf(doc.array()), finishedIds);
        QVERIFY(doc.array() == finishedOldShape);

        // The batch was read first; then offset pages only, several in flight.
        const QStringList sent = requestLines(r.err, QStringLiteral(">"));
        QVERIFY2(!sent.isEmpty() &&
                     sent.first().endsWith(QStringLiteral("/dataUpdateBatch/") + finishedBatch),
                 qPrintable(r.err.left(2000)));
        QCOMPARE(sent.filter(QStringLiteral("pageOffset=")).size(), ItemsPerBatch / PageSize);
        QCOMPARE(sent.filter(QStringLiteral("pageToken=")).size(), 0);
        QVERIFY2(mostPagesInFlight(r.err) >= 2, qPrintable(r.err.left(3000)));
    }

    void finishedBatchJsonlHasOneItemALine() {
        const ProcessResult r =
            runIcatag(items(finishedBatch, QStringLiteral("jsonl")), simEnvironment());
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.endsWith('\n'));
        const QList<QByteArray> lines = r.out.chopped(1).split('\n');
        QCOMPARE(lines.size(), qsizetype(ItemsPerBatch));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i), &error);
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(),
                     lines.at(i).constData());
            QVERIFY2(doc.object() == finishedOldShape.at(i).toObject(), lines.at(i).constData());
        }
    }

    void finishedBatchCsvAndTableCountRows() {
        ProcessResult r = runIcatag(items(finishedBatch, QStringLiteral("csv")), simEnvironment());
        QVERIFY2(r.exitCode == 0, r.describe());
        const QList<QStringList> rows = clitest::parseCsv(QString::fromUtf8(r.out));
        QCOMPARE(rows.size(), qsizetype(ItemsPerBatch + 1));
        QCOMPARE(rows.first().first(), QStringLiteral("id"));
        QStringList ids;
        for (qsizetype i = 1; i < rows.size(); ++i)
            ids.append(rows.at(i).first());
        QCOMPARE(ids, finishedIds);

        r = runIcatag(items(finishedBatch, QStringLiteral("table")), simEnvironment());
        QVERIFY2(r.exitCode == 0, r.describe());
        const QStringList lines =
            QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(ItemsPerBatch + 1));
        QVERIFY(lines.first().startsWith(QLatin1String("ITEM ")));
        QVERIFY(lines.at(1).startsWith(finishedIds.first() + QLatin1Char(' ')));
        QVERIFY(lines.last().startsWith(finishedIds.last() + QLatin1Char(' ')));
    }

    // --- a running batch: cursor paging --------------------------------------------

    void runningBatchIsReadByCursor() {
        const ProcessResult r =
            runIcatag(items(runningBatch, QStringLiteral("jsonl")) << QStringLiteral("--verbose"),
                      simEnvironment());
        QVERIFY2(r.exitCode == 0, r.describe());
        const QStringList ids = jsonLinesIds(r.out);
        QCOMPARE(ids, runningIds);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), qsizetype(ItemsPerBatch));
        const QStringList sent = requestLines(r.err, QStringLiteral(">"));
        const QStringList pages = sent.filter(QStringLiteral("/items?"));
        QCOMPARE(pages.size(), ItemsPerBatch / PageSize);
        QCOMPARE(pages.filter(QStringLiteral("pageOffset=")).size(), 0);
        QCOMPARE(pages.filter(QStringLiteral("pageToken=")).size(), pages.size() - 1);
        QCOMPARE(mostPagesInFlight(r.err), 1);
    }

    void sortStillPagesByOffset() {
        const ProcessResult r = runIcatag(items(finishedBatch, QStringLiteral("jsonl"))
                                              << QStringLiteral("--sort") << QStringLiteral("id")
                                              << QStringLiteral("--verbose"),
                                          simEnvironment());
        QVERIFY2(r.exitCode == 0, r.describe());
        const QStringList ids = jsonLinesIds(r.out);
        QStringList sorted = finishedIds;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(ids, sorted);
        // --sort needs no look at the batch first.
        QCOMPARE(
            requestLines(r.err, QStringLiteral(">")).filter(QStringLiteral("pageOffset=")).size(),
            ItemsPerBatch / PageSize);
        QVERIFY(mostPagesInFlight(r.err) >= 2);
    }

    void dataListAllStreams() {
        const QStringList base{QStringLiteral("data"),      QStringLiteral("list"),
                               QStringLiteral("--project"), project,
                               QStringLiteral("--all"),     QStringLiteral("--page-size"),
                               QStringLiteral("300")};
        const ProcessResult json = runIcatag(
            QStringList(base) << QStringLiteral("-o") << QStringLiteral("json"), simEnvironment());
        QVERIFY2(json.exitCode == 0, json.describe());
        QJsonParseError error{};
        const QJsonArray rows = QJsonDocument::fromJson(json.out, &error).array();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QSet<QString> ids;
        for (const QJsonValue &row : rows)
            ids.insert(clitest::dataIdOf(row));
        QCOMPARE(ids.size(), rows.size());
        const QStringList files = f->sim->fileIds(project);
        QVERIFY(rows.size() >= files.size()); // the files and their folders
        for (const QString &file : files)
            QVERIFY(ids.contains(file));

        // The same rows, one a line.
        const ProcessResult jsonl = runIcatag(
            QStringList(base) << QStringLiteral("-o") << QStringLiteral("jsonl"), simEnvironment());
        QVERIFY2(jsonl.exitCode == 0, jsonl.describe());
        const QList<QByteArray> lines = jsonl.out.chopped(1).split('\n');
        QCOMPARE(lines.size(), rows.size());
        QCOMPARE(QJsonDocument::fromJson(lines.last()).object(), rows.last().toObject());
    }

    // --- rows that do not add up ---------------------------------------------------

    void rowsThatDoNotAddUpFailClearly_data() {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<QString>("expected");
        QTest::addRow("short pages") << int(HostileServer::Behaviour::ShortPages)
                                     << QStringLiteral("sent 500 items at offset 2000 where the "
                                                       "batch's 3000 items call for 1000");
        QTest::addRow("repeated row")
            << int(HostileServer::Behaviour::RepeatedRow)
            << QStringLiteral("sent the item hostile-i-0 twice (again on the page at offset 1000)");
    }

    void rowsThatDoNotAddUpFailClearly() {
        QFETCH(int, behaviour);
        QFETCH(QString, expected);
        HostileServer server{HostileServer::Behaviour(behaviour)};
        QVERIFY(server.listen());
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("ICAV2_X_API_KEY"), QStringLiteral("hostile-test-key"));
        const ProcessResult r =
            runIcatag({QStringLiteral("batch"), QStringLiteral("items"),
                       QStringLiteral("--project=hostile-p"), QStringLiteral("--batch=hostile-b"),
                       QStringLiteral("--all"), QStringLiteral("-o"), QStringLiteral("json"),
                       QStringLiteral("--retries=0"), QStringLiteral("--server"),
                       server.baseUrl().toString()},
                      env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("icatag: error: ")) && r.err.contains(expected),
                 r.describe());
        QVERIFY2(r.err.contains(QLatin1String("the output above is incomplete")) &&
                     r.err.contains(QLatin1String("the JSON array is left open")),
                 r.describe());
        // What was written is the start of an array that no parser takes whole.
        QVERIFY(r.out.startsWith("[\n{"));
        QJsonParseError error{};
        QJsonDocument::fromJson(r.out, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    // --- a reader that leaves early ------------------------------------------------

    void brokenPipeEndsQuietly_data() {
        QTest::addColumn<QString>("format");
        QTest::addRow("jsonl") << QStringLiteral("jsonl");
        QTest::addRow("json") << QStringLiteral("json");
        QTest::addRow("table") << QStringLiteral("table");
    }

    void brokenPipeEndsQuietly() {
        QFETCH(QString, format);
        int itemPagesServed = 0;
        const QMetaObject::Connection counting =
            connect(f->sim.get(), &ica::sim::IcaSimulator::requestServed, this,
                    [&itemPagesServed](const QString &, const QString &path, int) {
                        itemPagesServed += path.endsWith(QLatin1String("/items")) ? 1 : 0;
                    });
        // `icatag ... | head -n 1`: head leaves after one line; the ~600 KB of output
        // cannot fit in the pipe, so icatag's writes then fail with EPIPE.
        QProcess icatag;
        QProcess head;
        icatag.setProcessEnvironment(simEnvironment());
        icatag.setStandardOutputProcess(&head);
        QSignalSpy finished(&icatag, &QProcess::finished);
        head.start(QStringLiteral("head"), {QStringLiteral("-n"), QStringLiteral("1")});
        QStringList args = items(finishedBatch, format);
        args[args.indexOf(QString::number(PageSize))] = QStringLiteral("100");
        icatag.start(QStringLiteral(ICATAG_EXECUTABLE), args);
        QVERIFY(finished.wait(60000));
        // (waitForFinished() is false for a process that has finished already.)
        QVERIFY(head.state() == QProcess::NotRunning || head.waitForFinished(10000));
        disconnect(counting);

        QCOMPARE(icatag.exitStatus(), QProcess::NormalExit); // no SIGPIPE death
        const QString err = QString::fromUtf8(icatag.readAllStandardError());
        QVERIFY2(icatag.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QByteArray firstLine = head.readAllStandardOutput();
        QVERIFY(firstLine.endsWith('\n'));
        QCOMPARE(firstLine.count('\n'), 1);
        // It stopped asking for pages: far fewer than the 30 pages of 100 items.
        QVERIFY2(itemPagesServed < ItemsPerBatch / 100,
                 qPrintable(QString::number(itemPagesServed)));
    }

    // --- the parts on their own ----------------------------------------------------

    void idSetTellsIdsApart() {
        ica::IdSet set;
        const QString uuid = QStringLiteral("0b6f6d4e-1c2a-4d7e-9f00-aa11bb22cc33");
        QVERIFY(set.insert(uuid));
        QVERIFY(!set.insert(uuid));
        QVERIFY(set.contains(uuid));
        // Upper case, dashes elsewhere, another prefix: other IDs, never "seen".
        QVERIFY(set.insert(uuid.toUpper()));
        QVERIFY(set.insert(QStringLiteral("0b6f6d4e1c2a-4d7e-9f00-aa11-bb22cc33")));
        QVERIFY(set.insert(QStringLiteral("x.0b6f6d4e-1c2a-4d7e-9f00-aa11bb22cc33")));
        QVERIFY(set.insert(QStringLiteral("0b6f6d4e1c2a4d7e9f00aa11bb22cc33")));
        QVERIFY(set.insert(QStringLiteral("hostile-i-1")));
        QVERIFY(!set.insert(QStringLiteral("hostile-i-1")));
        QCOMPARE(set.size(), 6);
        // Many keys (the table grows): every one is found, none twice.
        ica::IdSet many;
        for (int i = 0; i < 100000; ++i)
            QVERIFY(many.insert(QStringLiteral("fil.%1").arg(quint64(i) * 2654435761ULL, 32, 16,
                                                             QLatin1Char('0'))));
        for (int i = 0; i < 100000; i += 997)
            QVERIFY(!many.insert(QStringLiteral("fil.%1").arg(quint64(i) * 2654435761ULL, 32, 16,
                                                              QLatin1Char('0'))));
        QVERIFY(!many.contains(QStringLiteral("fil.%1").arg(7, 32, 16, QLatin1Char('0'))));
        QCOMPARE(many.size(), 100000);
        // A data listing: files and folders with the same digits are different IDs,
        // each shape in a table of its own; past MaxShapes prefixes, kept as text.
        ica::IdSet data;
        data.reserve(1000);
        const QString digits = QStringLiteral("%1").arg(42, 32, 16, QLatin1Char('0'));
        const QString file = QStringLiteral("fil.") + digits;
        const QString folder = QStringLiteral("fol.") + digits;
        QVERIFY(data.insert(folder));
        QVERIFY(data.insert(file));
        QVERIFY(!data.insert(file));
        QVERIFY(!data.insert(folder));
        for (int p = 0; p < ica::IdSet::MaxShapes + 2; ++p) {
            const QString id = QStringLiteral("p%1.").arg(p) + digits;
            QVERIFY(data.insert(id));
            QVERIFY(!data.insert(id));
            QVERIFY(data.contains(id));
        }
        QVERIFY(data.contains(file));
        QVERIFY(!data.contains(QString(QStringLiteral("fel.") + digits)));
        QCOMPARE(data.size(), 2 + ica::IdSet::MaxShapes + 2);
    }

    void jsonWriterMatchesToJson() {
        const ica::BatchItem item = richItem();
        QCOMPARE(writtenJson(item), item.toJson());
        ica::BatchItem bare;
        bare.id = QStringLiteral("i");
        bare.request.dataId = QStringLiteral("d");
        QCOMPARE(writtenJson(bare), bare.toJson());

        const ica::ProjectData data = richData();
        QCOMPARE(writtenJson(data), data.toJson());
        QVERIFY(QByteArray([&] {
                    QByteArray b;
                    ica::appendJson(b, data);
                    return b;
                }())
                    .contains("\"fileSizeInBytes\":9007199254740993"));
        ica::ProjectData bareData;
        bareData.id = QStringLiteral("fol.x");
        QCOMPARE(writtenJson(bareData), bareData.toJson());

        // Dates across the fast path's range, as formatDateTime() spells them.
        for (const QDateTime &t :
             {QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC),
              QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
              QDateTime(QDate(2000, 2, 29), QTime(1, 2, 3, 40), Qt::UTC),
              QDateTime(QDate(2100, 3, 1), QTime(4, 5, 6), Qt::UTC),
              QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC),
              QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
              QDateTime(QDate(2026, 7, 4), QTime(12, 0), Qt::OffsetFromUTC, 7200)}) {
            QByteArray bytes;
            ica::JsonOut(bytes).dateTime(t);
            QCOMPARE(QString::fromUtf8(bytes),
                     QLatin1Char('"') + ica::formatDateTime(t) + QLatin1Char('"'));
        }

        // Other rows go through their toJson().
        ica::Project project;
        project.id = QStringLiteral("p");
        project.name = QStringLiteral("N\u00e4me \"q\"");
        project.userTags = {QStringLiteral("t")};
        QCOMPARE(writtenJson(project), project.toJson());
    }

    void rowWriterStreamsTableAndCsv() {
        QBuffer out;
        QBuffer err;
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        ica::cli::Console console(&out, &err);
        console.addSecret(QStringLiteral("s3cr3t-value"));
        using Row = ica::BatchItem;
        const auto row = [](const QString &id, const QString &info) {
            Row r;
            r.id = id;
            r.request.dataId = QStringLiteral("d-") + id;
            r.status = ica::ItemStatus::Updated;
            r.additionalStatusInformation = info;
            return r;
        };
        {
            ica::cli::RowWriter<Row> table(console, ica::cli::OutputFormat::Table,
                                           ica::cli::itemColumns());
            QVERIFY(table.writePage({row(QStringLiteral("a"), {}), row(QStringLiteral("bb"), {})}));
            // Wider than the first page's column: pushes its line right.
            QVERIFY(table.writePage({row(QStringLiteral("a-much-longer-id"),
                                         QStringLiteral("has s3cr3t-value in it"))}));
            QVERIFY(table.finish());
            QCOMPARE(table.rowsWritten(), 3);
        }
        const QStringList lines = QString::fromUtf8(out.data()).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5); // header, 3 rows, "" after the last newline
        QVERIFY(lines.at(0).startsWith(QLatin1String("ITEM  DATA  STATUS   USER TAGS")));
        QCOMPARE(lines.at(1), QStringLiteral("a     d-a   UPDATED"));
        QVERIFY(lines.at(3).startsWith(QLatin1String("a-much-longer-id  d-a-much-longer-id  "
                                                     "UPDATED")));
        QVERIFY(lines.at(3).endsWith(QLatin1String("has *** in it")));
        QVERIFY(!lines.at(1).endsWith(QLatin1Char(' ')));

        out.buffer().clear();
        out.seek(0);
        {
            ica::cli::RowWriter<Row> csv(console, ica::cli::OutputFormat::Csv,
                                         ica::cli::itemColumns());
            QVERIFY(csv.writePage({row(QStringLiteral("a"), QStringLiteral("x, \"y\""))}));
            QVERIFY(csv.finish());
        }
        const QList<QStringList> rows = clitest::parseCsv(QString::fromUtf8(out.data()));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).first(), QStringLiteral("id"));
        QCOMPARE(rows.at(1).last(), QStringLiteral("x, \"y\""));
        QVERIFY(out.data().endsWith("\r\n"));

        // No rows: the JSON array is still one; a table still has its header.
        for (const auto &[format, expected] :
             {std::pair{ica::cli::OutputFormat::Json, QByteArray("[\n]\n")},
              std::pair{ica::cli::OutputFormat::Jsonl, QByteArray()}}) {
            out.buffer().clear();
            out.seek(0);
            ica::cli::RowWriter<Row> empty(console, format, ica::cli::itemColumns());
            QVERIFY(empty.writePage({}));
            QVERIFY(empty.finish());
            QCOMPARE(out.data(), expected);
        }
    }

    void consoleSeesAClosedPipe() {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        ::close(fds[0]); // the reader is gone
        QFile out;
        QVERIFY(out.open(fds[1], QIODevice::WriteOnly | QIODevice::Unbuffered,
                         QFileDevice::AutoCloseHandle));
        QBuffer err;
        err.open(QIODevice::WriteOnly);
        ica::cli::Console console(&out, &err);
        QCOMPARE(console.outputState(), ica::cli::Console::OutputState::Open);
        QVERIFY(!console.outUtf8("row\n"));
        QCOMPARE(console.outputState(), ica::cli::Console::OutputState::Closed);
        QVERIFY(!console.outUtf8("more\n")); // stays closed; nothing written
        QVERIFY(err.data().isEmpty());

        QFile full(QStringLiteral("/dev/full"));
        QVERIFY(full.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        ica::cli::Console onFull(&full, &err);
        QVERIFY(!onFull.outUtf8("row\n"));
        QCOMPARE(onFull.outputState(), ica::cli::Console::OutputState::Failed);
    }
};

QTEST_GUILESS_MAIN(TestCliStream)
#include "tst_clistream.moc"
