#pragma once

// The one paged-listing loader of the app.
//
// Split the way KDE's KIO splits KCoreDirLister from KDirModel: a *loader* asks the
// questions and pages through the answers; a *model* only holds rows and applies
// what the loader hands it. The loader knows nothing about a row's columns and the
// model knows nothing about pages, requests, serial numbers or errors:
//
//   page source (ICA listing or SQLite store) -> PagedLoader<Row> -> Sink -> model
//
// - A new question (start()) reads its first page and hands it over with
//   Sink::reset (or Sink::append after a Sink::reset({}) at once, see
//   Options::resetAtStart).
// - fetchMore() and loadAll() read the following pages (offset or cursor) and hand
//   each over with Sink::append.
// - refresh() reads the pages loaded so far again and hands the whole window over
//   with Sink::applyDiff, once, so the model emits only the true differences. The
//   window goes over as the pages read (RowPages), not joined: a 100,000-row window
//   costs the loader's thread a pointer per page, and the model joins the pages off
//   that thread (KeyedRows::setTarget()).
// - Every request carries a serial number: an answer to an older question or to a
//   cancelled request is dropped, whatever order answers arrive in.
// - PageGuard checks every page so a misbehaving server cannot loop or balloon the
//   listing (a page larger than asked, a cursor seen before, pages of repeated rows).
// - Errors end the operation and keep the rows already handed over.
//
// Users: ItemsPager (batch items, api), DataLister (browser, api), BatchHistoryFeed
// (history, SQLite store via StoreWorker).

#include "core/api/apierror.h"
#include "core/api/apiresult.h"
#include "core/api/pageguard.h"
#include "core/api/queries.h"
#include "core/domain/page.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace ica {

/// A listing as read: its pages, in order.
template <typename Row> using RowPages = QList<QList<Row>>;

/// The rows of `pages` in one list (for a sink whose model takes one list).
template <typename Row> QList<Row> joinedPages(const RowPages<Row> &pages) {
    if (pages.size() == 1)
        return pages.first();
    QList<Row> rows;
    qsizetype count = 0;
    for (const QList<Row> &page : pages)
        count += page.size();
    rows.reserve(count);
    for (const QList<Row> &page : pages)
        rows.append(page);
    return rows;
}

/// A 128-bit digest of a row key: two independent seeded hashes of the text. The
/// loader remembers the keys it handed over as digests, not texts: 16 bytes a key
/// instead of a string's heap block (a 100,000-row listing: ~3 MB instead of ~12), and
/// forgetting them at a new question frees a few arrays, not 100,000 strings on the
/// GUI thread. The seeds are the process's random QHash seed, so a server cannot
/// choose keys that collide; by chance two of n keys collide with odds ~n^2/2^129.
struct KeyDigest {
    quint64 first = 0;
    quint64 second = 0;

    static KeyDigest of(const QString &key) {
        const size_t seed = QHashSeed::globalSeed();
        return {quint64(qHash(key, seed)), quint64(qHash(key, ~seed ^ 0x9e3779b97f4a7c15ull))};
    }
    friend bool operator==(const KeyDigest &a, const KeyDigest &b) {
        return a.first == b.first && a.second == b.second;
    }
    friend size_t qHash(const KeyDigest &digest, size_t seed = 0) {
        return size_t(digest.first) ^ seed; // already a seeded hash
    }
};

