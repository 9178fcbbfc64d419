#pragma once

// The one walk through a *whole* listing: every page, to the end, in page order.
//
// The app pages in two ways, and each has one implementation:
// - PagedLoader (core/rows/pagedloader.h) keeps a *window* of a listing for a view:
//   one request at a time, pages read when the view asks (fetchMore, load all), the
//   loaded window read again on refresh and handed over as a diff, serial numbers so
//   an answer to an older question is dropped. It never reads a listing to its end
//   unless told to, and never has two pages in flight.
// - PageStream (here) reads a listing *to its end* for whoever needs all of it at
//   once: icatag's --all and file exports stream the rows out as they come
//   (O(page) memory), collectAllPages() (core/api/pagecollector.h) gathers them for
//   the lookups that need the whole list. Offset listings go several pages in
//   flight, reordered into page order; there is no window, no refresh, no question
//   to replace, so none of PagedLoader's state applies.
// Both check every page with the same PageGuard (oversized pages, cursors seen
// before, pages of rows seen before, the row cap).

#include "core/api/apiresult.h"
#include "core/api/pageguard.h"
#include "core/api/queries.h"
#include "core/domain/page.h"
#include "core/export/idset.h"

#include <QMap>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace ica {

class ApiCall;

/// Fetches one page of some listing; bound to a query by the caller.
template <typename T>
using PageFetcher =
    std::function<ApiCall *(const PageRequest &page, QObject *context, ResultCallback<Page<T>>)>;

/// ICA stops offset paging at this many rows; past it only cursor paging works.
inline constexpr qint64 OffsetPagingRowLimit = 200000;

/// How a streamed `--all` listing pages.
struct StreamPlan {
    enum class Kind {
        Cursor, ///< one page after another (complete and unique by ICA's promise)
        Offset, ///< the first page tells the total; then `parallelPages` in flight
    };
    Kind kind = Kind::Cursor;
    int pageSize = 1000;
    int parallelPages = 4;
    /// Offset paging over a listing that no longer changes (a finished batch's items):
    /// every page must be full up to the total the first page gave, that total must
    /// not move, and no ID may come twice; any of that failing ends the listing with
    /// an error. Without it offset paging drops rows repeated across pages (a listing
    /// that changes while it is read may repeat rows) and trusts short pages.
    bool exact = false;
    /// Offset paging over more rows than ICA pages by offset (or without a total):
    /// read the listing by cursor instead of failing. Only when no order was asked for.
    bool cursorAboveLimit = false;
    /// The listing fails past this many rows (a server paging without end).
    qint64 maxRows = DefaultMaxCollectedRows;
    /// Called after each page handed on, with the rows so far and the rows expected:
    /// the total (offset), or the rows so far plus the server's estimate of the rest
    /// (cursor); -1 while unknown.
    std::function<void(qint64 rows, qint64 expected)> progress;
};

/// How a streamed listing ended.
struct StreamEnd {
    std::optional<ica::ApiError> error; ///< the listing failed (rows may have been written)
    bool stopped = false;               ///< the row sink asked to stop (its reader left)
    bool usedCursor = false;            ///< read by cursor (also after falling back)
    qint64 rows = 0;                    ///< rows handed to the sink
};

