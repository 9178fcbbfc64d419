#pragma once

#include "core/data/datanames.h"
#include "core/domain/batch.h"
#include "core/monitor/compactitem.h"
#include "core/monitor/namewalk.h"
#include "core/rows/keyedtablemodel.h"

#include <QList>
#include <QPointer>

namespace ica {

/// The items of one batch as a table, fed by ItemsPager. Updates are incremental:
/// applyPage() and appendPage() hand the server's answer to the one keyed diff engine
/// (KeyedRows), which computes off the GUI thread what is true (rows removed and
/// inserted in contiguous blocks, the fewest single-row moves where the server's
/// order changed, dataChanged for the changed cells) and applies it in slices of a
/// few milliseconds. A reset (setItems()/clear()) is for a new question only:
/// another batch, filter, sort, page or paging mode.
///
/// Asynchronous: applyPage()/appendPage() of more than
/// RowDiffRunner::DefaultInlineLimit rows return before the rows change; settled()
/// says when every update handed in is applied (isSettled() in between is false).
/// Smaller updates with nothing pending are applied before the call returns.
///
/// Compact: a row is a CompactItem (~88 bytes: IDs packed, tag lists and texts stored
/// once per model, the status an enum); display values are built when asked for.
///
/// GUI-free: no colours or icons. StatusRole hands the ItemStatus value to the
/// ui layer, which paints; SortRole gives raw values for a sort proxy.
class BatchItemsModel final : public KeyedTableModel<CompactItemTraits> {
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
        /// The data's name and path, resolved through the DataNameCache (not part of
        /// the rows: they arrive later and update with dataChanged on these columns).
        NameColumn,
        PathColumn,
        ColumnCount ///< sentinel: number of columns
    };
    Q_ENUM(Column)

    // SortRole: QString for IDs, text and tags (joined with ", "), the status's
    // lifecycle rank (int), QDateTime for dates.
    enum Role {
        /// The row's ItemStatus::Value (int), in every column: icon and colour in the ui.
        StatusRole = FirstModelRole,
        /// The row's item ID, in every column.
        ItemIdRole,
        /// True when the row's status is terminal (UPDATED, PARTIALLY_UPDATED, FAILED).
        TerminalRole,
        /// DataName::State (int) of the row's data, on the Name and Path columns: the
        /// ui greys "not found".
        NameStateRole,
    };
    Q_ENUM(Role)

    explicit BatchItemsModel(QObject *parent = nullptr);
    ~BatchItemsModel() override;

    /// Makes the rows equal to `items` (in that order) with the smallest true
    /// notifications; never a reset. Repeated IDs after the first are ignored.
    /// Asynchronous for big lists: see settled().
    void applyPage(const QList<BatchItem> &items);
    /// applyPage() of a listing read in pages: the pages, in order, joined off the GUI
    /// thread (a 100,000-row window is never copied or joined on the calling thread).
    void applyPages(QList<QList<BatchItem>> pages);
    /// Appends the rows of a further page (cursor "next"/"load all"): new IDs are
    /// inserted at the end in one block, IDs already shown are updated in place.
    /// Asynchronous for big pages: see settled().
    void appendPage(const QList<BatchItem> &items);
    /// Replaces everything with a reset, at once: for a new question only.
    void setItems(const QList<BatchItem> &items);
    /// Removes every row with a reset, at once (another batch, filter, sort, page or mode).
    void clear();

    /// Row of an item ID, or -1. O(1) between updates; right while one is applied too.
    [[nodiscard]] int rowOf(const QString &itemId) const;
    /// The item of a row (valid rows only), rebuilt from the compact row.
    [[nodiscard]] BatchItem itemAt(int row) const;
    /// All rows, in order, rebuilt (O(n): for tests and exports).
    [[nodiscard]] QList<BatchItem> items() const;

    /// Where the Name and Path columns come from (not owned; null: the columns stay
    /// empty) and the project the data IDs belong to. Asks for the names of the rows.
    void setNameSource(DataNameCache *cache, const QString &projectId);
    [[nodiscard]] DataNameCache *nameSource() const { return m_names; }
    [[nodiscard]] QString nameProjectId() const { return m_projectId; }
    /// The name answer of a row's data (valid rows), or null when none came yet.
    /// One look-up, no copy: for filters running over every row.
    [[nodiscard]] const DataName *nameAt(int row) const;
    /// The packed data ID of a row (valid rows): what the name filter matches on.
    [[nodiscard]] const PackedText &packedDataIdAt(int row) const { return m_rows.at(row).dataId; }
    /// Where pooled IDs' texts live (thread-safe).
    [[nodiscard]] const ItemValuePool &valuePool() const { return *m_rows.traits().pool; }
    /// Asks the cache for the names of the rows' data IDs not asked for yet, off the
    /// GUI thread (NameWalk: the rows' packed IDs copied, the distinct new ones found
    /// on a worker). Called after each page is applied; throttled.
    void requestNames();
    /// No name walk is waiting or under way (names may still be in flight in the cache).
    [[nodiscard]] bool isNameWalkIdle() const { return m_nameWalk.isIdle(); }

    /// Server-side `sort` field of a column, or an empty string when ICA cannot sort on it.
    [[nodiscard]] static QString sortField(int column);
    /// A readable label of a status ("Waiting for resources"); the raw text when unknown.
    [[nodiscard]] static QString statusLabel(const ItemStatus &status);
    /// Bit i set: column i differs between `a` and `b`.
    [[nodiscard]] static quint32 changedColumns(const BatchItem &a, const BatchItem &b);

private:
    [[nodiscard]] QVariant rowData(const CompactItem &item, int column, int role) const override;
    [[nodiscard]] QVariant displayValue(const CompactItem &item, int column) const;
    [[nodiscard]] QVariant sortValue(const CompactItem &item, int column) const;
    [[nodiscard]] QVariant nameData(const CompactItem &item, int column, int role) const;
    void onNamesResolved(const QString &projectId);

    QPointer<DataNameCache> m_names;
    QString m_projectId;
    QMetaObject::Connection m_namesConnection;
    NameWalk m_nameWalk;
    bool m_namesDirty = false; ///< names arrived: one dataChanged on the next turn
};

} // namespace ica
