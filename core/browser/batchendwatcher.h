#pragma once

#include "domain/batch.h"

#include <QHash>
#include <QObject>

#include <chrono>

namespace ica {

class ApiClient;
class BatchMonitor;

/// Watches the batches this app created until their jobs end, whichever batch the
/// monitor tab happens to show, and says when each one has ended, so the data
/// browser can show the tags they set (BatchTouchTracker::touchBatch()). One
/// BatchMonitor per batch, refreshed on an interval; a monitor is dropped as soon as
/// its batch has ended. A batch whose job cannot be read for a while (network down)
/// keeps being watched: BatchMonitor tries again on its interval; one that cannot be
/// read at all any more (deleted, no access: BatchMonitor stops) is dropped.
class BatchEndWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchEndWatcher)
public:
    /// How often a watched batch is read (default 3 s).
    static constexpr std::chrono::milliseconds DefaultInterval{3000};

    /// `client` is not owned and must outlive the watcher.
    explicit BatchEndWatcher(ApiClient *client, QObject *parent = nullptr);
    ~BatchEndWatcher() override;

    void setInterval(std::chrono::milliseconds interval);
    /// Watches a batch until its job ends; a batch already watched is left as it is.
    void watch(const QString &projectId, const QString &batchId);
    [[nodiscard]] bool isWatching(const QString &batchId) const {
        return m_monitors.contains(batchId);
    }
    [[nodiscard]] int watchedCount() const { return int(m_monitors.size()); }

Q_SIGNALS:
    /// The batch's job reached a terminal status (SUCCEEDED, FAILED, ...).
    void batchEnded(const QString &projectId, const QString &batchId, const ica::JobStatus &status);

private:
    ApiClient *m_client;
    std::chrono::milliseconds m_interval = DefaultInterval;
    QHash<QString, BatchMonitor *> m_monitors; ///< batch ID -> its monitor (owned as a child)
};

} // namespace ica
