// The GUI-free half of the batch monitor: BatchHistoryModel diffs each listing
// (rows inserted, removed, dataChanged on the changed cells; never a reset for a
// refresh); BatchHistoryFilterModel sorts on raw values and filters by text and
// job status; BatchHistoryFeed follows a real StoreWorker's historyChanged and
// writes statuses only when they change; requestFromItems groups items with the
// same changes; checkUuid explains bad IDs.
#include "core/history/batchhistoryfeed.h"
#include "core/history/batchhistoryfilter.h"
#include "core/history/batchhistorymodel.h"
#include "core/history/batchids.h"
#include "core/history/faileditemsdraft.h"
#include "core/history/historycounts.h"
#include "core/store/storeworker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

namespace {

const QString Profile = QStringLiteral("profile-1");
const QString Project = QStringLiteral("11111111-2222-4333-8444-555555555555");

QString uuid(int n) {
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

BatchRecord record(int n, const QString &status = QStringLiteral("RUNNING"),
                   const QString &summary = QString()) {
    BatchRecord r;
    r.profileId = Profile;
    r.projectId = Project;
    r.projectName =
        QStringLiteral("Project %1").arg(n % 2 ? QStringLiteral("odd") : QStringLiteral("even"));
    r.batchId = uuid(n);
    r.origin = BatchOrigin::Created;
    r.createdAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC).addSecs(60 * n);
    r.summary =
        summary.isEmpty() ? QStringLiteral("1 group, 3 data IDs; user tags +t%1").arg(n) : summary;
    r.jobStatus = status;
    r.itemCounts = {{QStringLiteral("UPDATED"), n}, {QStringLiteral("WAITING_RESOURCES"), 10 - n}};
    r.lastRefreshedAt = r.createdAt.addSecs(5);
    return r;
}

QStringList batchIdsIn(const QAbstractItemModel &model) {
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(BatchHistoryModel::BatchIdRole).toString());
    return ids;
}

BatchItem item(const QString &id, const QString &dataId, const QStringList &addUserTags,
               const QDateTime &archiveAt = QDateTime()) {
    BatchItem i;
    i.id = id;
    i.request.dataId = dataId;
    i.request.userTags.addTags = addUserTags;
    i.request.willBeArchivedAt = archiveAt;
    i.status = ItemStatus(ItemStatus::Failed);
    return i;
}

} // namespace

class TstBatchHistory final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void modelShowsRecords() {
        BatchHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({record(1, QStringLiteral("PARTIALLY_SUCCEEDED")), record(2)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BatchHistoryModel::ColumnCount));
        const QModelIndex status = model.index(0, BatchHistoryModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("Partially succeeded"));
        QCOMPARE(status.data(BatchHistoryModel::JobStatusRole).toInt(),
                 int(JobStatus::PartiallySucceeded));
        QCOMPARE(status.data(Qt::ToolTipRole).toString(), QStringLiteral("PARTIALLY_SUCCEEDED"));
        QCOMPARE(model.index(0, BatchHistoryModel::ProjectColumn).data().toString(),
                 QStringLiteral("Project odd"));
        QCOMPARE(model.index(0, BatchHistoryModel::ItemsColumn).data().toString(),
                 QStringLiteral("1 of 10 done"));
        QCOMPARE(model.index(1, BatchHistoryModel::BatchIdColumn).data().toString(), uuid(2));
        QCOMPARE(model.index(1, BatchHistoryModel::CreatedColumn).data().toDateTime(),
                 record(2).createdAt);
        QVERIFY(model.index(1, BatchHistoryModel::CreatedColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .endsWith(QStringLiteral("UTC")));
        QCOMPARE(model.rowOf(Profile, uuid(2)), 1);
        QCOMPARE(model.rowOf(QStringLiteral("other"), uuid(2)), -1);

        BatchRecord opened = record(3);
        opened.origin = BatchOrigin::Opened;
        opened.summary.clear();
        opened.itemCounts.clear();
        opened.jobStatus.clear();
        model.setRecords({record(1), record(2), opened});
        QCOMPARE(model.index(2, BatchHistoryModel::SummaryColumn).data().toString(),
                 QStringLiteral("Opened by ID (changes not known)"));
        QCOMPARE(model.index(2, BatchHistoryModel::OriginColumn).data().toString(),
                 QStringLiteral("Opened by ID"));
        QCOMPARE(model.index(2, BatchHistoryModel::StatusColumn).data().toString(),
                 QStringLiteral("Not checked yet"));
        QVERIFY(model.index(2, BatchHistoryModel::ItemsColumn).data().toString().isEmpty());
    }

