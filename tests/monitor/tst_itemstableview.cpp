// ItemsTableView while rows stream in ("load all", pages appended to BatchItemsModel):
// rows appended below the visible area repaint nothing of the viewport and reach the
// scroll range within ItemsTableView::ScrollRangeDelayMs; rows appended where they
// show are painted; a removal lays the table out as Qt does. Offscreen platform; paints
// are counted on the viewport.
#include "core/monitor/batchitemsmodel.h"
#include "ui/monitor/itemstableview.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QTest>
#include <QTimer>

using namespace ica;

namespace {

QList<BatchItem> page(int first, int count) {
    QList<BatchItem> items;
    for (int i = first; i < first + count; ++i) {
        BatchItem item;
        item.id = QStringLiteral("item-%1").arg(i, 6, 10, QLatin1Char('0'));
        item.request.dataId = QStringLiteral("fil.%1").arg(i, 32, 10, QLatin1Char('0'));
        item.status = ItemStatus::Updated;
        items.append(item);
    }
    return items;
}

/// Counts the paint events a widget receives.
class PaintCounter final : public QObject {
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

/// Lets every zero timer and posted event queued so far (a delayed items layout, the
/// update request it posts) run: two turns of the event loop, each marked by a zero
/// timer queued behind them.
void drainEvents() {
    for (int turn = 0; turn < 2; ++turn) {
        bool ran = false;
        QTimer::singleShot(0, [&ran]() { ran = true; });
        QTRY_VERIFY(ran);
        QCoreApplication::sendPostedEvents();
    }
}

struct TableRig {
    TableRig() {
        view.setModel(&model);
        view.resize(640, 320);
        view.show();
    }
    BatchItemsModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    ui::ItemsTableView view;
    PaintCounter counter{view.viewport()};
};

} // namespace

class TestItemsTableView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsAppendedBelowTheViewportRepaintNothing() {
        TableRig rig;
        QVERIFY(QTest::qWaitForWindowExposed(&rig.view));
        rig.model.appendPage(page(0, 100)); // more rows than fit: the scroll bar shows
        QTRY_VERIFY(rig.model.isSettled());
        QTRY_VERIFY(rig.counter.paints > 0);
        QTRY_VERIFY(rig.view.verticalScrollBar()->maximum() > 0);
        drainEvents();
        const int paintsBefore = rig.counter.paints;
        const int maximumBefore = rig.view.verticalScrollBar()->maximum();

        for (int first = 100; first < 1000; first += 100)
            rig.model.appendPage(page(first, 100));
        QTRY_VERIFY(rig.model.isSettled());
        QCOMPARE(rig.model.rowCount(), 1000);
        // The scroll range follows (after at most ScrollRangeDelayMs)...
        QTRY_VERIFY(rig.view.verticalScrollBar()->maximum() > maximumBefore + 800);
        drainEvents();
        // ...and nothing shown was repainted: the new rows are all below the viewport.
        QCOMPARE(rig.counter.paints, paintsBefore);

        // The rows are there: the end of the table shows the last one.
        rig.view.scrollToBottom();
        QTRY_VERIFY(rig.counter.paints > paintsBefore);
        const QModelIndex last = rig.view.indexAt(
            QPoint(4, rig.view.viewport()->height() - rig.view.rowHeight(999) / 2));
        QCOMPARE(last.row(), 999);
    }

    void rowsAppendedWhereTheyShowArePainted() {
        TableRig rig;
        QVERIFY(QTest::qWaitForWindowExposed(&rig.view));
        rig.model.appendPage(page(0, 2));
        QTRY_VERIFY(rig.counter.paints > 0);
        drainEvents();
        const int paintsBefore = rig.counter.paints;
        rig.model.appendPage(page(2, 3)); // rows 2-4 show below the first two
        QTRY_VERIFY(rig.counter.paints > paintsBefore);
        QVERIFY(rig.view.visualRect(rig.model.index(4, 0)).isValid());
        QVERIFY(rig.view.viewport()->rect().intersects(rig.view.visualRect(rig.model.index(4, 0))));
    }

    void aRemovalIsLaidOutAndPainted() {
        TableRig rig;
        QVERIFY(QTest::qWaitForWindowExposed(&rig.view));
        rig.model.appendPage(page(0, 100));
        QTRY_VERIFY(rig.view.verticalScrollBar()->maximum() > 0);
        drainEvents();
        const int paintsBefore = rig.counter.paints;
        rig.model.applyPage(page(0, 3)); // 97 rows go (a diff, no reset)
        QTRY_VERIFY(rig.model.isSettled());
        QCOMPARE(rig.model.rowCount(), 3);
        QTRY_VERIFY(rig.counter.paints > paintsBefore);
        QTRY_COMPARE(rig.view.verticalScrollBar()->maximum(), 0);
    }
};

QTEST_MAIN(TestItemsTableView)
#include "tst_itemstableview.moc"
