#pragma once

#include "core/api/apiresult.h"
#include "core/api/pageguard.h"
#include "core/api/queries.h"
#include "core/domain/page.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace ica {

/// Fetches one page of some listing; bound to a query by the caller.
template <typename T>
using PageFetcher =
    std::function<ApiCall *(const PageRequest &page, QObject *context, ResultCallback<Page<T>>)>;

struct CollectOptions {
    PageRequest::Mode mode = PageRequest::Mode::Cursor;
    int pageSize = 1000;
    /// Offset mode: pages in flight at once after the first (which tells the total).
    int parallelPages = 4;
    /// Called after each page with the rows so far and the total when known.
    std::function<void(qint64 fetched, qint64 total)> progress;
    /// The listing fails past this many rows (a server paging without end).
    qint64 maxRows = DefaultMaxCollectedRows;
};

/// ICA stops offset paging at this many rows; past it only cursor paging works.
inline constexpr qint64 OffsetPagingRowLimit = 200000;

/// Fetches every page of a listing and hands over all rows in order. Cursor mode
/// asks one page after another (complete and unique by ICA's promise). Offset mode
/// reads the total from the first page, then keeps `parallelPages` pages in flight
/// and drops rows repeated across pages (offset paging may repeat rows). Stops at
/// the first error. A server that pages without end or sends more than it should
/// (see PageGuard) ends the listing with a Decode error. `done` runs on
/// `context`'s thread, not at all if it is gone.
template <typename T>
void collectAllPages(PageFetcher<T> fetch, const CollectOptions &options, QObject *context,
                     std::function<void(const Result<QList<T>> &)> done) {
    struct State {
        PageFetcher<T> fetch;
        CollectOptions options;
        QPointer<QObject> context;
        std::function<void(const Result<QList<T>> &)> done;
        QList<T> rows;
        QHash<qint64, QList<T>> pendingPages; // offset mode: pages that came early
        qint64 nextOffsetToAppend = 0;
        qint64 nextOffsetToRequest = 0;
        qint64 total = -1;
        int inFlight = 0;
        bool failed = false;
        QSet<QString> seenIds;
        PageGuard guard;
        int pagesSeen = 0;

        void fail(const ApiError &error) {
            if (failed)
                return;
            failed = true;
            done(Result<QList<T>>::failure(error));
        }
        /// Checks a page and appends its rows; false (after failing) when the page
        /// shows the server misbehaving. `where` names the page in messages.
        bool acceptPage(const QList<T> &items, const QString &where, qint64 announcedTotal) {
            ++pagesSeen;
            if (auto error = PageGuard::checkPageSize(items.size(), options.pageSize)) {
                fail(*error);
                return false;
            }
            bool anyNew = items.isEmpty();
            for (const T &item : items)
                anyNew = anyNew || !seenIds.contains(item.id);
            if (!anyNew) {
                fail(PageGuard::repeatedPage(where));
                return false;
            }
            for (const T &item : items) {
                const bool seen = seenIds.contains(item.id);
                seenIds.insert(item.id);
                // Offset paging may repeat rows across pages: keep the first.
                if (seen && options.mode == PageRequest::Mode::Offset)
                    continue;
                rows.append(item);
            }
            if (auto error = guard.checkRowCount(rows.size(), announcedTotal)) {
                fail(*error);
                return false;
            }
            if (options.progress)
                options.progress(rows.size(), total);
            return true;
        }
    };
    auto state = std::make_shared<State>();
    state->fetch = std::move(fetch);
    state->options = options;
    state->guard = PageGuard(options.maxRows);
    state->context = context;
    state->done = std::move(done);

    // The recursive step holds itself only weakly; the callback of the page in
    // flight holds it strongly. So nothing leaks when `context` dies mid-way (core
    // then drops that callback, and with it the last strong reference).
    if (options.mode == PageRequest::Mode::Cursor) {
        using Step = std::function<void(const QString &)>;
        auto next = std::make_shared<Step>();
        std::weak_ptr<Step> weakNext = next;
        *next = [state, weakNext](const QString &token) {
            std::shared_ptr<Step> self = weakNext.lock();
            if (!self || !state->context)
                return;
            state->fetch(PageRequest::cursor(token, state->options.pageSize), state->context,
                         [state, self](const Result<Page<T>> &page) {
                             if (!page.ok()) {
                                 state->fail(page.error);
                                 return;
                             }
                             if (page.value->info.remainingRecords)
                                 state->total = qint64(state->rows.size()) +
                                                page.value->items.size() +
                                                *page.value->info.remainingRecords;
                             // remainingRecords is approximate: no row count check here.
                             if (!state->acceptPage(
                                     page.value->items,
                                     QStringLiteral("number %1").arg(state->pagesSeen + 1), -1))
                                 return;
                             if (page.value->info.hasMore() && !page.value->items.isEmpty()) {
                                 const QString &token = page.value->info.nextPageToken;
                                 if (auto error = state->guard.checkNextCursor(token)) {
                                     state->fail(*error);
                                     return;
                                 }
                                 (*self)(token);
                             } else {
                                 state->done(Result<QList<T>>::success(state->rows));
                             }
                         });
        };
        (void)state->guard.checkNextCursor(QString()); // the first page's "token"
        (*next)(QString());
        return;
    }

    // Offset mode.
    using More = std::function<void()>;
    auto requestMore = std::make_shared<More>();
    std::weak_ptr<More> weakMore = requestMore;
    *requestMore = [state, weakMore]() {
        std::shared_ptr<More> requestMore = weakMore.lock();
        if (!requestMore)
            return;
        const int size = state->options.pageSize;
        while (!state->failed && state->context &&
               state->inFlight < qMax(1, state->options.parallelPages) &&
               state->nextOffsetToRequest < state->total) {
            const qint64 offset = state->nextOffsetToRequest;
            state->nextOffsetToRequest += size;
            ++state->inFlight;
            state->fetch(PageRequest::atOffset(offset, size), state->context,
                         [state, requestMore, offset](const Result<Page<T>> &page) {
                             --state->inFlight;
                             if (state->failed)
                                 return;
                             if (!page.ok()) {
                                 state->fail(page.error);
                                 return;
                             }
                             state->pendingPages.insert(offset, page.value->items);
                             while (state->pendingPages.contains(state->nextOffsetToAppend)) {
                                 const qint64 at = state->nextOffsetToAppend;
                                 if (!state->acceptPage(state->pendingPages.take(at),
                                                        QStringLiteral("at offset %1").arg(at),
                                                        state->total))
                                     return;
                                 state->nextOffsetToAppend += state->options.pageSize;
                             }
                             if (state->nextOffsetToAppend >= state->total) {
                                 state->done(Result<QList<T>>::success(state->rows));
                                 return;
                             }
                             (*requestMore)();
                         });
        }
    };
    state->fetch(
        PageRequest::atOffset(0, options.pageSize), context,
        [state, requestMore](const Result<Page<T>> &page) {
            if (!page.ok()) {
                state->fail(page.error);
                return;
            }
            state->total = page.value->info.totalItemCount.value_or(page.value->items.size());
            if (auto error = PageGuard::checkOffsetTotal(state->total, OffsetPagingRowLimit)) {
                state->fail(*error);
                return;
            }
            if (!state->acceptPage(page.value->items, QStringLiteral("at offset 0"), state->total))
                return;
            state->nextOffsetToAppend = state->options.pageSize;
            state->nextOffsetToRequest = state->options.pageSize;
            if (state->nextOffsetToAppend >= state->total) {
                state->done(Result<QList<T>>::success(state->rows));
                return;
            }
            (*requestMore)();
        });
}

} // namespace ica
