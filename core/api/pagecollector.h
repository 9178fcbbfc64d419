#pragma once

#include "apiresult.h"
#include "domain/page.h"
#include "queries.h"

#include <QHash>
#include <QPointer>
#include <QSet>

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
};

/// ICA stops offset paging at this many rows; past it only cursor paging works.
inline constexpr qint64 OffsetPagingRowLimit = 200000;

/// Fetches every page of a listing and hands over all rows in order. Cursor mode
/// asks one page after another (complete and unique by ICA's promise). Offset mode
/// reads the total from the first page, then keeps `parallelPages` pages in flight
/// and drops rows repeated across pages (offset paging may repeat rows). Stops at
/// the first error. `done` runs on `context`'s thread, not at all if it is gone.
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

        void fail(const ApiError &error) {
            if (failed)
                return;
            failed = true;
            done(Result<QList<T>>::failure(error));
        }
        void append(const QList<T> &items) {
            for (const T &item : items) {
                if (options.mode == PageRequest::Mode::Offset) {
                    if (seenIds.contains(item.id))
                        continue;
                    seenIds.insert(item.id);
                }
                rows.append(item);
            }
            if (options.progress)
                options.progress(rows.size(), total);
        }
    };
    auto state = std::make_shared<State>();
    state->fetch = std::move(fetch);
    state->options = options;
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
                             state->append(page.value->items);
                             if (page.value->info.hasMore() && !page.value->items.isEmpty())
                                 (*self)(page.value->info.nextPageToken);
                             else
                                 state->done(Result<QList<T>>::success(state->rows));
                         });
        };
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
                                 state->append(state->pendingPages.take(state->nextOffsetToAppend));
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
    state->fetch(PageRequest::atOffset(0, options.pageSize), context,
                 [state, requestMore](const Result<Page<T>> &page) {
                     if (!page.ok()) {
                         state->fail(page.error);
                         return;
                     }
                     state->total =
                         page.value->info.totalItemCount.value_or(page.value->items.size());
                     if (state->total > OffsetPagingRowLimit) {
                         state->fail(ApiError::usage(
                             QStringLiteral("%1 rows match, but offset paging stops at %2 rows: "
                                            "use cursor paging to read them all.")
                                 .arg(state->total)
                                 .arg(OffsetPagingRowLimit)));
                         return;
                     }
                     state->append(page.value->items);
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
