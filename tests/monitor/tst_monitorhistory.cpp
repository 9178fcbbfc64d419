// The batches list of MonitorWidget against the simulator and a real StoreWorker:
// "Open batch by ID..." (bad input explained in place, an unknown batch reported,
// a real one fetched, recorded as opened and shown); the list survives a restart
// on the same database; removal asks first and updates the list by a diff; the
// list filters by text and status and sorts by header click.
#include "core/history/batchhistoryfeed.h"
#include "core/history/batchhistoryfilter.h"
#include "tests/monitor/monitorharness.h"
#include "tests/support/worldtestcase.h"
#include "ui/monitor/openbatchdialog.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace ica;
using ica::test::MonitorHarness;
using ica::test::TestWorld;

class TstMonitorHistory final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TstMonitorHistory()
        : WorldTestCase(TestWorld::pacedBatches()) {}

private:
    QString databasePath() const {
        return TestWorld::databasePath(QStringLiteral("history-") +
                                       QLatin1String(QTest::currentTestFunction()));
    }
    static bool listed(const MonitorHarness &h, const QString &batchId) {
        return h.history()->rowOf(MonitorHarness::ProfileId, batchId) >= 0;
    }
    static const BatchRecord &recordOf(const MonitorHarness &h, const QString &batchId) {
        return h.history()->recordAt(h.history()->rowOf(MonitorHarness::ProfileId, batchId));
    }

