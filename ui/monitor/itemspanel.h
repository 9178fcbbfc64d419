#pragma once

#include "core/domain/statuses.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace ica {
class BatchItemsModel;
class ItemsFilterProxy;
class ItemsPager;
} // namespace ica

namespace ica::ui {

class ItemsTableView;
class PagingBar;
class StatusDotDelegate;

/// The items of the batch: one toggle per item status (sent as `status`
/// parameters), the table (status with a coloured dot; header clicks sort on the
/// server), the page controls, "Copy data IDs" (Ctrl+C in the table too) and
/// "New draft from FAILED items" (the view does the work; this panel asks).
///
/// "Export…" offers every item of the batch or those the status filter shows (the
/// view does the work; this panel asks).
///
/// Client-side filters (ItemsFilterProxy, on the rows loaded): a text field filters
/// by the data's name or path; a failure reason chosen in the failure summary shows
/// as a removable chip. While one is set the table shows the filter proxy (attached
/// to the model only then), otherwise the model itself; rows handed out (selection, copy) are
/// always the model's rows.
///
/// objectNames: itemsView, nameFilterField, reasonChip, statusFilter_<ITEM_STATUS> (e.g.
/// statusFilter_FAILED), copyDataIdsButton, newDraftFromFailedButton, exportButton (its menu:
/// exportAllItemsAction, exportFilteredItemsAction), plus those of PagingBar.
class ItemsPanel final : public QWidget {
    Q_OBJECT
public:
    /// `model` is not owned; it is what the table shows.
    explicit ItemsPanel(BatchItemsModel *model, QWidget *parent = nullptr);

    /// The pager the filter, sort and page controls drive (not owned); null: none.
    void setPager(ItemsPager *pager);
    [[nodiscard]] ItemsTableView *table() const { return m_table; }
    [[nodiscard]] PagingBar *pagingBar() const { return m_paging; }
    [[nodiscard]] QToolButton *statusToggle(ItemStatus::Value status) const {
        return m_toggles.value(status);
    }
    /// The client-side filters (name text, failure reason).
    [[nodiscard]] ItemsFilterProxy *filterProxy() const { return m_proxy; }
    [[nodiscard]] QLineEdit *nameFilterField() const { return m_nameFilter; }
    /// Shows only the rows whose failure reason (FailureSummary::reasonOf) is `reason`,
    /// with a chip saying so; `on` false removes it.
    void setReasonFilter(bool on, const QString &reason = QString());
    /// The model rows selected in the table, ascending (mapped through the filter).
    [[nodiscard]] QList<int> selectedModelRows() const;
    /// Turns the "New draft from FAILED items" button on or off, saying why.
    void setDraftEnabled(bool enabled, const QString &toolTip);
    /// "Undo this batch…" (undoBatchButton).
    void setUndoEnabled(bool enabled, const QString &toolTip);

public Q_SLOTS:
    /// Copies the data IDs of the selected rows, one per line, in table order.
    void copySelectedDataIds();

Q_SIGNALS:
    /// The user asked for a new draft from the FAILED items.
    void newDraftRequested();
    void undoRequested();
    /// The user asked to export the batch's items: all, or (`filtered`) those with
    /// the statuses the filter shows.
    void exportRequested(bool filtered);
    /// The current item changed: its ID when exactly one row is selected, else empty.
    void currentItemChanged(const QString &itemId);

private:
    void syncFromPager();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void onStatusToggled(ItemStatus::Value status, bool on);
    void onSelectionChanged();
    /// Shows the proxy while a client-side filter is set, the model otherwise.
    void updateTableModel();
    /// Shows the proxy (`filtered`) or the model.
    void showTableModel(bool filtered);
    void applyColumnLayout();

    QPointer<BatchItemsModel> m_model;
    QPointer<ItemsPager> m_pager;
    QList<QMetaObject::Connection> m_connections;
    ItemsTableView *m_table;
    PagingBar *m_paging;
    StatusDotDelegate *m_statusDelegate;
    ItemsFilterProxy *m_proxy;
    QLineEdit *m_nameFilter;
    QTimer *m_nameFilterDelay; ///< filters once typing pauses, not on every key
    QToolButton *m_reasonChip;
    QMetaObject::Connection m_selectionConnection;
    QHash<ItemStatus::Value, QToolButton *> m_toggles;
    QToolButton *m_copy;
    QToolButton *m_draft;
    QToolButton *m_undo;
    QToolButton *m_export;
    QAction *m_exportFiltered;
    QString m_currentItem;
};

} // namespace ica::ui
