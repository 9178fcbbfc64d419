// Names, paths and failure reasons in the batch view, through the real widgets and
// models against the simulator over loopback: a finished batch of 2,000 items (4
// data IDs that name nothing) loaded whole; every item's name and path appear in the
// table and the details, "not found" for the unknown IDs; a refresh asks for no name
// again; the failure summary lists the unknown IDs under their reason; choosing the
// reason filters the table to them, with a removable chip; the name filter filters
// the loaded rows.
#include "core/api/batchapi.h"
#include "core/data/datanames.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/batchmonitor.h"
#include "core/monitor/failuresummary.h"
#include "core/monitor/itemsfilterproxy.h"
#include "core/monitor/itemspager.h"
#include "simulator/icasimulator.h"
#include "tests/support/callwaiter.h"
#include "tests/support/countingnam.h"
#include "tests/support/simfixture.h"
#include "ui/monitor/batchview.h"
#include "ui/monitor/failuresummarypanel.h"
#include "ui/monitor/itemdetailspanel.h"
#include "ui/monitor/itemspanel.h"
#include "ui/monitor/itemstableview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace ica;

class TestMonitorNames final : public QObject {
    Q_OBJECT

    test::CountingNam nam; // outlives the fixture's client
    std::unique_ptr<test::SimFixture> f;
    QString project;
    QString batch;
    QSet<QString> unknown;

    static QStringList unknownIds() {
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(QStringLiteral("fil.%1").arg(0xdead0000 + i, 32, 16, QLatin1Char('0')));
        return ids;
    }

    /// Every row's Name and Path cells say what the simulator holds ("not found"
    /// for the unknown IDs); the first wrong cell in `why`.
    bool allNamed(const BatchItemsModel *model, QString *why) const {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString dataId =
                model->index(row, BatchItemsModel::DataIdColumn).data().toString();
            const QString name = model->index(row, BatchItemsModel::NameColumn).data().toString();
            const QString path = model->index(row, BatchItemsModel::PathColumn).data().toString();
            const auto data = f->sim->data(project, dataId);
            const QString wantName = data ? data->name : QStringLiteral("not found");
            const QString wantPath = data ? data->path : QStringLiteral("not found");
            if (name != wantName || path != wantPath) {
                *why = QStringLiteral("row %1 (%2): '%3' '%4'").arg(row).arg(dataId, name, path);
                return false;
            }
        }
        return model->rowCount() > 0;
    }

