#include "core/monitor/batchprogresstracker.h"

#include "core/store/storeworker.h"

#include <QDateTime>

#include <utility>

namespace ica {

BatchProgressTracker::BatchProgressTracker(StoreWorker *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveEveryMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &BatchProgressTracker::flush);
}

BatchProgressTracker::~BatchProgressTracker() {
    flush();
}

void BatchProgressTracker::setProfileId(const QString &profileId) {
    if (profileId == m_profileId)
        return;
    setBatch(QString());
    m_profileId = profileId;
}

void BatchProgressTracker::setBatch(const QString &batchId) {
    if (batchId == m_batchId)
        return;
    flush();
    m_batchId = batchId;
    m_curve = ProgressCurve();
    const quint64 serial = ++m_serial;
    Q_EMIT curveChanged();
    if (!m_store || batchId.isEmpty() || m_profileId.isEmpty())
        return;
    m_store->loadProgress(m_profileId, batchId, this,
                          [this, serial](const StoreResult<QByteArray> &result) {
                              if (serial != m_serial || !result.ok() || result.value.isEmpty())
                                  return; // another batch now, or nothing kept
                              // Points recorded while the load ran come after the stored ones.
                              ProgressCurve merged = ProgressCurve::fromJson(result.value);
                              for (const ProgressCurve::Sample &s : m_curve.samples())
                                  merged.add(s.atMs, s.counts);
                              m_curve = merged;
                              Q_EMIT curveChanged();
                          });
}

void BatchProgressTracker::record(const QString &batchId, const ItemStatusCounts &counts,
                                  bool terminal) {
    if (batchId.isEmpty())
        return;
    setBatch(batchId);
    if (!m_curve.add(m_clock(), counts))
        return;
    m_dirty = true;
    Q_EMIT curveChanged();
    if (terminal)
        flush();
    else if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void BatchProgressTracker::flush() {
    m_saveTimer.stop();
    if (!std::exchange(m_dirty, false) || !m_store || m_profileId.isEmpty() ||
        m_batchId.isEmpty() || m_curve.isEmpty())
        return;
    // No context: a write posted at shutdown still runs (the worker finishes its work);
    // a failed write only costs the chart its points.
    m_store->saveProgress(m_profileId, m_batchId, m_curve.toJson(), nullptr, {});
}

} // namespace ica