/// The state and signals of a PagedLoader, independent of its row type (Q_OBJECT
/// classes cannot be templates). See the comment at the top of this file.
class PagedLoaderBase : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedLoaderBase)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    using Mode = PageRequest::Mode;
    /// What the loader is doing (None: idle).
    enum class Operation { None, First, Next, LoadAll, Refresh };

    struct Options {
        Mode mode = Mode::Cursor;
        int pageSize = 100;
        /// Offset mode: the first row of the window (a numbered page starts there).
        qint64 startOffset = 0;
        /// Offset mode: rows at or past this offset are never asked for (ICA's cap).
        qint64 offsetLimit = 200000;
        /// Rows whose key was handed over before in this question are dropped from
        /// appended pages and from the refreshed window (offset paging may repeat rows).
        bool dropRepeatedRows = false;
        /// Pages in a row that may bring only rows seen before; one more ends the
        /// listing with PageGuard::repeatedPage(). While below the bound, a page that
        /// added nothing is followed by the next at once (a lazy view would not ask).
        int maxPagesWithoutNewRows = 0;
        /// Hand over an empty Sink::reset at start() (rows of the old question vanish
        /// at once) and the first page with Sink::append; else the first page is
        /// handed over with Sink::reset when it arrives.
        bool resetAtStart = false;
    };

    explicit PagedLoaderBase(QObject *parent = nullptr)
        : QObject(parent) {}

    [[nodiscard]] const Options &options() const { return m_options; }
    /// Rows per page from the next request on (the window is not read again).
    void setPageSize(int size) { m_options.pageSize = size; }

    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] Operation operation() const { return m_operation; }
    /// A question is asked (start() was called, clear() was not).
    [[nodiscard]] bool hasQuestion() const { return m_hasQuestion; }
    /// The first page of the current question was handed over.
    [[nodiscard]] bool isAnswered() const { return m_answered; }
    /// No further page will be read (the end, an error, or a guard's refusal).
    [[nodiscard]] bool atEnd() const { return m_atEnd; }
    /// Answered and more pages exist.
    [[nodiscard]] bool hasMore() const { return m_answered && !m_atEnd; }
    /// totalItemCount of the last page that gave one; -1 when unknown.
    [[nodiscard]] qint64 total() const { return m_total; }
    /// Cursor mode: the server's estimate of the rows after those loaded.
    [[nodiscard]] std::optional<qint64> remaining() const { return m_remaining; }
    /// Pages of the window (first page plus those appended).
    [[nodiscard]] int pagesLoaded() const { return m_pagesLoaded; }
    /// Rows handed over for the window (after dropping repeats).
    [[nodiscard]] qint64 rowsLoaded() const { return m_rowsLoaded; }
    /// Offset mode: the offset the next page starts at.
    [[nodiscard]] qint64 nextOffset() const { return m_nextOffset; }
    [[nodiscard]] const ApiError &lastError() const { return m_lastError; }
    /// The operation that failed last (with lastError()).
    [[nodiscard]] Operation failedOperation() const { return m_failedOperation; }
    /// Serial of the request awaited; increases with every request and cancel.
    [[nodiscard]] quint64 serial() const { return m_serial; }
    /// Stops what is in flight (a load all, say); the rows handed over stay.
    virtual void cancel() = 0;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page or a refresh failed or was refused; the rows handed over stay.
    void errorOccurred(const ica::ApiError &error);
    /// total(), remaining(), hasMore() or pagesLoaded() may have changed.
    void pagingChanged();
    /// A page (first, next) or a refreshed window was handed to the sink.
    void pageApplied();
    /// During loadAll(): rows loaded and the rows expected (loaded + remaining).
    void loadAllProgress(qint64 loaded, qint64 expected);

protected:
    void setLoading(bool loading) {
        if (loading == m_loading)
            return;
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }
    /// Back to "no answer yet" for a new question.
    void resetPaging() {
        m_answered = false;
        m_atEnd = false;
        m_total = -1;
        m_remaining.reset();
        m_pagesLoaded = 0;
        m_rowsLoaded = 0;
        m_nextOffset = m_options.startOffset;
        m_nextToken.clear();
        m_pagesWithoutNewRows = 0;
        m_guard = PageGuard();
        m_lastError = ApiError();
    }

    Options m_options;
    bool m_loading = false;
    bool m_hasQuestion = false;
    Operation m_operation = Operation::None;
    Operation m_failedOperation = Operation::None;
    bool m_answered = false;
    bool m_atEnd = false;
    bool m_refreshPending = false;
    qint64 m_total = -1;
    std::optional<qint64> m_remaining;
    int m_pagesLoaded = 0;
    qint64 m_rowsLoaded = 0;
    qint64 m_nextOffset = 0;
    QString m_nextToken;
    int m_pagesWithoutNewRows = 0;
    int m_requestedSize = 0;
    PageGuard m_guard;
    ApiError m_lastError;
    quint64 m_serial = 0;
    quint64 m_awaited = 0; ///< serial of the request in flight; 0: none
};

