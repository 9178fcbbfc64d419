#pragma once

#include "core/rows/changecollector.h"
#include "core/rows/offthread.h"
#include "core/rows/rowdiff.h"
#include "core/rows/rowdiffrunner.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>
#include <utility>
#include <vector>

namespace ica {

/// The rows of a list or table model, keyed, and the one way they change: a model
/// owns a KeyedRows, answers rowCount()/data() from size()/at(), and hands every
/// new listing to setTarget() (the rows become exactly these), append() (a further
/// page) or update() (some rows re-read). Each becomes a RowDiff computed on a worker
/// thread and applied in slices by a RowDiffRunner (see there for order and the
/// inline path of small updates), with the smallest true notifications: removals
/// and insertions in blocks, moves for rows off the longest run already in order,
/// dataChanged per changed span through ChangeCollector. Only reset() resets.
///
/// Rows are moved, never copied, on the GUI thread: the worker builds the new rows
/// and the applier moves them into place. While an update is being applied the rows
/// are stored as a finished prefix plus the rest of the old list (removals and
/// insertions) or through a permutation (moves), so each slice costs only its own
/// rows and the model is consistent between slices. Rows inserted at the end (every
/// appended page) go straight onto the list, which grows by a quarter at a time: a
/// page costs its own rows, not the rows before it, and the slack stays under 25%.
/// A page that needs the list (or the index) to grow is computed on the worker, which
/// copies the rows into the larger list and rehashes the index, so the GUI thread only
/// swaps them in (that copy was a 25 ms step at 80,000 rows).
/// Listings that arrive in pages may be handed over as the pages (setTarget() of a
/// list of pages), so joining them is the worker's work too.
///
/// `Traits` (copied to the worker, so thread-safe and cheap to copy) provides:
///   using Row, Key (hashable), Input;
///   Row make(const Input &) const;              // on the worker thread
///   Key key(const Row &) const;
///   bool same(const Row &, const Row &) const;  // nothing at all differs
///   quint32 changedColumns(const Row &, const Row &) const;
template <typename Traits> class KeyedRows final {
public:
    using Row = typename Traits::Row;
    using Key = typename Traits::Key;
    using Input = typename Traits::Input;

    /// Rows per row signal at most, so a huge block splits over slices.
    static constexpr int ChunkRows = 2048;
    /// Containers of up to this many entries are freed on the GUI thread (see
    /// disposeOffThread()).
    static constexpr qsizetype DisposeHereRows = 1024;

    KeyedRows(QAbstractItemModel *model, Traits traits)
        : m_signals(model)
        , m_traits(std::move(traits))
        , m_runner(nullptr) {}
    ~KeyedRows() { m_runner.cancelAll(); }
    Q_DISABLE_COPY_MOVE(KeyedRows)

    [[nodiscard]] int size() const {
        if (m_suffix >= 0)
            return int(m_built.size() + m_rows.size() - m_suffix);
        return int(m_rows.size());
    }
    [[nodiscard]] const Row &at(int row) const {
        if (m_suffix >= 0)
            return row < m_built.size() ? m_built.at(row)
                                        : m_rows.at(m_suffix + row - m_built.size());
        if (!m_perm.empty())
            return m_rows.at(m_perm[std::size_t(row)]);
        return m_rows.at(row);
    }
    /// Row of a key, or -1. O(1) between updates; while one is being applied (inside
    /// the slots of its row signals too) still right, by a scan when the index is stale.
    [[nodiscard]] int rowOf(const Key &key) const {
        const int row = m_index.value(key, -1);
        if (!m_indexStale)
            return row;
        const int count = size();
        if (row >= 0 && row < count && m_traits.key(at(row)) == key)
            return row;
        for (int r = 0; r < count; ++r)
            if (m_traits.key(at(r)) == key)
                return r;
        return -1;
    }
    /// The rows, in order; only between updates (isSettled()).
    [[nodiscard]] const QList<Row> &rows() const {
        Q_ASSERT(m_suffix < 0 && m_perm.empty());
        return m_rows;
    }
    [[nodiscard]] const Traits &traits() const { return m_traits; }
    [[nodiscard]] RowDiffRunner *runner() { return &m_runner; }
    [[nodiscard]] bool isSettled() const { return m_runner.isSettled(); }

    /// The rows become `inputs` in that order (repeated keys after the first ignored).
    void setTarget(QList<Input> inputs) { setTarget(QList<QList<Input>>{std::move(inputs)}); }
    /// The same for a listing read in pages: the pages, in order, joined (on the worker).
    void setTarget(QList<QList<Input>> pages) {
        auto job = std::make_shared<Job>(this, Mode::Target);
        job->replacesAll = true;
        job->setInputs(std::move(pages));
        job->weight = m_rows.size() + job->inputCount;
        m_runner.submit(job);
    }
    /// Like setTarget() for a listing without an order of its own: rows shown keep
    /// their order (and get the new values), new keys are appended in the order they
    /// first appear, keys not in `inputs` are removed; a repeated key: the last wins.
    void setTargetKeepingOrder(QList<Input> inputs) {
        auto job = std::make_shared<Job>(this, Mode::Target);
        job->weight = m_rows.size() + inputs.size();
        job->replacesAll = true;
        job->keepOrder = true;
        job->setInputs({std::move(inputs)});
        m_runner.submit(job);
    }
    /// New keys of `inputs` are appended in one block (in their order); known keys are
    /// updated in place when `updateKnown`, else ignored. Appends submitted while
    /// another update is computed or applied are merged into one (the rows and their
    /// order are those of applying them in turn; one insertion block).
    void append(QList<Input> inputs, bool updateKnown) {
        auto job = std::make_shared<Job>(this, Mode::Append);
        job->weight = inputs.size();
        job->updateKnown = updateKnown;
        job->phase = Phase::Changes; // see nextPhase()
        job->setInputs({std::move(inputs)});
        m_runner.submit(job);
    }
    /// Rows of `fresh` that are shown get the new values; rows of `gone` are removed.
    /// Keys not shown are ignored.
    void update(QList<Input> fresh, QList<Key> gone) {
        auto job = std::make_shared<Job>(this, Mode::Update);
        job->weight = m_rows.size() + fresh.size();
        job->setInputs({std::move(fresh)});
        job->gone = std::move(gone);
        m_runner.submit(job);
    }
    /// Replaces every row with a reset, at once (a new question); pending updates drop.
    /// `whileReset` runs between the begin and the end of the reset, with no row left
    /// (for state shared by the rows, such as a value pool).
    void reset(const QList<Input> &inputs, const std::function<void()> &whileReset = {}) {
        m_runner.cancelAll();
        m_signals.beginReset();
        m_built = {};
        m_suffix = -1;
        m_perm.clear();
        m_rows = {};
        m_index = {};
        if (whileReset)
            whileReset();
        m_rows.reserve(inputs.size());
        m_index.reserve(inputs.size());
        for (const Input &input : inputs) {
            Row row = m_traits.make(input);
            const Key key = m_traits.key(row);
            if (m_index.contains(key))
                continue;
            m_index.insert(key, int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        m_indexStale = false;
        m_signals.endReset();
    }

private:
    enum class Mode { Target, Append, Update };
    enum class Phase { Removals, Moves, Insertions, Changes, Done };

    class Job final : public RowDiffRunner::Job {
    public:
        Job(KeyedRows *owner, Mode mode)
            : owner(owner)
            , traits(owner->m_traits)
            , mode(mode) {}

        void prepare() override {
            shown = owner->m_rows; // shallow: released by compute()
            if (mode != Mode::Target)
                shownIndex = owner->m_index;
            if (mode == Mode::Append)
                planGrowth();
        }
        /// Growing the list of rows copies every row into fresh memory, and growing the
        /// index rehashes every key: tens of milliseconds at 100,000 rows, once in a
        /// while during a long load. When this append needs either, the worker grows
        /// them (the weight sends the job there) and the applier swaps them in.
        void planGrowth() {
            const qsizetype needed = shown.size() + inputCount;
            if (needed > shown.capacity())
                growRowsTo = qMax(needed, shown.size() + shown.size() / 4);
            growIndex = shownIndex.size() + inputCount > shownIndex.capacity();
            if (growRowsTo > 0 || growIndex)
                weight += shown.size();
            shownData = shown.constData();
        }
        void compute() override {
            switch (mode) {
            case Mode::Target:
                computeTarget();
                break;
            case Mode::Append:
                computeAppend();
                break;
            case Mode::Update:
                computeUpdate();
                break;
            }
            // Release the shallow copies now, so the GUI thread's first write to the
            // rows does not copy them all.
            shown = {};
            shownIndex = {};
            inputs = {};
            gone = {};
        }
        bool applySome(const QDeadlineTimer &deadline) override {
            return owner->applySome(*this, deadline);
        }
        void cancel() override { cancelled = true; }
        /// Appends merge: each keeps its own page (see computeAppend()).
        bool absorb(RowDiffRunner::Job &later) override {
            auto *next = dynamic_cast<Job *>(&later);
            if (!next || next->owner != owner || mode != Mode::Append ||
                next->mode != Mode::Append || next->updateKnown != updateKnown)
                return false;
            for (QList<Input> &page : next->inputs)
                inputs.append(std::move(page));
            inputCount += next->inputCount;
            weight += next->weight;
            return true;
        }

        void setInputs(QList<QList<Input>> pages) {
            inputs = std::move(pages);
            inputCount = 0;
            for (const QList<Input> &page : std::as_const(inputs))
                inputCount += page.size();
        }
        /// Calls `f` for every input, in order, page after page.
        template <typename F> void forEachInput(F f) const {
            for (const QList<Input> &page : inputs)
                for (const Input &input : page)
                    f(input);
        }

        void keepShownOrder() {
            QList<Row> made;
            QList<Key> keys;
            made.reserve(inputCount);
            keys.reserve(inputCount);
            QHash<Key, int> last;
            forEachInput([&](const Input &input) {
                made.append(traits.make(input));
                keys.append(traits.key(made.last()));
                last.insert(keys.last(), int(made.size() - 1));
            });
            QList<Row> ordered;
            ordered.reserve(last.size());
            QSet<Key> taken;
            const auto take = [&](const Key &key) {
                const int at = last.value(key, -1);
                if (at < 0 || taken.contains(key))
                    return;
                taken.insert(key);
                ordered.append(std::move(made[at]));
            };
            for (const Row &row : std::as_const(shown))
                take(traits.key(row));
            for (const Key &key : std::as_const(keys))
                take(key);
            values = std::move(ordered);
        }
        void computeTarget() {
            if (keepOrder) {
                keepShownOrder();
                for (int i = 0; i < values.size(); ++i)
                    index.insert(traits.key(values.at(i)), i);
            }
            values.reserve(inputCount);
            index.reserve(inputCount);
            if (!keepOrder) {
                forEachInput([this](const Input &input) {
                    Row row = traits.make(input);
                    const Key key = traits.key(row);
                    if (index.contains(key))
                        return;
                    index.insert(key, int(values.size()));
                    values.append(std::move(row));
                });
            }
            QList<int> targetOfShown(shown.size());
            for (qsizetype i = 0; i < shown.size(); ++i)
                targetOfShown[i] = index.value(traits.key(shown.at(i)), -1);
            diff = structuralRowDiff(targetOfShown, int(values.size()));
            bool ascending = true;
            for (qsizetype i = 0; i < shown.size(); ++i) {
                const int t = targetOfShown.at(i);
                if (t < 0 || traits.same(shown.at(i), values.at(t)))
                    continue;
                ascending = ascending && (diff.changes.isEmpty() || diff.changes.last().row < t);
                diff.changes.append({t, traits.changedColumns(shown.at(i), values.at(t)), t});
            }
            if (!ascending)
                sortChanges();
        }
        /// Each page of an append is one append() call (several when merged, see
        /// absorb()), applied as if in turn: in a page the first of a repeated key
        /// counts; a later page's row updates the row shown or added before it (when
        /// updateKnown, else it is ignored).
        void computeAppend() {
            const bool merged = inputs.size() > 1;
            QList<Row> added;
            QHash<Key, qsizetype> addedAt; // merged only: where a new key went
            QHash<int, Row> newest;        // shown row -> its newest value (updateKnown)
            for (const QList<Input> &page : std::as_const(inputs)) {
                QSet<Key> taken;
                taken.reserve(page.size());
                for (const Input &input : page) {
                    Row row = traits.make(input);
                    const Key key = traits.key(row);
                    if (taken.contains(key))
                        continue;
                    taken.insert(key);
                    const int at = shownIndex.value(key, -1);
                    if (at >= 0) {
                        if (updateKnown)
                            newest.insert(at, std::move(row));
                        continue;
                    }
                    const auto earlier = merged ? addedAt.constFind(key) : addedAt.cend();
                    if (earlier == addedAt.cend()) {
                        if (merged)
                            addedAt.insert(key, added.size());
                        added.append(std::move(row));
                    } else if (updateKnown) {
                        added[*earlier] = std::move(row);
                    }
                }
            }
            for (auto it = newest.begin(); it != newest.end(); ++it) {
                const Row &before = shown.at(it.key());
                if (traits.same(before, it.value()))
                    continue;
                diff.changes.append(
                    {it.key(), traits.changedColumns(before, it.value()), int(values.size())});
                values.append(std::move(it.value()));
            }
            sortChanges();
            if (growRowsTo > 0) {
                grownRows.reserve(growRowsTo);
                grownRows.append(shown);
            }
            if (growIndex && !added.isEmpty()) {
                index = shownIndex;
                index.reserve(shownIndex.size() + added.size());
                for (qsizetype i = 0; i < added.size(); ++i)
                    index.insert(traits.key(added.at(i)), int(shown.size() + i));
                replacesIndex = true;
            }
            if (!added.isEmpty()) {
                diff.insertions.append({int(shown.size()), int(added.size()), int(values.size())});
                for (Row &row : added)
                    values.append(std::move(row));
            }
        }
        void computeUpdate() {
            QSet<Key> goneKeys(gone.cbegin(), gone.cend());
            QList<int> targetOfShown(shown.size());
            int kept = 0;
            for (qsizetype i = 0; i < shown.size(); ++i)
                targetOfShown[i] = goneKeys.contains(traits.key(shown.at(i))) ? -1 : kept++;
            diff = structuralRowDiff(targetOfShown, kept);
            if (kept < shown.size()) {
                index.reserve(kept);
                for (qsizetype i = 0; i < shown.size(); ++i)
                    if (targetOfShown.at(i) >= 0)
                        index.insert(traits.key(shown.at(i)), targetOfShown.at(i));
                replacesIndex = true;
            }
            QSet<Key> taken;
            forEachInput([&](const Input &input) {
                Row row = traits.make(input);
                const Key key = traits.key(row);
                const int at = shownIndex.value(key, -1);
                if (at < 0 || taken.contains(key) || targetOfShown.at(at) < 0)
                    return;
                taken.insert(key);
                if (traits.same(shown.at(at), row))
                    return;
                diff.changes.append({targetOfShown.at(at), traits.changedColumns(shown.at(at), row),
                                     int(values.size())});
                values.append(std::move(row));
            });
            sortChanges();
        }
        void sortChanges() {
            std::sort(
                diff.changes.begin(), diff.changes.end(),
                [](const RowDiff::Change &a, const RowDiff::Change &b) { return a.row < b.row; });
        }

        KeyedRows *owner;
        Traits traits;
        Mode mode;
        bool updateKnown = false;
        bool keepOrder = false;
        bool cancelled = false;
        bool replacesIndex = false;
        bool appendsInPlace = false; ///< the insertions go onto the end of the list
        QList<QList<Input>> inputs;
        qsizetype inputCount = 0;
        QList<Key> gone;
        QList<Row> shown;
        QHash<Key, int> shownIndex;
        const Row *shownData = nullptr; ///< where the rows were when the job was prepared
        qsizetype growRowsTo = 0;       ///< an append's new capacity (0: no growth)
        bool growIndex = false;         ///< an append grows the index (rehash)
        // Results.
        RowDiff diff;
        QList<Row> values;
        QList<Row> grownRows; ///< the shown rows in a larger list (an append's growth)
        QHash<Key, int> index;
        // Progress of the application.
        Phase phase = Phase::Removals;
        qsizetype step = 0;     ///< entry of the phase's list
        int stepDone = 0;       ///< rows of a span already applied
        bool phaseOpen = false; ///< the phase's storage mode is set up
    };

    bool applySome(Job &job, const QDeadlineTimer &deadline) {
        if (job.cancelled)
            return true;
        m_indexStale = true;
        swapInGrownRows(job);
        while (job.phase != Phase::Done) {
            bool finished = false;
            switch (job.phase) {
            case Phase::Removals:
                finished = applyRemovals(job, deadline);
                break;
            case Phase::Moves:
                finished = applyMoves(job, deadline);
                break;
            case Phase::Insertions:
                finished = applyInsertions(job, deadline);
                break;
            case Phase::Changes:
                finished = applyChanges(job, deadline);
                break;
            case Phase::Done:
                break;
            }
            if (!finished)
                return false;
            job.phase = nextPhase(job);
            job.step = 0;
            job.stepDone = 0;
            job.phaseOpen = false;
        }
        finishIndex(job);
        disposeOffThread(std::move(job.values));
        m_indexStale = false;
        return true;
    }

    /// Removals, moves, insertions, changes (at final rows); an append changes the
    /// rows it knows first (their rows are the same before and after) and ends with
    /// its one insertion, the order a reader expects ("updated, then more").
    static Phase nextPhase(const Job &job) {
        if (job.mode == Mode::Append)
            return job.phase == Phase::Changes ? Phase::Insertions : Phase::Done;
        return Phase(int(job.phase) + 1);
    }

    /// Frees a container on a worker thread: tens of thousands of rows' strings cost
    /// milliseconds to release, which the GUI thread need not spend. Up to
    /// DisposeHereRows entries (a page's moved-from rows) are freed here: waking a worker
    /// for them cost more than freeing them (a thread-pool start per page of a load).
    template <typename Container> static void disposeOffThread(Container &&container) {
        if (container.isEmpty())
            return;
        if (container.size() <= DisposeHereRows) {
            container = {};
            return;
        }
        destroyOffThread(std::move(container));
        container = {};
    }

    // Splice mode: the rows are m_built followed by m_rows[m_suffix...].
    void openSplice(qsizetype capacity) {
        Q_ASSERT(m_rows.isDetached() || m_rows.isEmpty());
        m_built = {};
        m_built.reserve(capacity);
        m_suffix = 0;
    }
    void takeSuffixUntil(qsizetype oldIndex) {
        while (m_suffix < oldIndex)
            m_built.append(std::move(m_rows[m_suffix++]));
    }
    void closeSplice() {
        takeSuffixUntil(m_rows.size());
        disposeOffThread(std::move(m_rows)); // moved-from and removed rows
        m_rows = std::exchange(m_built, {});
        m_suffix = -1;
    }

    bool applyRemovals(Job &job, const QDeadlineTimer &deadline) {
        const QList<RowDiff::Span> &spans = job.diff.removals;
        if (spans.isEmpty())
            return true;
        if (!job.phaseOpen) {
            qsizetype removed = 0;
            for (const RowDiff::Span &span : spans)
                removed += span.count;
            openSplice(m_rows.size() - removed);
            job.phaseOpen = true;
        }
        const bool done = walkSpans(job, spans, deadline,
                                    [this](const RowDiff::Span &span, int offset, int count) {
                                        takeSuffixUntil(span.first + offset);
                                        const int row = int(m_built.size());
                                        m_signals.beginRemove(row, row + count - 1);
                                        m_suffix += count;
                                        m_signals.endRemove();
                                    });
        if (done)
            closeSplice();
        return done;
    }

    /// Walks `spans` from where `job` stopped, in chunks of at most ChunkRows rows:
    /// `chunk(span, offset, count)` handles rows offset..offset+count-1 of a span.
    /// False when the deadline passed before the last span (job says where it stopped).
    template <typename Chunk>
    bool walkSpans(Job &job, const QList<RowDiff::Span> &spans, const QDeadlineTimer &deadline,
                   Chunk chunk) {
        while (job.step < spans.size()) {
            const RowDiff::Span &span = spans.at(job.step);
            const int count = qMin(ChunkRows, span.count - job.stepDone);
            chunk(span, job.stepDone, count);
            job.stepDone += count;
            if (job.stepDone == span.count) {
                ++job.step;
                job.stepDone = 0;
            }
            if (job.step < spans.size() && deadline.hasExpired())
                return false;
        }
        return true;
    }

    bool applyMoves(Job &job, const QDeadlineTimer &deadline) {
        const QList<RowDiff::Move> &moves = job.diff.moves;
        if (moves.isEmpty())
            return true;
        if (!job.phaseOpen) {
            m_perm.resize(std::size_t(m_rows.size()));
            std::iota(m_perm.begin(), m_perm.end(), 0);
            job.phaseOpen = true;
        }
        while (job.step < moves.size()) {
            const RowDiff::Move move = moves.at(job.step++);
            const bool ok = m_signals.beginMove(move.from, move.to);
            Q_ASSERT(ok);
            if (ok) {
                const auto first = m_perm.begin();
                if (move.to > move.from)
                    std::rotate(first + move.from, first + move.from + 1, first + move.to);
                else
                    std::rotate(first + move.to, first + move.from, first + move.from + 1);
                m_signals.endMove();
            }
            if (job.step < moves.size() && deadline.hasExpired())
                return false;
        }
        QList<Row> ordered;
        ordered.reserve(m_rows.size());
        for (const int from : m_perm)
            ordered.append(std::move(m_rows[from]));
        m_perm.clear();
        disposeOffThread(std::move(m_rows));
        m_rows = std::move(ordered);
        return true;
    }

    bool applyInsertions(Job &job, const QDeadlineTimer &deadline) {
        const QList<RowDiff::Span> &spans = job.diff.insertions;
        if (spans.isEmpty())
            return true;
        if (!job.phaseOpen) {
            qsizetype added = 0;
            for (const RowDiff::Span &span : spans)
                added += span.count;
            // Spans are ascending by final row: if the first starts after the last row
            // shown, every inserted row goes onto the end.
            job.appendsInPlace = spans.first().first == m_rows.size();
            if (job.appendsInPlace)
                reserveForAppend(m_rows.size() + added);
            else
                openSplice(m_rows.size() + added);
            job.phaseOpen = true;
        }
        if (job.appendsInPlace) {
            return walkSpans(job, spans, deadline,
                             [this, &job](const RowDiff::Span &span, int offset, int count) {
                                 const int row = span.first + offset;
                                 Q_ASSERT(row == m_rows.size());
                                 m_signals.beginInsert(row, row + count - 1);
                                 for (int k = 0; k < count; ++k)
                                     m_rows.append(std::move(job.values[span.source + offset + k]));
                                 m_signals.endInsert();
                             });
        }
        const bool done = walkSpans(
            job, spans, deadline, [this, &job](const RowDiff::Span &span, int offset, int count) {
                const int row = span.first + offset;
                takeSuffixUntil(m_suffix + (row - m_built.size()));
                m_signals.beginInsert(row, row + count - 1);
                for (int k = 0; k < count; ++k)
                    m_built.append(std::move(job.values[span.source + offset + k]));
                m_signals.endInsert();
            });
        if (done)
            closeSplice();
        return done;
    }

    /// An append's rows grown by the worker replace the list, if it is still the one the
    /// worker copied (nothing changes the rows between prepare() and the application).
    void swapInGrownRows(Job &job) {
        if (job.grownRows.capacity() == 0)
            return;
        if (m_rows.constData() == job.shownData && m_rows.size() == job.grownRows.size()) {
            disposeOffThread(std::move(m_rows));
            m_rows = std::move(job.grownRows);
        }
        disposeOffThread(std::move(job.grownRows));
    }

    /// Room for `rows` rows without moving the list again for a while: a quarter more
    /// than now (so a page's append costs its rows, amortised), never less than asked.
    void reserveForAppend(qsizetype rows) {
        if (rows <= m_rows.capacity())
            return;
        m_rows.reserve(qMax(rows, m_rows.size() + m_rows.size() / 4));
    }

    bool applyChanges(Job &job, const QDeadlineTimer &deadline) {
        const QList<RowDiff::Change> &changes = job.diff.changes;
        ChangeCollector collector(m_signals.model, m_signals.model->columnCount());
        while (job.step < changes.size()) {
            const RowDiff::Change &change = changes.at(job.step++);
            m_rows[change.row] = std::move(job.values[change.source]);
            collector.add(change.row, change.columns);
            if ((job.step & 63) == 0 && job.step < changes.size() && deadline.hasExpired())
                return false;
        }
        return true;
    }

    void finishIndex(Job &job) {
        switch (job.mode) {
        case Mode::Target:
            disposeOffThread(std::move(m_index));
            m_index = std::move(job.index);
            break;
        case Mode::Update:
            if (job.replacesIndex) {
                disposeOffThread(std::move(m_index));
                m_index = std::move(job.index);
            }
            break;
        case Mode::Append:
            if (job.replacesIndex) { // grown and filled by the worker
                disposeOffThread(std::move(m_index));
                m_index = std::move(job.index);
                break;
            }
            for (const RowDiff::Span &span : std::as_const(job.diff.insertions))
                for (int row = span.first; row < span.first + span.count; ++row)
                    m_index.insert(m_traits.key(m_rows.at(row)), row);
            break;
        }
    }

    ModelRowSignals m_signals;
    Traits m_traits;
    RowDiffRunner m_runner;
    QList<Row> m_rows;
    QList<Row> m_built;
    qsizetype m_suffix = -1;
    std::vector<int> m_perm;
    QHash<Key, int> m_index;
    bool m_indexStale = false;
};

} // namespace ica
