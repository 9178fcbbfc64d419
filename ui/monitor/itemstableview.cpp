#include "ui/monitor/itemstableview.h"

#include <QHeaderView>
#include <QKeyEvent>

#include <algorithm>

namespace ica::ui {

ItemsTableView::ItemsTableView(QWidget *parent)
    : QTableView(parent) {
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
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
