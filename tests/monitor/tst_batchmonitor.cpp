// BatchMonitor against the simulator over loopback: per-status counts equal the
// server's, counted concurrently; progress reaches 1 and live refresh stops at the
// terminal job status after a final round (no further requests); rounds never
// overlap; pause stops ticking; "updated N s ago" by an injected clock; the
// attached ItemsPager is refreshed; errors surface as ApiError.
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/batchmonitor.h"
#include "core/monitor/itemspager.h"
#include "tests/monitor/pagerrig.h"
#include "tests/support/worldtestcase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace ica;
using ica::test::PagerRig;
using ica::test::TestWorld;
using namespace std::chrono_literals;

class TestBatchMonitor final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestBatchMonitor()
        : WorldTestCase(TestWorld::pacedBatches()) {}

private:
    QString batchId;
    QStringList dataIds;

    bool newBatch() {
        dataIds = world->nextBatchDataIds();
        batchId = world->createBatch(dataIds);
        return !batchId.isEmpty();
    }
    void advance(std::chrono::milliseconds ms) { world->sim().advance(ms); }

    /// The simulator's own count of the batch's items in each status.
    static ItemStatusCounts serverCounts(const ica::sim::BatchSnapshot &batch) {
        ItemStatusCounts counts;
        for (auto it = batch.itemStatusCounts.cbegin(); it != batch.itemStatusCounts.cend(); ++it)
            counts.add(ItemStatus::fromString(it.key()).value(), it.value());
        return counts;
    }
    ItemStatusCounts serverCounts() const {
        const auto batch = world->sim().batch(world->projectId, batchId);
        return batch ? serverCounts(*batch) : ItemStatusCounts();
    }
    /// Ticks the monitor twice; true when that sent no request and ran no round (each
    /// check fails here, with the numbers).
    bool ticksDoNothing(BatchMonitor &monitor, const QSignalSpy &refreshed) {
        const int requests = world->nam.started;
        const qsizetype rounds = refreshed.size();
        monitor.tick();
        monitor.tick();
        QCoreApplication::processEvents();
        [&]() {
            QCOMPARE(world->nam.started, requests);
            QCOMPARE(refreshed.size(), rounds);
        }();
        return !QTest::currentTestFailed();
    }

