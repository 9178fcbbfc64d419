// ListingExport against the simulator over loopback: a batch's items and a browser
// listing exported to CSV and JSON (every row once, in the server's order, the
// count the server gives, the same JSON as the API's and the same CSV as icatag's),
// a status filter, a cancel midway and a server failing midway (no file, no
// temporary file, an existing target untouched, a message), and a folder that
// cannot be written. Then the same through the widgets: the monitor's "Export…"
// menu (all items, the status filter), its progress bar and Cancel, its message on
// a failure, and the browser's "Export…" for the listing shown; the save dialog
// is replaced by a chooser that answers with a path (ExportBar::setPathChooser).
#include "core/api/batchapi.h"
#include "core/api/dataapi.h"
#include "core/api/projectapi.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/export/exportsources.h"
#include "core/export/listingexport.h"
#include "core/monitor/itemspager.h"
#include "tests/support/callwaiter.h"
#include "tests/support/csvparse.h"
#include "tests/support/simfixture.h"
#include "ui/browser/browserwidget.h"
#include "ui/export/exportbar.h"
#include "ui/monitor/batchview.h"
#include "ui/monitor/itemspanel.h"
#include "ui/widgets/messagebar.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace ica;
using namespace ica::test;

namespace {

constexpr int Timeout = 30000;
constexpr int BatchFiles = 400;
constexpr int UnknownIds = 12; // they fail: the FAILED items of the status filter
constexpr int PageSize = 50;   // several pages for a batch of 412 items

QByteArray readAll(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// Waits for one export to end; returns its outcome and message.
struct Ending {
    ListingExport::Outcome outcome = ListingExport::Outcome::Failed;
    QString message;
    bool ended = false;
    qint64 rowsWritten = 0; ///< by runExport()
};

Ending waitForEnd(ListingExport &job, QSignalSpy &finished) {
    Ending ending;
    if (!finished.wait(Timeout) && finished.isEmpty())
        return ending;
    const QList<QVariant> args = finished.takeFirst();
    ending.outcome = args.at(0).value<ListingExport::Outcome>();
    ending.message = args.at(1).toString();
    ending.ended = true;
    Q_UNUSED(job);
    return ending;
}

/// Runs an export of `question` to `path` and waits for its end.
template <typename Question>
Ending runExport(ApiClient *client, const Question &question, const QString &path) {
    ListingExport job;
    QSignalSpy finished(&job, &ListingExport::finished);
    if constexpr (std::is_same_v<Question, ItemsExportQuestion>)
        startItemsExport(&job, client, question, path);
    else
        startDataExport(&job, client, question, path);
    Ending ending = waitForEnd(job, finished);
    ending.rowsWritten = job.rowsWritten();
    return ending;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> fixture;
    ApiClient *client = nullptr;
    QString projectId;
    QString batchId;
    QList<BatchItem> allItems; ///< the batch's items as the API lists them
    std::unique_ptr<QTemporaryDir> dir;

    template <typename T> QList<T> collect(PageFetcher<T> fetch) {
        CollectOptions options;
        options.pageSize = 200;
        std::optional<Result<QList<T>>> result;
        collectAllPages<T>(std::move(fetch), options, this,
                           [&result](const Result<QList<T>> &r) { result = r; });
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, Timeout) || !result->ok())
            return {};
        return *result->value;
    }

    QList<BatchItem> collectItems(const QList<ItemStatus> &statuses) {
        return collect<BatchItem>([this, statuses](const PageRequest &page, QObject *context,
                                                   ResultCallback<BatchItemPage> done) {
            ItemsQuery query;
            query.statuses = statuses;
            query.page = page;
            return BatchApi(client).listItems(projectId, batchId, query, context, std::move(done));
        });
    }

    /// The rows a data export of `question` should write, as the API lists them.
    QList<ProjectData> dataRows(const DataExportQuestion &question) {
        return collect<ProjectData>([this, question](const PageRequest &page, QObject *context,
                                                     ResultCallback<ProjectDataPage> done) {
            DataQuery query = question.query;
            query.page = page;
            return DataApi(client).list(projectId, query, context, std::move(done));
        });
    }

