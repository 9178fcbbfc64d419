#include "ui/monitor/itemspanel.h"

#include "core/diagnostics/statusnotices.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/failuresummary.h"
#include "core/monitor/itemsfilterproxy.h"
#include "core/monitor/itemspager.h"
#include "ui/monitor/itemstableview.h"
#include "ui/monitor/pagingbar.h"
#include "ui/style/palettefollower.h"
#include "ui/style/statusstyle.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ica::ui {

namespace {

/// Name and Path cells: "not found" (an ID naming nothing in the project) is greyed
/// and in italics, so it does not read as a name.
class NameCellDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(BatchItemsModel::NameStateRole).toInt() != int(DataName::State::NotFound))
            return;
        option->font.setItalic(true);
        option->palette.setBrush(QPalette::Text,
                                 option->palette.brush(QPalette::Disabled, QPalette::Text));
        option->palette.setBrush(QPalette::HighlightedText,
                                 option->palette.brush(QPalette::Disabled, QPalette::Text));
    }
};

} // namespace

ItemsPanel::ItemsPanel(BatchItemsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new ItemsTableView(this))
    , m_paging(new PagingBar(this))
    , m_statusDelegate(
          new StatusDotDelegate(StatusDotDelegate::Kind::Item, BatchItemsModel::StatusRole, this))
    , m_proxy(new ItemsFilterProxy(this))
    , m_nameFilter(new QLineEdit(this))
    , m_nameFilterDelay(new QTimer(this))
    , m_reasonChip(new QToolButton(this))
    , m_copy(new QToolButton(this))
    , m_draft(new QToolButton(this))
    , m_undo(new QToolButton(this))
    , m_export(new QToolButton(this))
    , m_exportFiltered(nullptr) {
    m_table->setObjectName(QStringLiteral("itemsView"));
    m_table->setModel(model);
    m_table->setItemDelegateForColumn(BatchItemsModel::StatusColumn, m_statusDelegate);
    auto *nameDelegate = new NameCellDelegate(this);
    m_table->setItemDelegateForColumn(BatchItemsModel::NameColumn, nameDelegate);
    m_table->setItemDelegateForColumn(BatchItemsModel::PathColumn, nameDelegate);
    m_proxy->setObjectName(QStringLiteral("itemsFilterProxy"));
    m_proxy->setItemsModel(model);
    m_table->setToolTip(tr("Items of the batch. Click a header to sort (item ID, data ID or "
                           "status); Ctrl+C copies the selected data IDs."));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    applyColumnLayout();
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ItemsPanel::onSortIndicatorChanged);
    connect(m_table, &ItemsTableView::copyRequested, this, &ItemsPanel::copySelectedDataIds);
    m_selectionConnection =
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &ItemsPanel::onSelectionChanged);
    // A reset clears the selection without selectionChanged.
    connect(model, &BatchItemsModel::modelReset, this, &ItemsPanel::onSelectionChanged);

    auto *filters = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("Show:"), this);
    filterLabel->setToolTip(tr("With no status chosen, items of every status are shown"));
    filters->addWidget(filterLabel);
    for (int i = 0; i < ItemStatus::KnownCount; ++i) {
        const ItemStatus::Value status = ItemStatus::knownValues()[i];
        auto *toggle = new QToolButton(this);
        toggle->setObjectName(QStringLiteral("statusFilter_") + ItemStatus(status).toString());
        toggle->setCheckable(true);
        toggle->setText(BatchItemsModel::statusLabel(status));
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setToolTip(tr("Show items with status %1 (none chosen: all statuses)")
                               .arg(ItemStatus(status).toString()));
        connect(toggle, &QToolButton::toggled, this,
                [this, status](bool on) { onStatusToggled(status, on); });
        filters->addWidget(toggle);
        m_toggles.insert(status, toggle);
    }
    filters->addStretch();

    m_nameFilter->setObjectName(QStringLiteral("nameFilterField"));
    m_nameFilter->setClearButtonEnabled(true);
    m_nameFilter->setPlaceholderText(tr("Filter loaded items by name or path"));
    m_nameFilter->setToolTip(
        tr("Shows the loaded items whose data name or path contains this text. ICA cannot "
           "filter items by name, so this filters only the rows loaded here (load more pages "
           "to search more), by the names resolved so far."));
    // Each filtering runs over every loaded row: once typing pauses, not per key.
    m_nameFilterDelay->setSingleShot(true);
    m_nameFilterDelay->setInterval(250);
    connect(m_nameFilter, &QLineEdit::textChanged, m_nameFilterDelay, qOverload<>(&QTimer::start));
    connect(m_nameFilterDelay, &QTimer::timeout, this, [this]() {
        const QString text = m_nameFilter->text();
        if (text.trimmed().isEmpty() && !m_proxy->hasReasonFilter())
            showTableModel(false); // first: the proxy would re-admit every row for nothing
        // A text applies once its matches are found off the GUI thread (filterChanged).
        m_proxy->setNameFilter(text);
    });
    connect(m_proxy, &ItemsFilterProxy::filterChanged, this, &ItemsPanel::updateTableModel);
    filters->addWidget(m_nameFilter, 1);
    m_reasonChip->setObjectName(QStringLiteral("reasonChip"));
    m_reasonChip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_reasonChip->setVisible(false);
    connect(m_reasonChip, &QToolButton::clicked, this, [this]() { setReasonFilter(false); });
    PaletteFollower::follow(this, [this]() {
        for (auto it = m_toggles.cbegin(); it != m_toggles.cend(); ++it)
            it.value()->setIcon(itemStatusIcon(it.key(), palette()));
    });

    m_copy->setObjectName(QStringLiteral("copyDataIdsButton"));
    m_copy->setText(tr("&Copy data IDs"));
    m_copy->setToolTip(tr("Copy the data IDs of the selected items, one per line (Ctrl+C in the "
                          "table)"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_copy, &QToolButton::clicked, this, &ItemsPanel::copySelectedDataIds);
    m_draft->setObjectName(QStringLiteral("newDraftFromFailedButton"));
    m_draft->setText(tr("New &draft from FAILED items"));
    m_draft->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_draft, &QToolButton::clicked, this, &ItemsPanel::newDraftRequested);
    setDraftEnabled(false, tr("No failed items"));
    m_undo->setObjectName(QStringLiteral("undoBatchButton"));
    m_undo->setText(tr("&Undo this batch…"));
    m_undo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_undo, &QToolButton::clicked, this, &ItemsPanel::undoRequested);
    setUndoEnabled(false, tr("Open a batch to undo it"));

    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setText(tr("E&xport…"));
    m_export->setToolTip(tr("Save the batch's items to a CSV or JSON file"));
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    QAction *exportAll = exportMenu->addAction(tr("&All items…"));
    exportAll->setObjectName(QStringLiteral("exportAllItemsAction"));
    connect(exportAll, &QAction::triggered, this, [this]() { Q_EMIT exportRequested(false); });
    m_exportFiltered = exportMenu->addAction(tr("Items with the current &status filter…"));
    m_exportFiltered->setObjectName(QStringLiteral("exportFilteredItemsAction"));
    connect(m_exportFiltered, &QAction::triggered, this,
            [this]() { Q_EMIT exportRequested(true); });
    m_exportFiltered->setEnabled(false); // no filter yet
    m_export->setMenu(exportMenu);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_copy);
    actions->addWidget(m_draft);
    actions->addWidget(m_undo);
    actions->addWidget(m_export);
    actions->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_reasonChip, 0, Qt::AlignLeft);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_paging);
    layout->addLayout(actions);
}

