// ItemsPager + BatchItemsModel against the simulator over loopback: first page,
// refresh as a diff (dataChanged in place, never a reset), status filter, server
// sort in offset mode, offset paging with "page x of y", cursor next / load all /
// refresh, stale answers dropped when the question changes quickly, one request
// in flight, and errors as ApiError.
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemspager.h"
#include "tests/monitor/pagerrig.h"
#include "tests/support/modelsignallog.h"
#include "tests/support/worldtestcase.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

using namespace ica;
using ica::test::ModelSignalLog;
using ica::test::PagerRig;
using ica::test::TestWorld;

namespace {

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

class TestItemsPager final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestItemsPager()
        : WorldTestCase(TestWorld::pacedBatches()) {}

private:
    QString batchId;
    QStringList dataIds; // of batchId, in the server's order

    /// A fresh batch created now; simulated time then runs from its creation.
    bool newBatch() {
        dataIds = world->nextBatchDataIds();
        batchId = world->createBatch(dataIds);
        return !batchId.isEmpty();
    }
    QStringList unknownIds() const {
        QStringList ids;
        for (int position : TestWorld::unknownPositions())
            ids.append(dataIds.at(position));
        return ids;
    }
    void advance(std::chrono::milliseconds ms) { world->sim().advance(ms); }

private Q_SLOTS:
    void init() {
        world->sim().faults().reset();
        world->nam.resetCounters();
        QVERIFY(newBatch());
    }