    /// Shows the batch in `view`; false when its first rows did not come in time.
    bool showsTheBatch(ui::BatchView &view) {
        view.setClient(client);
        view.showBatch(projectId, batchId);
        view.show();
        return QTest::qWaitFor([&view]() { return view.itemsModel()->rowCount() > 0; }, Timeout);
    }

    qint64 totalItemCount(const QList<ItemStatus> &statuses) {
        ItemsQuery query;
        query.statuses = statuses;
        query.page = PageRequest::atOffset(0, 1);
        CallWaiter<BatchItemPage> page;
        BatchApi(client).listItems(projectId, batchId, query, &page, page.callback());
        if (!page.wait() || !page.ok())
            return -1;
        return page.value().info.totalItemCount.value_or(-1);
    }

    ItemsExportQuestion itemsQuestion(const QList<ItemStatus> &statuses = {}) const {
        ItemsExportQuestion question;
        question.projectId = projectId;
        question.batchId = batchId;
        question.statuses = statuses;
        question.pageSize = PageSize;
        return question;
    }

    /// Everything in the export folder (temporary files of QSaveFile included).
    QStringList filesInDir() const {
        return QDir(dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
    }

    /// Checks a CSV export of `expected` items: header, every row once in order.
    static void checkItemsCsv(const QByteArray &bytes, const QList<BatchItem> &expected) {
        QString error;
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), expected.size() + 1);
        QStringList header;
        for (const RowColumn<BatchItem> &column : itemColumns()) {
            if (column.shownInCsv())
                header.append(column.csvName);
        }
        QCOMPARE(records.first(), header);
        const qsizetype addUserTags = header.indexOf(QStringLiteral("addUserTags"));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QStringList &row = records.at(i + 1);
            QCOMPARE(row.size(), header.size());
            QCOMPARE(row.at(0), expected.at(i).id);
            QCOMPARE(row.at(1), expected.at(i).request.dataId);
            QCOMPARE(row.at(2), expected.at(i).status.toString());
            QCOMPARE(row.at(addUserTags), expected.at(i).request.userTags.addTags.join(u','));
        }
    }

    /// Checks a JSON export: one array holding exactly the API's items, in order.
    static void checkItemsJson(const QByteArray &bytes, const QList<BatchItem> &expected) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError,
                 qPrintable(parseError.errorString()));
        QVERIFY(document.isArray());
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(array.at(i).toObject(), expected.at(i).toJson());
    }

