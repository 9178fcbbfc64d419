#pragma once

#include "core/export/idset.h"

#include "core/api/pagecollector.h"

#include <QMap>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace ica {

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
/// (nothing more is asked for). The same guards as ica::collectAllPages (PageGuard:
/// oversized pages, repeated pages and cursors, the row cap) end a listing with a
/// Decode error. `done` runs once, on `context`'s thread, not at all if it is gone.
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
        return true;
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
        (void)self->m_guard.checkNextCursor(QString()); // the first page's "token"
        fetchCursor(self, QString());
    }

    static void fetchCursor(const std::shared_ptr<PageStream> &self, const QString &token) {
        if (!self->live())
            return;
        self->m_fetch(ica::PageRequest::cursor(token, self->m_plan.pageSize), self->m_context,
                      [self](const ica::Result<ica::Page<T>> &page) {
                          if (self->m_ended)
                              return;
                          if (!page.ok()) {
                              self->end(page.error);
                              return;
                          }
                          ++self->m_pagesSeen;
                          const std::optional<QList<T>> rows =
                              self->checkIds(page.value->items,
                                             QStringLiteral("number %1").arg(self->m_pagesSeen));
                          if (!rows || !self->emitRows(*rows))
                              return;
                          const QString &next = page.value->info.nextPageToken;
                          if (!page.value->info.hasMore() || page.value->items.isEmpty()) {
                              self->end(std::nullopt);
                              return;
                          }
                          if (auto error = self->m_guard.checkNextCursor(next)) {
                              self->end(error);
                              return;
                          }
                          fetchCursor(self, next);
                      });
    }

    // ---- offset paging ----

    static void startOffset(const std::shared_ptr<PageStream> &self) {
        self->m_offsetMode = true;
        const int size = self->m_plan.pageSize;
        self->m_fetch(ica::PageRequest::atOffset(0, size), self->m_context,
                      [self](const ica::Result<ica::Page<T>> &page) {
                          if (self->m_ended)
                              return;
                          if (!page.ok()) {
                              self->end(page.error);
                              return;
                          }
                          const std::optional<qint64> total = page.value->info.totalItemCount;
                          const bool tooMany = total && *total > ica::OffsetPagingRowLimit;
                          if (self->m_plan.cursorAboveLimit && (!total || tooMany)) {
                              // Nothing was written yet: read it all by cursor instead.
                              startCursor(self);
                              return;
                          }
                          self->m_total = total.value_or(page.value->items.size());
                          if (auto error = ica::PageGuard::checkOffsetTotal(
                                  self->m_total, ica::OffsetPagingRowLimit)) {
                              self->end(error);
                              return;
                          }
                          // Sized once for every ID to come (at most the offset
                          // paging limit), not grown by doubling on the way.
                          self->m_seen.reserve(self->m_total);
                          self->m_nextToRequest = self->m_plan.pageSize;
                          self->acceptOffsetPage(self, 0, *page.value);
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
            ++self->m_inFlight;
            self->m_fetch(ica::PageRequest::atOffset(offset, size), self->m_context,
                          [self, offset](const ica::Result<ica::Page<T>> &page) {
                              --self->m_inFlight;
                              if (self->m_ended)
                                  return;
                              if (!page.ok()) {
                                  self->end(page.error);
                                  return;
                              }
                              acceptOffsetPage(self, offset, *page.value);
                          });
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
    qint64 m_nextToEmit = 0;
    qint64 m_nextToRequest = 0;
    int m_inFlight = 0;
    QMap<qint64, ica::Page<T>> m_waiting;
};

} // namespace ica
