// The batch view of MonitorWidget, driven through its real widgets against the
// simulator over loopback: status, times and counts; refresh by diff (no model
// reset; selection and scroll position kept); live refresh that stops at a
// terminal job and pauses while minimised; status filters (toggles and chips);
// server-side sorting by header click; offset and cursor paging; item details;
// copying data IDs; a new draft from the FAILED items.
#include "core/domain/batch.h"
#include "tests/monitor/monitorharness.h"
#include "tests/support/statusspy.h"
#include "tests/support/worldtestcase.h"
#include "ui/monitor/itemdetailspanel.h"
#include "ui/monitor/itemstableview.h"
#include "ui/style/statusstyle.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace ica;
using namespace std::chrono_literals;
using ica::test::MonitorHarness;
using ica::test::TestWorld;

namespace {

const QList<int> UnknownAt{2, 9, 17, 30, 44};

} // namespace

class TstMonitorWidget final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TstMonitorWidget()
        : WorldTestCase(TestWorld::pacedBatches()) {}

private:
    std::unique_ptr<MonitorHarness> h;
    QStringList dataIds;
    QString batchId;

    template <typename T> T *child(const char *name) const {
        return h->child<T>(QLatin1String(name));
    }
    QToolButton *button(const char *name) const { return child<QToolButton>(name); }
    QString labelText(const char *name) const {
        const QLabel *label = child<QLabel>(name);
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }
    QStringList unknownIds() const {
        QStringList ids;
        for (int i : UnknownAt)
            ids.append(dataIds.at(i));
        return ids;
    }
    /// Creates a 45-item batch (5 unknown IDs) and shows it.
    bool openNewBatch(int size = 45, const QList<int> &unknownAt = UnknownAt) {
        dataIds = world->dataIds(size, unknownAt);
        batchId = world->createBatch(dataIds);
        if (batchId.isEmpty())
            return false;
        h->widget->openBatch(world->projectId, batchId);
        return QTest::qWaitFor([this]() { return h->settled(); }, Timeout);
    }
    void setInterval(std::chrono::milliseconds interval) {
        auto *combo = child<QComboBox>("refreshIntervalCombo");
        QVERIFY(combo);
        const int index = combo->findData(qlonglong(interval.count()));
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        QCOMPARE(h->monitor()->refreshInterval(), interval);
    }
    /// Presses "refresh now" and waits for the round and the items.
    void refreshAndWait() {
        QSignalSpy refreshed(h->monitor(), &BatchMonitor::refreshed);
        QVERIFY(button("refreshButton")->isEnabled());
        button("refreshButton")->click();
        QVERIFY(refreshed.wait(Timeout));
        QTRY_VERIFY(h->settled());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(startWorld(), qPrintable(world->startError()));
        QVERIFY(world->fileIds.size() > 200);
    }
    void init() {
        h = std::make_unique<MonitorHarness>(
            *world, TestWorld::databasePath(QLatin1String(QTest::currentTestFunction())));
        QVERIFY(QTest::qWaitForWindowExposed(h->widget.get()));
        setInterval(0ms); // tests that want live refresh turn it on
        world->nam.resetCounters();
    }
    void cleanup() { h.reset(); }

    void showsStatusTimesAndCounts() {
        QVERIFY(child<QLabel>("batchPlaceholder")->isVisible());
        QVERIFY(openNewBatch());
        QVERIFY(h->view()->isVisible());
        QCOMPARE(child<QLineEdit>("batchIdField")->text(), batchId);
        QVERIFY(child<QLineEdit>("batchIdField")->isReadOnly());
        QCOMPARE(labelText("jobStatusLabel"), QStringLiteral("Initialized"));
        QCOMPARE(child<QLabel>("jobStatusLabel")->property("statusColor").toString(),
                 ui::jobStatusColor(JobStatus(JobStatus::Initialized)).name());
        QCOMPARE(button("countChip_INITIALISED")->text(), QStringLiteral("Initialised: 45"));
        QCOMPARE(button("countChip_FAILED")->text(), QStringLiteral("Failed: 0"));
        auto *progress = child<QProgressBar>("progressBar");
        QCOMPARE(progress->maximum(), 45);
        QCOMPARE(progress->value(), 0);

        const Batch batch = h->monitor()->batch();
        QCOMPARE(labelText("createdLabel"), ui::localTimeText(batch.job.timeCreated));
        QVERIFY(child<QLabel>("createdLabel")->toolTip().endsWith(QStringLiteral(" UTC")));
        QCOMPARE(child<QLabel>("createdLabel")->toolTip(), ui::utcTimeText(batch.job.timeCreated));
        QCOMPARE(labelText("ownerLabel"), batch.job.owner.displayName());
        QVERIFY(!labelText("ownerLabel").isEmpty());

        QCOMPARE(h->items()->rowCount(), 45);
        QCOMPARE(h->tableDataIds(), dataIds);
        // The status column paints a coloured dot beside the text.
        const QModelIndex status = h->items()->index(0, BatchItemsModel::StatusColumn);
        auto *delegate = qobject_cast<ui::StatusDotDelegate *>(
            h->itemsView()->itemDelegateForColumn(BatchItemsModel::StatusColumn));
        QVERIFY(delegate);
        QCOMPARE(delegate->colorFor(status), ui::itemStatusColor(ItemStatus::Initialised));
        QCOMPARE(status.data().toString(), QStringLiteral("Initialised"));

        // Watched batches are kept in the history and selected in the list.
        QTRY_VERIFY(h->history()->rowOf(MonitorHarness::ProfileId, batchId) >= 0);
        QTRY_COMPARE(h->widget->listPanel()->selectedBatchId(), batchId);
        const BatchRecord &record =
            h->history()->recordAt(h->history()->rowOf(MonitorHarness::ProfileId, batchId));
        QCOMPARE(record.jobStatus, QStringLiteral("INITIALIZED"));
        QCOMPARE(record.itemCounts.value(QStringLiteral("INITIALISED")), qint64(45));

        // "Updated N s ago" follows the monitor's clock, re-read every second.
        const QDateTime refreshedAt = h->monitor()->lastRefreshed();
        h->monitor()->setClock([refreshedAt]() { return refreshedAt.addSecs(7); });
        QTRY_COMPARE(labelText("updatedLabel"), QStringLiteral("Updated 7 s ago"));

        // The batch ID can be copied.
        QApplication::clipboard()->clear();
        ica::test::StatusSpy messages;
        button("copyBatchIdButton")->click();
        QCOMPARE(QApplication::clipboard()->text(), batchId);
        QVERIFY(!messages.isEmpty());
    }

    void refreshIsADiffThatKeepsSelectionAndScroll() {
        QVERIFY(openNewBatch());
        QTableView *table = h->itemsView();
        QTRY_VERIFY(table->verticalScrollBar()->maximum() > 0);
        table->selectRow(30);
        const QString selectedItem = h->items()->itemAt(30).id;
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() / 2);
        const int scroll = table->verticalScrollBar()->value();
        QVERIFY(scroll > 0);

        QSignalSpy reset(h->items(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(h->items(), &QAbstractItemModel::dataChanged);
        world->advance(TestWorld::untilDone(10));
        refreshAndWait();

        QCOMPARE(button("countChip_UPDATED")->text(), QStringLiteral("Updated: 8"));
        QCOMPARE(button("countChip_FAILED")->text(), QStringLiteral("Failed: 2"));
        QCOMPARE(button("countChip_UPDATING")->text(), QStringLiteral("Updating: 1"));
        QCOMPARE(child<QProgressBar>("progressBar")->value(), 10);
        QCOMPARE(labelText("jobStatusLabel"), QStringLiteral("Running"));
        QVERIFY(labelText("startedLabel") != QStringLiteral("—"));
        QTRY_COMPARE(h->items()->itemAt(0).status, ItemStatus(ItemStatus::Updated));
        QCOMPARE(h->items()->itemAt(2).status, ItemStatus(ItemStatus::Failed));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.size(), 0);
        const QList<int> selected = static_cast<ui::ItemsTableView *>(table)->selectedRowNumbers();
        QCOMPARE(selected, QList<int>{30});
        QCOMPARE(h->items()->itemAt(30).id, selectedItem);
        QCOMPARE(table->verticalScrollBar()->value(), scroll);
        QVERIFY(labelText("updatedLabel").startsWith(QStringLiteral("Updated")));

        // The history keeps the last status and counts. (Wait for the row first: the
        // history is listed from the store's thread and may come after the items;
        // recordAt(-1) would crash rather than fail.)
        QTRY_VERIFY(h->history()->rowOf(MonitorHarness::ProfileId, batchId) >= 0);
        QTRY_COMPARE(h->history()
                         ->recordAt(h->history()->rowOf(MonitorHarness::ProfileId, batchId))
                         .itemCounts.value(QStringLiteral("FAILED")),
                     qint64(2));
        QCOMPARE(h->history()
                     ->recordAt(h->history()->rowOf(MonitorHarness::ProfileId, batchId))
                     .jobStatus,
                 QStringLiteral("RUNNING"));

        // F5 refreshes too (the shortcut needs the window active).
        h->widget->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(h->widget.get()));
        table->setFocus();
        world->advance(TestWorld::untilDone(20) - TestWorld::untilDone(10));
        QSignalSpy refreshed(h->monitor(), &BatchMonitor::refreshed);
        QTest::keyClick(table, Qt::Key_F5);
        QVERIFY(refreshed.wait(Timeout));
        QTRY_VERIFY(h->settled());
        QCOMPARE(child<QProgressBar>("progressBar")->value(), 20);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(static_cast<ui::ItemsTableView *>(table)->selectedRowNumbers(), QList<int>{30});
        QCOMPARE(table->verticalScrollBar()->value(), scroll);
    }

    void liveRefreshStopsWhenTheJobIsTerminal() {
        QVERIFY(openNewBatch(20, {}));
        setInterval(2000ms);
        QVERIFY(h->monitor()->isLive());
        QCOMPARE(labelText("liveStateLabel"), QStringLiteral("Refreshing every 2 s."));
        QSignalSpy finished(h->monitor(), &BatchMonitor::finished);
        world->advance(TestWorld::untilDone(20));
        QVERIFY(finished.wait(Timeout)); // by the interval timer, not by a click
        QCOMPARE(labelText("jobStatusLabel"), QStringLiteral("Succeeded"));
        QCOMPARE(child<QLabel>("jobStatusLabel")->property("statusColor").toString(),
                 ui::jobStatusColor(JobStatus(JobStatus::Succeeded)).name());
        QCOMPARE(child<QProgressBar>("progressBar")->value(), 20);
        QVERIFY(labelText("finishedLabel") != QStringLiteral("—"));
        QVERIFY(!h->monitor()->isLive());
        QVERIFY(labelText("liveStateLabel").contains(QStringLiteral("stopped")));
        QTRY_COMPARE(h->history()
                         ->recordAt(h->history()->rowOf(MonitorHarness::ProfileId, batchId))
                         .jobStatus,
                     QStringLiteral("SUCCEEDED"));

        // No more requests: not from the timer, not from a stray tick.
        QTRY_VERIFY(h->settled());
        QSignalSpy served(&world->sim(), &ica::sim::IcaSimulator::requestServed);
        world->nam.resetCounters();
        h->monitor()->tick();
        QVERIFY(!served.wait(2600)); // longer than the 2 s interval
        QCOMPARE(world->nam.started, 0);
    }

    void failedFilterShowsTheUnknownIds() {
        QVERIFY(openNewBatch());
        world->advance(TestWorld::untilDone(45));
        refreshAndWait();
        QCOMPARE(labelText("jobStatusLabel"), QStringLiteral("Partially succeeded"));
        QCOMPARE(child<QLabel>("jobStatusLabel")->property("statusColor").toString(),
                 ui::jobStatusColor(JobStatus(JobStatus::PartiallySucceeded)).name());
        QCOMPARE(button("countChip_FAILED")->text(), QStringLiteral("Failed: 5"));

        world->nam.resetCounters();
        button("statusFilter_FAILED")->click();
        QTRY_VERIFY(h->items()->rowCount() == 5 && h->settled());
        QStringList shown = h->tableDataIds();
        QStringList expected = unknownIds();
        std::sort(shown.begin(), shown.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(shown, expected);
        QVERIFY(button("countChip_FAILED")->isChecked());
        QVERIFY(world->nam.count(QStringLiteral("/items"), QStringLiteral("status=FAILED")) >= 1);

        // The chip toggles the same filter.
        button("countChip_FAILED")->click();
        QTRY_VERIFY(h->items()->rowCount() == 45 && h->settled());
        QVERIFY(!button("statusFilter_FAILED")->isChecked());
        button("countChip_UPDATED")->click();
        QTRY_VERIFY(h->items()->rowCount() == 40 && h->settled());
        QVERIFY(button("statusFilter_UPDATED")->isChecked());
        button("statusFilter_FAILED")->click(); // UPDATED or FAILED: all of them
        QTRY_VERIFY(h->items()->rowCount() == 45 && h->settled());
        QCOMPARE(h->pager()->queryState().statusFilter(),
                 (QSet<ItemStatus::Value>{ItemStatus::Updated, ItemStatus::Failed}));
    }

    void headerClickSortsOnTheServer() {
        QVERIFY(openNewBatch());
        world->advance(TestWorld::untilDone(45));
        refreshAndWait();
        QTableView *table = h->itemsView();
        QHeaderView *header = table->horizontalHeader();
        QVERIFY(header->isSortIndicatorShown());

        world->nam.resetCounters();
        MonitorHarness::clickHeader(table, BatchItemsModel::DataIdColumn);
        QTRY_VERIFY(header->sortIndicatorSection() == BatchItemsModel::DataIdColumn &&
                    world->nam.count(QStringLiteral("/items"), QStringLiteral("sort=dataId")) > 0 &&
                    h->settled());
        const Qt::SortOrder first = header->sortIndicatorOrder();
        QStringList sorted = dataIds;
        std::sort(sorted.begin(), sorted.end());
        if (first == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QTRY_COMPARE(h->tableDataIds(), sorted);

        MonitorHarness::clickHeader(table, BatchItemsModel::DataIdColumn);
        QTRY_VERIFY(header->sortIndicatorOrder() != first && h->settled());
        std::reverse(sorted.begin(), sorted.end());
        QTRY_COMPARE(h->tableDataIds(), sorted);
        QCOMPARE(h->pager()->queryState().sortColumn(), int(BatchItemsModel::DataIdColumn));

        // By status: FAILED sorts before UPDATED (ascending) or after (descending).
        MonitorHarness::clickHeader(table, BatchItemsModel::StatusColumn);
        QTRY_VERIFY(header->sortIndicatorSection() == BatchItemsModel::StatusColumn &&
                    h->pager()->queryState().sortColumn() == BatchItemsModel::StatusColumn &&
                    h->settled());
        const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
        QTRY_COMPARE(h->items()->itemAt(0).status,
                     ItemStatus(ascending ? ItemStatus::Failed : ItemStatus::Updated));
        QCOMPARE(h->items()->itemAt(44).status,
                 ItemStatus(ascending ? ItemStatus::Updated : ItemStatus::Failed));

        // A column ICA cannot sort on: refused, said, and the indicator stays.
        ica::test::StatusSpy messages;
        MonitorHarness::clickHeader(table, BatchItemsModel::UserTagsAddedColumn);
        QCOMPARE(header->sortIndicatorSection(), int(BatchItemsModel::StatusColumn));
        QVERIFY(!messages.isEmpty());
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("can sort items by")));
    }

    void offsetPaging() {
        QVERIFY(openNewBatch());
        auto *size = child<QComboBox>("pageSizeCombo");
        QCOMPARE(size->count(), 7);
        QCOMPARE(size->currentData().toInt(), 100);
        size->setCurrentIndex(size->findData(10));
        QTRY_VERIFY(h->items()->rowCount() == 10 && h->settled());
        QCOMPARE(labelText("pagePositionLabel"), QStringLiteral("Page 1 of 5"));
        QCOMPARE(labelText("totalLabel"), QStringLiteral("45 items in all"));
        QVERIFY(!button("firstPageButton")->isEnabled());
        QVERIFY(!button("previousPageButton")->isEnabled());
        QVERIFY(button("nextPageButton")->isEnabled());
        QVERIFY(button("lastPageButton")->isEnabled());
        QVERIFY(!button("loadMoreButton")->isVisible());

        button("nextPageButton")->click();
        QTRY_VERIFY(labelText("pagePositionLabel") == QStringLiteral("Page 2 of 5") &&
                    h->settled());
        QCOMPARE(h->tableDataIds(), dataIds.mid(10, 10));
        button("lastPageButton")->click();
        QTRY_VERIFY(labelText("pagePositionLabel") == QStringLiteral("Page 5 of 5") &&
                    h->settled());
        QCOMPARE(h->tableDataIds(), dataIds.mid(40));
        QVERIFY(!button("nextPageButton")->isEnabled());
        QVERIFY(!button("lastPageButton")->isEnabled());
        button("previousPageButton")->click();
        QTRY_VERIFY(labelText("pagePositionLabel") == QStringLiteral("Page 4 of 5") &&
                    h->settled());
        QCOMPARE(h->tableDataIds(), dataIds.mid(30, 10));
        button("firstPageButton")->click();
        QTRY_VERIFY(labelText("pagePositionLabel") == QStringLiteral("Page 1 of 5") &&
                    h->settled());
        QCOMPARE(h->tableDataIds(), dataIds.mid(0, 10));
    }

    void cursorPagingAndLoadAll() {
        QVERIFY(openNewBatch());
        auto *size = child<QComboBox>("pageSizeCombo");
        size->setCurrentIndex(size->findData(10));
        QTRY_VERIFY(h->items()->rowCount() == 10 && h->settled());
        auto *mode = child<QComboBox>("pagingModeCombo");
        world->nam.resetCounters();
        mode->setCurrentIndex(mode->findData(int(ItemsQueryState::Mode::Cursor)));
        QTRY_VERIFY(h->pager()->hasMore() && h->settled());
        QCOMPARE(h->items()->rowCount(), 10);
        QVERIFY(button("loadMoreButton")->isVisible());
        QVERIFY(button("loadAllButton")->isVisible());
        QVERIFY(!button("nextPageButton")->isVisible());
        QVERIFY(!child<QLabel>("totalLabel")->isVisible());
        QCOMPARE(labelText("pagePositionLabel"), QStringLiteral("10 loaded, about 35 more"));

        button("loadMoreButton")->click();
        QTRY_VERIFY(h->items()->rowCount() == 20 && h->settled());
        QVERIFY(world->nam.count(QStringLiteral("/items"), QStringLiteral("pageToken=")) >= 1);
        button("loadAllButton")->click();
        QTRY_VERIFY(h->items()->rowCount() == 45 && h->settled());
        QCOMPARE(h->tableDataIds(), dataIds);
        QCOMPARE(labelText("pagePositionLabel"), QStringLiteral("45 loaded"));
        QVERIFY(!button("loadAllButton")->isEnabled());
        QVERIFY(!button("loadMoreButton")->isEnabled());

        // A refresh in cursor mode diffs every page loaded.
        QSignalSpy reset(h->items(), &QAbstractItemModel::modelReset);
        world->advance(TestWorld::untilDone(45));
        refreshAndWait();
        QTRY_COMPARE(h->items()->itemAt(44).status, ItemStatus(ItemStatus::Failed));
        QCOMPARE(h->items()->rowCount(), 45);
        QCOMPARE(reset.size(), 0);

        // Sorting needs numbered pages: a header click switches.
        MonitorHarness::clickHeader(h->itemsView(), BatchItemsModel::ItemIdColumn);
        QTRY_VERIFY(mode->currentData().toInt() == int(ItemsQueryState::Mode::Offset) &&
                    h->settled());
        QVERIFY(button("nextPageButton")->isVisible());
        QCOMPARE(labelText("pagePositionLabel"), QStringLiteral("Page 1 of 5"));
    }

    void minimisedWindowPausesLiveRefresh() {
        QVERIFY(openNewBatch(20, {}));
        setInterval(2000ms);
        QVERIFY(h->monitor()->isLive());
        h->widget->setWindowMinimized(true);
        QVERIFY(h->monitor()->isPaused());
        QVERIFY(!h->monitor()->isLive());
        QVERIFY(labelText("liveStateLabel").contains(QStringLiteral("paused")));
        QTRY_VERIFY(h->settled());
        QSignalSpy served(&world->sim(), &ica::sim::IcaSimulator::requestServed);
        h->monitor()->tick();
        QVERIFY(!served.wait(2600)); // longer than the interval: nothing while minimised

        // Restored after more than the interval: refreshed at once, live again.
        h->widget->setWindowMinimized(false);
        QVERIFY(h->monitor()->isLive());
        QVERIFY(served.wait(Timeout));
        QCOMPARE(labelText("liveStateLabel"), QStringLiteral("Refreshing every 2 s."));
    }

    void detailsOfTheSelectedItem() {
        QVERIFY(openNewBatch());
        world->advance(TestWorld::untilDone(45));
        refreshAndWait();
        const int row = h->tableDataIds().indexOf(dataIds.at(9)); // an unknown ID
        QVERIFY(row >= 0);
        const QString itemId = h->items()->itemAt(row).id;
        world->nam.resetCounters();
        h->itemsView()->selectRow(row);
        auto *details = h->widget->findChild<ui::ItemDetailsPanel *>(QStringLiteral("itemDetails"));
        QVERIFY(details);
        QTRY_COMPARE(details->item().id, itemId);
        QCOMPARE(world->nam.count(QStringLiteral("/items/") + itemId), 1);
        QCOMPARE(labelText("detailItemId"), itemId);
        QCOMPARE(labelText("detailDataId"), dataIds.at(9));
        QCOMPARE(labelText("detailStatus"), QStringLiteral("Failed"));
        QVERIFY(labelText("detailInfo").contains(QStringLiteral("was not found")));
        QCOMPARE(labelText("detailUserTags"), QStringLiteral("add monitored"));
        QCOMPARE(labelText("detailTechnicalTags"), QStringLiteral("remove stale"));
        QCOMPARE(labelText("detailArchiveAt"), QStringLiteral("not set"));
        QVERIFY(child<QLabel>("detailDataId")->isVisible());

        // Two rows selected: no single item to show.
        h->itemsView()->selectionModel()->select(
            h->items()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTRY_VERIFY(child<QLabel>("detailsPlaceholder")->isVisible());
        QVERIFY(details->itemId().isEmpty());
    }

    void copiesTheSelectedDataIds() {
        QVERIFY(openNewBatch());
        QTableView *table = h->itemsView();
        ica::test::StatusSpy messages;
        for (const int row : {7, 3, 5})
            table->selectionModel()->select(
                h->items()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString expected =
            QStringList{dataIds.at(3), dataIds.at(5), dataIds.at(7)}.join(QLatin1Char('\n'));
        QApplication::clipboard()->clear();
        button("copyDataIdsButton")->click();
        QCOMPARE(QApplication::clipboard()->text(), expected);
        QCOMPARE(messages.last().first().toString(),
                 QStringLiteral("3 data IDs copied to the clipboard."));

        QApplication::clipboard()->clear();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), expected);

        table->clearSelection();
        QApplication::clipboard()->setText(QStringLiteral("untouched"));
        button("copyDataIdsButton")->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("untouched"));
        QVERIFY(messages.last().first().toString().startsWith(QStringLiteral("Select the items")));
    }

    void newDraftFromFailedItems() {
        const QStringList alpha = world->dataIds(10, {1, 4});
        const QStringList beta = world->dataIds(10, {0, 9});
        batchId = world->createBatch({TestWorld::group(alpha, QStringLiteral("alpha")),
                                      TestWorld::group(beta, QStringLiteral("beta"))});
        QVERIFY(!batchId.isEmpty());
        h->widget->openBatch(world->projectId, batchId);
        QTRY_VERIFY_WITH_TIMEOUT(h->settled(), Timeout);
        QVERIFY(!button("newDraftFromFailedButton")->isEnabled()); // nothing failed yet

        world->advance(TestWorld::untilDone(20));
        refreshAndWait();
        QVERIFY(button("newDraftFromFailedButton")->isEnabled());
        QSignalSpy drafts(h->widget.get(), &ui::MonitorWidget::newDraftRequested);
        world->nam.resetCounters();
        button("newDraftFromFailedButton")->click();
        QVERIFY(drafts.wait(Timeout));
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().at(0).toString(), world->projectId);
        const auto request = drafts.first().at(1).value<CreateBatchRequest>();
        QCOMPARE(request.dataUpdateGroups.size(), 2);
        const DataUpdateGroup &a = request.dataUpdateGroups.at(0);
        const DataUpdateGroup &b = request.dataUpdateGroups.at(1);
        QCOMPARE(a.dataIds, (QStringList{alpha.at(1), alpha.at(4)}));
        QCOMPARE(a.userTags.addTags, QStringList{QStringLiteral("alpha")});
        QCOMPARE(a.technicalTags.removeTags, QStringList{QStringLiteral("stale")});
        QCOMPARE(b.dataIds, (QStringList{beta.at(0), beta.at(9)}));
        QCOMPARE(b.userTags.addTags, QStringList{QStringLiteral("beta")});
        // Fetched with cursor paging, FAILED only.
        QCOMPARE(world->nam.count(QStringLiteral("/items"), QStringLiteral("status=FAILED")),
                 world->nam.count(QStringLiteral("/items")));
        QVERIFY(world->nam.count(QStringLiteral("/items"), QStringLiteral("pageSize=1000")) >= 1);
        QTRY_VERIFY(button("newDraftFromFailedButton")->isEnabled());
    }
};

QTEST_MAIN(TstMonitorWidget)
#include "tst_monitorwidget.moc"
