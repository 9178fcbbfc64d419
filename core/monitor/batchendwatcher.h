#pragma once

#include "core/domain/batch.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace ica {

class ApiCall;
class ApiClient;
template <typename T> struct Result;

/// Watches the batches this app created until their jobs end, whichever batch the
/// monitor tab happens to show, and says when each one has ended, so the data
/// browser can show the tags they set (BatchTouchTracker::touchBatch()). One timer
/// for all: each tick reads every watched batch (GET …/dataUpdateBatch/{id}, one
/// call, at most one in flight per batch) and drops those whose job has ended. A
/// batch that cannot be read for a while (network down) keeps being watched; one
/// that cannot be read at all any more (ApiError::isPermanent(): deleted, no
/// access) is dropped without a signal.
class BatchEndWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchEndWatcher)
public:
    /// How often the watched batches are read (default 3 s).
    static constexpr std::chrono::milliseconds DefaultInterval{3000};

    /// `client` is not owned and must outlive the watcher.
    explicit BatchEndWatcher(ApiClient *client, QObject *parent = nullptr);
    ~BatchEndWatcher() override;

    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    /// Watches a batch until its job ends (read at once, then on every tick); a batch
    /// already watched is left as it is.
    void watch(const QString &projectId, const QString &batchId);
    [[nodiscard]] bool isWatching(const QString &batchId) const {
        return m_watched.contains(batchId);
    }
    [[nodiscard]] int watchedCount() const { return int(m_watched.size()); }

Q_SIGNALS:
    /// The batch's job reached a terminal status (SUCCEEDED, FAILED, ...).
    void batchEnded(const QString &projectId, const QString &batchId, const ica::JobStatus &status);

private:
    struct Watched {
        QString projectId;
        QPointer<ApiCall> call; ///< the read in flight, if any
    };
    void tick();
    void read(const QString &batchId);
    void onAnswer(const QString &batchId, const Result<Batch> &result);

    ApiClient *m_client;
    QTimer m_timer;
    QHash<QString, Watched> m_watched; ///< batch ID -> what is known
};

} // namespace ica