    void firstPageLoads() {
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setPageSize(10));
        QCOMPARE(world->nam.count(QStringLiteral("/items")), 0); // no batch yet: no request
        QSignalSpy loading(&rig.pager, &ItemsPager::loadingChanged);
        rig.pager.setBatch(world->projectId, batchId);
        QVERIFY(rig.pager.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(loading.size(), 2);
        QCOMPARE(loading.at(0).at(0).toBool(), true);
        QCOMPARE(loading.at(1).at(0).toBool(), false);
        QVERIFY(!rig.pager.lastError().isError());
        QCOMPARE(rig.model.rowCount(), 10);
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(0, 10));
        QCOMPARE(statusesOf(rig.model), QStringList(10, QStringLiteral("INITIALISED")));
        QCOMPARE(rig.model.index(0, BatchItemsModel::UserTagsAddedColumn).data().toString(),
                 QStringLiteral("monitored"));
        QCOMPARE(rig.model.index(0, BatchItemsModel::TechnicalTagsRemovedColumn).data().toString(),
                 QStringLiteral("stale"));
        QCOMPARE(rig.pager.totalCount(), qint64(TestWorld::BatchSize));
        QCOMPARE(rig.pager.pageCount(), qint64(5));
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 1 of 5"));
        QCOMPARE(world->nam.count(QStringLiteral("/items"), QStringLiteral("pageOffset=0")), 1);
    }

    void refreshChangesRowsInPlace() {
        advance(TestWorld::untilDone(0) - std::chrono::milliseconds(1)); // all waiting
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setPageSize(25));
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(statusesOf(rig.model), QStringList(25, QStringLiteral("WAITING_RESOURCES")));
        const QStringList before = itemIdsOf(rig.model);

        // Items 0-2 finish (2 is an unknown ID: FAILED with a reason), 3 is updating.
        advance(std::chrono::milliseconds(1 + 3 * TestWorld::MsPerItem));
        ModelSignalLog log(&rig.model);
        QSignalSpy applied(&rig.pager, &ItemsPager::pageApplied);
        QVERIFY(rig.pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QCOMPARE(log.entries,
                 (QStringList{QStringLiteral("chg 0-1 c2-2"), QStringLiteral("chg 2-2 c2-3"),
                              QStringLiteral("chg 3-3 c2-2")}));
        QCOMPARE(itemIdsOf(rig.model), before); // rows kept in place
        QCOMPARE(statusesOf(rig.model).mid(0, 5),
                 (QStringList{QStringLiteral("UPDATED"), QStringLiteral("UPDATED"),
                              QStringLiteral("FAILED"), QStringLiteral("UPDATING"),
                              QStringLiteral("WAITING_RESOURCES")}));
        QVERIFY(!rig.model.index(2, BatchItemsModel::AdditionalInformationColumn)
                     .data()
                     .toString()
                     .isEmpty());
        QCOMPARE(
            rig.model.index(3, BatchItemsModel::StatusColumn).data(BatchItemsModel::StatusRole),
            QVariant(int(ItemStatus::Updating)));

        // Nothing changed on the server: a refresh changes nothing in the model.
        log.entries.clear();
        QVERIFY(rig.pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QVERIFY2(log.entries.isEmpty(), qPrintable(log.entries.join(QLatin1Char(';'))));
    }

    void statusFilterFailedShowsTheUnknownIds() {
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setStatusFilter({ItemStatus::Failed}));
        QVERIFY(!rig.pager.setStatusFilter({ItemStatus::Failed}));

        advance(TestWorld::untilDone(10)); // unknown IDs at 2 and 9 have failed so far
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(rig.model), unknownIds().mid(0, 2));

        advance(TestWorld::untilDone(TestWorld::BatchSize));
        ModelSignalLog log(&rig.model);
        QSignalSpy applied(&rig.pager, &ItemsPager::pageApplied);
        QVERIFY(rig.pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QCOMPARE(dataIdsOf(rig.model), unknownIds());
        QCOMPARE(log.entries, QStringList{QStringLiteral("ins 2-4")}); // a diff, not a reset
        QCOMPARE(rig.pager.totalCount(), qint64(unknownIds().size()));
        for (const BatchItem &item : rig.model.items()) {
            QCOMPARE(item.status, ItemStatus(ItemStatus::Failed));
            QVERIFY(item.additionalStatusInformation.contains(item.request.dataId));
        }
        QVERIFY(world->nam.count(QStringLiteral("/items"), QStringLiteral("status=FAILED")) >= 2);

        // Two statuses go out as repeated parameters; a new question resets once.
        QVERIFY(rig.pager.setStatusFilter({ItemStatus::Failed, ItemStatus::Updated}));
        QVERIFY(applied.wait(Timeout));
        QCOMPARE(rig.model.rowCount(), TestWorld::BatchSize);
        QCOMPARE(log.count(QStringLiteral("reset")), 1);
        const QUrl last = world->nam.urls.last();
        QCOMPARE(QUrlQuery(last).allQueryItemValues(QStringLiteral("status")),
                 (QStringList{QStringLiteral("UPDATED"), QStringLiteral("FAILED")}));
    }

    void sortRequeriesInOffsetMode() {
        advance(TestWorld::untilDone(20));
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(rig.pager.setPageSize(50));
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(rig.model), dataIds);

        QVERIFY(!rig.pager.setSort(BatchItemsModel::ArchiveDateColumn, Qt::AscendingOrder));
        QVERIFY(rig.pager.setSort(BatchItemsModel::StatusColumn, Qt::DescendingOrder));
        QCOMPARE(rig.pager.queryState().mode(), ItemsQueryState::Mode::Offset);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        const QUrlQuery sent(world->nam.urls.last());
        QCOMPARE(sent.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded),
                 QStringLiteral("status desc"));
        QVERIFY(sent.hasQueryItem(QStringLiteral("pageOffset")));
        // The simulator orders statuses by name: 24 waiting, 1 updating, 17 updated, 3 failed.
        QStringList expected;
        expected << QStringList(24, QStringLiteral("WAITING_RESOURCES"))
                 << QStringLiteral("UPDATING") << QStringList(17, QStringLiteral("UPDATED"))
                 << QStringList(3, QStringLiteral("FAILED"));
        QCOMPARE(statusesOf(rig.model), expected);
        QCOMPARE(rig.pager.totalCount(), qint64(TestWorld::BatchSize));

        QStringList byDataIdDesc = dataIds;
        std::sort(byDataIdDesc.begin(), byDataIdDesc.end(),
                  [](const QString &a, const QString &b) { return a.compare(b) > 0; });
        QVERIFY(rig.pager.setPageSize(10));
        QVERIFY(rig.pager.setSort(BatchItemsModel::DataIdColumn, Qt::DescendingOrder));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(rig.model), byDataIdDesc.mid(0, 10));
        rig.pager.nextPage();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(rig.model), byDataIdDesc.mid(10, 10));

        // Back to cursor mode: the sort is dropped and the server's order returns.
        QVERIFY(rig.pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(!rig.pager.queryState().hasSort());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(0, 10));
        QVERIFY(!QUrlQuery(world->nam.urls.last()).hasQueryItem(QStringLiteral("sort")));
    }

    void offsetPaging() {
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setPageSize(10));
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QVERIFY(!rig.pager.canGoPrevious());
        QVERIFY(rig.pager.canGoNext());

        rig.pager.nextPage();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 2 of 5"));
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(10, 10));

        rig.pager.lastPage();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 5 of 5"));
        QCOMPARE(rig.pager.pageIndex(), qint64(4));
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(40, 5));
        QVERIFY(!rig.pager.canGoNext());
        const int requests = world->nam.started;
        rig.pager.nextPage(); // past the end: nothing to ask
        QCOMPARE(world->nam.started, requests);
        QVERIFY(!rig.pager.isLoading());

        rig.pager.previousPage();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 4 of 5"));
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(30, 10));

        rig.pager.firstPage();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 1 of 5"));
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(0, 10));

        QVERIFY(rig.pager.setPageSize(25));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 1 of 2"));
        QCOMPARE(rig.model.rowCount(), 25);
        QCOMPARE(rig.pager.totalCount(), qint64(TestWorld::BatchSize));
    }

    void offsetRefreshPastTheEndGoesToTheLastPage() {
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setPageSize(10));
        QVERIFY(rig.pager.setStatusFilter({ItemStatus::Initialised}));
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        rig.pager.lastPage();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.pager.pageIndex(), qint64(4));

        advance(TestWorld::untilDone(0)); // nothing is INITIALISED any more
        QVERIFY(rig.pager.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.pager.totalCount(), qint64(0));
        QCOMPARE(rig.pager.pageIndex(), qint64(0));
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 1 of 1"));
        QCOMPARE(rig.model.rowCount(), 0);
    }

    void cursorNextAndLoadAll() {
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(rig.pager.setPageSize(10));
        ModelSignalLog log(&rig.model);
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.model.rowCount(), 10);
        QVERIFY(rig.pager.hasMore());
        QCOMPARE(rig.pager.remainingRecords().value_or(-1), qint64(35));
        QCOMPARE(rig.pager.positionText(), QStringLiteral("10 loaded, about 35 more"));
        QCOMPARE(rig.pager.totalCount(), qint64(-1));
        QCOMPARE(rig.pager.pageCount(), qint64(0));

        log.entries.clear();
        QVERIFY(rig.pager.loadNextPage());
        QVERIFY(!rig.pager.loadNextPage()); // busy: one request at a time
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(log.entries, QStringList{QStringLiteral("ins 10-19")});
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(0, 20));

        QSignalSpy progress(&rig.pager, &ItemsPager::loadAllProgress);
        QVERIFY(rig.pager.loadAll());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(progress.size(), 3); // pages 3, 4 and 5
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(TestWorld::BatchSize));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(TestWorld::BatchSize));
        QCOMPARE(progress.first().at(1).toLongLong(), qint64(TestWorld::BatchSize));
        QCOMPARE(dataIdsOf(rig.model), dataIds); // every item exactly once, in order
        const QStringList items = itemIdsOf(rig.model);
        QCOMPARE(QSet<QString>(items.cbegin(), items.cend()).size(), TestWorld::BatchSize);
        QVERIFY(!rig.pager.hasMore());
        QCOMPARE(rig.pager.remainingRecords().value_or(-1), qint64(0));
        QVERIFY(!rig.pager.loadAll());
        QCOMPARE(log.count(QStringLiteral("reset")), 0);
        QCOMPARE(log.count(QStringLiteral("ins")), 4);
        QCOMPARE(world->nam.count(QStringLiteral("/items"), QStringLiteral("pageOffset")), 0);
    }

    void cursorRefreshDiffsTheLoadedPages() {
        advance(TestWorld::untilDone(0) - std::chrono::milliseconds(1)); // all waiting
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(rig.pager.setPageSize(10));
        QVERIFY(rig.pager.setStatusFilter({ItemStatus::WaitingResources}));
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QVERIFY(rig.pager.loadNextPage());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(0, 20));

        // Items 0-2 finish and 3 is updating: they leave the filter; two pages asked
        // again now start at item 4.
        advance(std::chrono::milliseconds(1 + 3 * TestWorld::MsPerItem));
        ModelSignalLog log(&rig.model);
        world->nam.resetCounters();
        QVERIFY(rig.pager.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(world->nam.count(QStringLiteral("/items")), 2);
        QCOMPARE(log.entries,
                 (QStringList{QStringLiteral("rem 0-3"), QStringLiteral("ins 16-19")}));
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(4, 20));
        QVERIFY(rig.pager.hasMore());
        QVERIFY(rig.pager.loadNextPage()); // continues after the refreshed pages
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(dataIdsOf(rig.model), dataIds.mid(4, 30));
    }

    void staleAnswersAreIgnored() {
        advance(TestWorld::untilDone(TestWorld::BatchSize));
        PagerRig rig(world->client);
        QVERIFY(rig.pager.setPageSize(10));
        world->sim().faults().setLatency(150, QStringLiteral("/items"));
        ModelSignalLog log(&rig.model);
        QSignalSpy applied(&rig.pager, &ItemsPager::pageApplied);
        QSignalSpy errors(&rig.pager, &ItemsPager::errorOccurred);
        rig.pager.setBatch(world->projectId, batchId);
        QVERIFY(rig.pager.setStatusFilter({ItemStatus::Failed}));
        QVERIFY(rig.pager.setStatusFilter({ItemStatus::Updated}));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(world->nam.count(QStringLiteral("/items")), 3);
        QCOMPARE(applied.size(), 1); // only the newest question's answer was applied
        QCOMPARE(errors.size(), 0);  // a superseded request is no error
        QCOMPARE(log.entries, QStringList{QStringLiteral("reset")});
        QCOMPARE(statusesOf(rig.model), QStringList(10, QStringLiteral("UPDATED")));
        QCOMPARE(rig.pager.totalCount(), qint64(TestWorld::BatchSize - 5));

        // Pages flipped quickly: the last one wins.
        rig.pager.nextPage();
        rig.pager.nextPage();
        rig.pager.nextPage();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(rig.pager.pageIndex(), qint64(3));
        QCOMPARE(rig.pager.positionText(), QStringLiteral("Page 4 of 4"));
        QCOMPARE(rig.model.rowCount(), 10);
        for (const BatchItem &item : rig.model.items())
            QVERIFY(!unknownIds().contains(item.request.dataId));
        QCOMPARE(world->nam.maxInFlight, 1);
    }

    void staleAnswerDecodedOffThreadIsIgnored() {
        // A page large enough to be decoded on a worker thread: its answer is already
        // off the wire (nothing left to cancel) when the question changes, and comes
        // back to the pager afterwards. It must not be shown.
        QStringList ids = world->fileIds;
        for (int i = 0; i < 200; ++i)
            ids.append(TestWorld::unknownId(50000 + i));
        const QString bigBatch = world->createBatch(ids);
        QVERIFY(!bigBatch.isEmpty());
        advance(TestWorld::untilDone(int(ids.size())));

        PagerRig rig(world->client);
        QVERIFY(rig.pager.setPageSize(1000));
        {
            // The body is gzipped on the wire: measure the JSON the client decodes.
            ica::test::CallWaiter<BatchItemPage> page;
            ItemsQuery query;
            query.page = PageRequest::atOffset(0, 1000);
            BatchApi(world->client)
                .listItems(world->projectId, bigBatch, query, &page, page.callback());
            QVERIFY(page.wait(Timeout) && page.ok());
            const qsizetype json =
                QJsonDocument(page.value().toJson()).toJson(QJsonDocument::Compact).size();
            QVERIFY2(json >= OffThreadDecodeThreshold * 3 / 2, qPrintable(QString::number(json)));
        }
        bool changed = false;
        // Queued: runs after the client has handed the body to the worker thread and
        // before the worker's result is delivered (posted later, in order).
        connect(
            &world->nam, &QNetworkAccessManager::finished, &rig.pager,
            [this, &rig, &changed]() {
                if (!changed) {
                    changed = true;
                    // The new answer comes late, so the old one lands while it is awaited.
                    world->sim().faults().setLatency(500, QStringLiteral("/items"));
                    rig.pager.setStatusFilter({ItemStatus::Failed});
                }
            },
            Qt::QueuedConnection);
        ModelSignalLog log(&rig.model);
        QSignalSpy applied(&rig.pager, &ItemsPager::pageApplied);
        rig.pager.setBatch(world->projectId, bigBatch);
        QTRY_VERIFY_WITH_TIMEOUT(changed && !rig.pager.isLoading(), Timeout);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(log.entries, QStringList{QStringLiteral("reset")});
        QCOMPARE(rig.model.rowCount(), 200);
        for (const BatchItem &item : rig.model.items())
            QCOMPARE(item.status, ItemStatus(ItemStatus::Failed));
        QCOMPARE(rig.pager.totalCount(), qint64(200));
    }

    void refreshWhileBusyIsDoneAfterwards() {
        PagerRig rig(world->client);
        world->sim().faults().setLatency(100, QStringLiteral("/items"));
        rig.pager.setBatch(world->projectId, batchId);
        QVERIFY(rig.pager.refresh());
        QVERIFY(rig.pager.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        // The load, then one refresh for both calls; never two at once.
        QCOMPARE(world->nam.count(QStringLiteral("/items")), 2);
        QCOMPARE(world->nam.maxInFlight, 1);
        QCOMPARE(rig.model.rowCount(), TestWorld::BatchSize);
    }

    void errorsSurfaceAsApiError() {
        PagerRig rig(world->client);
        QSignalSpy errors(&rig.pager, &ItemsPager::errorOccurred);
        rig.pager.setBatch(world->projectId, QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(errors.wait(Timeout));
        ApiError error = errors.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 404);
        QVERIFY(error.problem.has_value());
        QCOMPARE(rig.pager.lastError().httpStatus, 404);
        QVERIFY(!rig.pager.isLoading());
        QCOMPARE(rig.model.rowCount(), 0);

        // A failed refresh keeps the rows shown.
        rig.pager.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.model.rowCount(), TestWorld::BatchSize);
        world->sim().faults().failNext(5, 500, QStringLiteral("/items")); // all five tries
        QVERIFY(rig.pager.refresh());
        QVERIFY(errors.wait(Timeout));
        error = errors.last().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 500);
        QCOMPARE(rig.model.rowCount(), TestWorld::BatchSize);
        QVERIFY(!rig.pager.isLoading());
        QSignalSpy applied(&rig.pager, &ItemsPager::pageApplied);
        QVERIFY(rig.pager.refresh());
        QVERIFY(applied.wait(Timeout));
        QVERIFY(!rig.pager.lastError().isError());
        QCOMPARE(errors.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestItemsPager)
#include "tst_itemspager.moc"