/// Streams every page of a listing to `onRows`, in page order, keeping only the
/// pages in flight or waiting for an earlier one: memory stays O(page) plus a
/// compact set of the IDs seen (IdSet). `onRows` returns false to stop at once
/// (nothing more is asked for). PageGuard's checks (oversized pages, repeated pages
/// and cursors, the row cap) end a listing with a Decode error. `done` runs once,
/// on `context`'s thread, not at all if it is gone. `T` has a QString `id`.
template <typename T> class PageStream final {
public:
    using RowSink = std::function<bool(const QList<T> &rows)>;
    using Done = std::function<void(const StreamEnd &)>;

    static void start(ica::PageFetcher<T> fetch, const StreamPlan &plan, QObject *context,
                      RowSink onRows, Done done) {
        auto self = std::shared_ptr<PageStream>(new PageStream);
        self->m_fetch = std::move(fetch);
        self->m_plan = plan;
        self->m_context = context;
        self->m_onRows = std::move(onRows);
        self->m_done = std::move(done);
        self->m_guard = PageGuard(plan.maxRows);
        if (plan.kind == StreamPlan::Kind::Offset)
            startOffset(self);
        else
            startCursor(self);
    }

private:
    PageStream() = default;

    static ica::ApiError integrityError(const QString &message) {
        // The status paging errors carry (as PageGuard's): found in 2xx answers.
        return ica::ApiError::decode(200, message);
    }

    bool live() const { return !m_ended && m_context; }

    void end(std::optional<ica::ApiError> error, bool stopped = false) {
        if (m_ended)
            return;
        m_ended = true;
        StreamEnd result;
        result.error = std::move(error);
        result.stopped = stopped;
        result.usedCursor = m_usedCursor;
        result.rows = m_rows;
        m_done(result);
    }

    /// Hands rows to the sink; false when the stream ended (sink stopped).
    bool emitRows(const QList<T> &rows) {
        m_rows += rows.size();
        if (auto error = m_guard.checkRowCount(m_rows, -1)) {
            end(error);
            return false;
        }
        if (!rows.isEmpty() && !m_onRows(rows)) {
            end(std::nullopt, true);
            return false;
        }
        if (m_plan.progress)
            m_plan.progress(m_rows, m_offsetMode ? m_total : m_expected);
        return true;
    }

    /// Asks for `page`; `onPage` gets the page when it came and the stream still runs
    /// (a failed page ends the stream with its error). `inFlight`: counted in
    /// m_inFlight until its answer comes, whatever it is.
    template <typename OnPage>
    static void fetch(const std::shared_ptr<PageStream> &self, const PageRequest &page,
                      OnPage onPage, bool inFlight = false) {
        if (inFlight)
            ++self->m_inFlight;
        self->m_fetch(page, self->m_context,
                      [self, onPage, inFlight](const ica::Result<ica::Page<T>> &result) {
                          if (inFlight)
                              --self->m_inFlight;
                          if (self->m_ended)
                              return;
                          if (!result.ok()) {
                              self->end(result.error);
                              return;
                          }
                          onPage(*result.value);
                      });
    }

    /// Checks the page's size and records its IDs. A page whose rows all came before
    /// fails (a server paging without end). Otherwise, with `exact` any repeated ID
    /// fails; offset pages drop single repeated rows; cursor pages keep them. Returns
    /// the rows to hand on, or nullopt after failing.
    std::optional<QList<T>> checkIds(const QList<T> &items, const QString &where) {
        if (auto error = ica::PageGuard::checkPageSize(items.size(), m_plan.pageSize)) {
            end(error);
            return std::nullopt;
        }
        // One pass: each ID is read and looked up once.
        const bool dropRepeats = m_offsetMode && !m_plan.exact;
        qsizetype fresh = 0;
        qsizetype firstRepeat = -1;
        QList<T> rows; // only filled once a row is dropped
        bool dropped = false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const T &item = items.at(i);
            if (m_seen.insert(item.id)) {
                ++fresh;
                if (dropped)
                    rows.append(item);
                continue;
            }
            if (firstRepeat < 0)
                firstRepeat = i;
            // Cursor paging keeps the row as the server sent it (ICA promises no
            // repeats there); offset paging drops it.
            if (dropRepeats && !dropped) {
                dropped = true;
                rows = items.mid(0, i);
            }
        }
        if (fresh == 0 && !items.isEmpty()) {
            end(ica::PageGuard::repeatedPage(where));
            return std::nullopt;
        }
        if (m_plan.exact && firstRepeat >= 0) {
            end(integrityError(QStringLiteral("The server sent the item %1 twice (again on the "
                                              "page %2) although the batch is finished; "
                                              "stopping, as the listing cannot be trusted.")
                                   .arg(items.at(firstRepeat).id, where)));
            return std::nullopt;
        }
        return dropped ? rows : items;
    }

    // ---- cursor paging ----

    static void startCursor(const std::shared_ptr<PageStream> &self) {
        self->m_usedCursor = true;
        self->m_offsetMode = false;
        self->m_guard.startCursorListing();
        fetchCursor(self, QString());
    }

    static void fetchCursor(const std::shared_ptr<PageStream> &self, const QString &token) {
        if (!self->live())
            return;
        fetch(self, PageRequest::cursor(token, self->m_plan.pageSize),
              [self](const ica::Page<T> &page) {
                  ++self->m_pagesSeen;
                  if (page.info.remainingRecords)
                      self->m_expected =
                          self->m_rows + page.items.size() + *page.info.remainingRecords;
                  const std::optional<QList<T>> rows = self->checkIds(
                      page.items, QStringLiteral("number %1").arg(self->m_pagesSeen));
                  if (!rows || !self->emitRows(*rows))
                      return;
                  if (PageGuard::isLastCursorPage(page.info, page.items.size())) {
                      self->end(std::nullopt);
                      return;
                  }
                  if (auto error = self->m_guard.checkCursorPage(page.info, page.items.size())) {
                      self->end(error);
                      return;
                  }
                  fetchCursor(self, page.info.nextPageToken);
              });
    }

    // ---- offset paging ----

    static void startOffset(const std::shared_ptr<PageStream> &self) {
        self->m_offsetMode = true;
        const int size = self->m_plan.pageSize;
        fetch(self, PageRequest::atOffset(0, size), [self](const ica::Page<T> &page) {
            const std::optional<qint64> total = page.info.totalItemCount;
            const bool tooMany = total && *total > ica::OffsetPagingRowLimit;
            if (self->m_plan.cursorAboveLimit && (!total || tooMany)) {
                // Nothing was written yet: read it all by cursor instead.
                startCursor(self);
                return;
            }
            self->m_total = total.value_or(page.items.size());
            if (auto error =
                    ica::PageGuard::checkOffsetTotal(self->m_total, ica::OffsetPagingRowLimit)) {
                self->end(error);
                return;
            }
            // Sized once for every ID to come (at most the offset
            // paging limit), not grown by doubling on the way.
            self->m_seen.reserve(self->m_total);
            self->m_nextToRequest = self->m_plan.pageSize;
            self->acceptOffsetPage(self, 0, page);
        });
    }

    /// A page arrived: hands on every page now in order, then asks for more.
    static void acceptOffsetPage(const std::shared_ptr<PageStream> &self, qint64 offset,
                                 const ica::Page<T> &page) {
        self->m_waiting.insert(offset, page);
        while (!self->m_ended && self->m_waiting.contains(self->m_nextToEmit)) {
            const qint64 at = self->m_nextToEmit;
            const ica::Page<T> ready = self->m_waiting.take(at);
            const std::optional<QList<T>> rows =
                self->checkIds(ready.items, QStringLiteral("at offset %1").arg(at));
            if (!rows || !self->checkOffsetPage(at, ready) || !self->emitRows(*rows))
                return;
            if (!self->m_plan.exact) {
                if (auto error = self->m_guard.checkRowCount(self->m_seen.size(), self->m_total)) {
                    self->end(error);
                    return;
                }
            }
            self->m_nextToEmit += self->m_plan.pageSize;
        }
        if (self->m_ended)
            return;
        if (self->m_nextToEmit >= self->m_total) {
            if (self->m_plan.exact && self->m_rows != self->m_total) {
                self->end(integrityError(QStringLiteral("The server's pages held %1 items, but "
                                                        "it said the batch has %2.")
                                             .arg(self->m_rows)
                                             .arg(self->m_total)));
                return;
            }
            self->end(std::nullopt);
            return;
        }
        requestMore(self);
    }

    /// `exact`: the page holds every row up to the total and the total held still.
    bool checkOffsetPage(qint64 offset, const ica::Page<T> &page) {
        if (!m_plan.exact)
            return true;
        const qint64 expected = std::min<qint64>(m_plan.pageSize, m_total - offset);
        const std::optional<qint64> total = page.info.totalItemCount;
        if (total && *total != m_total) {
            end(integrityError(QStringLiteral("The batch had %1 items on the first page and %2 "
                                              "on the page at offset %3, although it is "
                                              "finished; stopping, as the listing cannot be "
                                              "trusted.")
                                   .arg(m_total)
                                   .arg(*total)
                                   .arg(offset)));
            return false;
        }
        if (page.items.size() != expected) {
            end(integrityError(QStringLiteral("The server sent %1 items at offset %2 where the "
                                              "batch's %3 items call for %4; stopping, as the "
                                              "listing cannot be trusted.")
                                   .arg(page.items.size())
                                   .arg(offset)
                                   .arg(m_total)
                                   .arg(expected)));
            return false;
        }
        return true;
    }

    static void requestMore(const std::shared_ptr<PageStream> &self) {
        const int size = self->m_plan.pageSize;
        // Pages that came early wait in m_waiting; count them against the window
        // too, so a slow page cannot make the others pile up.
        while (self->live() &&
               self->m_inFlight + self->m_waiting.size() < qMax(1, self->m_plan.parallelPages) &&
               self->m_nextToRequest < self->m_total) {
            const qint64 offset = self->m_nextToRequest;
            self->m_nextToRequest += size;
            fetch(
                self, PageRequest::atOffset(offset, size),
                [self, offset](const ica::Page<T> &page) { acceptOffsetPage(self, offset, page); },
                true);
        }
    }

    ica::PageFetcher<T> m_fetch;
    StreamPlan m_plan;
    QPointer<QObject> m_context;
    RowSink m_onRows;
    Done m_done;

    bool m_ended = false;
    bool m_usedCursor = false;
    bool m_offsetMode = false;
    qint64 m_rows = 0;
    int m_pagesSeen = 0;
    IdSet m_seen;
    ica::PageGuard m_guard;

    qint64 m_total = -1;
    qint64 m_expected = -1; ///< cursor: rows so far plus the server's estimate of the rest
    qint64 m_nextToEmit = 0;
    qint64 m_nextToRequest = 0;
    int m_inFlight = 0;
    QMap<qint64, ica::Page<T>> m_waiting;
};

} // namespace ica