    void projectNamesFromTheCatalog() {
        BatchHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BatchRecord opened = record(5);
        opened.projectName.clear(); // opened by ID: no name of its own
        model.setRecords({record(1), opened});
        QCOMPARE(model.index(1, BatchHistoryModel::ProjectColumn).data().toString(), Project);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setProjectNames({{Project, QStringLiteral("Catalog name")}});
        // The record's own name wins; the catalog fills the one without.
        QCOMPARE(model.index(0, BatchHistoryModel::ProjectColumn).data().toString(),
                 QStringLiteral("Project odd"));
        QCOMPARE(model.index(1, BatchHistoryModel::ProjectColumn).data().toString(),
                 QStringLiteral("Catalog name"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(),
                 int(BatchHistoryModel::ProjectColumn));
        QCOMPARE(changed.first().at(1).toModelIndex().column(),
                 int(BatchHistoryModel::ProjectColumn));
        QCOMPARE(reset.count(), 0);
        model.setProjectNames({{Project, QStringLiteral("Catalog name")}});
        QCOMPARE(changed.count(), 1); // the same names: nothing to say
        // The text filter finds a batch by the name shown.
        BatchHistoryFilterModel proxy;
        proxy.setSourceModel(&model);
        QVERIFY(proxy.setTextFilter(QStringLiteral("catalog")));
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(5)}));
    }

    void refreshIsADiffNotAReset() {
        BatchHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({record(1), record(2), record(3), record(4)});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Unchanged listing: nothing at all.
        model.setRecords({record(4), record(3), record(2), record(1)});
        QCOMPARE(inserted.size() + removed.size() + changed.size() + reset.size(), 0);

        // 2 and 3 leave (one block), 1's status changes, 5 arrives.
        BatchRecord changedOne = record(1, QStringLiteral("SUCCEEDED"));
        model.setRecords({record(5), record(4), changedOne});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(removed.first().at(2).toInt(), 2);
        QCOMPARE(changed.size(), 1);
        const auto topLeft = changed.first().at(0).value<QModelIndex>();
        const auto bottomRight = changed.first().at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 0);
        QCOMPARE(topLeft.column(), int(BatchHistoryModel::StatusColumn));
        QCOMPARE(bottomRight.column(), int(BatchHistoryModel::StatusColumn));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(batchIdsIn(model), (QStringList{uuid(1), uuid(4), uuid(5)}));
        QCOMPARE(model.recordAt(0).jobStatus, QStringLiteral("SUCCEEDED"));

        // Counts and last-checked time: the span from Items to Last checked.
        BatchRecord counted = changedOne;
        counted.itemCounts = {{QStringLiteral("UPDATED"), 10}};
        counted.lastRefreshedAt = counted.lastRefreshedAt.addSecs(60);
        changed.clear();
        model.setRecords({counted, record(4), record(5)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().column(),
                 int(BatchHistoryModel::ItemsColumn));
        QCOMPARE(changed.first().at(1).value<QModelIndex>().column(),
                 int(BatchHistoryModel::LastCheckedColumn));
        QCOMPARE(model.index(0, BatchHistoryModel::ItemsColumn).data().toString(),
                 QStringLiteral("10 of 10 done"));

        // Everything leaves: removals only.
        model.setRecords({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 0);

        // Another profile's list is a new question: a reset.
        model.resetRecords({record(7)});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    void filterAndSort() {
        BatchHistoryModel model;
        BatchHistoryFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({record(1, QStringLiteral("SUCCEEDED")),
                          record(2, QStringLiteral("RUNNING")), record(3, QStringLiteral("FAILED")),
                          record(4, QStringLiteral("WAITING_FOR_RESOURCES"))});
        proxy.sort(BatchHistoryModel::CreatedColumn, Qt::DescendingOrder);
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(4), uuid(3), uuid(2), uuid(1)}));
        proxy.sort(BatchHistoryModel::StatusColumn, Qt::AscendingOrder); // lifecycle order
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(4), uuid(2), uuid(1), uuid(3)}));
        proxy.sort(BatchHistoryModel::ItemsColumn, Qt::DescendingOrder); // done fraction
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(4), uuid(3), uuid(2), uuid(1)}));

        QVERIFY(proxy.setStatusGroup(BatchHistoryFilterModel::StatusGroup::InProgress));
        QVERIFY(!proxy.setStatusGroup(BatchHistoryFilterModel::StatusGroup::InProgress));
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(4), uuid(2)}));
        QVERIFY(proxy.setTextFilter(QStringLiteral("  EVEN  t4 ")));
        QVERIFY(!proxy.setTextFilter(QStringLiteral("even t4")));
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(4)}));
        QVERIFY(proxy.setTextFilter(uuid(2).right(6)));
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(2)}));

        // A status change moves a row out of the group: the proxy follows the diff.
        model.setRecords({record(1, QStringLiteral("SUCCEEDED")),
                          record(2, QStringLiteral("SUCCEEDED")),
                          record(3, QStringLiteral("FAILED")),
                          record(4, QStringLiteral("WAITING_FOR_RESOURCES"))});
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(proxy.setStatusGroup(BatchHistoryFilterModel::StatusGroup::Succeeded));
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(2)}));
        QVERIFY(proxy.setTextFilter(QString()));
        proxy.sort(BatchHistoryModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(batchIdsIn(proxy), (QStringList{uuid(1), uuid(2)}));
        QVERIFY(proxy.setTextFilter(QStringLiteral("partially")));
        QCOMPARE(proxy.rowCount(), 0);
    }

    void feedFollowsTheStore() {
        StoreWorker store(m_dir.filePath(QStringLiteral("feed.sqlite")));
        BatchHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BatchHistoryFeed feed(&store, &model);
        QSignalSpy loaded(&feed, &BatchHistoryFeed::pageApplied);
        QSignalSpy errors(&feed, &BatchHistoryFeed::errorOccurred);
        QSignalSpy historyChanged(&store, &StoreWorker::historyChanged);
        feed.setProfileId(Profile);
        QTRY_VERIFY(feed.isLoaded());
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // Opened by ID: added to the list by a diff.
        Batch batch;
        batch.id = uuid(9);
        batch.job.status = JobStatus(JobStatus::Running);
        batch.job.timeCreated = QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
        bool done = false;
        feed.recordOpened(Project, QStringLiteral("Genomes"), batch,
                          [&done](const QString &error) { done = error.isEmpty(); });
        QTRY_VERIFY(done);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.recordAt(0).origin, BatchOrigin::Opened);
        QCOMPARE(model.recordAt(0).projectName, QStringLiteral("Genomes"));

        // Status and counts kept; the same again writes nothing.
        ItemStatusCounts counts;
        counts.setCount(ItemStatus::Updated, 3);
        counts.setCount(ItemStatus::Failed, 1);
        historyChanged.clear();
        feed.recordStatus(Project, batch, counts);
        QTRY_COMPARE(model.recordAt(0).itemCounts.value(QStringLiteral("FAILED")), qint64(1));
        QCOMPARE(historyChanged.size(), 1);
        QVERIFY(changed.size() >= 1);
        feed.recordStatus(Project, batch, counts);
        batch.job.status = JobStatus(JobStatus::PartiallySucceeded);
        feed.recordStatus(Project, batch, counts);
        QTRY_COMPARE(model.recordAt(0).jobStatus, QStringLiteral("PARTIALLY_SUCCEEDED"));
        QCOMPARE(historyChanged.size(), 2);

        // A watched batch not in the history is added as opened.
        Batch other;
        other.id = uuid(10);
        other.job.status = JobStatus(JobStatus::Initialized);
        feed.recordStatus(Project, other, counts);
        QTRY_COMPARE(model.rowCount(), 2);
        const BatchRecord &added = model.recordAt(model.rowOf(Profile, uuid(10)));
        QCOMPARE(added.origin, BatchOrigin::Opened);
        QCOMPARE(added.itemCounts, countsToRecordMap(counts));

        done = false;
        feed.remove(Profile, uuid(9), [&done](const QString &error) { done = error.isEmpty(); });
        QTRY_VERIFY(done);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);

        // Another profile: a reset, and an empty list.
        feed.setProfileId(QStringLiteral("profile-2"));
        QTRY_COMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(errors.isEmpty());
        QVERIFY(loaded.size() >= 3);
    }

    void feedDropsTheListingOfAProfileLeftBeforeItCame() {
        StoreWorker store(m_dir.filePath(QStringLiteral("stale.sqlite")));
        const auto add = [&store](const QString &profileId, const QString &batchId) {
            Batch batch;
            batch.id = batchId;
            batch.job.status = JobStatus(JobStatus::Running);
            bool done = false;
            QObject context;
            store.upsertBatch(
                BatchRecord::fromOpened(profileId, Project, QString(), batch), &context,
                [&done](const StoreResult<BatchRecord> &result) { done = result.ok(); });
            return QTest::qWaitFor([&done]() { return done; }, 10000);
        };
        QVERIFY(add(QStringLiteral("profile-a"), uuid(21)));
        QVERIFY(add(QStringLiteral("profile-a"), uuid(22)));
        QVERIFY(add(QStringLiteral("profile-b"), uuid(23)));

        BatchHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BatchHistoryFeed feed(&store, &model);
        QSignalSpy loaded(&feed, &BatchHistoryFeed::pageApplied);
        // Profile A's listing is asked and still in flight when B is chosen: the store
        // answers A first, and that answer must not be shown.
        feed.setProfileId(QStringLiteral("profile-a"));
        feed.setProfileId(QStringLiteral("profile-b"));
        QTRY_VERIFY(feed.isLoaded());
        QTRY_VERIFY(!feed.isLoading());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.recordAt(0).batchId, uuid(23));
        QCOMPARE(loaded.size(), 1); // only B's listing was applied

        // A change while nothing is in flight: listed again and applied as a diff.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(add(QStringLiteral("profile-b"), uuid(24)));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(reset.size(), 0);
    }

    void requestFromItemsGroupsEqualChanges() {
        const QDateTime archive(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        const QList<BatchItem> items{
            item(uuid(1), QStringLiteral("fil.a"), {QStringLiteral("x")}),
            item(uuid(2), QStringLiteral("fil.b"), {QStringLiteral("y")}),
            item(uuid(3), QStringLiteral("fil.c"), {QStringLiteral("x")}),
            item(uuid(4), QStringLiteral("fil.a"), {QStringLiteral("x")}), // repeated data ID
            item(uuid(5), QStringLiteral("fil.d"), {QStringLiteral("x")}, archive),
        };
        const CreateBatchRequest request = requestFromItems(items);
        QCOMPARE(request.dataUpdateGroups.size(), 3);
        QCOMPARE(request.dataUpdateGroups.at(0).dataIds,
                 (QStringList{QStringLiteral("fil.a"), QStringLiteral("fil.c")}));
        QCOMPARE(request.dataUpdateGroups.at(0).userTags.addTags, QStringList{QStringLiteral("x")});
        QVERIFY(!request.dataUpdateGroups.at(0).willBeArchivedAt.isValid());
        QCOMPARE(request.dataUpdateGroups.at(1).dataIds, QStringList{QStringLiteral("fil.b")});
        QCOMPARE(request.dataUpdateGroups.at(2).dataIds, QStringList{QStringLiteral("fil.d")});
        QCOMPARE(request.dataUpdateGroups.at(2).willBeArchivedAt, archive);
        QCOMPARE(request.dataIdCount(), 4);
        QVERIFY(requestFromItems({}).dataUpdateGroups.isEmpty());
    }

    void checkUuidExplains() {
        const CheckedId good =
            checkUuid(QStringLiteral("  {0F8FAD5B-D9CB-469F-A165-70867728950E} "),
                      QStringLiteral("batch ID"));
        QVERIFY(good.ok());
        QCOMPARE(good.id, QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e"));
        const CheckedId empty = checkUuid(QStringLiteral("   "), QStringLiteral("batch ID"));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error, QStringLiteral("Enter the batch ID."));
        const CheckedId cut =
            checkUuid(QStringLiteral("0f8fad5b-d9cb-469f"), QStringLiteral("batch ID"));
        QVERIFY(!cut.ok());
        QVERIFY(cut.id.isEmpty());
        QVERIFY2(
            cut.error.contains(QStringLiteral("\"0f8fad5b-d9cb-469f\" is not a valid batch ID")),
            qPrintable(cut.error));
        QVERIFY(cut.error.contains(QStringLiteral("whole ID")));
    }

    void countsRoundTrip() {
        ItemStatusCounts counts;
        counts.setCount(ItemStatus::Updating, 2);
        counts.setCount(ItemStatus::Failed, 5);
        const QMap<QString, qint64> map = countsToRecordMap(counts);
        QCOMPARE(map.size(), ItemStatus::KnownCount);
        QCOMPARE(map.value(QStringLiteral("FAILED")), qint64(5));
        QCOMPARE(map.value(QStringLiteral("UPDATED")), qint64(0));
        QCOMPARE(countsFromRecordMap(map), counts);
    }
};

QTEST_GUILESS_MAIN(TstBatchHistory)
#include "tst_batchhistory.moc"
