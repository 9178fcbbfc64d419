#include "core/rows/rowdiffrunner.h"

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace ica {

RowDiffRunner::RowDiffRunner(QObject *parent)
    : QObject(parent) {
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &RowDiffRunner::applySlice);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &RowDiffRunner::onComputed);
}

RowDiffRunner::~RowDiffRunner() {
    if (m_computing)
        m_watcher.waitForFinished();
}

void RowDiffRunner::submit(std::shared_ptr<Job> job) {
    if (job->replacesAll)
        m_queue.clear();
    else if (!m_queue.empty() && m_queue.back()->absorb(*job))
        return; // merged into the update waiting last
    m_queue.push_back(std::move(job));
    // With the slice timer running, a slice or the start of the next update is due:
    // the queue is served then, not in the caller's event.
    if (!m_starting && !m_sliceTimer.isActive())
        startNext();
}

void RowDiffRunner::startNext() {
    // Re-entrancy: a slot of a row signal applied inline may submit again; the loop
    // below picks that up instead of a nested run.
    m_starting = true;
    while (!m_current && !m_computing) {
        if (m_queue.empty()) {
            m_starting = false;
            Q_EMIT settled();
            return;
        }
        std::shared_ptr<Job> job = std::move(m_queue.front());
        m_queue.pop_front();
        job->prepare();
        if (m_inlineLimit > 0 && job->weight <= m_inlineLimit) {
            job->compute();
            job->applySome(QDeadlineTimer(QDeadlineTimer::Forever));
            m_lastSlices = 0;
            continue;
        }
        m_current = job;
        m_computing = true;
        m_watcher.setFuture(QtConcurrent::run([job]() { job->compute(); }));
    }
    m_starting = false;
}

void RowDiffRunner::onComputed() {
    m_computing = false;
    if (m_current)
        applySlice();
    else
        startNext(); // the computed update was cancelled meanwhile
}

void RowDiffRunner::applySlice() {
    if (m_computing)
        return;
    if (!m_current) { // the next update's turn (see below)
        if (!m_queue.empty())
            startNext();
        return;
    }
    ++m_slices;
    if (!m_current->applySome(QDeadlineTimer(SliceBudgetMs))) {
        m_sliceTimer.start();
        Q_EMIT sliceApplied();
        return;
    }
    m_lastSlices = std::exchange(m_slices, 0);
    m_current.reset();
    if (m_queue.empty()) {
        startNext(); // settled
        return;
    }
    // This event had its slice: the updates waiting start on the next turn, after the
    // paint and the input queued meanwhile (pages queued behind a big append, applied
    // inline here, made this event 7-13 ms).
    m_sliceTimer.start();
}

void RowDiffRunner::cancelAll() {
    m_queue.clear();
    m_sliceTimer.stop();
    m_slices = 0;
    if (m_current) {
        m_current->cancel();
        m_current.reset();
    }
}

// --- Row signals ---------------------------------------------------------------------

namespace {

struct Access : QAbstractItemModel {
    using QAbstractItemModel::beginInsertRows;
    using QAbstractItemModel::beginMoveRows;
    using QAbstractItemModel::beginRemoveRows;
    using QAbstractItemModel::beginResetModel;
    using QAbstractItemModel::endInsertRows;
    using QAbstractItemModel::endMoveRows;
    using QAbstractItemModel::endRemoveRows;
    using QAbstractItemModel::endResetModel;
};

} // namespace

void ModelRowSignals::beginInsert(int first, int last) const {
    (model->*&Access::beginInsertRows)(QModelIndex(), first, last);
}

void ModelRowSignals::endInsert() const {
    (model->*&Access::endInsertRows)();
}

void ModelRowSignals::beginRemove(int first, int last) const {
    (model->*&Access::beginRemoveRows)(QModelIndex(), first, last);
}

void ModelRowSignals::endRemove() const {
    (model->*&Access::endRemoveRows)();
}

bool ModelRowSignals::beginMove(int from, int to) const {
    return (model->*&Access::beginMoveRows)(QModelIndex(), from, from, QModelIndex(), to);
}

void ModelRowSignals::endMove() const {
    (model->*&Access::endMoveRows)();
}

void ModelRowSignals::beginReset() const {
    (model->*&Access::beginResetModel)();
}

void ModelRowSignals::endReset() const {
    (model->*&Access::endResetModel)();
}

} // namespace ica