/// Pages through one listing of `Row`s and feeds a passive model through a Sink.
/// `Row` needs nothing but what the key function reads. Lives on one thread; the
/// source may answer on that thread later (normal) or at once.
template <typename Row> class PagedLoader final : public PagedLoaderBase {
public:
    using Answer = Result<Page<Row>>;
    using Reply = std::function<void(const Answer &)>;
    /// Cancels a request in flight; may be empty.
    using Cancel = std::function<void()>;
    /// Reads one page; calls `reply` exactly once (or never, when cancelled).
    using Source = std::function<Cancel(const PageRequest &request, Reply reply)>;
    /// What the model does with rows. Each may start a new question re-entrantly
    /// (ItemsPager jumps to the last page when the page asked is past the end).
    struct Sink {
        std::function<void(QList<Row> rows)> reset;  ///< replace every row (a new question)
        std::function<void(QList<Row> rows)> append; ///< add a page at the end
        /// Make the rows equal to these: the window's pages, in order.
        std::function<void(RowPages<Row> pages)> applyDiff;
    };
    using KeyOf = std::function<QString(const Row &)>;
    using Keep = std::function<bool(const Row &)>;

    PagedLoader(Sink sink, KeyOf keyOf, QObject *parent = nullptr)
        : PagedLoaderBase(parent)
        , m_sink(std::move(sink))
        , m_keyOf(std::move(keyOf)) {}
    ~PagedLoader() override { stopInFlight(); }

    void setSource(Source source) { m_source = std::move(source); }
    /// Rows for which `keep` is false are never handed over (e.g. the listed folder
    /// itself in a recursive listing). Empty: every row.
    void setRowFilter(Keep keep) { m_keep = std::move(keep); }

    /// Asks a new question: stops what is in flight and reads the first page.
    void start(const Options &options) {
        stopInFlight();
        m_refreshPending = false;
        m_options = options;
        m_hasQuestion = true;
        resetPaging();
        m_seen.clear();
        Q_EMIT pagingChanged();
        if (m_options.resetAtStart && !handOver<QList<Row>>(m_sink.reset, {}))
            return;
        if (!m_source) {
            setLoading(false);
            return;
        }
        request(Operation::First, firstRequest());
    }
    /// Asks the current question again from scratch.
    void restart() { start(m_options); }
    /// No question: stops, forgets the paging and hands over an empty reset.
    void clear() {
        stopInFlight();
        m_refreshPending = false;
        m_hasQuestion = false;
        resetPaging();
        m_seen.clear();
        setLoading(false);
        Q_EMIT pagingChanged();
        handOver<QList<Row>>(m_sink.reset, {});
    }
    /// Appends the next page. False (nothing done) when busy or at the end.
    bool fetchMore() {
        if (m_operation != Operation::None || !hasMore())
            return false;
        request(Operation::Next, nextRequest());
        return true;
    }
    /// Appends pages until the end, with loadAllProgress() after each. False when
    /// busy or at the end.
    bool loadAll() {
        if (m_operation != Operation::None || !hasMore())
            return false;
        request(Operation::LoadAll, nextRequest());
        return true;
    }
    /// Reads the window again (as many pages as loaded, from its start) and hands it
    /// over as one diff. While another request is in flight the refresh follows it,
    /// so what is shown afterwards was read after this call. Before the first answer
    /// it asks the question again. False without a question.
    bool refresh() {
        if (!m_hasQuestion || !m_source)
            return false;
        if (m_operation != Operation::None) {
            m_refreshPending = true;
            return true;
        }
        if (!m_answered) {
            restart();
            return true;
        }
        m_window.clear();
        m_refreshToken.clear();
        m_refreshOffset = m_options.startOffset;
        int pages = m_pagesLoaded;
        if (m_options.mode == Mode::Offset && m_options.pageSize > 0)
            pages = int((m_nextOffset - m_options.startOffset + m_options.pageSize - 1) /
                        m_options.pageSize);
        m_refreshPagesLeft = qMax(1, pages);
        request(Operation::Refresh, m_options.mode == Mode::Offset
                                        ? PageRequest::atOffset(m_refreshOffset, m_options.pageSize)
                                        : PageRequest::cursor(QString(), m_options.pageSize));
        return true;
    }
    void cancel() override {
        m_refreshPending = false;
        stopInFlight();
        setLoading(false);
    }

private:
    [[nodiscard]] PageRequest firstRequest() const {
        return m_options.mode == Mode::Offset
                   ? PageRequest::atOffset(m_options.startOffset, m_options.pageSize)
                   : PageRequest::cursor(QString(), m_options.pageSize);
    }
    [[nodiscard]] PageRequest nextRequest() const {
        return m_options.mode == Mode::Offset
                   ? PageRequest::atOffset(m_nextOffset, m_options.pageSize)
                   : PageRequest::cursor(m_nextToken, m_options.pageSize);
    }

    void request(Operation operation, const PageRequest &page) {
        m_operation = operation;
        m_requestedSize = page.pageSize;
        const quint64 serial = ++m_serial;
        m_awaited = serial;
        setLoading(true);
        QPointer<PagedLoaderBase> alive(this);
        Cancel cancel = m_source(page, [alive, this, serial](const Answer &answer) {
            if (alive)
                onAnswer(serial, answer);
        });
        // The source may have answered at once (and a further request be in flight).
        if (alive && m_awaited == serial)
            m_cancel = std::move(cancel);
    }

    void stopInFlight() {
        ++m_serial; // whatever answer is still on its way is for an older request now
        m_awaited = 0;
        m_operation = Operation::None;
        m_window.clear();
        if (Cancel cancel = std::exchange(m_cancel, Cancel()))
            cancel();
    }

    /// Calls a sink function; false when it asked a new question meanwhile (then
    /// the caller must stop: its state belongs to an older question).
    template <typename Rows> bool handOver(const std::function<void(Rows)> &to, Rows rows) {
        const quint64 serial = m_serial;
        QPointer<PagedLoaderBase> alive(this);
        if (to)
            to(std::move(rows));
        return alive && serial == m_serial;
    }

    void onAnswer(quint64 serial, const Answer &answer) {
        if (serial != m_serial || serial != m_awaited)
            return; // an answer to an older question or a cancelled request
        m_awaited = 0;
        m_cancel = Cancel();
        const Operation operation = m_operation;
        if (!answer.ok()) {
            // A first page that failed leaves nothing to page on; a later one may be
            // asked again (fetchMore(), refresh()).
            fail(operation, answer.error, operation == Operation::First);
            return;
        }
        const Page<Row> &page = *answer.value;
        if (std::optional<ApiError> wrong = checkPage(operation, page)) {
            fail(operation, *wrong, true);
            return;
        }
        m_lastError = ApiError();
        if (operation == Operation::Refresh)
            onRefreshPage(page);
        else
            onPage(operation, page);
    }

    /// Ends the operation with `error`; `endListing`: no further page of this
    /// listing is read until it is asked again (a server that loops or sends too much).
    void fail(Operation operation, const ApiError &error, bool endListing) {
        m_lastError = error;
        m_failedOperation = operation;
        m_window.clear();
        if (endListing) {
            m_atEnd = true;
            m_remaining = 0;
        }
        if (operation == Operation::First && !m_options.resetAtStart &&
            !handOver<QList<Row>>(m_sink.reset, {}))
            return; // the rows shown belong to another question
        finishOperation();
        Q_EMIT pagingChanged();
        Q_EMIT errorOccurred(error);
    }

    /// The error a page shows (larger than asked, a cursor seen before), so paging
    /// to the end cannot loop or balloon; nullopt when fine.
    std::optional<ApiError> checkPage(Operation operation, const Page<Row> &page) {
        if (auto error = PageGuard::checkPageSize(page.items.size(), m_requestedSize))
            return error;
        // A refresh reads pages again on purpose; offset pages are asked one by one.
        if (m_options.mode != Mode::Cursor || operation == Operation::Refresh)
            return std::nullopt;
        if (operation == Operation::First)
            m_guard.startCursorListing();
        return m_guard.checkCursorPage(page.info, page.items.size());
    }

    void notePaging(const Page<Row> &page, qint64 pageOffset) {
        const qsizetype count = page.items.size();
        if (m_options.mode == Mode::Offset) {
            m_nextOffset = pageOffset + m_requestedSize;
            m_total = page.info.totalItemCount.value_or(m_total);
            const qint64 limit =
                m_total >= 0 ? qMin(m_total, m_options.offsetLimit) : m_options.offsetLimit;
            m_atEnd = count == 0 || m_nextOffset >= limit;
        } else {
            m_nextToken = page.info.nextPageToken;
            m_atEnd = PageGuard::isLastCursorPage(page.info, count);
            m_remaining = m_atEnd ? std::optional<qint64>(0) : page.info.remainingRecords;
        }
    }

    /// The rows of an appended page that are handed over; counts whether any was new.
    QList<Row> appendable(QList<Row> rows, bool &anyNew) {
        anyNew = rows.isEmpty();
        if (m_keep)
            rows.removeIf([this](const Row &row) { return !m_keep(row); });
        if (!m_keyOf || rows.isEmpty()) {
            anyNew = true;
            return rows;
        }
        const bool drop = m_options.dropRepeatedRows;
        rows.removeIf([&](const Row &row) {
            const qsizetype before = m_seen.size();
            m_seen.insert(KeyDigest::of(m_keyOf(row)));
            if (m_seen.size() == before)
                return drop;
            anyNew = true;
            return false;
        });
        return rows;
    }

    void onPage(Operation operation, const Page<Row> &page) {
        const qint64 pageOffset =
            operation == Operation::First ? m_options.startOffset : m_nextOffset;
        notePaging(page, pageOffset);
        bool anyNew = false;
        QList<Row> rows = appendable(page.items, anyNew);
        m_pagesWithoutNewRows = anyNew ? 0 : m_pagesWithoutNewRows + 1;
        if (m_pagesWithoutNewRows > m_options.maxPagesWithoutNewRows) {
            // A server repeating itself: stop here rather than page forever.
            fail(operation,
                 PageGuard::repeatedPage(QStringLiteral("number %1").arg(m_pagesLoaded + 1)), true);
            return;
        }
        const bool first = operation == Operation::First;
        m_answered = true;
        m_pagesLoaded = first ? 1 : m_pagesLoaded + 1;
        m_rowsLoaded = (first ? 0 : m_rowsLoaded) + rows.size();
        const bool added = !rows.isEmpty();
        const auto &to = first && !m_options.resetAtStart ? m_sink.reset : m_sink.append;
        if (!handOver<QList<Row>>(to, std::move(rows)))
            return;
        Q_EMIT pagingChanged();
        Q_EMIT pageApplied();
        if (m_operation != operation)
            return; // a slot asked something else meanwhile
        if (operation == Operation::LoadAll) {
            Q_EMIT loadAllProgress(m_rowsLoaded, m_rowsLoaded + m_remaining.value_or(0));
            if (!m_atEnd && m_operation == Operation::LoadAll) {
                request(Operation::LoadAll, nextRequest());
                return;
            }
        } else if (!added && !m_atEnd && m_options.maxPagesWithoutNewRows > 0 &&
                   !m_refreshPending) {
            // Nothing new (offset paging repeats rows): a view waiting for rows would
            // never ask again, so read on at once (bounded by maxPagesWithoutNewRows).
            request(Operation::Next, nextRequest());
            return;
        }
        finishOperation();
    }

    void onRefreshPage(const Page<Row> &page) {
        m_window.append(page.items); // shares the page: no row is copied
        --m_refreshPagesLeft;
        bool more = false;
        if (m_options.mode == Mode::Offset) {
            m_refreshOffset += page.items.isEmpty() ? 0 : m_requestedSize;
            m_total = page.info.totalItemCount.value_or(m_total);
            more = !page.items.isEmpty() &&
                   m_refreshOffset < qMin(qMax<qint64>(m_total, 0), m_options.offsetLimit);
        } else {
            m_refreshToken = page.info.nextPageToken;
            more = !PageGuard::isLastCursorPage(page.info, page.items.size());
            m_remaining = more ? page.info.remainingRecords : std::optional<qint64>(0);
        }
        if (more && m_refreshPagesLeft > 0) {
            request(Operation::Refresh,
                    m_options.mode == Mode::Offset
                        ? PageRequest::atOffset(m_refreshOffset, m_options.pageSize)
                        : PageRequest::cursor(m_refreshToken, m_options.pageSize));
            return;
        }
        m_atEnd = !more;
        m_nextToken = m_refreshToken;
        m_nextOffset = m_refreshOffset;
        RowPages<Row> window = refreshedWindow(std::exchange(m_window, {}));
        m_rowsLoaded = 0;
        for (const QList<Row> &rows : std::as_const(window))
            m_rowsLoaded += rows.size();
        if (!handOver<RowPages<Row>>(m_sink.applyDiff, std::move(window)))
            return;
        Q_EMIT pagingChanged();
        Q_EMIT pageApplied();
        if (m_operation == Operation::Refresh)
            finishOperation();
    }

    /// The window as the model gets it: filtered, and without repeats when asked
    /// (only offset pages can repeat a row, so cursor windows skip the set).
    RowPages<Row> refreshedWindow(RowPages<Row> pages) const {
        const bool dropRepeats =
            m_options.dropRepeatedRows && m_keyOf && m_options.mode == Mode::Offset;
        if (!m_keep && !dropRepeats)
            return pages;
        QSet<KeyDigest> seen;
        for (QList<Row> &rows : pages) {
            if (m_keep)
                rows.removeIf([this](const Row &row) { return !m_keep(row); });
            if (dropRepeats) {
                rows.removeIf([&](const Row &row) {
                    const qsizetype before = seen.size();
                    seen.insert(KeyDigest::of(m_keyOf(row)));
                    return seen.size() == before;
                });
            }
        }
        return pages;
    }

    void finishOperation() {
        m_operation = Operation::None;
        if (m_refreshPending) {
            m_refreshPending = false;
            if (refresh())
                return;
        }
        setLoading(false);
    }

    Sink m_sink;
    KeyOf m_keyOf;
    Keep m_keep;
    Source m_source;
    Cancel m_cancel;
    /// Keys handed over in this question (for repeats), as digests; refreshes do not
    /// prune it: the models ignore or merge a repeated key anyway.
    QSet<KeyDigest> m_seen;
    // Refresh: the pages read again so far, where the next starts, how many are left.
    RowPages<Row> m_window;
    QString m_refreshToken;
    qint64 m_refreshOffset = 0;
    int m_refreshPagesLeft = 0;
};

} // namespace ica
