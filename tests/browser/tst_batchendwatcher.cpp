// BatchEndWatcher against the simulator over loopback: a watched batch is reported
// once, with its final status, when its job ends in simulated time, by reading just
// the batch; watching it twice watches it once; a batch that cannot be read (404) is dropped, not
// polled forever.
#include "core/monitor/batchendwatcher.h"
#include "tests/support/worldtestcase.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;
using ica::test::TestWorld;

class TestBatchEndWatcher final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestBatchEndWatcher()
        : WorldTestCase(TestWorld::bulkFolderWorld()) {}

private Q_SLOTS:
    void reportsTheEndOfAWatchedBatchOnce() {
        const QStringList ids = world->childIds(world->bulkFolder).mid(0, 20);
        QCOMPARE(ids.size(), 20);
        const QString batchId = world->createBatch(ids, TagUpdate{{QStringLiteral("watched")}, {}});
        QVERIFY(!batchId.isEmpty());

        BatchEndWatcher watcher(world->client);
        watcher.setInterval(std::chrono::milliseconds(100));
        QSignalSpy ended(&watcher, &BatchEndWatcher::batchEnded);
        world->nam.resetCounters();
        watcher.watch(world->projectId, batchId);
        watcher.watch(world->projectId, batchId); // a repeat is ignored
        QCOMPARE(watcher.watchedCount(), 1);
        QVERIFY(watcher.isWatching(batchId));

        // The simulator's clock is manual: the job cannot end before it is advanced.
        world->sim().advance(std::chrono::seconds(60));
        QVERIFY(ended.wait(Timeout));
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), world->projectId);
        QCOMPARE(ended.at(0).at(1).toString(), batchId);
        QCOMPARE(ended.at(0).at(2).value<JobStatus>().value(), JobStatus::Succeeded);
        QVERIFY(!watcher.isWatching(batchId));
        QCOMPARE(watcher.watchedCount(), 0);
        // Watching reads just the batch (its job's status), never its items.
        QVERIFY(world->nam.count(batchId) >= 1);
        QCOMPARE(world->nam.count(QStringLiteral("/items")), 0);
    }

    void dropsABatchThatCannotBeRead() {
        BatchEndWatcher watcher(world->client);
        watcher.setInterval(std::chrono::milliseconds(100));
        QSignalSpy ended(&watcher, &BatchEndWatcher::batchEnded);
        const QString missing = QStringLiteral("00000000-0000-4000-8000-000000000404");
        watcher.watch(world->projectId, missing);
        QVERIFY(watcher.isWatching(missing));
        QTRY_VERIFY_WITH_TIMEOUT(!watcher.isWatching(missing), Timeout);
        QCOMPARE(ended.count(), 0);
    }
};

QTEST_MAIN(TestBatchEndWatcher)
#include "tst_batchendwatcher.moc"