void ItemsPanel::setPager(ItemsPager *pager) {
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_pager = pager;
    m_paging->setPager(pager);
    if (m_pager) {
        m_connections.append(
            connect(m_pager, &ItemsPager::queryStateChanged, this, &ItemsPanel::syncFromPager));
        // After a diff the selection may hold another row (or none): say so once the
        // model is consistent again.
        m_connections.append(
            connect(m_pager, &ItemsPager::pageApplied, this, &ItemsPanel::onSelectionChanged));
    }
    syncFromPager();
}

void ItemsPanel::applyColumnLayout() {
    QHeaderView *header = m_table->horizontalHeader();
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(BatchItemsModel::ItemIdColumn, digit * 38);
    header->resizeSection(BatchItemsModel::DataIdColumn, digit * 38);
    header->resizeSection(BatchItemsModel::StatusColumn, digit * 22);
    header->resizeSection(BatchItemsModel::NameColumn, digit * 28);
    header->resizeSection(BatchItemsModel::PathColumn, digit * 40);
    // Name and path read best beside the data ID; the model keeps them last (its
    // columns' numbers stay as they were).
    header->moveSection(header->visualIndex(BatchItemsModel::NameColumn),
                        header->visualIndex(BatchItemsModel::DataIdColumn) + 1);
    header->moveSection(header->visualIndex(BatchItemsModel::PathColumn),
                        header->visualIndex(BatchItemsModel::NameColumn) + 1);
}

