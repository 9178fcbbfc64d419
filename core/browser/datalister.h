#pragma once

#include "core/api/apierror.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datafilter.h"
#include "core/domain/projectdata.h"
#include "core/rows/listingfeed.h"

#include <QStringList>

#include <optional>

namespace ica {

class ApiClient;

/// Asks ICA's data listing the browser's question and feeds a passive
/// DataBrowserModel with the answers: the browser's KCoreDirLister to the model's
/// KDirModel (see core/rows/pagedloader.h).
///
/// The question is one folder of a project (or, with a recursive filter, everything
/// below it that matches), a filter and a sort. A new question replaces the rows with
/// a reset at once and reads the first page; fetchMore() (reached through the
/// model's canFetchMore()/fetchMore(), so QTableView fetches lazily) reads the
/// following pages. Unsorted listings use cursor paging (complete and unique); a
/// header sort is done by the server and needs offset paging, which may repeat rows
/// (dropped) and stops at 200,000 rows.
///
/// refresh() asks the same question again for the rows loaded and the model applies
/// the difference, never a reset; refreshRows() re-reads just some rows (after a
/// batch changed their tags). Status text ("1,000 of about 3,500 loaded") is made
/// here, not in the model.
class DataLister final : public ListingFeed<ProjectData, DataBrowserModel>,
                         public DataBrowserPager {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataLister)
public:
    /// Neither is owned; `client` must outlive the lister. The model's lazy fetching
    /// and header sort are routed here while both live.
    DataLister(ApiClient *client, DataBrowserModel *model, QObject *parent = nullptr);
    ~DataLister() override;

    // --- The question --------------------------------------------------------------
    /// Shows `folderPath` ("/" for the root) of `projectId`. Empty project: no rows.
    void setLocation(const QString &projectId, const QString &folderPath);
    /// Another project, at its root.
    void setProject(const QString &projectId) { setLocation(projectId, QStringLiteral("/")); }
    /// Another folder of the same project.
    void setFolder(const QString &folderPath) { setLocation(m_projectId, folderPath); }
    [[nodiscard]] const QString &projectId() const { return m_projectId; }
    [[nodiscard]] const QString &folderPath() const { return m_folderPath; }

    /// Asks again with `filter`. False, with a StatusNotices post saying what is wrong,
    /// when filter.validate() finds a problem: the current rows stay.
    bool setFilter(const DataFilter &filter);
    [[nodiscard]] const DataFilter &filter() const { return m_filter; }
    /// The listing's parameters now (folder, filter, sort; no page): what an export
    /// of the listing asks.
    [[nodiscard]] DataQuery query() const;
    /// True when the rows come from a recursive search below the folder.
    [[nodiscard]] bool isRecursiveListing() const { return m_filter.isRecursiveListing(); }

    /// Rows per page, 1..1000; takes effect with the next page read.
    bool setPageSize(int size);
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    /// Server-side sort (offset paging); a column ICA cannot sort on is ignored with a
    /// StatusNotices post. Asks the question again from the first page.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// Back to the server's own order (cursor paging).
    void clearSort();
    /// The sorted column, or -1.
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // --- Loading -------------------------------------------------------------------
    /// More pages exist and none is being read.
    [[nodiscard]] bool canFetchMore() const override;
    /// Reads the next page (asynchronous; rows are appended when it arrives).
    void fetchMore() override;
    /// Every row of the question is loaded (or no more can be: an error ended it).
    [[nodiscard]] bool isComplete() const { return m_loader.atEnd(); }
    /// Rows expected in all: the total (offset paging) or rows loaded plus ICA's
    /// estimate of the rest (cursor paging); nothing before the first answer.
    [[nodiscard]] std::optional<qint64> expectedCount() const;
    /// "3,000 items", "1,000 of about 3,500 loaded", "Loading…".
    [[nodiscard]] QString positionText() const;
    [[nodiscard]] const ApiError &lastError() const { return m_lastError; }

    /// Asks the question again for the rows loaded and has the model apply the
    /// difference (never a reset). While a page is being read, the refresh follows
    /// it. False without a project.
    bool refresh();
    /// Asks the question again from scratch (reset, first page).
    void reload();
    /// Re-reads the rows of `dataIds` that are loaded (those not loaded are ignored):
    /// changed cells get dataChanged, rows that no longer match the question (deleted,
    /// or a tag filter no longer holds) are removed. Emits rowsRefreshed() when done.
    void refreshRows(const QStringList &dataIds);

Q_SIGNALS:
    /// A call failed; the rows loaded stay.
    void errorOccurred(const ica::ApiError &error);
    /// Every answer's data, as received (for TagCatalog::learnData()).
    void dataReceived(const QList<ica::ProjectData> &items);
    /// Project, folder, filter or sort changed (rows were reset).
    void questionChanged();
    /// refreshRows() finished: `dataIds` are the loaded IDs it read again.
    void rowsRefreshed(const QStringList &dataIds);

private:
    void askNewQuestion();
    [[nodiscard]] bool offsetMode() const { return m_sortColumn >= 0; }
    /// The first page was answered, or failed (nothing more to read until reload()).
    [[nodiscard]] bool answered() const { return m_loader.isAnswered() || m_loader.atEnd(); }
    [[nodiscard]] qint64 loadedCount() const { return m_model ? m_model->rowCount() : 0; }
    void onLoaderError(const ApiError &error);
    void fail(const ApiError &error, const QString &what);

    ApiClient *m_client;
    QString m_projectId;
    QString m_folderPath = QStringLiteral("/");
    DataFilter m_filter;
    int m_pageSize = DataBrowserModel::DefaultPageSize;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    quint64 m_question =
        0; ///< serial of the question; refreshRows() answers to older ones are dropped
    ApiError m_lastError;
};

} // namespace ica
