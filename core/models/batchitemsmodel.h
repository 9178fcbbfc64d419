#pragma once

#include "domain/batch.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace ica {

/// The items of one batch as a table, fed by ItemsPager. Updates are incremental:
/// applyPage() diffs the server's answer against the rows shown and emits only
/// what is true (rows removed and inserted in contiguous blocks, single-row moves
/// where the server's order changed, dataChanged for the changed cells). A reset
/// (setItems()/clear()) is for a new question only: another batch, filter, sort,
/// page or paging mode.
///
/// GUI-free: no colours or icons. StatusRole hands the ItemStatus value to the
/// ui layer, which paints; SortRole gives raw values for a sort proxy.
class BatchItemsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchItemsModel)
public:
    enum Column {
        ItemIdColumn,
        DataIdColumn,
        StatusColumn,
        AdditionalInformationColumn,
        UserTagsAddedColumn,
        UserTagsRemovedColumn,
        TechnicalTagsAddedColumn,
        TechnicalTagsRemovedColumn,
        ArchiveDateColumn,
        DeleteDateColumn,
        ColumnCount ///< sentinel: number of columns
    };
    Q_ENUM(Column)

    enum Role {
        /// Raw value of the cell for sorting: QString for IDs, text and tags (joined
        /// with ", "), the status's lifecycle rank (int), QDateTime for dates.
        SortRole = Qt::UserRole + 1,
        /// The row's ItemStatus::Value (int), in every column: icon and colour in the ui.
        StatusRole,
        /// The row's item ID, in every column.
        ItemIdRole,
        /// True when the row's status is terminal (UPDATED, PARTIALLY_UPDATED, FAILED).
        TerminalRole,
    };
    Q_ENUM(Role)

    explicit BatchItemsModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Makes the rows equal to `items` (in that order) with the smallest true
    /// notifications; never a reset. Repeated IDs after the first are ignored.
    void applyPage(const QList<BatchItem> &items);
    /// Appends the rows of a further page (cursor "next"/"load all"): new IDs are
    /// inserted at the end in one block, IDs already shown are updated in place.
    void appendPage(const QList<BatchItem> &items);
    /// Replaces everything with a reset: for a new question only.
    void setItems(const QList<BatchItem> &items);
    /// Removes every row with a reset (another batch, filter, sort, page or mode).
    void clear();

    /// Row of an item ID, or -1. O(1). Up to date between updates (not inside the
    /// slots of the row signals that applyPage() emits).
    [[nodiscard]] int rowOf(const QString &itemId) const { return m_rowById.value(itemId, -1); }
    /// The item of a row (valid rows only).
    [[nodiscard]] const BatchItem &itemAt(int row) const;
    /// All rows, in order (between updates).
    [[nodiscard]] const QList<BatchItem> &items() const { return m_items; }

    /// Server-side `sort` field of a column, or an empty string when ICA cannot sort on it.
    [[nodiscard]] static QString sortField(int column);
    /// A readable label of a status ("Waiting for resources"); the raw text when unknown.
    [[nodiscard]] static QString statusLabel(const ItemStatus &status);
    /// Bit i set: column i differs between `a` and `b`.
    [[nodiscard]] static quint32 changedColumns(const BatchItem &a, const BatchItem &b);

private:
    [[nodiscard]] QVariant displayValue(const BatchItem &item, int column) const;
    [[nodiscard]] QVariant sortValue(const BatchItem &item, int column) const;
    [[nodiscard]] int currentRowCount() const;
    void removeRowsNotIn(const QSet<QString> &keep);
    void moveCommonRowsIntoOrder(const QList<BatchItem> &target);
    void insertNewRows(const QList<BatchItem> &target);
    void updateChangedRows(const QList<BatchItem> &target);
    void rebuildIndex(int fromRow = 0);

    // The rows shown are m_items; while applyPage() removes or inserts rows they are
    // m_built followed by m_items[m_suffixStart...], so each block costs only its
    // own rows instead of shifting the whole list (O(n) per pass, not per block).
    QList<BatchItem> m_items;
    QList<BatchItem> m_built;
    qsizetype m_suffixStart = -1; ///< -1: not splicing
    QHash<QString, int> m_rowById;
};

} // namespace ica