private Q_SLOTS:
    void initTestCase() {
        sim::SimulatorOptions options = test::SimFixture::smallWorld();
        options.filesInFirstProject = 2000;
        f = std::make_unique<test::SimFixture>(options, &nam);
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        project = f->sim->projectIds().constFirst();
        const QStringList files = f->sim->fileIds(project).mid(0, 1996);
        const QStringList bad = unknownIds();
        unknown = QSet<QString>(bad.cbegin(), bad.cend());
        test::CallWaiter<Batch> created;
        BatchApi(f->client.get())
            .create(project,
                    test::tagRequest(files.mid(0, 300) + bad + files.mid(300), QStringLiteral("n")),
                    &created, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        batch = created.value().id;
        f->sim->advance(std::chrono::minutes(30));
        QCOMPARE(f->sim->batch(project, batch)->jobStatus, QStringLiteral("PARTIALLY_SUCCEEDED"));
    }

    void cleanupTestCase() { f.reset(); }

    void namesPathsAndFailureReasons() {
        ui::BatchView view;
        BatchItemsModel *model = view.itemsModel();
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        QAbstractItemModelTester modelTester(model, Mode::QtTest);
        QAbstractItemModelTester proxyTester(view.itemsPanel()->filterProxy(), Mode::QtTest);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        view.setClient(f->client.get());
        ItemsQueryState state = view.pager()->queryState();
        QVERIFY(state.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(state.setPageSize(1000));
        view.pager()->setQueryState(state);
        view.resize(1400, 900);
        view.show();
        view.showBatch(project, batch);
        QTRY_VERIFY(view.pager()->loadedCount() > 0 && !view.pager()->isLoading());
        QVERIFY(view.pager()->loadAll());
        QTRY_COMPARE(model->rowCount(), 2000);
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(allNamed(model, &why), qPrintable(why), 30000);

        // Unknown IDs: "not found", a state of its own (greyed by the ui).
        int notFound = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex name = model->index(row, BatchItemsModel::NameColumn);
            if (name.data(BatchItemsModel::NameStateRole).toInt() ==
                int(DataName::State::NotFound)) {
                ++notFound;
                QVERIFY(unknown.contains(
                    model->index(row, BatchItemsModel::DataIdColumn).data().toString()));
            }
        }
        QCOMPARE(notFound, 4);
        // Names came as dataChanged on the Name and Path columns only, a few signals
        // for 2,000 rows (one per lookup answer at most), never a reset.
        int nameSignals = 0;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const QModelIndex from = args.at(0).toModelIndex();
            const QModelIndex to = args.at(1).toModelIndex();
            if (to.column() < BatchItemsModel::NameColumn)
                continue;
            ++nameSignals;
            QCOMPARE(from.column(), int(BatchItemsModel::NameColumn));
            QCOMPARE(to.column(), int(BatchItemsModel::PathColumn));
        }
        QVERIFY(nameSignals >= 1);
        QVERIFY2(nameSignals <= view.nameCache()->lookupsSent() + 1,
                 qPrintable(QString::number(nameSignals)));

        // A refresh asks for no name already known.
        const int lookups = view.nameCache()->lookupsSent();
        QVERIFY(lookups >= 1 && lookups <= 3); // 2,000 IDs, 2,000 a lookup
        QSignalSpy applied(view.pager(), &ItemsPager::pageApplied);
        QVERIFY(view.pager()->refresh());
        QTRY_VERIFY(applied.count() > 0 && !view.pager()->isLoading() && model->isSettled());
        QTest::qWait(50); // a name walk would start on the next turns
        QCOMPARE(view.nameCache()->lookupsSent(), lookups);

        // The details show the selected item's name and path.
        auto *panel = view.itemsPanel();
        auto *table = panel->table();
        int unknownRow = -1;
        for (int row = 0; row < model->rowCount() && unknownRow < 0; ++row)
            if (unknown.contains(model->itemAt(row).request.dataId))
                unknownRow = row;
        QVERIFY(unknownRow >= 0);
        table->selectRow(0);
        auto *name = view.findChild<QLabel *>(QStringLiteral("detailName"));
        auto *path = view.findChild<QLabel *>(QStringLiteral("detailPath"));
        QVERIFY(name && path);
        const auto first = f->sim->data(project, model->itemAt(0).request.dataId);
        QVERIFY(first);
        QTRY_COMPARE(name->text(), first->name);
        QCOMPARE(path->text(), first->path);
        table->selectRow(unknownRow);
        QTRY_COMPARE(name->text(), QStringLiteral("not found"));
        QVERIFY(!name->isEnabled());

        // The name filter: the loaded rows whose name or path holds the text.
        QLineEdit *filter = panel->nameFilterField();
        QVERIFY(filter->toolTip().contains(QStringLiteral("loaded")));
        filter->setText(first->name);
        QTRY_COMPARE(table->model(), panel->filterProxy()); // once typing pauses
        const int shown = table->model()->rowCount();
        QVERIFY(shown >= 1 && shown < 2000);
        for (int row = 0; row < shown; ++row) {
            const QString n =
                table->model()->index(row, BatchItemsModel::NameColumn).data().toString();
            const QString p =
                table->model()->index(row, BatchItemsModel::PathColumn).data().toString();
            QVERIFY(n.contains(first->name, Qt::CaseInsensitive) ||
                    p.contains(first->name, Qt::CaseInsensitive));
        }
        table->selectRow(0); // a proxy row: the details still get the model's item
        QTRY_COMPARE(name->text(), first->name);
        filter->clear();
        QTRY_COMPARE(table->model(), model);
        QCOMPARE(table->model()->rowCount(), 2000);

        // The failure summary: the 4 unknown IDs under one reason.
        ui::FailureSummaryPanel *failures = view.failureSummary();
        QTRY_COMPARE(failures->table()->rowCount(), 1);
        QVERIFY(failures->isVisible());
        const QString reason = QStringLiteral("Data with id '<id>' was not found in project <id>.");
        QCOMPARE(failures->reasonAt(0), reason);
        QCOMPARE(failures->table()->item(0, ui::FailureSummaryPanel::CountColumn)->text(),
                 QStringLiteral("4"));
        QCOMPARE(failures->table()->item(0, ui::FailureSummaryPanel::StatusesColumn)->text(),
                 QStringLiteral("Failed"));

        // Choosing it shows those items: status filter plus the reason, as a chip.
        QTableWidget *reasons = failures->table();
        const QRect cell = reasons->visualItemRect(reasons->item(0, 0));
        QTest::mouseClick(reasons->viewport(), Qt::LeftButton, {}, cell.center());
        const QSet<ItemStatus::Value> failedOnly{ItemStatus::Failed, ItemStatus::PartiallyUpdated};
        QTRY_COMPARE(view.pager()->queryState().statusFilter(), failedOnly);
        auto *chip = view.findChild<QToolButton *>(QStringLiteral("reasonChip"));
        QVERIFY(chip && chip->isVisible());
        QVERIFY(chip->text().contains(QStringLiteral("was not found")));
        QTRY_VERIFY(!view.pager()->isLoading() && model->isSettled() && model->rowCount() == 4);
        QCOMPARE(table->model(), panel->filterProxy());
        QCOMPARE(table->model()->rowCount(), 4);
        QSet<QString> shownIds;
        for (int row = 0; row < 4; ++row)
            shownIds.insert(
                table->model()->index(row, BatchItemsModel::DataIdColumn).data().toString());
        QCOMPARE(shownIds, unknown);
        chip->click();
        QVERIFY(!chip->isVisible());
        QCOMPARE(table->model(), model);
    }

    void failureSummaryGroupsByReason() {
        FailureSummary summary;
        BatchItem a;
        a.status = ItemStatus(ItemStatus::Failed);
        a.request.dataId = QStringLiteral("fil.1");
        a.additionalStatusInformation =
            QStringLiteral("Data with id 'fil.0123456789abcdef0123456789abcdef' was not found.");
        BatchItem b = a;
        b.request.dataId = QStringLiteral("fil.2");
        b.status = ItemStatus(ItemStatus::PartiallyUpdated);
        b.additionalStatusInformation =
            QStringLiteral("Data with id 'fil.fedcba9876543210fedcba9876543210' was not found.");
        BatchItem c = a;
        c.request.dataId = QStringLiteral("fil.3");
        c.additionalStatusInformation.clear();
        BatchItem ok = a;
        ok.status = ItemStatus(ItemStatus::Updated);
        summary.add({a, ok, b, c});
        QCOMPARE(summary.total(), 3);
        const QList<FailureSummary::Reason> reasons = summary.reasons();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons.at(0).reason, QStringLiteral("Data with id '<id>' was not found."));
        QCOMPARE(reasons.at(0).count, 2);
        QCOMPARE(reasons.at(0).statuses,
                 (QList<ItemStatus>{ItemStatus(ItemStatus::PartiallyUpdated),
                                    ItemStatus(ItemStatus::Failed)}));
        QCOMPARE(reasons.at(0).dataIds,
                 (QStringList{QStringLiteral("fil.1"), QStringLiteral("fil.2")}));
        QCOMPARE(reasons.at(1).reason, QString());
        QCOMPARE(FailureSummary::displayReason(reasons.at(1).reason),
                 QStringLiteral("(no reason given)"));
        QCOMPARE(FailureSummary::reasonOf(
                     QStringLiteral(" Job 01234567-89ab-cdef-0123-456789abcdef failed ")),
                 QStringLiteral("Job <id> failed"));
    }

    /// Reads of the failure summary (both failed statuses in one query) sent so far.
    int failureReads() const {
        int reads = 0;
        for (const QUrl &url : nam.urls) {
            const QString query = url.query(QUrl::FullyDecoded);
            reads += url.path().endsWith(QStringLiteral("/items")) &&
                     query.contains(QStringLiteral("status=PARTIALLY_UPDATED")) &&
                     query.contains(QStringLiteral("status=FAILED"));
        }
        return reads;
    }

    void runningBatchFailuresAreReadSpaced() {
        // A running batch whose failures grow: the summary is read once, not again on
        // every count change (each read is every failed item); "Refresh now" reads it.
        const QStringList files = f->sim->fileIds(project).mid(0, 1200);
        const QStringList bad = unknownIds();
        test::CallWaiter<Batch> created;
        BatchApi(f->client.get())
            .create(project,
                    test::tagRequest(QStringList{bad.at(0)} + files + QStringList{bad.at(1)},
                                     QStringLiteral("spaced")),
                    &created, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const QString running = created.value().id;

        ui::BatchView view;
        view.setFailuresGap(std::chrono::hours(1));
        view.setClient(f->client.get());
        view.showBatch(project, running);
        QTRY_VERIFY(view.monitor() && view.monitor()->counts().total() > 0);
        const auto failed = [&view]() {
            const ItemStatusCounts counts = view.monitor()->counts();
            return counts.count(ItemStatus::Failed) + counts.count(ItemStatus::PartiallyUpdated);
        };
        const auto refreshMonitor = [&view]() {
            QSignalSpy refreshed(view.monitor(), &BatchMonitor::refreshed);
            QVERIFY(QTest::qWaitFor([&view] { return view.monitor()->refreshNow(); }, 30000));
            QVERIFY(refreshed.wait(30000));
        };
        const int readsBefore = failureReads();

        // The first item fails: the summary is read at once.
        while (failed() < 1) {
            f->sim->advance(std::chrono::milliseconds(100));
            refreshMonitor();
        }
        QTRY_COMPARE(view.failureSummary()->table()->rowCount(), 1);
        QCOMPARE(failureReads(), readsBefore + 1);
        QCOMPARE(
            view.failureSummary()->table()->item(0, ui::FailureSummaryPanel::CountColumn)->text(),
            QStringLiteral("1"));

        // The last one fails too: counts move, but the read waits (a read starts in the
        // same turn the counts arrive, so none started).
        while (failed() < 2) {
            f->sim->advance(std::chrono::seconds(1));
            refreshMonitor();
        }
        QCOMPARE(failureReads(), readsBefore + 1);
        QCOMPARE(
            view.failureSummary()->table()->item(0, ui::FailureSummaryPanel::CountColumn)->text(),
            QStringLiteral("1"));

        // Asked for: read at once.
        view.refreshAction()->trigger();
        QTRY_COMPARE(
            view.failureSummary()->table()->item(0, ui::FailureSummaryPanel::CountColumn)->text(),
            QStringLiteral("2"));
        QCOMPARE(failureReads(), readsBefore + 2);
    }

    void cacheIsBoundedAndRetriesFailures() {
        DataNameCache cache;
        cache.setClient(f->client.get());
        cache.setMaxEntries(10);
        const QStringList files = f->sim->fileIds(project).mid(0, 25);
        QSignalSpy resolved(&cache, &DataNameCache::namesResolved);
        cache.resolve(project, files);
        QCOMPARE(cache.pendingCount(), 25);
        QCOMPARE(cache.name(project, files.first()).state, DataName::State::Pending);
        cache.resolve(project, files); // under way: not asked twice
        QCOMPARE(cache.lookupsSent(), 1);
        QTRY_COMPARE(resolved.count(), 1);
        QCOMPARE(cache.size(), 10); // the oldest answers forgotten
        QCOMPARE(cache.name(project, files.last()).state, DataName::State::Found);
        QCOMPARE(cache.name(project, files.first()).state, DataName::State::Unknown);
        // Another project is another cache line; a failed lookup leaves IDs Unknown.
        QSignalSpy failed(&cache, &DataNameCache::lookupFailed);
        cache.resolve(QStringLiteral("no-such-project"), {files.first()});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(cache.name(QStringLiteral("no-such-project"), files.first()).state,
                 DataName::State::Unknown);
        QCOMPARE(cache.pendingCount(), 0);
        // Another client (profile) forgets everything.
        cache.setClient(nullptr);
        QCOMPARE(cache.size(), 0);
        cache.resolve(project, files); // no client: nothing asked
        QCOMPARE(cache.pendingCount(), 0);
    }
};

QTEST_MAIN(TestMonitorNames)
#include "tst_monitornames.moc"
