#include "ui/browser/databrowserview.h"

#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/data/dataidsmime.h"

#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QSignalBlocker>

#include <algorithm>

namespace ica::ui {

DataBrowserView::DataBrowserView(QWidget *parent)
    : QTableView(parent)
    , m_columnMenu(new QMenu(this))
    , m_clearSort(new QAction(tr("Use ICA's order (no sort)"), this)) {
    setObjectName(QStringLiteral("dataTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Fixed row heights: a view that measured each row (ResizeToContents) would read
    // every row of a folder with tens of thousands of entries to lay them out.
    QHeaderView *rows = verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);

    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // No indicator before sorting is enabled: setSortingEnabled(true) sorts at once by
    // the indicator's column (0 by default), which would make the model reload the
    // listing in offset mode before the user asked for any order.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    // After the view's own connection (which calls the model's sort()): checks the
    // outcome.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            &DataBrowserView::onSortIndicatorChanged);

    connect(this, &QAbstractItemView::doubleClicked, this, &DataBrowserView::openRequested);

    m_columnMenu->setObjectName(QStringLiteral("columnMenu"));
    m_clearSort->setObjectName(QStringLiteral("clearSortAction"));
    m_clearSort->setEnabled(false); // nothing sorted yet
    connect(m_clearSort, &QAction::triggered, this, [this]() {
        if (m_lister)
            m_lister->clearSort();
        syncSortIndicator();
    });
    connect(m_columnMenu, &QMenu::aboutToShow, this, &DataBrowserView::updateColumnMenu);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        m_columnMenu->popup(horizontalHeader()->viewport()->mapToGlobal(pos));
    });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = tagMenu(indexAt(pos))) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(viewport()->mapToGlobal(pos));
        }
    });
}

QMenu *DataBrowserView::tagMenu(const QModelIndex &index) {
    if (!index.isValid())
        return nullptr;
    TagKind kind = TagKind::User;
    if (index.column() == DataBrowserModel::TechnicalTagsColumn)
        kind = TagKind::Technical;
    else if (index.column() != DataBrowserModel::UserTagsColumn)
        return nullptr;
    const QStringList tags = index.data(DataBrowserModel::TagsRole).toStringList();
    if (tags.isEmpty())
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tagMenu"));
    for (const QString &tag : tags) {
        QAction *rename = menu->addAction(tr("Rename tag “%1”…").arg(tag));
        connect(rename, &QAction::triggered, this,
                [this, kind, tag]() { Q_EMIT renameTagRequested(kind, tag); });
    }
    return menu;
}

DataBrowserModel *DataBrowserView::browserModel() const {
    return qobject_cast<DataBrowserModel *>(model());
}

void DataBrowserView::setModel(QAbstractItemModel *model) {
    if (model == this->model())
        return;
    // A new model (another client) must not undo the user's column layout.
    if (horizontalHeader()->count() > 0)
        m_state = saveColumnState();
    QTableView::setModel(model);
    if (!model)
        return;
    buildColumnMenu();
    if (m_state.isEmpty() || !horizontalHeader()->restoreState(m_state))
        applyDefaultWidths();
    syncSortIndicator();
    updateColumnMenu();
}

void DataBrowserView::setLister(DataLister *lister) {
    disconnect(m_questionConnection);
    m_lister = lister;
    if (lister)
        m_questionConnection = connect(lister, &DataLister::questionChanged, this,
                                       &DataBrowserView::syncSortIndicator);
    syncSortIndicator();
}

QByteArray DataBrowserView::saveColumnState() const {
    return horizontalHeader()->count() > 0 ? horizontalHeader()->saveState() : m_state;
}

bool DataBrowserView::restoreColumnState(const QByteArray &state) {
    if (state.isEmpty())
        return false;
    if (horizontalHeader()->count() == 0) {
        m_state = state; // applied when a model comes
        return true;
    }
    if (!horizontalHeader()->restoreState(state))
        return false;
    m_state = state;
    syncSortIndicator();
    updateColumnMenu();
    return true;
}

