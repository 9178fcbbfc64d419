// ItemsPager + BatchItemsModel against the simulator over loopback: first page,
// refresh as a diff (dataChanged in place, never a reset), status filter, server
// sort in offset mode, offset paging with "page x of y", cursor next / load all /
// refresh, stale answers dropped when the question changes quickly, one request
// in flight, and errors as ApiError.
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemspager.h"
#include "tests/support/modelsignallog.h"
#include "tests/support/testworld.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

using namespace ica;
using ica::test::ModelSignalLog;
using ica::test::TestWorld;

namespace {

constexpr int Timeout = 20000;

QStringList dataIdsOf(const BatchItemsModel &model) {
    QStringList ids;
    for (const BatchItem &item : model.items())
        ids.append(item.request.dataId);
    return ids;
}

QStringList itemIdsOf(const BatchItemsModel &model) {
    QStringList ids;
    for (const BatchItem &item : model.items())
        ids.append(item.id);
    return ids;
}

QStringList statusesOf(const BatchItemsModel &model) {
    QStringList statuses;
    for (const BatchItem &item : model.items())
        statuses.append(item.status.toString());
    return statuses;
}

} // namespace

class TestItemsPager final : public QObject {
    Q_OBJECT

    std::unique_ptr<TestWorld> w;
    QString batchId;
    QStringList dataIds; // of batchId, in the server's order

    /// A fresh batch created now; simulated time then runs from its creation.
    bool newBatch() {
        dataIds = w->nextBatchDataIds();
        batchId = w->createBatch(dataIds);
        return !batchId.isEmpty();
    }
    QStringList unknownIds() const {
        QStringList ids;
        for (int position : TestWorld::unknownPositions())
            ids.append(dataIds.at(position));
        return ids;
    }
    void advance(std::chrono::milliseconds ms) { w->sim().advance(ms); }

private Q_SLOTS:
    void initTestCase() {
        w = ica::test::TestWorld::start(ica::test::TestWorld::pacedBatches());
        QVERIFY2(w->isUp(), qPrintable(w->startError()));
    }
    void init() {
        w->sim().faults().reset();
        w->nam.resetCounters();
        QVERIFY(newBatch());
    }
    void cleanupTestCase() { w.reset(); }

