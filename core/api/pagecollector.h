#pragma once

#include "core/rows/pagestream.h"

#include <QList>

#include <functional>
#include <memory>

namespace ica {

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

/// Fetches every page of a listing and hands over all rows in order: the one
/// whole-listing walk, PageStream (core/rows/pagestream.h), gathering its rows.
/// Cursor mode asks one page after another (complete and unique by ICA's promise).
/// Offset mode reads the total from the first page, then keeps `parallelPages` pages
/// in flight and drops rows repeated across pages (offset paging may repeat rows).
/// Stops at the first error. A server that pages without end or sends more than it
/// should (see PageGuard) ends the listing with a Decode error. `done` runs on
/// `context`'s thread, not at all if it is gone.
template <typename T>
void collectAllPages(PageFetcher<T> fetch, const CollectOptions &options, QObject *context,
                     std::function<void(const Result<QList<T>> &)> done) {
    StreamPlan plan;
    plan.kind = options.mode == PageRequest::Mode::Offset ? StreamPlan::Kind::Offset
                                                          : StreamPlan::Kind::Cursor;
    plan.pageSize = options.pageSize;
    plan.parallelPages = options.parallelPages;
    plan.maxRows = options.maxRows;
    plan.progress = options.progress;
    auto rows = std::make_shared<QList<T>>();
    PageStream<T>::start(
        std::move(fetch), plan, context,
        [rows](const QList<T> &page) {
            rows->append(page);
            return true;
        },
        [rows, done = std::move(done)](const StreamEnd &end) {
            if (end.error)
                done(Result<QList<T>>::failure(*end.error));
            else
                done(Result<QList<T>>::success(std::move(*rows)));
        });
}

} // namespace ica
