// BatchItemsModel's diff without a network: inserts and removals in contiguous
// blocks, moves only for rows the server reordered, dataChanged limited to the
// changed rows and columns, never a reset for a refresh; roles and headers; the
// query state value type and the status counts.
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemsquerystate.h"
#include "core/monitor/itemstatuscounts.h"
#include "tests/support/modelsignallog.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace ica;
using ica::test::ModelSignalLog;

namespace {

BatchItem makeItem(const QString &id, ItemStatus status = ItemStatus::Initialised) {
    BatchItem item;
    item.id = id;
    item.request.dataId = QStringLiteral("fil.") + id.rightJustified(32, QLatin1Char('0'));
    item.request.userTags.addTags = {QStringLiteral("a"), QStringLiteral("b")};
    item.request.technicalTags.removeTags = {QStringLiteral("old")};
    item.status = status;
    return item;
}

QList<BatchItem> makeItems(const QString &ids) {
    QList<BatchItem> items;
    for (const QChar c : ids)
        items.append(makeItem(QString(c)));
    return items;
}

QString idsOf(const BatchItemsModel &model) {
    QString ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids += model.index(row, BatchItemsModel::ItemIdColumn).data().toString();
    return ids;
}

} // namespace

class TestBatchItemsModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyToPageInsertsOneBlock() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ModelSignalLog log(&model);
        model.applyPage(makeItems(QStringLiteral("abcde")));
        QCOMPARE(log.entries, QStringList{QStringLiteral("ins 0-4")});
        QCOMPARE(idsOf(model), QStringLiteral("abcde"));
        QCOMPARE(model.columnCount(), int(BatchItemsModel::ColumnCount));
    }

    void samePageEmitsNothing() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyPage(makeItems(QStringLiteral("abcde")));
        ModelSignalLog log(&model);
        model.applyPage(makeItems(QStringLiteral("abcde")));
        QVERIFY2(log.entries.isEmpty(), qPrintable(log.entries.join(QLatin1Char(';'))));
    }

    void changedRowsGetDataChangedOnChangedColumnsOnly() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<BatchItem> items = makeItems(QStringLiteral("abcdefg"));
        model.applyPage(items);
        ModelSignalLog log(&model);
        items[1].status = ItemStatus::Updated;
        items[2].status = ItemStatus::Updated;
        items[4].status = ItemStatus::Failed;
        items[4].additionalStatusInformation = QStringLiteral("not found");
        items[6].request.willBeDeletedAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        model.applyPage(items);
        QCOMPARE(log.entries,
                 (QStringList{QStringLiteral("chg 1-2 c2-2"), QStringLiteral("chg 4-4 c2-3"),
                              QStringLiteral("chg 6-6 c9-9")}));
        QCOMPARE(model.index(4, BatchItemsModel::StatusColumn).data(BatchItemsModel::StatusRole),
                 QVariant(int(ItemStatus::Failed)));
        QCOMPARE(model.index(4, BatchItemsModel::AdditionalInformationColumn).data(),
                 QVariant(QStringLiteral("not found")));
    }

    void removedRowsGoInBlocks() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyPage(makeItems(QStringLiteral("abcdefgh")));
        ModelSignalLog log(&model);
        model.applyPage(makeItems(QStringLiteral("adegh")));
        // Front to back: after b and c went, f is row 3.
        QCOMPARE(log.entries, (QStringList{QStringLiteral("rem 1-2"), QStringLiteral("rem 3-3")}));
        QCOMPARE(idsOf(model), QStringLiteral("adegh"));
        QCOMPARE(model.rowOf(QStringLiteral("g")), 3);
        QCOMPARE(model.rowOf(QStringLiteral("b")), -1);
    }

    void newRowsGoInBlocksWhereTheServerPutsThem() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyPage(makeItems(QStringLiteral("ace")));
        ModelSignalLog log(&model);
        model.applyPage(makeItems(QStringLiteral("xyabcdez")));
        QCOMPARE(log.entries, (QStringList{QStringLiteral("ins 0-1"), QStringLiteral("ins 3-3"),
                                           QStringLiteral("ins 5-5"), QStringLiteral("ins 7-7")}));
        QCOMPARE(idsOf(model), QStringLiteral("xyabcdez"));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.itemAt(row).id), row);
    }

    void reorderedRowsMoveWithoutLayoutChange() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyPage(makeItems(QStringLiteral("xabcd")));
        ModelSignalLog log(&model);
        model.applyPage(makeItems(QStringLiteral("abcdx")));
        QCOMPARE(log.entries, QStringList{QStringLiteral("mov 0-0>5")});
        QCOMPARE(idsOf(model), QStringLiteral("abcdx"));
        QCOMPARE(model.rowOf(QStringLiteral("x")), 4);
    }

    void randomChangesAlwaysReachTheTarget() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ModelSignalLog log(&model);
        QRandomGenerator random(42);
        const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");
        for (int round = 0; round < 300; ++round) {
            QString pool = alphabet;
            for (int i = pool.size() - 1; i > 0; --i)
                std::swap(pool[i], pool[random.bounded(i + 1)]);
            const QString target = pool.left(random.bounded(0, 20));
            QList<BatchItem> items = makeItems(target);
            for (BatchItem &item : items) {
                if (random.bounded(3) == 0)
                    item.status = ItemStatus::Updated;
            }
            model.applyPage(items);
            QCOMPARE(idsOf(model), target);
            for (int row = 0; row < items.size(); ++row) {
                QCOMPARE(model.itemAt(row), items.at(row));
                QCOMPARE(model.rowOf(items.at(row).id), row);
            }
        }
        QVERIFY(!log.entries.contains(QStringLiteral("reset")));
        QVERIFY(!log.entries.contains(QStringLiteral("layout")));
        // The rounds did exercise every kind of change.
        for (const QString &kind : {QStringLiteral("ins"), QStringLiteral("rem"),
                                    QStringLiteral("mov"), QStringLiteral("chg")}) {
            QVERIFY2(std::any_of(log.entries.cbegin(), log.entries.cend(),
                                 [&kind](const QString &e) { return e.startsWith(kind); }),
                     qPrintable(kind));
        }
    }

    void repeatedIdsKeepTheFirst() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<BatchItem> items = makeItems(QStringLiteral("abca"));
        items[3].status = ItemStatus::Failed;
        model.applyPage(items);
        QCOMPARE(idsOf(model), QStringLiteral("abc"));
        QCOMPARE(model.itemAt(0).status, ItemStatus(ItemStatus::Initialised));
    }

    void appendPageInsertsAtTheEndAndUpdatesKnownRows() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyPage(makeItems(QStringLiteral("abc")));
        ModelSignalLog log(&model);
        QList<BatchItem> more = makeItems(QStringLiteral("bdef"));
        more[0].status = ItemStatus::Updating;
        model.appendPage(more);
        QCOMPARE(log.entries,
                 (QStringList{QStringLiteral("chg 1-1 c2-2"), QStringLiteral("ins 3-5")}));
        QCOMPARE(idsOf(model), QStringLiteral("abcdef"));
        QCOMPARE(model.rowOf(QStringLiteral("f")), 5);
    }

    void loadAllThenRefreshInPagesChangesOnlyStatuses() {
        // "Load all" of 30,000 items (pages of 100 applied at once, except those that
        // grow the list, grown off the GUI thread; then one big page applied in slices
        // off the GUI thread), then a refresh handed over as pages
        // with every fifth status changed: dataChanged on the status column only.
        // No model tester here: it checks every row on every signal (minutes for
        // 30,000 rows and thousands of signals); the log and the rows are checked.
        BatchItemsModel model;
        const auto id = [](int n) {
            return QStringLiteral("itm.%1").arg(n, 6, 10, QLatin1Char('0'));
        };
        QList<QList<BatchItem>> pages;
        for (int first = 0; first < 30000; first += 100) {
            QList<BatchItem> page;
            for (int n = first; n < first + 100; ++n)
                page.append(makeItem(id(n)));
            pages.append(page);
        }
        for (int p = 0; p < 100; ++p)
            model.appendPage(pages.at(p));
        QTRY_VERIFY_WITH_TIMEOUT(model.isSettled(), 60000);
        QCOMPARE(model.rowCount(), 10000);
        QList<BatchItem> rest;
        for (int p = 100; p < pages.size(); ++p)
            rest += pages.at(p);
        ModelSignalLog log(&model);
        model.appendPage(rest); // over the inline limit: computed off the GUI thread
        QVERIFY(!model.isSettled());
        QTRY_VERIFY_WITH_TIMEOUT(model.isSettled(), 60000);
        QCOMPARE(model.rowCount(), 30000);
        QVERIFY(log.entries.size() >= 20000 / KeyedRows<CompactItemTraits>::ChunkRows);
        for (const QString &entry : std::as_const(log.entries))
            QVERIFY2(entry.startsWith(QStringLiteral("ins ")), qPrintable(entry));
        QCOMPARE(model.rowOf(id(29999)), 29999);

        for (QList<BatchItem> &page : pages)
            for (qsizetype i = 0; i < page.size(); i += 5)
                page[i].status = ItemStatus::Updated;
        log.entries.clear();
        model.applyPages(pages);
        QTRY_VERIFY_WITH_TIMEOUT(model.isSettled(), 60000);
        QCOMPARE(log.entries.size(), 6000); // rows 0, 5, 10...: none adjacent
        QCOMPARE(log.entries.first(), QStringLiteral("chg 0-0 c2-2"));
        QCOMPARE(log.entries.last(), QStringLiteral("chg 29995-29995 c2-2"));
        QCOMPARE(model.itemAt(29995).status, ItemStatus(ItemStatus::Updated));
        QCOMPARE(model.itemAt(29996).status, ItemStatus(ItemStatus::Initialised));
        QCOMPARE(model.rowOf(id(12345)), 12345);
    }

    void setItemsAndClearReset() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ModelSignalLog log(&model);
        model.setItems(makeItems(QStringLiteral("abc")));
        QCOMPARE(idsOf(model), QStringLiteral("abc"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        QCOMPARE(log.entries, (QStringList{QStringLiteral("reset"), QStringLiteral("reset")}));
    }

    void rolesAndHeaders() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        BatchItem item = makeItem(QStringLiteral("a"), ItemStatus::WaitingResources);
        item.request.willBeArchivedAt = QDateTime(QDate(2029, 5, 1), QTime(12, 0), Qt::UTC);
        model.applyPage({item});
        const auto cell = [&model](int column, int role = Qt::DisplayRole) {
            return model.index(0, column).data(role);
        };
        QCOMPARE(cell(BatchItemsModel::ItemIdColumn), QVariant(QStringLiteral("a")));
        QCOMPARE(cell(BatchItemsModel::DataIdColumn), QVariant(item.request.dataId));
        QCOMPARE(cell(BatchItemsModel::StatusColumn).toString(),
                 BatchItemsModel::statusLabel(ItemStatus::WaitingResources));
        QCOMPARE(cell(BatchItemsModel::StatusColumn, Qt::ToolTipRole),
                 QVariant(QStringLiteral("WAITING_RESOURCES")));
        QCOMPARE(cell(BatchItemsModel::StatusColumn, BatchItemsModel::StatusRole),
                 QVariant(int(ItemStatus::WaitingResources)));
        QCOMPARE(cell(BatchItemsModel::StatusColumn, BatchItemsModel::SortRole),
                 QVariant(int(ItemStatus::WaitingResources)));
        QCOMPARE(cell(BatchItemsModel::StatusColumn, BatchItemsModel::TerminalRole),
                 QVariant(false));
        // Status roles live on the status column only (see BatchItemsModel::Role).
        QVERIFY(!cell(BatchItemsModel::DataIdColumn, BatchItemsModel::StatusRole).isValid());
        QCOMPARE(cell(BatchItemsModel::DeleteDateColumn, BatchItemsModel::ItemIdRole),
                 QVariant(QStringLiteral("a")));
        QCOMPARE(cell(BatchItemsModel::UserTagsAddedColumn), QVariant(QStringLiteral("a, b")));
        QCOMPARE(cell(BatchItemsModel::UserTagsRemovedColumn), QVariant(QString()));
        QCOMPARE(cell(BatchItemsModel::TechnicalTagsRemovedColumn),
                 QVariant(QStringLiteral("old")));
        QCOMPARE(cell(BatchItemsModel::ArchiveDateColumn), QVariant(item.request.willBeArchivedAt));
        QVERIFY(!cell(BatchItemsModel::DeleteDateColumn).isValid());
        for (int column = 0; column < BatchItemsModel::ColumnCount; ++column)
            QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.headerData(BatchItemsModel::ColumnCount, Qt::Horizontal).isValid());
        QCOMPARE(BatchItemsModel::statusLabel(ItemStatus::fromString(QStringLiteral("NEW_ONE"))),
                 QStringLiteral("NEW_ONE"));
    }

    void queryStateSettersReportChanges() {
        ItemsQueryState state;
        QCOMPARE(state.mode(), ItemsQueryState::Mode::Offset);
        QCOMPARE(state.pageSize(), 100);
        QVERIFY(!state.setPageSize(100));
        QVERIFY(!state.setPageSize(33)); // not offered
        QVERIFY(state.setPageSize(25));
        QVERIFY(state.setPageIndex(3));
        QCOMPARE(state.offset(), qint64(75));
        QVERIFY(!state.setPageIndex(3));

        QVERIFY(state.setStatusFilter({ItemStatus::Failed, ItemStatus::Updated}));
        QCOMPARE(state.pageIndex(), qint64(0)); // a new filter starts at the first page
        QVERIFY(!state.setStatusFilter({ItemStatus::Updated, ItemStatus::Failed}));
        QVERIFY(!state.setStatusFiltered(ItemStatus::Failed, true));
        QVERIFY(state.setStatusFiltered(ItemStatus::Failed, false));
        QVERIFY(!state.setStatusFilter({ItemStatus::Updated, ItemStatus::Unknown}));

        QVERIFY(state.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(!state.setSort(BatchItemsModel::UserTagsAddedColumn, Qt::AscendingOrder));
        QVERIFY(state.setSort(BatchItemsModel::StatusColumn, Qt::DescendingOrder));
        QCOMPARE(state.mode(), ItemsQueryState::Mode::Offset); // sorting needs offset paging
        QCOMPARE(state.sortParameter(), QStringLiteral("status desc"));
        QVERIFY(!state.setSort(BatchItemsModel::StatusColumn, Qt::DescendingOrder));
        QVERIFY(state.setSort(BatchItemsModel::DataIdColumn, Qt::AscendingOrder));
        QCOMPARE(state.sortParameter(), QStringLiteral("dataId"));

        QVERIFY(state.setPageIndex(2));
        ItemsQuery query = state.query();
        QCOMPARE(query.page.mode, PageRequest::Mode::Offset);
        QCOMPARE(query.page.offset, qint64(50));
        QCOMPARE(query.page.pageSize, 25);
        QCOMPARE(query.sort, QStringLiteral("dataId"));
        QCOMPARE(query.statuses, QList<ItemStatus>{ItemStatus::Updated});

        QVERIFY(state.setMode(ItemsQueryState::Mode::Cursor));
        QVERIFY(!state.hasSort()); // cursor pages cannot be sorted
        query = state.query(QStringLiteral("token"));
        QCOMPARE(query.page.mode, PageRequest::Mode::Cursor);
        QCOMPARE(query.page.pageToken, QStringLiteral("token"));
        QVERIFY(query.sort.isEmpty());
        QVERIFY(!state.clearSort());

        ItemsQueryState copy = state;
        QVERIFY(copy == state);
        QVERIFY(copy.setStatusFiltered(ItemStatus::Initialised, true));
        QVERIFY(copy != state);
        // The statuses go out in lifecycle order whatever order they were chosen in.
        QVERIFY(copy.setStatusFilter(
            {ItemStatus::Failed, ItemStatus::Initialised, ItemStatus::Updating}));
        QCOMPARE(
            copy.query().statuses,
            (QList<ItemStatus>{ItemStatus::Initialised, ItemStatus::Updating, ItemStatus::Failed}));
    }

    void statusCounts() {
        ItemStatusCounts counts;
        QCOMPARE(counts.total(), qint64(0));
        QCOMPARE(counts.doneFraction(), 0.0);
        QVERIFY(!counts.allTerminal());
        counts.setCount(ItemStatus::Updated, 6);
        counts.setCount(ItemStatus::Failed, 2);
        counts.setCount(ItemStatus::PartiallyUpdated, 1);
        counts.setCount(ItemStatus::Updating, 3);
        counts.add(ItemStatus::WaitingResources, 4);
        counts.add(ItemStatus::Unknown);
        counts.setCount(ItemStatus::Initialised, -5); // stored as 0
        QCOMPARE(counts.total(), qint64(17));
        QCOMPARE(counts.terminal(), qint64(9));
        QCOMPARE(counts.doneFraction(), 9.0 / 17.0);
        QCOMPARE(counts.count(ItemStatus::Initialised), qint64(0));
        ItemStatusCounts done;
        done.setCount(ItemStatus::Updated, 3);
        QVERIFY(done.allTerminal());
        QCOMPARE(done.doneFraction(), 1.0);
        QVERIFY(done != counts);
    }
};

QTEST_GUILESS_MAIN(TestBatchItemsModel)
#include "tst_batchitemsmodel.moc"
