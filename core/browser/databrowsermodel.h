#pragma once

#include "api/apierror.h"
#include "api/dataapi.h"
#include "api/pageguard.h"
#include "datafilter.h"
#include "domain/projectdata.h"
#include "models/keyedrows.h"
#include "projectdatarows.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <optional>

namespace ica {

class ApiCall;

/// One folder of a project (or, with a recursive filter, everything below it that
/// matches) as a flat table, loaded lazily from ICA's data listing.
///
/// Why a table of one folder and not a tree: the browser shows a folder at a time
/// with breadcrumbs (BrowserNavigator), and every question ICA answers is "this
/// folder, this filter, this sort", paged. A tree would keep thousands of rows of
/// folders the user left, could not show a recursive search (its hits have no
/// common parent) and would need paging per node. So the model holds the answer to
/// one question; navigation changes the question.
///
/// Loading: a new question (project, folder, filter, sort) replaces the rows with a
/// reset and reads the first page; canFetchMore()/fetchMore() read the following
/// pages (pageSize() rows, appended in one block each). Unsorted listings use cursor
/// paging (complete and unique); a header sort (sort()) is done by the server and
/// needs offset paging, which may repeat rows (dropped) and stops at 200,000 rows.
/// Large answers are decoded off the GUI thread by the api layer.
///
/// Refreshing: refresh() asks the same question again for the rows loaded and
/// applies the difference through the one keyed diff engine (KeyedRows: rows removed
/// and inserted in blocks, the fewest row moves when the order changed, dataChanged
/// for changed cells), never a reset. refreshRows() re-reads just some rows (after a
/// batch changed their tags). A big difference is computed off the GUI thread and
/// applied in slices: rowsSettled() says when the rows are final (isSettled()).
class DataBrowserModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataBrowserModel)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
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

    enum Role {
        /// Raw value for sorting: QString for text, qint64 bytes for the size (none for
        /// folders), QDateTime for the modified time, 0 folder / 1 file for the type.
        SortRole = Qt::UserRole + 1,
        DataIdRole,   ///< the row's data ID, in every column
        IsFolderRole, ///< bool, in every column
        PathRole,     ///< the row's full path, in every column
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

    /// `client` is not owned and must outlive the model.
    explicit DataBrowserModel(ApiClient *client, QObject *parent = nullptr);
    ~DataBrowserModel() override;

    // --- The question --------------------------------------------------------------
    /// Shows `folderPath` ("/" for the root) of `projectId`. Empty project: no rows.
    void setLocation(const QString &projectId, const QString &folderPath);
    /// Another project, at its root.
    void setProject(const QString &projectId) { setLocation(projectId, QStringLiteral("/")); }
    /// Another folder of the same project.
    void setFolder(const QString &folderPath) { setLocation(m_projectId, folderPath); }
    [[nodiscard]] const QString &projectId() const { return m_projectId; }
    [[nodiscard]] const QString &folderPath() const { return m_folderPath; }

    /// Asks again with `filter`. False, with a statusMessage() saying what is wrong,
    /// when filter.validate() finds a problem: the current rows stay.
    bool setFilter(const DataFilter &filter);
    [[nodiscard]] const DataFilter &filter() const { return m_filter; }
    /// True when the rows come from a recursive search below the folder.
    [[nodiscard]] bool isRecursiveListing() const { return m_filter.isRecursiveListing(); }

    /// Rows per page, 1..1000; takes effect with the next page read.
    bool setPageSize(int size);
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    /// Server-side sort (offset paging); a column ICA cannot sort on is ignored with a
    /// statusMessage(). Asks the question again from the first page.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// Back to the server's own order (cursor paging).
    void clearSort();
    /// The sorted column, or -1.
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// True for the columns ICA's listing can sort on (its `sort` parameter).
    [[nodiscard]] static bool canSort(int column) { return !sortField(column).isEmpty(); }
    /// The `sort` field of a column (name, path, dataType, format, fileSizeInBytes,
    /// status, timeModified), empty for the tag columns.
    [[nodiscard]] static QString sortField(int column);

    // --- QAbstractItemModel --------------------------------------------------------
    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    /// Rows can be dragged (onto the composer): every valid index is drag-enabled.
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// DataIdsMime::type() and text/plain.
    [[nodiscard]] QStringList mimeTypes() const override;
    /// DataIdsMime of the unique data IDs of the rows of `indexes`, in row order.
    [[nodiscard]] QMimeData *mimeData(const QModelIndexList &indexes) const override;
    /// More pages exist and none is being read.
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent = QModelIndex()) const override;
    /// Reads the next page (asynchronous; rows are appended when it arrives).
    void fetchMore(const QModelIndex &parent = QModelIndex()) override;

    // --- Loading -------------------------------------------------------------------
    [[nodiscard]] bool isLoading() const { return m_operation != Operation::None; }
    /// Every row of the question is loaded.
    [[nodiscard]] bool isComplete() const { return m_answered && m_atEnd; }
    /// Rows expected in all: the total (offset paging) or rows loaded plus ICA's
    /// estimate of the rest (cursor paging); nothing before the first answer.
    [[nodiscard]] std::optional<qint64> expectedCount() const;
    /// "3,000 items", "1,000 of about 3,500 loaded", "Loading…".
    [[nodiscard]] QString positionText() const;
    [[nodiscard]] const ApiError &lastError() const { return m_lastError; }

    /// Asks the question again for the rows loaded and applies the difference (never a
    /// reset). While a page is being read, the refresh follows it. False without a project.
    bool refresh();
    /// Asks the question again from scratch (reset, first page).
    void reload();
    /// Re-reads the rows of `dataIds` that are loaded (those not loaded are ignored):
    /// changed cells get dataChanged, rows that no longer match the question (deleted,
    /// or a tag filter no longer holds) are removed. Emits rowsRefreshed() when done.
    void refreshRows(const QStringList &dataIds);
    /// Stops reading pages; the rows loaded stay.
    void cancel();

    // --- Rows ----------------------------------------------------------------------
    /// Row of a data ID, or -1. O(1) between updates; right while one is applied too.
    [[nodiscard]] int rowOf(const QString &dataId) const { return m_rows.rowOf(dataId); }
    /// The data of a valid row.
    [[nodiscard]] const ProjectData &itemAt(int row) const { return m_rows.at(row); }
    /// Every row, in order: only while isSettled().
    [[nodiscard]] const QList<ProjectData> &items() const { return m_rows.rows(); }
    /// No difference is waiting or being applied to the rows.
    [[nodiscard]] bool isSettled() const { return m_rows.isSettled(); }

    /// Bit i set: column i shows something different for `a` and `b`.
    [[nodiscard]] static quint32 changedColumns(const ProjectData &a, const ProjectData &b);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A call failed; the rows loaded stay.
    void errorOccurred(const ica::ApiError &error);
    /// Something the main window shows in its status bar.
    void statusMessage(const QString &message);
    /// Every answer's data, as received (for TagCatalog::learnData()).
    void dataReceived(const QList<ica::ProjectData> &items);
    /// Project, folder, filter or sort changed (rows were reset).
    void questionChanged();
    /// A page or a refresh was applied to the rows.
    void pageApplied();
    /// refreshRows() finished (its rows are applied): `dataIds` are the loaded IDs it
    /// read again.
    void rowsRefreshed(const QStringList &dataIds);
    /// Every page and difference handed to the rows so far is applied (after the last
    /// slice of one applied in slices; at once for a small one).
    void rowsSettled();

