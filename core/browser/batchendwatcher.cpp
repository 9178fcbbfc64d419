#include "batchendwatcher.h"

#include "models/batchmonitor.h"
#include "models/itemspager.h" // batchmonitor.h needs it complete

namespace ica {

BatchEndWatcher::BatchEndWatcher(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

BatchEndWatcher::~BatchEndWatcher() = default;

void BatchEndWatcher::setInterval(std::chrono::milliseconds interval) {
    m_interval = interval;
    for (BatchMonitor *monitor : std::as_const(m_monitors))
        monitor->setRefreshInterval(interval);
}

void BatchEndWatcher::watch(const QString &projectId, const QString &batchId) {
    if (projectId.isEmpty() || batchId.isEmpty() || m_monitors.contains(batchId))
        return;
    auto *monitor = new BatchMonitor(m_client, this);
    m_monitors.insert(batchId, monitor);
    connect(monitor, &BatchMonitor::finished, this,
            [this, monitor, projectId, batchId](const JobStatus &status) {
                m_monitors.remove(batchId);
                // Not deleted here: the monitor is still inside its own signal.
                monitor->deleteLater();
                Q_EMIT batchEnded(projectId, batchId, status);
            });
    // An error that stops live refresh (the batch is gone, access was revoked) will
    // not heal by itself: stop watching instead of keeping a dead monitor.
    connect(monitor, &BatchMonitor::errorOccurred, this, [this, monitor, batchId]() {
        if (!monitor->isStoppedByError())
            return;
        m_monitors.remove(batchId);
        monitor->deleteLater();
    });
    monitor->setRefreshInterval(m_interval);
    monitor->setBatch(projectId, batchId);
}

} // namespace ica
