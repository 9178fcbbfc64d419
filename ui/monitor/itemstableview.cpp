#include "ui/monitor/itemstableview.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QTimer>

#include <algorithm>

namespace ica::ui {

ItemsTableView::ItemsTableView(QWidget *parent)
    : QTableView(parent)
    , m_scrollRangeDelay(new QTimer(this)) {
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    // Why: QTableView answers every change of the row count (its vertical header's
    // sectionCountChanged) with a delayed items layout, which repaints the whole
    // viewport: during "load all" that was a repaint of every visible cell (text
    // shaping included) per page of 100 rows, most of the GUI thread's time, though
    // the rows were appended far below what is shown. QTableView connects that signal
    // by name (SIGNAL/SLOT) and rowCountChanged is not virtual, so the one way in is to
    // replace the connection. If a Qt version connects it differently, the disconnect
    // fails and the table keeps Qt's behaviour (correct, only slower).
    if (disconnect(verticalHeader(), SIGNAL(sectionCountChanged(int, int)), this,
                   SLOT(rowCountChanged(int, int))))
        connect(verticalHeader(), &QHeaderView::sectionCountChanged, this,
                &ItemsTableView::onRowCountChanged);
    m_scrollRangeDelay->setSingleShot(true);
    m_scrollRangeDelay->setInterval(ScrollRangeDelayMs);
    connect(m_scrollRangeDelay, &QTimer::timeout, this, &ItemsTableView::updateGeometries);
}

void ItemsTableView::onRowCountChanged(int oldCount, int newCount) {
    if (newCount > oldCount && oldCount > 0 && isVisible() &&
        appendedBelowViewport(oldCount, newCount - oldCount)) {
        // Only the scroll bar's range changed: what doItemsLayout() would do
        // (updateGeometries()), minus the repaint of the viewport, once per delay
        // (not restarted: the range follows a long load every ScrollRangeDelayMs).
        if (!m_scrollRangeDelay->isActive())
            m_scrollRangeDelay->start();
        return;
    }
    m_scrollRangeDelay->stop(); // the layout below updates the geometries
    rowCountChanged(oldCount, newCount);
}

bool ItemsTableView::appendedBelowViewport(int first, int count) const {
    const QHeaderView *rows = verticalHeader();
    if (rows->sectionsMoved())
        return rowViewportPosition(first) >= viewport()->height();
    // The new rows are the last ones: where they start follows from the header's
    // length, which it keeps up to date, while asking a row's position would make it
    // recount the positions of every row (100,000 of them, once per page).
    int added = 0;
    for (int row = first; row < first + count; ++row)
        added += rows->sectionSize(row);
    return rows->length() - added - verticalOffset() >= viewport()->height();
}

QList<int> ItemsTableView::selectedRowNumbers() const {
    QList<int> rows;
    if (!selectionModel())
        return rows;
    const QModelIndexList selected = selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool ItemsTableView::event(QEvent *event) {
    // Claim Ctrl+C before any window-wide shortcut with the same keys (an Edit >
    // Copy action of the main window) takes it: in the table it means "copy the
    // selected data IDs".
    if (event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        event->accept();
        return true;
    }
    return QTableView::event(event);
}

void ItemsTableView::keyPressEvent(QKeyEvent *event) {
    if (event->matches(QKeySequence::Copy)) {
        Q_EMIT copyRequested();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace ica::ui