private Q_SLOTS:
    void init() {
        world->sim().faults().reset();
        QVERIFY(newBatch());
        world->nam.resetCounters();
    }

    void countsMatchTheServer() {
        BatchMonitor monitor(world->client);
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        QSignalSpy batchChanged(&monitor, &BatchMonitor::batchChanged);
        QSignalSpy countsChanged(&monitor, &BatchMonitor::countsChanged);
        monitor.setBatch(world->projectId, batchId);
        QVERIFY(monitor.isRefreshing());
        QVERIFY(!monitor.refreshNow()); // one round at a time
        QVERIFY(refreshed.wait(Timeout));
        QVERIFY(!monitor.isLive()); // no interval: no ticks
        QCOMPARE(monitor.batch().id, batchId);
        QCOMPARE(monitor.jobStatus(), JobStatus(JobStatus::Initialized));
        QVERIFY(!monitor.batch().job.owner.id.isEmpty() ||
                !monitor.batch().job.owner.username.isEmpty());
        QVERIFY(monitor.batch().job.timeCreated.isValid());
        QCOMPARE(batchChanged.size(), 1);
        QCOMPARE(countsChanged.size(), 1);
        QCOMPARE(monitor.counts().count(ItemStatus::Initialised), qint64(TestWorld::BatchSize));
        QCOMPARE(monitor.counts().total(), qint64(TestWorld::BatchSize));
        QCOMPARE(monitor.progress(), 0.0);
        // One round: the batch, then one page-size-1 offset listing per status.
        QCOMPARE(world->nam.started, 1 + ItemStatus::KnownCount);
        QCOMPARE(world->nam.count(QStringLiteral("/items"), QStringLiteral("pageSize=1")),
                 ItemStatus::KnownCount);
        for (int i = 0; i < ItemStatus::KnownCount; ++i) {
            const QString status = ItemStatus(ItemStatus::knownValues()[i]).toString();
            QCOMPARE(world->nam.count(QStringLiteral("/items"), QStringLiteral("status=") + status),
                     1);
        }

        advance(TestWorld::untilDone(10));
        QVERIFY(monitor.refreshNow());
        QVERIFY(refreshed.wait(Timeout));
        QCOMPARE(monitor.jobStatus(), JobStatus(JobStatus::Running));
        QCOMPARE(monitor.counts(), serverCounts());
        QCOMPARE(monitor.counts().count(ItemStatus::Failed), qint64(2));
        QCOMPARE(monitor.counts().count(ItemStatus::Updated), qint64(8));
        QCOMPARE(monitor.counts().count(ItemStatus::Updating), qint64(1));
        QCOMPARE(monitor.counts().count(ItemStatus::WaitingResources), qint64(34));
        QCOMPARE(monitor.progress(), 10.0 / 45.0);
        QCOMPARE(countsChanged.size(), 2);
        QCOMPARE(countsChanged.last().first().value<ItemStatusCounts>(), monitor.counts());

        // Unchanged server: a round emits no change signals.
        QVERIFY(monitor.refreshNow());
        QVERIFY(refreshed.wait(Timeout));
        QCOMPARE(countsChanged.size(), 2);
        QCOMPARE(batchChanged.size(), 2);
    }

    void countsAreAskedConcurrently() {
        world->sim().faults().setLatency(80, QStringLiteral("/items"));
        BatchMonitor monitor(world->client);
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        monitor.setBatch(world->projectId, batchId);
        QVERIFY(refreshed.wait(Timeout));
        QCOMPARE(world->nam.maxInFlight, ItemStatus::KnownCount);
        QCOMPARE(monitor.counts(), serverCounts());
    }

    void progressReachesOneAndLiveRefreshStops() {
        PagerRig rig(world->client);
        BatchMonitor monitor(world->client);
        monitor.setItemsPager(&rig.pager);
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        QSignalSpy finished(&monitor, &BatchMonitor::finished);
        QSignalSpy live(&monitor, &BatchMonitor::liveChanged);
        monitor.setRefreshInterval(20ms);
        QVERIFY(!monitor.isLive()); // no batch yet
        monitor.setBatch(world->projectId, batchId);
        QVERIFY(monitor.isLive());
        QCOMPARE(rig.pager.batchId(), batchId);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, Timeout);
        QCOMPARE(finished.size(), 0);

        advance(TestWorld::untilDone(TestWorld::BatchSize));
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(finished.first().first().value<JobStatus>(),
                 JobStatus(JobStatus::PartiallySucceeded));
        QVERIFY(monitor.isFinished());
        QVERIFY(!monitor.isLive());
        QCOMPARE(live.last().first().toBool(), false);
        QCOMPARE(monitor.progress(), 1.0);
        QCOMPARE(monitor.counts().count(ItemStatus::Updated), qint64(40));
        QCOMPARE(monitor.counts().count(ItemStatus::Failed), qint64(5));
        QCOMPARE(monitor.counts(), serverCounts());
        QVERIFY(monitor.batch().job.timeFinished.isValid());

        // The final round refreshed the pager too: every row shows its final status.
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        QCOMPARE(rig.model.rowCount(), TestWorld::BatchSize);
        for (int row = 0; row < rig.model.rowCount(); ++row)
            QVERIFY(rig.model.index(row, BatchItemsModel::StatusColumn)
                        .data(BatchItemsModel::TerminalRole)
                        .toBool());

        // No further requests: ticks do nothing now.
        QVERIFY(ticksDoNothing(monitor, refreshed));
        QCOMPARE(world->nam.inFlight(), 0);

        // An explicit refresh still works, and does not restart the ticks.
        QVERIFY(monitor.refreshNow());
        QVERIFY(refreshed.wait(Timeout));
        QVERIFY(!monitor.isLive());
        QCOMPARE(finished.size(), 1);
    }

    void liveRefreshTicksWithoutOverlap() {
        world->sim().faults().setLatency(60);
        BatchMonitor monitor(world->client);
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        monitor.setRefreshInterval(10ms);
        monitor.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 3, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.skippedTicks() > 0, Timeout);
        // The batch alone, then six counts at once; never two rounds together.
        QCOMPARE(world->nam.maxInFlight, ItemStatus::KnownCount);
        QVERIFY(monitor.isLive());
        monitor.setRefreshInterval(0ms);
        QVERIFY(!monitor.isLive());
    }

    void pauseStopsTicking() {
        QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        BatchMonitor monitor(world->client);
        monitor.setClock([&now]() { return now; });
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        QSignalSpy paused(&monitor, &BatchMonitor::pausedChanged);
        monitor.setRefreshInterval(20ms);
        monitor.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, Timeout);

        monitor.setPaused(true);
        QCOMPARE(paused.size(), 1);
        QVERIFY(monitor.isPaused());
        QVERIFY(!monitor.isLive());
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isRefreshing(), Timeout);
        const qsizetype rounds = refreshed.size();
        QVERIFY(ticksDoNothing(monitor, refreshed));

        // Unpaused after a long time (by the clock): a round at once, then ticks again.
        now = now.addSecs(60);
        monitor.setPaused(false);
        QVERIFY(monitor.isLive());
        QVERIFY(monitor.isRefreshing());
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= rounds + 2, Timeout);
    }

    void updatedAgoFollowsTheClock() {
        QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        BatchMonitor monitor(world->client);
        monitor.setClock([&now]() { return now; });
        QCOMPARE(monitor.secondsSinceRefresh(), qint64(-1));
        QCOMPARE(monitor.updatedText(), QStringLiteral("Not updated yet"));
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        monitor.setBatch(world->projectId, batchId);
        QVERIFY(refreshed.wait(Timeout));
        QCOMPARE(monitor.lastRefreshed(), now);
        QCOMPARE(refreshed.first().first().toDateTime(), now);
        QCOMPARE(monitor.secondsSinceRefresh(), qint64(0));
        QCOMPARE(monitor.updatedText(), QStringLiteral("Updated just now"));
        now = now.addSecs(5);
        QCOMPARE(monitor.secondsSinceRefresh(), qint64(5));
        QCOMPARE(monitor.updatedText(), QStringLiteral("Updated 5 s ago"));
        now = now.addSecs(120);
        QCOMPARE(monitor.updatedText(), QStringLiteral("Updated 2 min ago"));
        QVERIFY(monitor.refreshNow());
        QVERIFY(refreshed.wait(Timeout));
        QCOMPARE(monitor.secondsSinceRefresh(), qint64(0));
    }

    void pagerIsLoadedOnceWhenTheBatchIsSet() {
        PagerRig rig(world->client);
        BatchMonitor monitor(world->client);
        monitor.setItemsPager(&rig.pager);
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        monitor.setBatch(world->projectId, batchId);
        QVERIFY(refreshed.wait(Timeout));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading(), Timeout);
        // The pager's first load plus six counts: no refresh of a page just asked for.
        QCOMPARE(world->nam.count(QStringLiteral("/items")), 1 + ItemStatus::KnownCount);
        QCOMPARE(rig.model.rowCount(), TestWorld::BatchSize);

        // Later rounds refresh the pager, as a diff.
        advance(TestWorld::untilDone(5));
        QSignalSpy resets(&rig.model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&rig.model, &QAbstractItemModel::dataChanged);
        QVERIFY(monitor.refreshNow());
        QVERIFY(refreshed.wait(Timeout));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.pager.isLoading() && !changed.isEmpty(), Timeout);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(rig.model.itemAt(4).status, ItemStatus(ItemStatus::Updated));
        QCOMPARE(rig.model.itemAt(5).status, ItemStatus(ItemStatus::Updating));
    }

    void errorsSurfaceAsApiError() {
        BatchMonitor monitor(world->client);
        QSignalSpy errors(&monitor, &BatchMonitor::errorOccurred);
        monitor.setRefreshInterval(20ms);
        monitor.setBatch(world->projectId, QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(errors.wait(Timeout));
        const ApiError error = errors.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 404);
        QVERIFY(error.problem.has_value());
        QVERIFY(monitor.isStoppedByError());
        QVERIFY(!monitor.isLive()); // a missing batch will not come back by itself
        QVERIFY(!monitor.hasBatch());
        QVERIFY(!monitor.isRefreshing());

        // A server error is worth another try: ticking goes on and the next round works.
        // (Five 500s: the client's own five tries of the GET all fail.)
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        world->sim().faults().failNext(5, 500, QStringLiteral("/dataUpdateBatch/"));
        monitor.setBatch(world->projectId, batchId);
        QVERIFY(errors.wait(Timeout));
        QCOMPARE(errors.last().first().value<ApiError>().httpStatus, 500);
        QVERIFY(monitor.isLive());
        QVERIFY(refreshed.wait(Timeout));
        QVERIFY(!monitor.lastError().isError());
        QVERIFY(!monitor.failingSince().isValid());
        QCOMPARE(monitor.counts(), serverCounts());
    }

    void transientFailuresStopLiveRefreshOnlyAfterTheGrace() {
        QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        BatchMonitor monitor(world->client);
        monitor.setClock([&now]() { return now; });
        QCOMPARE(monitor.giveUpAfter(), std::chrono::milliseconds(300000));
        QSignalSpy errors(&monitor, &BatchMonitor::errorOccurred);
        world->sim().faults().failNext(100000, 503, QStringLiteral("/dataUpdateBatch/"));
        monitor.setRefreshInterval(20ms);
        monitor.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 3, Timeout);
        QCOMPARE(monitor.failingSince(), QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
        QVERIFY(monitor.isLive()); // minutes of grace: still ticking
        QVERIFY(!monitor.isStoppedByError());

        now = now.addSecs(4 * 60); // within the grace
        const qsizetype seen = errors.size();
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() > seen, Timeout);
        QVERIFY(monitor.isLive());

        now = now.addSecs(61); // five minutes and a second of nothing but failures
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isStoppedByError(), Timeout);
        QVERIFY(!monitor.isLive());
        QCOMPARE(monitor.lastError().httpStatus, 503);
        world->sim().faults().reset();

        // Refresh by hand after the outage: it works and live refresh resumes.
        QSignalSpy refreshed(&monitor, &BatchMonitor::refreshed);
        QVERIFY(monitor.refreshNow());
        QVERIFY(refreshed.wait(Timeout));
        QVERIFY(!monitor.isStoppedByError());
        QVERIFY(!monitor.failingSince().isValid());
    }
};

QTEST_GUILESS_MAIN(TestBatchMonitor)
#include "tst_batchmonitor.moc"