void ItemsPanel::setReasonFilter(bool on, const QString &reason) {
    if (!on && m_proxy->nameFilter().isEmpty())
        showTableModel(false); // first: the proxy would re-admit every row for nothing
    m_proxy->setReasonFilter(on, reason);
    m_reasonChip->setVisible(on);
    if (on) {
        m_reasonChip->setText(
            tr("Only items that failed with: %1  ✕").arg(FailureSummary::displayReason(reason)));
        m_reasonChip->setToolTip(tr("Rows of other reasons are hidden. Click to show them again."));
    }
    updateTableModel();
}

void ItemsPanel::updateTableModel() {
    showTableModel(m_proxy->isActive());
}

void ItemsPanel::showTableModel(bool filtered) {
    QAbstractItemModel *wanted =
        filtered ? static_cast<QAbstractItemModel *>(m_proxy) : m_model.data();
    if (m_table->model() == wanted)
        return;
    // Another model: the selection and the header's layout start over. The proxy
    // follows the model only while shown: unused, it would still map every row of
    // each 100,000-row update.
    disconnect(m_selectionConnection);
    if (wanted == m_proxy)
        m_proxy->setSourceModel(m_model);
    m_table->setModel(wanted);
    if (wanted != m_proxy)
        m_proxy->setSourceModel(nullptr);
    m_selectionConnection =
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &ItemsPanel::onSelectionChanged);
    applyColumnLayout();
    syncFromPager();
    onSelectionChanged();
}

QList<int> ItemsPanel::selectedModelRows() const {
    QList<int> rows = m_table->selectedRowNumbers();
    if (m_table->model() != m_proxy)
        return rows;
    for (int &row : rows)
        row = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ItemsPanel::setDraftEnabled(bool enabled, const QString &toolTip) {
    m_draft->setEnabled(enabled);
    m_draft->setToolTip(toolTip);
}

void ItemsPanel::setUndoEnabled(bool enabled, const QString &toolTip) {
    m_undo->setEnabled(enabled);
    m_undo->setToolTip(toolTip);
}

void ItemsPanel::syncFromPager() {
    const ItemsQueryState state = m_pager ? m_pager->queryState() : ItemsQueryState();
    for (auto it = m_toggles.cbegin(); it != m_toggles.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(state.statusFilter().contains(it.key()));
    }
    m_exportFiltered->setEnabled(state.isFiltered());
    m_exportFiltered->setToolTip(state.isFiltered()
                                     ? tr("Export the items with the statuses chosen above")
                                     : tr("Choose statuses above first"));
    QHeaderView *header = m_table->horizontalHeader();
    const QSignalBlocker blocker(header);
    header->setSortIndicator(state.hasSort() ? state.sortColumn() : -1, state.sortOrder());
}

void ItemsPanel::onSortIndicatorChanged(int column, Qt::SortOrder order) {
    if (!m_pager)
        return;
    if (BatchItemsModel::sortField(column).isEmpty()) {
        StatusNotices::post(tr("ICA can sort items by item ID, data ID or status only."));
        syncFromPager(); // puts the indicator back where the pager's sort is
        return;
    }
    const bool wasCursor = m_pager->queryState().mode() == ItemsQueryState::Mode::Cursor;
    if (m_pager->setSort(column, order) && wasCursor)
        StatusNotices::post(tr("Switched to numbered pages: cursor pages cannot be sorted."));
}

void ItemsPanel::onStatusToggled(ItemStatus::Value status, bool on) {
    if (!m_pager)
        return;
    ItemsQueryState state = m_pager->queryState();
    if (state.setStatusFiltered(status, on))
        m_pager->setQueryState(state);
}

void ItemsPanel::onSelectionChanged() {
    const QList<int> rows = selectedModelRows();
    const QString item = (rows.size() == 1 && m_model && rows.first() < m_model->rowCount())
                             ? m_model->itemAt(rows.first()).id
                             : QString();
    if (item == m_currentItem)
        return;
    m_currentItem = item;
    Q_EMIT currentItemChanged(item);
}

void ItemsPanel::copySelectedDataIds() {
    if (!m_model)
        return;
    const QList<int> rows = selectedModelRows();
    if (rows.isEmpty()) {
        StatusNotices::post(tr("Select the items whose data IDs you want to copy."));
        return;
    }
    QStringList ids;
    ids.reserve(rows.size());
    for (const int row : rows)
        ids.append(m_model->itemAt(row).request.dataId);
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    StatusNotices::post(ids.size() == 1
                            ? tr("1 data ID copied to the clipboard.")
                            : tr("%1 data IDs copied to the clipboard.").arg(ids.size()));
}

} // namespace ica::ui
