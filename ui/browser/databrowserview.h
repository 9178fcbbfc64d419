#pragma once

#include "core/domain/tagkind.h"

#include <QPointer>
#include <QTableView>

class QAction;
class QMenu;

namespace ica {
class DataBrowserModel;
class DataLister;
} // namespace ica

namespace ica::ui {

/// The data browser's table (objectName "dataTable"), showing a DataBrowserModel:
/// whole rows selected (extended selection), fixed row heights so that tens of
/// thousands of rows scroll smoothly, rows draggable onto the composer (their data
/// IDs, DataIdsMime), the next page read when scrolled to the end (the model's
/// fetchMore(), asked by QAbstractItemView).
///
/// Sorting is done by ICA: a header click calls DataBrowserModel::sort(); a column
/// ICA cannot sort on (tags) is refused with problem() and the indicator
/// returns to the model's sort. The header's context menu ("columnMenu") shows or
/// hides columns (one checkable action "showColumn_<n>" per column; the last
/// visible column stays) and offers "Use ICA's order" ("clearSortAction").
/// Double-click or Enter on a row asks openRequested() (the browser opens folders).
/// The context menu of a tags cell offers "Rename tag “X”…" for each of its tags
/// (renameTagRequested()).
class DataBrowserView final : public QTableView {
    Q_OBJECT
public:
    explicit DataBrowserView(QWidget *parent = nullptr);

    /// Keeps the column layout (widths, order, hidden columns) across models and
    /// shows the new model's sort. Meant for a DataBrowserModel (or null).
    void setModel(QAbstractItemModel *model) override;
    /// What asks the model's questions: the sort shown and "clear sort" are its.
    /// Call after setModel(); null: none.
    void setLister(ica::DataLister *lister);

    /// The header's state (widths, order, hidden columns) for the settings.
    [[nodiscard]] QByteArray saveColumnState() const;
    /// Restores saveColumnState(); false (nothing changed) for unusable data. Without
    /// a model the state is kept and applied to the next one. The sort indicator keeps
    /// showing the model's sort: a saved sort is not applied, since a sorted listing
    /// pages differently (see DataBrowserModel).
    bool restoreColumnState(const QByteArray &state);
    [[nodiscard]] QMenu *columnMenu() const { return m_columnMenu; }

    /// A new menu (a child of the view; delete it when done) for the cell at `index`: one "Rename
    /// tag…" action per tag of a user or technical tags cell; null for any other cell or no tags.
    [[nodiscard]] QMenu *tagMenu(const QModelIndex &index);

    /// The selected rows, ascending.
    [[nodiscard]] QList<int> selectedRowNumbers() const;
    /// IDs a drag carries instead of those of the selected rows (while "all
    /// matching items" are selected, more than the rows loaded); empty: the rows'.
    void setDragOverride(const QStringList &ids) { m_dragOverride = ids; }

public Q_SLOTS:
    /// Shows the model's sort column and order in the header.
    void syncSortIndicator();

Q_SIGNALS:
    /// Double-click or Enter on `index`.
    void openRequested(const QModelIndex &index);
    /// Something to tell the user (a sort ICA cannot do).
    void problem(const QString &message);
    /// "Rename tag…" chosen on a tag in the context menu of a tags cell.
    void renameTagRequested(ica::TagKind kind, const QString &tag);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    [[nodiscard]] DataBrowserModel *browserModel() const;
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void buildColumnMenu();
    void updateColumnMenu();
    void setColumnShown(int column, bool shown);
    void applyDefaultWidths();

    QMenu *m_columnMenu;
    QAction *m_clearSort;
    QList<QAction *> m_columnActions;
    QStringList m_dragOverride;
    QPointer<DataLister> m_lister;
    QMetaObject::Connection m_questionConnection;
    QByteArray m_state; ///< the column layout to apply when a model comes
};

} // namespace ica::ui
