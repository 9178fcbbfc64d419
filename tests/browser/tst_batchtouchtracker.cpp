// BatchTouchTracker against the simulator over loopback: after a batch ends, the
// loaded rows it changed show their new tags (one call, no reset); a batch on a
// folder above the one shown refreshes the whole listing as a diff; a batch of
// another project does nothing; touchBatch() learns the IDs from the batch's items,
// and follow() does so when a BatchMonitor sees its batch finish.
#include "core/browser/batchtouchtracker.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/monitor/batchmonitor.h"
#include "core/monitor/itemspager.h" // batchmonitor.h needs it complete
#include "tests/browser/listerwait.h"
#include "tests/support/worldtestcase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;
using ica::test::TestWorld;

namespace {

bool allCarry(const DataBrowserModel &model, const QString &tag) {
    for (const ProjectData &item : model.items()) {
        if (!item.tags.userTags.contains(tag))
            return false;
    }
    return model.rowCount() > 0;
}

} // namespace

class TestBatchTouchTracker final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestBatchTouchTracker()
        : WorldTestCase(TestWorld::bulkFolderWorld()) {}

private Q_SLOTS:
    void refreshesTheLoadedRowsABatchChanged() {
        ica::test::ListingRig rig(world->client);
        QVERIFY(rig.show(world->projectId, world->bulkFolder));
        const QString tag = QStringLiteral("touch-rows");
        const QStringList loaded{rig.model.itemAt(0).id, rig.model.itemAt(1).id,
                                 rig.model.itemAt(900).id};
        const QStringList elsewhere =
            world->childIds(QStringLiteral("/reference/GRCh38/")).mid(0, 2);
        QVERIFY(world->runBatch(loaded + elsewhere, TagUpdate{{tag}, {}}));

        BatchTouchTracker tracker(world->client, &rig.lister);
        QSignalSpy touched(&tracker, &BatchTouchTracker::touched);
        QSignalSpy resets(&rig.model, &QAbstractItemModel::modelReset);
        QSignalSpy refreshed(&rig.lister, &DataLister::rowsRefreshed);
        world->nam.urls.clear();
        tracker.touch(world->projectId, loaded + elsewhere);
        QVERIFY(touched.wait(Timeout));
        QCOMPARE(touched.first().at(0).toInt(), 3);
        QCOMPARE(touched.first().at(1).toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, Timeout);
        for (const QString &id : loaded)
            QVERIFY(rig.model.itemAt(rig.model.rowOf(id)).tags.userTags.contains(tag));
        QCOMPARE(resets.count(), 0);
        // File IDs need no folder check: one call re-reads the three rows.
        QCOMPARE(world->nam.urls.size(), 1);
    }

    void refreshesEverythingWhenAFolderAboveChanged() {
        ica::test::ListingRig rig(world->client);
        QVERIFY(rig.show(world->projectId, QStringLiteral("/reference/GRCh38/")));
        QCOMPARE(rig.model.rowCount(), 6);
        const auto reference =
            world->sim().dataAtPath(world->projectId, QStringLiteral("/reference/"));
        QVERIFY(reference);
        const QString tag = QStringLiteral("touch-folder");
        // ICA applies a folder's changes to everything inside it.
        QVERIFY(world->runBatch({reference->id}, TagUpdate{{tag}, {}}));

        BatchTouchTracker tracker(world->client, &rig.lister);
        QSignalSpy touched(&tracker, &BatchTouchTracker::touched);
        QSignalSpy resets(&rig.model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&rig.model, &QAbstractItemModel::dataChanged);
        tracker.touch(world->projectId, {reference->id});
        QVERIFY(touched.wait(Timeout));
        QCOMPARE(touched.first().at(1).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(allCarry(rig.model, tag), Timeout);
        QCOMPARE(rig.model.rowCount(), 6);
        QCOMPARE(resets.count(), 0);
        QVERIFY(changed.count() >= 1);
    }

    void ignoresOtherProjects() {
        DataBrowserModel model;
        DataLister lister(world->client, &model);
        lister.setLocation(world->projectId, world->bulkFolder);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!lister.isLoading(), Timeout);
        BatchTouchTracker tracker(world->client, &lister);
        QSignalSpy touched(&tracker, &BatchTouchTracker::touched);
        world->nam.urls.clear();
        tracker.touch(world->otherProjectId, {model.itemAt(0).id});
        QVERIFY(touched.wait(Timeout));
        QCOMPARE(touched.first().at(0).toInt(), 0);
        QVERIFY(world->nam.urls.isEmpty());
    }

    void learnsTheIdsFromTheBatch() {
        ica::test::ListingRig rig(world->client);
        QVERIFY(rig.show(world->projectId, world->bulkFolder));
        const QString tag = QStringLiteral("touch-batch");
        const QStringList ids{rig.model.itemAt(5).id, rig.model.itemAt(6).id};
        QString batchId;
        QVERIFY(world->runBatch(ids, TagUpdate{{tag}, {}}, {}, &batchId));

        BatchTouchTracker tracker(world->client, &rig.lister);
        QSignalSpy touched(&tracker, &BatchTouchTracker::touched);
        tracker.touchBatch(world->projectId, batchId);
        QVERIFY(touched.wait(Timeout));
        QCOMPARE(touched.first().at(0).toInt(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(rig.model.itemAt(5).tags.userTags.contains(tag) &&
                                     rig.model.itemAt(6).tags.userTags.contains(tag),
                                 Timeout);
    }

    void followsABatchMonitor() {
        DataBrowserModel model;
        DataLister lister(world->client, &model);
        lister.setLocation(world->projectId, world->bulkFolder);
        QVERIFY(ica::test::loadAllRows(lister));
        const QString tag = QStringLiteral("touch-monitor");
        const QString id = model.itemAt(42).id;
        const QString batchId = world->createBatch({id}, TagUpdate{{tag}, {}});
        QVERIFY(!batchId.isEmpty());

        BatchMonitor monitor(world->client);
        monitor.setRefreshInterval(std::chrono::milliseconds(0));
        BatchTouchTracker tracker(world->client, &lister);
        tracker.follow(&monitor);
        QSignalSpy touched(&tracker, &BatchTouchTracker::touched);
        QSignalSpy finished(&monitor, &BatchMonitor::finished);
        monitor.setBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.hasBatch() && !monitor.isRefreshing(), Timeout);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(touched.count(), 0);

        world->sim().advance(std::chrono::seconds(60));
        QVERIFY(monitor.refreshNow());
        QVERIFY(touched.wait(Timeout));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(touched.first().at(0).toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(model.itemAt(42).tags.userTags.contains(tag), Timeout);
    }
};

QTEST_GUILESS_MAIN(TestBatchTouchTracker)
#include "tst_batchtouchtracker.moc"