QList<int> DataBrowserView::selectedRowNumbers() const {
    QList<int> rows;
    if (!selectionModel())
        return rows;
    // From the ranges, not selectedRows(): that asks every row whether all its
    // columns are selected.
    for (const QItemSelectionRange &range : selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void DataBrowserView::syncSortIndicator() {
    const DataLister *lister = browserModel() ? m_lister.data() : nullptr;
    const int column = lister ? lister->sortColumn() : -1;
    const Qt::SortOrder order = lister ? lister->sortOrder() : Qt::AscendingOrder;
    m_clearSort->setEnabled(column >= 0);
    QHeaderView *header = horizontalHeader();
    if (header->sortIndicatorSection() == column && header->sortIndicatorOrder() == order)
        return;
    // Showing the model's sort is not a request to sort.
    const QSignalBlocker blocker(header);
    header->setSortIndicator(column, order);
    header->viewport()->update();
}

void DataBrowserView::onSortIndicatorChanged(int column, Qt::SortOrder order) {
    Q_UNUSED(order)
    if (!browserModel())
        return;
    if (column >= 0 && !DataBrowserModel::canSort(column)) {
        Q_EMIT problem(
            tr("ICA cannot sort by %1: the order stays as it is. Sort by another column, or "
               "filter by tag instead.")
                .arg(model()->headerData(column, Qt::Horizontal).toString()));
    }
    syncSortIndicator();
}

void DataBrowserView::buildColumnMenu() {
    const int columns = model()->columnCount();
    if (columns == m_columnActions.size())
        return;
    m_columnMenu->clear();
    m_columnActions.clear();
    for (int column = 0; column < columns; ++column) {
        QAction *action =
            m_columnMenu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("showColumn_%1").arg(column));
        action->setCheckable(true);
        connect(action, &QAction::triggered, this,
                [this, column](bool shown) { setColumnShown(column, shown); });
        m_columnActions.append(action);
    }
    m_columnMenu->addSeparator();
    m_columnMenu->addAction(m_clearSort);
}

void DataBrowserView::updateColumnMenu() {
    const QHeaderView *header = horizontalHeader();
    const int visible = header->count() - header->hiddenSectionCount();
    for (int column = 0; column < m_columnActions.size(); ++column) {
        QAction *action = m_columnActions.at(column);
        const bool shown = !header->isSectionHidden(column);
        action->setChecked(shown);
        // The last visible column stays: a table without columns cannot be got back.
        action->setEnabled(!(shown && visible == 1));
    }
}

void DataBrowserView::setColumnShown(int column, bool shown) {
    const QHeaderView *header = horizontalHeader();
    if (!shown && header->count() - header->hiddenSectionCount() <= 1) {
        Q_EMIT problem(tr("The last visible column cannot be hidden."));
    } else {
        setColumnHidden(column, !shown);
        if (shown && columnWidth(column) < 20)
            setColumnWidth(column, 120); // a section hidden by a saved state may have no width
    }
    updateColumnMenu();
}

void DataBrowserView::applyDefaultWidths() {
    // Widths in characters; ResizeToContents would measure every loaded row.
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const QList<int> characters{40, 48, 8, 9, 10, 12, 28, 28, 20};
    for (int column = 0; column < characters.size() && column < model()->columnCount(); ++column)
        setColumnWidth(column, digit * characters.at(column));
}

void DataBrowserView::keyPressEvent(QKeyEvent *event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier && currentIndex().isValid()) {
        Q_EMIT openRequested(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void DataBrowserView::startDrag(Qt::DropActions supportedActions) {
    if (m_dragOverride.isEmpty()) {
        QTableView::startDrag(supportedActions);
        return;
    }
    auto *drag = new QDrag(this); // deleted by Qt when the drag is over
    drag->setMimeData(DataIdsMime::create(m_dragOverride));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

} // namespace ica::ui
