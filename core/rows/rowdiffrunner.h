#pragma once

#include <QAbstractItemModel>
#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

namespace ica {

/// Runs a model's row updates one after another: each is computed on a worker
/// thread (QtConcurrent's global pool), then applied on the GUI thread in slices of at
/// most SliceBudgetMs, the event loop turning between slices (a zero timer). The model
/// is consistent after every slice.
///
/// Order: updates are applied in the order they were submitted, each computed against
/// the rows as the one before it left them (an update is computed only once the one
/// before it is fully applied). An update that replaces every row (a new target list)
/// drops the updates still waiting before it: they would be overwritten anyway. An
/// update waiting behind another may absorb the next one submitted (Job::absorb()).
/// After an update applied off the GUI thread, the next one starts on the next turn of
/// the event loop, so one event never applies a slice and then further updates.
/// Small updates (rows shown plus rows given up to inlineLimit()) with nothing
/// pending are computed and applied at once, on the calling thread: a thread hop
/// would cost more than the diff, and callers see the rows at once.
class RowDiffRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowDiffRunner)
public:
    /// One update. compute() runs on a worker thread and must touch nothing the GUI
    /// thread changes meanwhile (it works on shallow copies it releases before
    /// returning); applySome() runs on the GUI thread until `deadline` and returns
    /// true when everything is applied; cancel() drops what is left (a reset follows).
    class Job {
    public:
        virtual ~Job() = default;
        /// On the GUI thread, right before compute(): take shallow copies of the rows.
        virtual void prepare() = 0;
        virtual void compute() = 0;
        virtual bool applySome(const QDeadlineTimer &deadline) = 0;
        virtual void cancel() = 0;
        /// Takes `later`, submitted right behind this job while both wait, into this
        /// job when applying the two as one gives the same rows as applying them in
        /// turn (pages of a "load all" arriving while an update is computed or applied:
        /// one insertion instead of one per page). True when taken (`later` is dropped).
        virtual bool absorb(Job &later) {
            Q_UNUSED(later);
            return false;
        }
        /// Rows shown plus rows given, for the inline decision.
        qsizetype weight = 0;
        /// True when the update sets every row: the updates waiting before it are moot.
        bool replacesAll = false;
    };

    /// Time one slice may take on the GUI thread; well under a 16 ms frame.
    static constexpr int SliceBudgetMs = 6;
    /// Default inlineLimit().
    static constexpr qsizetype DefaultInlineLimit = 2000;

    explicit RowDiffRunner(QObject *parent = nullptr);
    /// Waits for a computation in flight (it holds shallow copies of the rows).
    ~RowDiffRunner() override;

    void submit(std::shared_ptr<Job> job);
    /// Drops every update not yet applied (for a reset: the rows are replaced anyway).
    void cancelAll();
    /// No update is waiting, being computed or being applied.
    [[nodiscard]] bool isSettled() const { return !m_current && m_queue.empty(); }
    [[nodiscard]] qsizetype inlineLimit() const { return m_inlineLimit; }
    /// 0: always on a worker thread (tests of the asynchronous path).
    void setInlineLimit(qsizetype limit) { m_inlineLimit = limit; }
    /// Slices the last update applied off the GUI thread took (0 for one applied at once).
    [[nodiscard]] int lastSliceCount() const { return m_lastSlices; }

Q_SIGNALS:
    /// Every update submitted so far is applied (emitted once per quiet point,
    /// synchronously for an update applied at once).
    void settled();
    /// A slice ended with part of an update still to apply (the rows are consistent).
    void sliceApplied();

private:
    void startNext();
    void onComputed();
    void applySlice();

    std::deque<std::shared_ptr<Job>> m_queue;
    std::shared_ptr<Job> m_current; ///< being computed or applied
    bool m_computing = false;
    bool m_starting = false;
    int m_slices = 0;
    int m_lastSlices = 0;
    QFutureWatcher<void> m_watcher;
    QTimer m_sliceTimer;
    qsizetype m_inlineLimit = DefaultInlineLimit;
};

/// Calls the protected row-signal functions of any QAbstractItemModel, for the row
/// appliers that live beside a model instead of in it. Why this way: begin/end*Rows
/// are protected, and a using-declaration in a derived class makes them nameable
/// while the pointer-to-member still applies to the base (standard C++).
struct ModelRowSignals final {
    explicit ModelRowSignals(QAbstractItemModel *model)
        : model(model) {}
    void beginInsert(int first, int last) const;
    void endInsert() const;
    void beginRemove(int first, int last) const;
    void endRemove() const;
    /// Moves one row to before `to` (counted before it left); false when not a move.
    bool beginMove(int from, int to) const;
    void endMove() const;
    void beginReset() const;
    void endReset() const;
    QAbstractItemModel *model;
};

} // namespace ica
