#pragma once

#include "core/api/apierror.h"
#include "core/api/batchapi.h"
#include "core/api/pageguard.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemsquerystate.h"
#include "core/rows/listingfeed.h"

#include <QSet>

#include <optional>

namespace ica {

class ApiCall;

/// Feeds a BatchItemsModel with the items of one batch, one question at a time:
/// batch + status filter + sort + paging (see ItemsQueryState). Offset mode shows
/// numbered pages with a total; cursor mode appends pages ("next", "load all").
///
/// A new question (another batch, filter, sort, page, page size or mode) cancels
/// whatever is in flight and replaces the rows with a reset when its answer comes;
/// an answer to an older question is never applied. refresh() asks the same
/// question again and applies the answer as a diff (never a reset). Only one
/// request is in flight at a time.
///
/// The paging itself is the app's one PagedLoader (core/rows/pagedloader.h); this class owns
/// the question (ItemsQueryState) and the numbered-page navigation of the monitor.
class ItemsPager final : public ListingFeed<BatchItem, BatchItemsModel> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemsPager)
public:
    /// Neither is owned; `model` must outlive the pager or be its child.
    ItemsPager(ApiClient *client, BatchItemsModel *model, QObject *parent = nullptr);

    /// Watches another batch (first page, same filter/sort/mode). Empty IDs: none.
    void setBatch(const QString &projectId, const QString &batchId);
    [[nodiscard]] QString projectId() const { return m_projectId; }
    [[nodiscard]] QString batchId() const { return m_batchId; }

    [[nodiscard]] const ItemsQueryState &queryState() const { return m_state; }
    /// Asks the new question when `state` differs from the current one.
    bool setQueryState(const ItemsQueryState &state);
    // Shortcuts for the setters of ItemsQueryState; each asks again when it changed.
    bool setStatusFilter(const QSet<ItemStatus::Value> &statuses);
    /// Server-side sort; switches to offset mode. False for a column ICA cannot sort on.
    bool setSort(int column, Qt::SortOrder order);
    bool clearSort();
    bool setPageSize(int size);
    bool setMode(ItemsQueryState::Mode mode);

    // Offset mode.
    void firstPage();
    void previousPage();
    void nextPage();
    /// Needs the total, known after the first answer.
    void lastPage();
    void goToPage(qint64 index);
    [[nodiscard]] qint64 pageIndex() const { return m_state.pageIndex(); }
    /// Pages over min(total, 200,000) rows, at least 1; 0 until the total is known.
    [[nodiscard]] qint64 pageCount() const;
    /// totalItemCount of the last offset answer; -1 when unknown (or cursor mode).
    [[nodiscard]] qint64 totalCount() const { return m_total; }
    [[nodiscard]] bool canGoPrevious() const;
    [[nodiscard]] bool canGoNext() const;

    // Cursor mode.
    [[nodiscard]] bool hasMore() const;
    /// The server's approximate count of rows after those loaded, when it gave one.
    [[nodiscard]] std::optional<qint64> remainingRecords() const { return m_loader.remaining(); }
    [[nodiscard]] qint64 loadedCount() const;
    /// Appends the next cursor page. False (nothing done) when busy or at the end.
    bool loadNextPage();
    /// Appends pages until the end; loadAllProgress() after each. False when busy.
    bool loadAll();

    /// "Page 2 of 7" (offset) or "250 loaded, about 750 more" (cursor).
    [[nodiscard]] QString positionText() const;

    /// Asks the current question again and applies the answer as a diff: the page
    /// (offset) or all pages loaded so far (cursor). While another request is in
    /// flight the refresh is done right after it. Returns false without a batch.
    bool refresh();
    /// Asks the current question from scratch (rows replaced with a reset).
    void reload();

    [[nodiscard]] const ApiError &lastError() const { return m_loader.lastError(); }

Q_SIGNALS:
    /// A request failed; rows already shown stay (a failed new question clears them).
    void errorOccurred(const ica::ApiError &error);
    /// The filter, sort, mode, page size or page changed.
    void queryStateChanged();
    /// Total, page count, hasMore or remainingRecords changed.
    void pagingChanged();
    /// During loadAll(): rows loaded and the expected total (loaded + remaining hint).
    void loadAllProgress(qint64 loaded, qint64 expected);

private:
    void askNewQuestion(bool keepTotal = false);
    [[nodiscard]] PagedLoaderBase::Options loaderOptions() const;
    /// Sink of the loader: the first page of a question.
    void onFirstPage(const QList<BatchItem> &items);
    /// Sink of the loader: the page (offset) or the pages loaded (cursor) read again.
    void onRefreshed(RowPages<BatchItem> pages);
    /// Offset mode: the page asked for is past the end now (rows left the filter):
    /// asks for the last page instead and returns true.
    bool goToLastPageIfPastTheEnd();

    BatchApi m_api;
    QString m_projectId;
    QString m_batchId;
    ItemsQueryState m_state;
    /// totalItemCount of the last offset answer, or the previous page's while another
    /// page of the same listing is asked (so "page x of y" stays); -1 when unknown.
    qint64 m_total = -1;
};

} // namespace ica
