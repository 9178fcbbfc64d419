#include "core/monitor/batchendwatcher.h"

#include "core/api/apicall.h"
#include "core/api/batchapi.h"

namespace ica {

BatchEndWatcher::BatchEndWatcher(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &BatchEndWatcher::tick);
}

BatchEndWatcher::~BatchEndWatcher() {
    for (const Watched &watched : std::as_const(m_watched))
        if (watched.call)
            watched.call->cancel();
}

void BatchEndWatcher::watch(const QString &projectId, const QString &batchId) {
    if (projectId.isEmpty() || batchId.isEmpty() || m_watched.contains(batchId))
        return;
    m_watched.insert(batchId, Watched{projectId, {}});
    read(batchId);
    if (!m_timer.isActive())
        m_timer.start();
}

void BatchEndWatcher::tick() {
    const QStringList ids = m_watched.keys();
    for (const QString &batchId : ids)
        if (!m_watched.value(batchId).call)
            read(batchId);
}

void BatchEndWatcher::read(const QString &batchId) {
    Watched &watched = m_watched[batchId];
    watched.call = BatchApi(m_client).get(
        watched.projectId, batchId, this,
        [this, batchId](const Result<Batch> &result) { onAnswer(batchId, result); });
}

void BatchEndWatcher::onAnswer(const QString &batchId, const Result<Batch> &result) {
    const auto it = m_watched.find(batchId);
    if (it == m_watched.end())
        return;
    it->call = nullptr;
    const bool ended = result.ok() && result.value->job.status.isTerminal();
    if (!ended && !result.error.isPermanent())
        return; // still running, or a passing failure: the next tick reads it again
    const QString projectId = it->projectId;
    m_watched.erase(it);
    if (m_watched.isEmpty())
        m_timer.stop();
    if (ended)
        Q_EMIT batchEnded(projectId, batchId, result.value->job.status);
}

} // namespace ica
