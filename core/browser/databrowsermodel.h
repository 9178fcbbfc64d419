#pragma once

#include "core/domain/projectdata.h"
#include "core/rows/keyedtablemodel.h"

#include <QList>

namespace ica {

class DataBrowserModel;
/// KeyedRows traits of the browser's table: ProjectData rows keyed by data ID.
using ProjectDataTraits = ValueRowTraits<ProjectData, DataBrowserModel>;

/// What reads the rows of a DataBrowserModel (DataLister): QTableView's lazy
/// fetching (canFetchMore()/fetchMore()) and its header sort reach it through the
/// model, which only holds rows.
class DataBrowserPager {
public:
    virtual ~DataBrowserPager() = default;
    [[nodiscard]] virtual bool canFetchMore() const = 0;
    virtual void fetchMore() = 0;
    virtual void sort(int column, Qt::SortOrder order) = 0;

protected:
    DataBrowserPager() = default;
    Q_DISABLE_COPY_MOVE(DataBrowserPager)
};

/// One folder of a project (or, with a recursive filter, everything below it that
/// matches) as a flat table: the rows of the answer a DataLister got.
///
/// Why a table of one folder and not a tree: the browser shows a folder at a time
/// with breadcrumbs (BrowserNavigator), and every question ICA answers is "this
/// folder, this filter, this sort", paged. A tree would keep thousands of rows of
/// folders the user left, could not show a recursive search (its hits have no
/// common parent) and would need paging per node. So the model holds the answer to
/// one question; navigation changes the question.
///
/// Passive: the model owns no ApiClient and says nothing about loading. DataLister
/// asks the questions and hands over rows: clear() for a new question, appendRows()
/// for each page (one block each), applyDiff() after a refresh, applyRefreshedRows()
/// for some rows read again. Changes go through the one keyed diff engine
/// (KeyedRows: rows removed and inserted in blocks, the fewest row moves when the
/// order changed, dataChanged for changed cells; never a reset). A big difference is
/// computed off the GUI thread and applied in slices: settled() says when the
/// rows are final (isSettled()).
class DataBrowserModel final : public KeyedTableModel<ProjectDataTraits> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataBrowserModel)
public:
    enum Column {
        NameColumn,
        PathColumn,
        TypeColumn,
        FormatColumn,
        SizeColumn,
        StatusColumn,
        UserTagsColumn,
        TechnicalTagsColumn,
        ModifiedColumn,
        ColumnCount ///< sentinel: number of columns
    };
    Q_ENUM(Column)

    // SortRole: QString for text, qint64 bytes for the size (none for folders),
    // QDateTime for the modified time, 0 folder / 1 file for the type.
    enum Role {
        DataIdRole = FirstModelRole, ///< the row's data ID, in every column
        IsFolderRole,                ///< bool, in every column
        PathRole,                    ///< the row's full path, in every column
        /// QStringList: the user tags in UserTagsColumn, the technical tags in
        /// TechnicalTagsColumn; nothing in other columns (see the two roles below).
        TagsRole,
        UserTagsRole,      ///< QStringList, in every column
        TechnicalTagsRole, ///< QStringList, in every column
    };
    Q_ENUM(Role)

    /// Rows per page when nothing else was asked for (ICA serves at most 1,000).
    static constexpr int DefaultPageSize = 1000;
    static constexpr int MaxPageSize = 1000;

    explicit DataBrowserModel(QObject *parent = nullptr);
    ~DataBrowserModel() override;

    /// What canFetchMore()/fetchMore()/sort() go to (not owned; null: none).
    void setPager(DataBrowserPager *pager) { m_pager = pager; }
    [[nodiscard]] DataBrowserPager *pager() const { return m_pager; }

    /// Server-side sort, done by the pager (it asks the question again).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// True for the columns ICA's listing can sort on (its `sort` parameter).
    [[nodiscard]] static bool canSort(int column) { return !sortField(column).isEmpty(); }
    /// The `sort` field of a column (name, path, dataType, format, fileSizeInBytes,
    /// status, timeModified), empty for the tag columns.
    [[nodiscard]] static QString sortField(int column);

    // --- QAbstractItemModel --------------------------------------------------------
    /// The column titles, and a tooltip saying whether ICA can sort by the column.
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    /// Rows can be dragged (onto the composer): every valid index is drag-enabled.
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// DataIdsMime::type() and text/plain.
    [[nodiscard]] QStringList mimeTypes() const override;
    /// DataIdsMime of the unique data IDs of the rows of `indexes`, in row order.
    [[nodiscard]] QMimeData *mimeData(const QModelIndexList &indexes) const override;
    /// The pager has more pages and is not reading one.
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent = QModelIndex()) const override;
    /// Has the pager read the next page (rows are appended when it arrives).
    void fetchMore(const QModelIndex &parent = QModelIndex()) override;

    // --- Changes (from DataLister) ---------------------------------------------------
    /// Removes every row with a reset (a new question).
    void clear();
    /// Appends the rows whose IDs are not shown yet, in one block.
    void appendRows(const QList<ProjectData> &items);
    /// Makes the rows equal to `target` with the smallest true notifications.
    void applyDiff(const QList<ProjectData> &target);
    /// applyDiff() of a listing read in pages (joined off the GUI thread).
    void applyDiff(QList<QList<ProjectData>> pages);
    /// Some loaded rows (`asked`) were read again: `fresh` holds those still matching
    /// the question; changed cells get dataChanged, the others are removed.
    void applyRefreshedRows(const QStringList &asked, const QList<ProjectData> &fresh);

    // --- Rows ----------------------------------------------------------------------
    /// Row of a data ID, or -1. O(1) between updates; right while one is applied too.
    [[nodiscard]] int rowOf(const QString &dataId) const { return m_rows.rowOf(dataId); }
    /// The data of a valid row.
    [[nodiscard]] const ProjectData &itemAt(int row) const { return m_rows.at(row); }
    /// Every row, in order: only while isSettled().
    [[nodiscard]] const QList<ProjectData> &items() const { return m_rows.rows(); }

    /// Bit i set: column i shows something different for `a` and `b`.
    [[nodiscard]] static quint32 changedColumns(const ProjectData &a, const ProjectData &b);
    /// The row key of a data item: its ID.
    [[nodiscard]] static QString keyOf(const ProjectData &data) { return data.id; }

private:
    [[nodiscard]] QVariant rowData(const ProjectData &item, int column, int role) const override;
    [[nodiscard]] QVariant displayValue(const ProjectData &data, int column) const;
    [[nodiscard]] QVariant sortValue(const ProjectData &data, int column) const;

    DataBrowserPager *m_pager = nullptr;
};

} // namespace ica
