#pragma once

#include "cli/command.h"
#include "cli/views.h"

#include "core/domain/batch.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace ica::cli {

/// `batch wait`: polls the batch until its job status is terminal, reporting
/// progress on stderr, then prints the batch and its item counts per status.
/// A terminal job is success (exit 0) whatever its status, FAILED included: the
/// wait did what was asked. A poll that fails in a way another try may cure (a 5xx,
/// a dropped connection, a timeout, after the client's own retries) is said on
/// stderr and tried again on the next tick; the wait gives up (exit 1) only after
/// `giveUpAfter` of nothing but failures, or at once on a permanent error (403,
/// 404, ...). The --timeout gives exit 1 too.
class BatchWaitCommand final : public Command {
    Q_OBJECT
public:
    BatchWaitCommand(QString projectId, QString batchId, std::chrono::milliseconds interval,
                     std::optional<std::chrono::milliseconds> timeout,
                     std::chrono::milliseconds giveUpAfter = DefaultGiveUpAfter);

    /// How long polls may fail one after another before the wait gives up.
    static constexpr std::chrono::milliseconds DefaultGiveUpAfter{300000};

    void start() override;
    /// JSON output: keep the result ({"batch", "itemCounts"}) for collectedJson()
    /// instead of printing it, for a caller that prints several as one document.
    void setCollectJson(bool collect) { m_collectJson = collect; }
    [[nodiscard]] QJsonObject collectedJson() const { return m_collected; }

private:
    void poll();
    /// Asks for each item status's count (offset mode, pageSize 1, totalItemCount),
    /// all at once; `done` runs when all six are known. Fails the command on error.
    void fetchCounts(const std::function<void()> &done);
    /// A poll failed: gives up on a permanent error or after the grace, else says
    /// so and polls again after the interval.
    void onPollFailed(const ica::ApiError &error, const QString &what);
    void reportProgress();
    void printResult();
    void onTimeout();

    QString m_projectId;
    QString m_batchId;
    std::chrono::milliseconds m_interval;
    std::optional<std::chrono::milliseconds> m_timeout;
    std::chrono::milliseconds m_giveUpAfter;
    QElapsedTimer m_failingFor; ///< valid while polls fail one after another
    quint64 m_poll = 0;         ///< answers of an abandoned poll are dropped
    QTimer m_pollTimer;
    QTimer m_timeoutTimer;
    ica::Batch m_batch;
    bool m_haveBatch = false;
    StatusCounts m_counts;
    QString m_lastProgress;
    bool m_collectJson = false;
    QJsonObject m_collected;
};

[[nodiscard]] CommandSpec batchWaitSpec();

} // namespace ica::cli