private:
    enum class Operation { None, First, Next, Refresh };

    void askNewQuestion();
    [[nodiscard]] DataQuery baseQuery() const;
    [[nodiscard]] bool offsetMode() const { return m_sortColumn >= 0; }
    [[nodiscard]] PageRequest nextPageRequest() const;
    void requestPage(Operation operation, const PageRequest &page);
    void onPage(quint64 serial, const Result<ProjectDataPage> &result);
    void notePaging(const ProjectDataPage &page);
    void appendRows(const QList<ProjectData> &items);
    void finishRefresh();
    void applyDiff(const QList<ProjectData> &target);
    void onRowsRefreshed(quint64 serial, const QStringList &asked,
                         const Result<QList<ProjectData>> &result);
    void setOperation(Operation operation);
    void stopInFlight();
    void fail(const ApiError &error, const QString &what);
    /// Drops repeated IDs (offset paging) and the listed folder itself (recursive).
    [[nodiscard]] QList<ProjectData> cleaned(QList<ProjectData> items) const;
    [[nodiscard]] QVariant displayValue(const ProjectData &data, int column) const;
    [[nodiscard]] QVariant sortValue(const ProjectData &data, int column) const;

    ApiClient *m_client;
    QString m_projectId;
    QString m_folderPath = QStringLiteral("/");
    DataFilter m_filter;
    int m_pageSize = DefaultPageSize;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    /// The rows; every change to them goes through the keyed diff engine.
    KeyedRows<ProjectDataTraits> m_rows{this, ProjectDataTraits()};

    quint64 m_serial = 0;     ///< of the question; answers to older ones are dropped
    quint64 m_pageSerial = 0; ///< of the page request awaited
    QPointer<ApiCall> m_call;
    Operation m_operation = Operation::None;
    bool m_refreshPending = false;
    bool m_answered = false;
    bool m_atEnd = false;
    QString m_nextToken;               ///< cursor paging
    qint64 m_nextOffset = 0;           ///< offset paging: rows asked for so far
    qint64 m_total = -1;               ///< offset paging
    std::optional<qint64> m_remaining; ///< cursor paging, ICA's estimate
    int m_pagesRead = 0;
    /// Cursor tokens seen since the question was asked, so paging cannot loop.
    PageGuard m_guard;
    /// Pages in a row that added no row (a server repeating itself); see onPage().
    int m_pagesWithoutNewRows = 0;
    int m_requestedSize = DefaultPageSize; ///< page size of the request awaited

    // A refresh reads the pages again: what came so far and how many pages are left.
    QList<ProjectData> m_refreshRows;
    int m_refreshPagesLeft = 0;
    QString m_refreshToken;
    qint64 m_refreshOffset = 0;

    ApiError m_lastError;
};

} // namespace ica