private Q_SLOTS:
    void openBatchById() {
        MonitorHarness h(*world, databasePath());
        const QString batchId = world->createBatch(world->dataIds(12, {3}));
        QVERIFY(!batchId.isEmpty());
        QTRY_VERIFY(h.widget->historyFeed()->isLoaded());
        QCOMPARE(h.history()->rowCount(), 0);

        h.child<QPushButton>(QStringLiteral("openByIdButton"))->click();
        QTRY_VERIFY(h.widget->openDialog() && h.widget->openDialog()->isVisible());
        QPointer<ui::OpenBatchDialog> dialog = h.widget->openDialog();
        QTRY_VERIFY(dialog->projectsLoaded());
        auto *project = dialog->findChild<QComboBox *>(QStringLiteral("projectCombo"));
        auto *batch = dialog->findChild<QLineEdit *>(QStringLiteral("batchIdEdit"));
        auto *error = dialog->findChild<ica::ui::MessageBar *>(QStringLiteral("openBatchMessage"));
        auto *open = dialog->findChild<QPushButton *>(QStringLiteral("openButton"));
        QVERIFY(project && batch && error && open);
        const int projectIndex = project->findData(world->projectId);
        QVERIFY(projectIndex >= 0);
        project->setCurrentIndex(projectIndex);
        const QString projectName = project->currentText();

        // Not an ID: explained in place, nothing sent, nothing lost.
        world->nam.resetCounters();
        QTest::keyClicks(batch, QStringLiteral("batch-from-yesterday"));
        open->click();
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("is not a valid batch ID")),
                 qPrintable(error->text()));
        QCOMPARE(batch->text(), QStringLiteral("batch-from-yesterday"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(world->nam.started, 0);

        // A well-formed ID of no batch: the server's answer, in place.
        const QString missing = QUuid::createUuid().toString(QUuid::WithoutBraces);
        batch->setText(missing);
        open->click();
        QTRY_VERIFY(!dialog->isBusy());
        QVERIFY(dialog->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("No batch ")), qPrintable(error->text()));
        QCOMPARE(batch->text(), missing);
        QVERIFY(!listed(h, missing));

        // A typed project name that does not exist.
        project->setEditText(QStringLiteral("No such project"));
        batch->setText(batchId);
        open->click();
        QVERIFY(error->text().contains(QStringLiteral("No listed project is called")));
        project->setCurrentIndex(projectIndex);

        // The real one, pasted with spaces and in capitals.
        batch->setText(QStringLiteral("  ") + batchId.toUpper() + QStringLiteral(" "));
        open->click();
        QTRY_VERIFY(dialog.isNull()); // accepted and deleted on close
        QTRY_VERIFY(listed(h, batchId));
        QCOMPARE(recordOf(h, batchId).origin, BatchOrigin::Opened);
        QCOMPARE(recordOf(h, batchId).projectName, projectName);
        QCOMPARE(recordOf(h, batchId).projectId, world->projectId);
        QTRY_COMPARE(h.widget->listPanel()->selectedBatchId(), batchId);
        QCOMPARE(h.view()->batchId(), batchId);
        QTRY_VERIFY(h.settled());
        QCOMPARE(h.items()->rowCount(), 12);
    }

    void historySurvivesARestart() {
        const QString path = databasePath();
        const QString batchId = world->createBatch(world->dataIds(8));
        QVERIFY(!batchId.isEmpty());
        {
            MonitorHarness h(*world, path);
            h.widget->openBatch(world->projectId, batchId);
            QTRY_VERIFY2(h.settled(), qPrintable(h.describe()));
            // Watched, not created here: added to the history with its status.
            QTRY_VERIFY(listed(h, batchId));
            QCOMPARE(recordOf(h, batchId).jobStatus, QStringLiteral("INITIALIZED"));
            QTRY_COMPARE(h.widget->listPanel()->selectedBatchId(), batchId);
        }
        MonitorHarness h(*world, path);
        QTRY_COMPARE(h.history()->rowCount(), 1);
        QCOMPARE(recordOf(h, batchId).jobStatus, QStringLiteral("INITIALIZED"));
        QCOMPARE(recordOf(h, batchId).itemCounts.value(QStringLiteral("INITIALISED")), qint64(8));
        QVERIFY(h.view()->batchId().isEmpty());
        QVERIFY(h.child<QLabel>(QStringLiteral("batchPlaceholder"))->isVisible());

        // Choosing it in the list shows it.
        QTableView *list = h.widget->listPanel()->view();
        const QRect cell = list->visualRect(list->model()->index(0, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
        QTRY_COMPARE(h.view()->batchId(), batchId);
        QTRY_VERIFY(h.settled());
        QCOMPARE(h.items()->rowCount(), 8);

        // Another profile has its own (empty) list.
        h.widget->setProfileId(QStringLiteral("profile-2"));
        QTRY_COMPARE(h.history()->rowCount(), 0);
        QVERIFY(h.view()->batchId().isEmpty());
    }

    void removeAsksThenUpdatesTheList() {
        MonitorHarness h(*world, databasePath());
        const QString first = world->createBatch(world->dataIds(5));
        const QString second = world->createBatch(world->dataIds(5));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        h.widget->openBatch(world->projectId, first);
        QTRY_VERIFY(listed(h, first));
        h.widget->openBatch(world->projectId, second);
        QTRY_VERIFY(listed(h, second));
        QTRY_COMPARE(h.widget->listPanel()->selectedBatchId(), second);

        QSignalSpy reset(h.history(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(h.history(), &QAbstractItemModel::rowsRemoved);
        auto *remove = h.child<QPushButton>(QStringLiteral("removeBatchButton"));
        QVERIFY(remove->isEnabled());

        // Cancelled: nothing happens.
        remove->click();
        QPointer<QMessageBox> box;
        QTRY_VERIFY((box = h.widget->findChild<QMessageBox *>(QStringLiteral("confirmationBox"))) &&
                    box->isVisible());
        QVERIFY(box->text().contains(second));
        box->findChild<QPushButton *>(QStringLiteral("confirmationCancelButton"))->click();
        QTRY_VERIFY(box.isNull());
        QCOMPARE(h.history()->rowCount(), 2);
        QCOMPARE(h.view()->batchId(), second);

        // Confirmed: removed by a diff; the neighbour is shown.
        remove->click();
        QTRY_VERIFY((box = h.widget->findChild<QMessageBox *>(QStringLiteral("confirmationBox"))) &&
                    box->isVisible());
        box->findChild<QPushButton *>(QStringLiteral("confirmationAcceptButton"))->click();
        QTRY_VERIFY(!listed(h, second));
        QCOMPARE(h.history()->rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QTRY_COMPARE(h.view()->batchId(), first);

        // The last one: nothing left to show.
        remove->click();
        QTRY_VERIFY((box = h.widget->findChild<QMessageBox *>(QStringLiteral("confirmationBox"))) &&
                    box->isVisible());
        box->findChild<QPushButton *>(QStringLiteral("confirmationAcceptButton"))->click();
        QTRY_COMPARE(h.history()->rowCount(), 0);
        QTRY_VERIFY(h.view()->batchId().isEmpty());
        QVERIFY(h.child<QLabel>(QStringLiteral("batchPlaceholder"))->isVisible());
        QVERIFY(!remove->isEnabled());
        QCOMPARE(reset.size(), 0);
    }

    void batchShownBeforeItIsListedStaysShown() {
        MonitorHarness h(*world, databasePath());
        const QString listedBatch = world->createBatch(world->dataIds(5));
        const QString newBatch = world->createBatch(world->dataIds(5));
        h.widget->openBatch(world->projectId, listedBatch);
        QTRY_VERIFY(listed(h, listedBatch));
        QTRY_COMPARE(h.widget->listPanel()->selectedBatchId(), listedBatch);

        // Shown at once, listed after its first refresh; meanwhile another row leaves.
        h.widget->openBatch(world->projectId, newBatch);
        QCOMPARE(h.view()->batchId(), newBatch);
        QVERIFY(h.widget->listPanel()->selectedBatchId().isEmpty());
        h.widget->historyFeed()->remove(MonitorHarness::ProfileId, listedBatch);
        QTRY_VERIFY(!listed(h, listedBatch) && listed(h, newBatch));
        QTRY_COMPARE(h.widget->listPanel()->selectedBatchId(), newBatch);
        QCOMPARE(h.view()->batchId(), newBatch);
        QCOMPARE(h.history()->rowCount(), 1);
    }

    void listFiltersAndSorts() {
        MonitorHarness h(*world, databasePath());
        const QString running = world->createBatch(world->dataIds(5));
        world->advance(TestWorld::untilDone(5));
        const QString fresh = world->createBatch(world->dataIds(5));
        QVERIFY(!running.isEmpty() && !fresh.isEmpty());
        h.widget->openBatch(world->projectId, running);
        QTRY_VERIFY(listed(h, running) &&
                    recordOf(h, running).jobStatus == QStringLiteral("SUCCEEDED"));
        h.widget->openBatch(world->projectId, fresh);
        QTRY_VERIFY(listed(h, fresh) &&
                    recordOf(h, fresh).jobStatus == QStringLiteral("INITIALIZED"));
        QTableView *list = h.widget->listPanel()->view();
        QAbstractItemModel *proxy = list->model();
        QCOMPARE(proxy->rowCount(), 2);

        // Newest first by default; a header click sorts by that column.
        QCOMPARE(proxy->index(0, 0).data(BatchHistoryModel::BatchIdRole).toString(), fresh);
        MonitorHarness::clickHeader(list, BatchHistoryModel::StatusColumn);
        const bool ascending = list->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
        QCOMPARE(list->horizontalHeader()->sortIndicatorSection(),
                 int(BatchHistoryModel::StatusColumn));
        QCOMPARE(proxy->index(0, 0).data(BatchHistoryModel::BatchIdRole).toString(),
                 ascending ? fresh : running); // INITIALIZED before SUCCEEDED

        auto *text = h.child<QLineEdit>(QStringLiteral("historyFilterEdit"));
        QTest::keyClicks(text, running.left(13));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, 0).data(BatchHistoryModel::BatchIdRole).toString(), running);
        QCOMPARE(h.child<QLabel>(QStringLiteral("historyCountLabel"))->text(),
                 QStringLiteral("1 of 2 batches"));
        // Filtering the shown batch out of the list does not stop watching it, and
        // no other row looks chosen.
        QTRY_VERIFY(h.widget->listPanel()->selectedBatchId().isEmpty());
        QCOMPARE(h.view()->batchId(), fresh);
        text->clear();
        QCOMPARE(proxy->rowCount(), 2);
        QTRY_COMPARE(h.widget->listPanel()->selectedBatchId(), fresh); // selected again

        auto *status = h.child<QComboBox>(QStringLiteral("historyStatusCombo"));
        status->setCurrentIndex(
            status->findData(int(BatchHistoryFilterModel::StatusGroup::Succeeded)));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, 0).data(BatchHistoryModel::BatchIdRole).toString(), running);
        QTRY_VERIFY(h.widget->listPanel()->selectedBatchId().isEmpty());
        QCOMPARE(h.view()->batchId(), fresh);
        status->setCurrentIndex(
            status->findData(int(BatchHistoryFilterModel::StatusGroup::InProgress)));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, 0).data(BatchHistoryModel::BatchIdRole).toString(), fresh);

        // Opening a batch hidden by the filters clears them so its row can be selected.
        h.widget->openBatch(world->projectId, running);
        QCOMPARE(proxy->rowCount(), 2);
        QCOMPARE(h.widget->listPanel()->selectedBatchId(), running);
        QTRY_COMPARE(h.view()->batchId(), running);
    }
};

QTEST_MAIN(TstMonitorHistory)
#include "tst_monitorhistory.moc"