private Q_SLOTS:
    void initTestCase() {
        ica::sim::SimulatorOptions options = SimFixture::smallWorld();
        fixture = std::make_unique<SimFixture>(options);
        QVERIFY2(fixture->startError.isEmpty(), qPrintable(fixture->startError));
        client = fixture->client.get();

        CallWaiter<ProjectPage> projects;
        ProjectApi(client).list(ProjectsQuery{{}, PageRequest::atOffset(0, 10), {}}, &projects,
                                projects.callback());
        QVERIFY(projects.wait() && projects.ok() && !projects.value().items.isEmpty());
        projectId = projects.value().items.first().id;

        DataQuery files;
        files.type = DataQuery::Type::File;
        files.page = PageRequest::atOffset(0, BatchFiles);
        CallWaiter<ProjectDataPage> data;
        DataApi(client).list(projectId, files, &data, data.callback());
        QVERIFY(data.wait() && data.ok());
        QCOMPARE(data.value().items.size(), BatchFiles);

        CreateBatchRequest request;
        DataUpdateGroup group;
        for (const ProjectData &file : data.value().items)
            group.dataIds.append(file.id);
        for (int i = 0; i < UnknownIds; ++i) // IDs that look real but do not exist
            group.dataIds.insert(
                i * 30, QStringLiteral("fil.%1").arg(0xdead0000 + i, 32, 16, QLatin1Char('0')));
        // Commas and quotes in tags: the CSV must quote them.
        group.userTags.addTags = {QStringLiteral("exported"), QStringLiteral("say \"hi\"")};
        group.technicalTags.removeTags = {QStringLiteral("stale")};
        request.dataUpdateGroups.append(group);
        CallWaiter<Batch> created;
        BatchApi(client).create(projectId, request, &created, created.callback());
        QVERIFY(created.wait() && created.ok());
        batchId = created.value().id;
        fixture->sim->advance(std::chrono::seconds(60)); // the batch runs to its end

        allItems = collectItems({});
        QCOMPARE(allItems.size(), BatchFiles + UnknownIds);
        QCOMPARE(totalItemCount({}), qint64(allItems.size()));
    }

    void init() {
        dir = std::make_unique<QTemporaryDir>();
        QVERIFY(dir->isValid());
        fixture->sim->faults().reset();
    }

    void cleanup() { fixture->sim->faults().reset(); }

    void exportsAllItemsAsCsv() {
        const QString path = dir->filePath(QStringLiteral("items.csv"));
        ListingExport job;
        QSignalSpy finished(&job, &ListingExport::finished);
        QSignalSpy progress(&job, &ListingExport::progress);
        startItemsExport(&job, client, itemsQuestion(), path);
        QVERIFY(job.isRunning());
        const Ending ending = waitForEnd(job, finished);
        QVERIFY(ending.ended);
        QCOMPARE(ending.outcome, ListingExport::Outcome::Written);
        QVERIFY2(ending.message.contains(QString::number(allItems.size())),
                 qPrintable(ending.message));
        QVERIFY(!job.isRunning());
        QCOMPARE(job.rowsWritten(), qint64(allItems.size()));
        QCOMPARE(filesInDir(), QStringList{QStringLiteral("items.csv")});
        checkItemsCsv(readAll(path), allItems);

        // Progress after each page, rising to the total; the total known from the
        // server's estimate (cursor paging) before the end.
        QVERIFY(progress.size() >= (allItems.size() + PageSize - 1) / PageSize);
        qint64 last = 0;
        for (const QList<QVariant> &args : progress) {
            QVERIFY(args.at(0).toLongLong() >= last);
            last = args.at(0).toLongLong();
        }
        QCOMPARE(last, qint64(allItems.size()));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(allItems.size()));
    }

    void exportsAllItemsAsJson() {
        const QString path = dir->filePath(QStringLiteral("items.JSON"));
        const Ending ending = runExport(client, itemsQuestion(), path);
        QVERIFY(ending.ended);
        QCOMPARE(ending.outcome, ListingExport::Outcome::Written);
        checkItemsJson(readAll(path), allItems);
    }

    void exportsSortedItemsByOffset() {
        // A sorted view exports in its order, offset pages several in flight.
        const QString path = dir->filePath(QStringLiteral("sorted.json"));
        ItemsExportQuestion question = itemsQuestion();
        question.sort = QStringLiteral("status desc");
        const Ending ending = runExport(client, question, path);
        QVERIFY(ending.ended);
        QCOMPARE(ending.outcome, ListingExport::Outcome::Written);
        const QJsonArray array = QJsonDocument::fromJson(readAll(path)).array();
        QCOMPARE(array.size(), allItems.size());
        QSet<QString> ids;
        for (const QJsonValue &value : array)
            ids.insert(value.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), allItems.size()); // each once
        // Sorted by status, descending: no status comes after a "greater" one.
        for (qsizetype i = 1; i < array.size(); ++i) {
            const auto status = [&array](qsizetype at) {
                return array.at(at)
                    .toObject()
                    .value(QStringLiteral("processing"))
                    .toObject()
                    .value(QStringLiteral("status"))
                    .toString();
            };
            QVERIFY2(status(i - 1) >= status(i), qPrintable(status(i - 1) + u' ' + status(i)));
        }
    }

    void exportsItemsOfAStatus() {
        const QList<ItemStatus> failed{ItemStatus(ItemStatus::Failed)};
        const QList<BatchItem> expected = collectItems(failed);
        QCOMPARE(expected.size(), UnknownIds);
        QCOMPARE(totalItemCount(failed), qint64(UnknownIds));
        for (const QString &name : {QStringLiteral("failed.csv"), QStringLiteral("failed.json")}) {
            const QString path = dir->filePath(name);
            const Ending ending = runExport(client, itemsQuestion(failed), path);
            QVERIFY(ending.ended);
            QCOMPARE(ending.outcome, ListingExport::Outcome::Written);
            QCOMPARE(ending.rowsWritten, qint64(UnknownIds));
            if (name.endsWith(QLatin1String(".csv")))
                checkItemsCsv(readAll(path), expected);
            else
                checkItemsJson(readAll(path), expected);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void emptyListingGivesHeaderOrEmptyArray() {
        const QList<ItemStatus> none{ItemStatus(ItemStatus::Initialised)};
        QCOMPARE(totalItemCount(none), qint64(0));
        const QString csvPath = dir->filePath(QStringLiteral("none.csv"));
        const QString jsonPath = dir->filePath(QStringLiteral("none.json"));
        for (const QString &path : {csvPath, jsonPath}) {
            const Ending ending = runExport(client, itemsQuestion(none), path);
            QVERIFY(ending.ended);
            QCOMPARE(ending.outcome, ListingExport::Outcome::Written);
        }
        checkItemsCsv(readAll(csvPath), {});
        checkItemsJson(readAll(jsonPath), {});
    }

    void cancelMidwayLeavesNoFileAndKeepsTheOldOne() {
        const QString path = dir->filePath(QStringLiteral("kept.csv"));
        const QByteArray before("an export from before\r\n");
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            QCOMPARE(old.write(before), before.size());
        }
        // Slow pages, so the export is surely midway when the first page is written.
        fixture->sim->faults().setLatency(40, QStringLiteral("/items"));
        ListingExport job;
        QSignalSpy finished(&job, &ListingExport::finished);
        bool cancelled = false;
        connect(&job, &ListingExport::progress, &job, [&job, &cancelled](qint64 rows, qint64) {
            if (rows > 0 && !cancelled) {
                cancelled = true;
                job.cancel();
            }
        });
        startItemsExport(&job, client, itemsQuestion(), path);
        const Ending ending = waitForEnd(job, finished);
        QVERIFY(ending.ended);
        QVERIFY(cancelled);
        QCOMPARE(ending.outcome, ListingExport::Outcome::Cancelled);
        QVERIFY(job.rowsWritten() < allItems.size());
        QCOMPARE(filesInDir(), QStringList{QStringLiteral("kept.csv")}); // no temporary file
        QCOMPARE(readAll(path), before);
        // Nothing more comes (no late page, no second finished()).
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        cancelled = false;
        job.cancel(); // no export runs: nothing happens
        QCOMPARE(finished.size(), 0);
    }

    void serverFailingMidwayLeavesNoFile() {
        const QString path = dir->filePath(QStringLiteral("broken.json"));
        fixture->sim->faults().setLatency(30, QStringLiteral("/items"));
        ListingExport job;
        QSignalSpy finished(&job, &ListingExport::finished);
        bool broke = false;
        connect(&job, &ListingExport::progress, &job, [this, &broke](qint64 rows, qint64) {
            if (rows > 0 && !broke) {
                broke = true;
                // Every later page fails, retries included.
                fixture->sim->faults().failNext(1000, 500, QStringLiteral("/items"));
            }
        });
        startItemsExport(&job, client, itemsQuestion(), path);
        const Ending ending = waitForEnd(job, finished);
        QVERIFY(ending.ended);
        QVERIFY(broke);
        QCOMPARE(ending.outcome, ListingExport::Outcome::Failed);
        QVERIFY2(ending.message.contains(QStringLiteral("broken.json")),
                 qPrintable(ending.message));
        QVERIFY2(ending.message.contains(QStringLiteral("500")), qPrintable(ending.message));
        QVERIFY2(ending.message.contains(QStringLiteral("try again")), qPrintable(ending.message));
        QVERIFY(filesInDir().isEmpty());
    }

    void unwritableFolderFailsWithAMessage() {
        const QString path = dir->filePath(QStringLiteral("no/such/folder/items.csv"));
        const Ending ending = runExport(client, itemsQuestion(), path);
        QVERIFY(ending.ended);
        QCOMPARE(ending.outcome, ListingExport::Outcome::Failed);
        QVERIFY2(ending.message.contains(QStringLiteral("Could not write")),
                 qPrintable(ending.message));
        QVERIFY2(ending.message.contains(QStringLiteral("Choose another folder")),
                 qPrintable(ending.message));
        QVERIFY(filesInDir().isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void exportsTheBrowserListing() {
        // The browser's question: a folder with a filter and more rows than a page.
        DataBrowserModel model;
        DataLister lister(client, &model);
        lister.setPageSize(100);
        lister.setLocation(projectId, QStringLiteral("/"));
        DataFilter filter = lister.filter();
        filter.setRecursive(true);
        filter.setName(QStringLiteral("fastq"));
        QVERIFY(lister.setFilter(filter));
        const DataExportQuestion question = DataExportQuestion::of(lister);
        QCOMPARE(question.projectId, projectId);
        QVERIFY(question.recursiveListing);

        const QList<ProjectData> expected = dataRows(question);
        DataExportQuestion small = question;
        small.pageSize = 100; // several pages
        QVERIFY2(expected.size() > 3 * small.pageSize,
                 qPrintable(QString::number(expected.size())));
        const QString csvPath = dir->filePath(QStringLiteral("data.csv"));
        const QString jsonPath = dir->filePath(QStringLiteral("data.json"));
        for (const QString &path : {csvPath, jsonPath}) {
            const Ending ending = runExport(client, small, path);
            QVERIFY(ending.ended);
            QCOMPARE(ending.outcome, ListingExport::Outcome::Written);
            QCOMPARE(ending.rowsWritten, qint64(expected.size()));
        }
        const QJsonArray array = QJsonDocument::fromJson(readAll(jsonPath)).array();
        QCOMPARE(array.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(array.at(i).toObject(), expected.at(i).toJson());
        QString error;
        const QList<QStringList> records = parseCsv(QString::fromUtf8(readAll(csvPath)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), expected.size() + 1);
        QCOMPARE(records.first().first(), QStringLiteral("id"));
        const qsizetype pathColumn = records.first().indexOf(QStringLiteral("path"));
        QVERIFY(pathColumn > 0);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(records.at(i + 1).first(), expected.at(i).id);
            QCOMPARE(records.at(i + 1).at(pathColumn), expected.at(i).path);
        }
    }

    void monitorExportsAllAndFilteredItems() {
        ui::BatchView view;
        QVERIFY(showsTheBatch(view));
        QStringList suggested;
        QString nextPath;
        view.exportBar()->setPathChooser([&](QWidget *, const QString &name) {
            suggested.append(name);
            return nextPath;
        });
        auto *allAction = view.findChild<QAction *>(QStringLiteral("exportAllItemsAction"));
        auto *filteredAction =
            view.findChild<QAction *>(QStringLiteral("exportFilteredItemsAction"));
        QVERIFY(allAction && filteredAction);
        QVERIFY(!filteredAction->isEnabled()); // no status chosen yet
        QSignalSpy finished(view.exportBar(), &ui::ExportBar::finished);

        // The user gives up in the dialog: nothing starts.
        nextPath.clear();
        allAction->trigger();
        QCOMPARE(suggested.size(), 1);
        QVERIFY(!view.exportBar()->isRunning());
        QVERIFY(view.exportBar()->isHidden());

        nextPath = dir->filePath(QStringLiteral("monitor-all.json"));
        allAction->trigger();
        QVERIFY(view.exportBar()->isRunning());
        QVERIFY(view.exportBar()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Timeout);
        QCOMPARE(finished.first().at(0).value<ListingExport::Outcome>(),
                 ListingExport::Outcome::Written);
        QVERIFY(view.exportBar()->isHidden());
        checkItemsJson(readAll(nextPath), allItems);
        if (QTest::currentTestFailed())
            return;

        // The status filter: FAILED only.
        view.itemsPanel()->statusToggle(ItemStatus::Failed)->click();
        QVERIFY(filteredAction->isEnabled());
        nextPath = dir->filePath(QStringLiteral("monitor-failed.csv"));
        filteredAction->trigger();
        QVERIFY(suggested.last().contains(QStringLiteral("filtered")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, Timeout);
        QCOMPARE(finished.last().at(0).value<ListingExport::Outcome>(),
                 ListingExport::Outcome::Written);
        checkItemsCsv(readAll(nextPath), collectItems({ItemStatus(ItemStatus::Failed)}));
        QVERIFY(view.findChild<ui::MessageBar *>(QStringLiteral("batchMessage"))->isHidden());
    }

    void monitorCancelsAndReportsFailures() {
        ui::BatchView view;
        QVERIFY(showsTheBatch(view));
        QString nextPath = dir->filePath(QStringLiteral("cancelled.csv"));
        view.exportBar()->setPathChooser([&](QWidget *, const QString &) { return nextPath; });
        view.exportBar()->setPageSize(PageSize);
        QSignalSpy finished(view.exportBar(), &ui::ExportBar::finished);
        auto *allAction = view.findChild<QAction *>(QStringLiteral("exportAllItemsAction"));
        auto *cancel = view.findChild<QToolButton *>(QStringLiteral("exportCancelButton"));
        auto *progressBar = view.findChild<QProgressBar *>(QStringLiteral("exportProgress"));
        auto *error = view.findChild<ui::MessageBar *>(QStringLiteral("batchMessage"));
        QVERIFY(allAction && cancel && progressBar && error);

        // Slow pages and small ones: the export is midway when Cancel is pressed.
        fixture->sim->faults().setLatency(60, QStringLiteral("/items"));
        allAction->trigger();
        QVERIFY(view.exportBar()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(view.exportBar()->job()->rowsWritten() > 0, Timeout);
        QVERIFY(view.exportBar()->job()->rowsWritten() < allItems.size());
        QVERIFY(progressBar->maximum() > 0); // the size is known: a real bar, not busy
        QVERIFY(progressBar->value() > 0 && progressBar->value() < progressBar->maximum());
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Timeout);
        QCOMPARE(finished.first().at(0).value<ListingExport::Outcome>(),
                 ListingExport::Outcome::Cancelled);
        QVERIFY(filesInDir().isEmpty());
        QVERIFY(error->isHidden());

        // The server fails every page: the view says so in its message label.
        fixture->sim->faults().reset();
        fixture->sim->faults().failNext(1000, 503, QStringLiteral("/items"));
        nextPath = dir->filePath(QStringLiteral("failed.csv"));
        allAction->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, Timeout);
        QCOMPARE(finished.last().at(0).value<ListingExport::Outcome>(),
                 ListingExport::Outcome::Failed);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("failed.csv")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("try again")), qPrintable(error->text()));
        QVERIFY(filesInDir().isEmpty());
    }

    void browserExportsTheListingShown() {
        ui::BrowserWidget widget;
        widget.setClient(client);
        widget.setProject(projectId);
        widget.show();
        QTRY_VERIFY_WITH_TIMEOUT(widget.lister() && widget.lister()->expectedCount(), Timeout);
        const DataExportQuestion question = DataExportQuestion::of(*widget.lister());
        const QList<ProjectData> expected = dataRows(question);
        QVERIFY(!expected.isEmpty());
        const QString path = dir->filePath(QStringLiteral("browser.json"));
        widget.exportBar()->setPathChooser([&path](QWidget *, const QString &) { return path; });
        widget.exportBar()->setPageSize(7); // several pages even for a small folder
        QSignalSpy finished(widget.exportBar(), &ui::ExportBar::finished);
        auto *button = widget.findChild<QToolButton *>(QStringLiteral("exportListingButton"));
        QVERIFY(button);
        button->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Timeout);
        QCOMPARE(finished.first().at(0).value<ListingExport::Outcome>(),
                 ListingExport::Outcome::Written);
        const QJsonArray array = QJsonDocument::fromJson(readAll(path)).array();
        QCOMPARE(array.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(array.at(i).toObject(), expected.at(i).toJson());
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