    void firstPageLoads() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setPageSize(10));
        QCOMPARE(w->nam.count(QStringLiteral("/items")), 0); // no batch yet: no request
        QSignalSpy loading(&pager, &ItemsPager::loadingChanged);
        pager.setBatch(w->projectId, batchId);
        QVERIFY(pager.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(loading.size(), 2);
        QCOMPARE(loading.at(0).at(0).toBool(), true);
        QCOMPARE(loading.at(1).at(0).toBool(), false);
        QVERIFY(!pager.lastError().isError());
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(dataIdsOf(model), dataIds.mid(0, 10));
        QCOMPARE(statusesOf(model), QStringList(10, QStringLiteral("INITIALISED")));
        QCOMPARE(model.index(0, BatchItemsModel::UserTagsAddedColumn).data().toString(),
                 QStringLiteral("monitored"));
        QCOMPARE(model.index(0, BatchItemsModel::TechnicalTagsRemovedColumn).data().toString(),
                 QStringLiteral("stale"));
        QCOMPARE(pager.totalCount(), qint64(TestWorld::BatchSize));
        QCOMPARE(pager.pageCount(), qint64(5));
        QCOMPARE(pager.positionText(), QStringLiteral("Page 1 of 5"));
        QCOMPARE(w->nam.count(QStringLiteral("/items"), QStringLiteral("pageOffset=0")), 1);
    }

    void refreshChangesRowsInPlace() {
        advance(TestWorld::untilDone(0) - std::chrono::milliseconds(1)); // all waiting
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setPageSize(25));
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(statusesOf(model), QStringList(25, QStringLiteral("WAITING_RESOURCES")));
        const QStringList before = itemIdsOf(model);

        // Items 0-2 finish (2 is an unknown ID: FAILED with a reason), 3 is updating.
        advance(std::chrono::milliseconds(1 + 3 * TestWorld::MsPerItem));
        ModelSignalLog log(&model);
        QSignalSpy applied(&pager, &ItemsPager::pageApplied);
        QVERIFY(pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QCOMPARE(log.entries,
                 (QStringList{QStringLiteral("chg 0-1 c2-2"), QStringLiteral("chg 2-2 c2-3"),
                              QStringLiteral("chg 3-3 c2-2")}));
        QCOMPARE(itemIdsOf(model), before); // rows kept in place
        QCOMPARE(statusesOf(model).mid(0, 5),
                 (QStringList{QStringLiteral("UPDATED"), QStringLiteral("UPDATED"),
                              QStringLiteral("FAILED"), QStringLiteral("UPDATING"),
                              QStringLiteral("WAITING_RESOURCES")}));
        QVERIFY(!model.index(2, BatchItemsModel::AdditionalInformationColumn)
                     .data()
                     .toString()
                     .isEmpty());
        QCOMPARE(model.index(3, BatchItemsModel::StatusColumn).data(BatchItemsModel::StatusRole),
                 QVariant(int(ItemStatus::Updating)));

        // Nothing changed on the server: a refresh changes nothing in the model.
        log.entries.clear();
        QVERIFY(pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QVERIFY2(log.entries.isEmpty(), qPrintable(log.entries.join(QLatin1Char(';'))));
    }

    void statusFilterFailedShowsTheUnknownIds() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setStatusFilter({ItemStatus::Failed}));
        QVERIFY(!pager.setStatusFilter({ItemStatus::Failed}));

        advance(TestWorld::untilDone(10)); // unknown IDs at 2 and 9 have failed so far
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(model), unknownIds().mid(0, 2));

        advance(TestWorld::untilDone(TestWorld::BatchSize));
        ModelSignalLog log(&model);
        QSignalSpy applied(&pager, &ItemsPager::pageApplied);
        QVERIFY(pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QCOMPARE(dataIdsOf(model), unknownIds());
        QCOMPARE(log.entries, QStringList{QStringLiteral("ins 2-4")}); // a diff, not a reset
        QCOMPARE(pager.totalCount(), qint64(unknownIds().size()));
        for (const BatchItem &item : model.items()) {
            QCOMPARE(item.status, ItemStatus(ItemStatus::Failed));
            QVERIFY(item.additionalStatusInformation.contains(item.request.dataId));
        }
        QVERIFY(w->nam.count(QStringLiteral("/items"), QStringLiteral("status=FAILED")) >= 2);

        // Two statuses go out as repeated parameters; a new question resets once.
        QVERIFY(pager.setStatusFilter({ItemStatus::Failed, ItemStatus::Updated}));
        QVERIFY(applied.wait(Timeout));
        QCOMPARE(model.rowCount(), TestWorld::BatchSize);
        QCOMPARE(log.count(QStringLiteral("reset")), 1);
        const QUrl last = w->nam.urls.last();
        QCOMPARE(QUrlQuery(last).allQueryItemValues(QStringLiteral("status")),
                 (QStringList{QStringLiteral("UPDATED"), QStringLiteral("FAILED")}));
    }

    void sortRequeriesInOffsetMode() {
        advance(TestWorld::untilDone(20));
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(pager.setPageSize(50));
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(model), dataIds);

        QVERIFY(!pager.setSort(BatchItemsModel::ArchiveDateColumn, Qt::AscendingOrder));
        QVERIFY(pager.setSort(BatchItemsModel::StatusColumn, Qt::DescendingOrder));
        QCOMPARE(pager.queryState().mode(), ItemsQueryState::Mode::Offset);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        const QUrlQuery sent(w->nam.urls.last());
        QCOMPARE(sent.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded),
                 QStringLiteral("status desc"));
        QVERIFY(sent.hasQueryItem(QStringLiteral("pageOffset")));
        // The simulator orders statuses by name: 24 waiting, 1 updating, 17 updated, 3 failed.
        QStringList expected;
        expected << QStringList(24, QStringLiteral("WAITING_RESOURCES"))
                 << QStringLiteral("UPDATING") << QStringList(17, QStringLiteral("UPDATED"))
                 << QStringList(3, QStringLiteral("FAILED"));
        QCOMPARE(statusesOf(model), expected);
        QCOMPARE(pager.totalCount(), qint64(TestWorld::BatchSize));

        QStringList byDataIdDesc = dataIds;
        std::sort(byDataIdDesc.begin(), byDataIdDesc.end(),
                  [](const QString &a, const QString &b) { return a.compare(b) > 0; });
        QVERIFY(pager.setPageSize(10));
        QVERIFY(pager.setSort(BatchItemsModel::DataIdColumn, Qt::DescendingOrder));
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(model), byDataIdDesc.mid(0, 10));
        pager.nextPage();
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(model), byDataIdDesc.mid(10, 10));

        // Back to cursor mode: the sort is dropped and the server's order returns.
        QVERIFY(pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(!pager.queryState().hasSort());
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(model), dataIds.mid(0, 10));
        QVERIFY(!QUrlQuery(w->nam.urls.last()).hasQueryItem(QStringLiteral("sort")));
    }

    void offsetPaging() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setPageSize(10));
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QVERIFY(!pager.canGoPrevious());
        QVERIFY(pager.canGoNext());

        pager.nextPage();
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(pager.positionText(), QStringLiteral("Page 2 of 5"));
        QCOMPARE(dataIdsOf(model), dataIds.mid(10, 10));

        pager.lastPage();
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(pager.positionText(), QStringLiteral("Page 5 of 5"));
        QCOMPARE(pager.pageIndex(), qint64(4));
        QCOMPARE(dataIdsOf(model), dataIds.mid(40, 5));
        QVERIFY(!pager.canGoNext());
        const int requests = w->nam.started;
        pager.nextPage(); // past the end: nothing to ask
        QCOMPARE(w->nam.started, requests);
        QVERIFY(!pager.isLoading());

        pager.previousPage();
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(pager.positionText(), QStringLiteral("Page 4 of 5"));
        QCOMPARE(dataIdsOf(model), dataIds.mid(30, 10));

        pager.firstPage();
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(pager.positionText(), QStringLiteral("Page 1 of 5"));
        QCOMPARE(dataIdsOf(model), dataIds.mid(0, 10));

        QVERIFY(pager.setPageSize(25));
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(pager.positionText(), QStringLiteral("Page 1 of 2"));
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(pager.totalCount(), qint64(TestWorld::BatchSize));
    }

    void offsetRefreshPastTheEndGoesToTheLastPage() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setPageSize(10));
        QVERIFY(pager.setStatusFilter({ItemStatus::Initialised}));
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        pager.lastPage();
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(pager.pageIndex(), qint64(4));

        advance(TestWorld::untilDone(0)); // nothing is INITIALISED any more
        QVERIFY(pager.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(pager.totalCount(), qint64(0));
        QCOMPARE(pager.pageIndex(), qint64(0));
        QCOMPARE(pager.positionText(), QStringLiteral("Page 1 of 1"));
        QCOMPARE(model.rowCount(), 0);
    }

    void cursorNextAndLoadAll() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(pager.setPageSize(10));
        ModelSignalLog log(&model);
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(pager.hasMore());
        QCOMPARE(pager.remainingRecords().value_or(-1), qint64(35));
        QCOMPARE(pager.positionText(), QStringLiteral("10 loaded, about 35 more"));
        QCOMPARE(pager.totalCount(), qint64(-1));
        QCOMPARE(pager.pageCount(), qint64(0));

        log.entries.clear();
        QVERIFY(pager.loadNextPage());
        QVERIFY(!pager.loadNextPage()); // busy: one request at a time
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(log.entries, QStringList{QStringLiteral("ins 10-19")});
        QCOMPARE(dataIdsOf(model), dataIds.mid(0, 20));

        QSignalSpy progress(&pager, &ItemsPager::loadAllProgress);
        QVERIFY(pager.loadAll());
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(progress.size(), 3); // pages 3, 4 and 5
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(TestWorld::BatchSize));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(TestWorld::BatchSize));
        QCOMPARE(progress.first().at(1).toLongLong(), qint64(TestWorld::BatchSize));
        QCOMPARE(dataIdsOf(model), dataIds); // every item exactly once, in order
        const QStringList items = itemIdsOf(model);
        QCOMPARE(QSet<QString>(items.cbegin(), items.cend()).size(), TestWorld::BatchSize);
        QVERIFY(!pager.hasMore());
        QCOMPARE(pager.remainingRecords().value_or(-1), qint64(0));
        QVERIFY(!pager.loadAll());
        QCOMPARE(log.count(QStringLiteral("reset")), 0);
        QCOMPARE(log.count(QStringLiteral("ins")), 4);
        QCOMPARE(w->nam.count(QStringLiteral("/items"), QStringLiteral("pageOffset")), 0);
    }

    void cursorRefreshDiffsTheLoadedPages() {
        advance(TestWorld::untilDone(0) - std::chrono::milliseconds(1)); // all waiting
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(pager.setPageSize(10));
        QVERIFY(pager.setStatusFilter({ItemStatus::WaitingResources}));
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QVERIFY(pager.loadNextPage());
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(model), dataIds.mid(0, 20));

        // Items 0-2 finish and 3 is updating: they leave the filter; two pages asked
        // again now start at item 4.
        advance(std::chrono::milliseconds(1 + 3 * TestWorld::MsPerItem));
        ModelSignalLog log(&model);
        w->nam.resetCounters();
        QVERIFY(pager.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(w->nam.count(QStringLiteral("/items")), 2);
        QCOMPARE(log.entries,
                 (QStringList{QStringLiteral("rem 0-3"), QStringLiteral("ins 16-19")}));
        QCOMPARE(dataIdsOf(model), dataIds.mid(4, 20));
        QVERIFY(pager.hasMore());
        QVERIFY(pager.loadNextPage()); // continues after the refreshed pages
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(model), dataIds.mid(4, 30));
    }

    void staleAnswersAreIgnored() {
        advance(TestWorld::untilDone(TestWorld::BatchSize));
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setPageSize(10));
        w->sim().faults().setLatency(150, QStringLiteral("/items"));
        ModelSignalLog log(&model);
        QSignalSpy applied(&pager, &ItemsPager::pageApplied);
        QSignalSpy errors(&pager, &ItemsPager::errorOccurred);
        pager.setBatch(w->projectId, batchId);
        QVERIFY(pager.setStatusFilter({ItemStatus::Failed}));
        QVERIFY(pager.setStatusFilter({ItemStatus::Updated}));
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(w->nam.count(QStringLiteral("/items")), 3);
        QCOMPARE(applied.size(), 1); // only the newest question's answer was applied
        QCOMPARE(errors.size(), 0);  // a superseded request is no error
        QCOMPARE(log.entries, QStringList{QStringLiteral("reset")});
        QCOMPARE(statusesOf(model), QStringList(10, QStringLiteral("UPDATED")));
        QCOMPARE(pager.totalCount(), qint64(TestWorld::BatchSize - 5));

        // Pages flipped quickly: the last one wins.
        pager.nextPage();
        pager.nextPage();
        pager.nextPage();
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(pager.pageIndex(), qint64(3));
        QCOMPARE(pager.positionText(), QStringLiteral("Page 4 of 4"));
        QCOMPARE(model.rowCount(), 10);
        for (const BatchItem &item : model.items())
            QVERIFY(!unknownIds().contains(item.request.dataId));
        QCOMPARE(w->nam.maxInFlight, 1);
    }

    void staleAnswerDecodedOffThreadIsIgnored() {
        // A page large enough to be decoded on a worker thread: its answer is already
        // off the wire (nothing left to cancel) when the question changes, and comes
        // back to the pager afterwards. It must not be shown.
        QStringList ids = w->fileIds;
        for (int i = 0; i < 200; ++i)
            ids.append(TestWorld::unknownId(50000 + i));
        const QString bigBatch = w->createBatch(ids);
        QVERIFY(!bigBatch.isEmpty());
        advance(TestWorld::untilDone(int(ids.size())));

        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QVERIFY(pager.setPageSize(1000));
        {
            // The body is gzipped on the wire: measure the JSON the client decodes.
            ica::test::CallWaiter<BatchItemPage> page;
            ItemsQuery query;
            query.page = PageRequest::atOffset(0, 1000);
            BatchApi(w->client).listItems(w->projectId, bigBatch, query, &page, page.callback());
            QVERIFY(page.wait(Timeout) && page.ok());
            const qsizetype json =
                QJsonDocument(page.value().toJson()).toJson(QJsonDocument::Compact).size();
            QVERIFY2(json >= OffThreadDecodeThreshold * 3 / 2, qPrintable(QString::number(json)));
        }
        bool changed = false;
        // Queued: runs after the client has handed the body to the worker thread and
        // before the worker's result is delivered (posted later, in order).
        connect(
            &w->nam, &QNetworkAccessManager::finished, &pager,
            [this, &pager, &changed]() {
                if (!changed) {
                    changed = true;
                    // The new answer comes late, so the old one lands while it is awaited.
                    w->sim().faults().setLatency(500, QStringLiteral("/items"));
                    pager.setStatusFilter({ItemStatus::Failed});
                }
            },
            Qt::QueuedConnection);
        ModelSignalLog log(&model);
        QSignalSpy applied(&pager, &ItemsPager::pageApplied);
        pager.setBatch(w->projectId, bigBatch);
        QTRY_VERIFY_WITH_TIMEOUT(changed && !pager.isLoading(), Timeout);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(log.entries, QStringList{QStringLiteral("reset")});
        QCOMPARE(model.rowCount(), 200);
        for (const BatchItem &item : model.items())
            QCOMPARE(item.status, ItemStatus(ItemStatus::Failed));
        QCOMPARE(pager.totalCount(), qint64(200));
    }

    void refreshWhileBusyIsDoneAfterwards() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        w->sim().faults().setLatency(100, QStringLiteral("/items"));
        pager.setBatch(w->projectId, batchId);
        QVERIFY(pager.refresh());
        QVERIFY(pager.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        // The load, then one refresh for both calls; never two at once.
        QCOMPARE(w->nam.count(QStringLiteral("/items")), 2);
        QCOMPARE(w->nam.maxInFlight, 1);
        QCOMPARE(model.rowCount(), TestWorld::BatchSize);
    }

    void errorsSurfaceAsApiError() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ItemsPager pager(w->client, &model);
        QSignalSpy errors(&pager, &ItemsPager::errorOccurred);
        pager.setBatch(w->projectId, QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(errors.wait(Timeout));
        ApiError error = errors.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 404);
        QVERIFY(error.problem.has_value());
        QCOMPARE(pager.lastError().httpStatus, 404);
        QVERIFY(!pager.isLoading());
        QCOMPARE(model.rowCount(), 0);

        // A failed refresh keeps the rows shown.
        pager.setBatch(w->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), Timeout);
        QCOMPARE(model.rowCount(), TestWorld::BatchSize);
        w->sim().faults().failNext(5, 500, QStringLiteral("/items")); // all five tries
        QVERIFY(pager.refresh());
        QVERIFY(errors.wait(Timeout));
        error = errors.last().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 500);
        QCOMPARE(model.rowCount(), TestWorld::BatchSize);
        QVERIFY(!pager.isLoading());
        QSignalSpy applied(&pager, &ItemsPager::pageApplied);
        QVERIFY(pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QVERIFY(!pager.lastError().isError());
        QCOMPARE(errors.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestItemsPager)
#include "tst_itemspager.moc"
