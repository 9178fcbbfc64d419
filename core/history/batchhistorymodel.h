#pragma once

#include "core/rows/keyedtablemodel.h"
#include "core/store/batchrecord.h"

#include <QHash>
#include <QList>

namespace ica {

class BatchHistoryModel;
/// KeyedRows traits of the history: records keyed by profile and batch ID.
using BatchRecordTraits = ValueRowTraits<BatchRecord, BatchHistoryModel>;

/// The batch history (StoreWorker::listBatches) as a table. Fed by
/// BatchHistoryFeed; setRecords() hands each new listing to the one keyed diff engine
/// (KeyedRows), which emits only what is true (rows removed, rows appended,
/// dataChanged for the changed cells), so selection and scroll position survive a
/// refresh. A listing of more than RowDiffRunner::DefaultInlineLimit rows is
/// computed off the GUI thread and applied in slices: settled() says when. A reset
/// (resetRecords()) is for a new question only: another profile.
///
/// GUI-free: no colours. JobStatusRole hands the JobStatus value to the ui layer,
/// which paints; SortRole gives raw values for BatchHistoryFilterModel.
class BatchHistoryModel final : public KeyedTableModel<BatchRecordTraits> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchHistoryModel)
public:
    // SortRole: the status's lifecycle rank (int), QDateTime for times, the done
    // fraction (double) for items, text otherwise.
    enum Role {
        /// The row's JobStatus::Value (int), on the status column.
        JobStatusRole = FirstModelRole,
        /// The row's batch ID, in every column.
        BatchIdRole,
        /// The row's project ID, in every column.
        ProjectIdRole,
        /// The row's profile ID, in every column.
        ProfileIdRole,
    };
    Q_ENUM(Role)

    enum Column {
        StatusColumn,
        ProjectColumn,
        CreatedColumn,
        SummaryColumn,
        ItemsColumn,
        BatchIdColumn,
        OriginColumn,
        LastCheckedColumn,
        ColumnCount ///< sentinel: number of columns
    };
    Q_ENUM(Column)

    explicit BatchHistoryModel(QObject *parent = nullptr);

    /// Makes the rows equal to `records` with the smallest true notifications,
    /// never a reset: rows that left are removed (in contiguous blocks), changed
    /// rows get dataChanged on the changed columns, new rows are appended in one
    /// block in the order given. Rows are keyed by profile and batch ID; a repeated
    /// key: the last one wins.
    void setRecords(const QList<BatchRecord> &records);
    /// Replaces everything with a reset: for another profile only.
    void resetRecords(const QList<BatchRecord> &records);

    /// Row of a batch, or -1. O(1) between updates; right inside the slots of the row
    /// signals too.
    [[nodiscard]] int rowOf(const QString &profileId, const QString &batchId) const;
    /// The record of a row (valid rows only).
    [[nodiscard]] const BatchRecord &recordAt(int row) const { return m_rows.at(row); }
    /// Every row, in order: only while isSettled().
    [[nodiscard]] const QList<BatchRecord> &records() const { return m_rows.rows(); }

    /// Project names by ID (the project catalog's), shown for records that have no
    /// name of their own (batches opened by ID, older records): the Project column
    /// shows a name, not a UUID, once the catalog knows it. Announced with one
    /// dataChanged on the Project column.
    void setProjectNames(const QHash<QString, QString> &names);
    /// The name shown for a record's project: its own, the catalog's, or its ID.
    [[nodiscard]] QString projectNameOf(const BatchRecord &record) const;

    /// A readable label of a job status ("Partially succeeded"); the raw text when
    /// unknown, "Not checked yet" when empty.
    [[nodiscard]] static QString jobStatusLabel(const JobStatus &status);
    /// "40 of 45 done"; empty when the counts are unknown.
    [[nodiscard]] static QString itemsText(const BatchRecord &record);
    /// Bit i set: column i differs between `a` and `b`.
    [[nodiscard]] static quint32 changedColumns(const BatchRecord &a, const BatchRecord &b);
    /// The row key of a record: its profile and batch ID.
    [[nodiscard]] static QString keyOf(const BatchRecord &record);

private:
    [[nodiscard]] QVariant rowData(const BatchRecord &record, int column, int role) const override;
    [[nodiscard]] QVariant displayValue(const BatchRecord &record, int column) const;
    [[nodiscard]] QVariant sortValue(const BatchRecord &record, int column) const;
    [[nodiscard]] QVariant toolTip(const BatchRecord &record, int column) const;

    QHash<QString, QString> m_projectNames;
};

} // namespace ica
