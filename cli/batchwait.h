#pragma once

#include "command.h"
#include "views.h"

#include "domain/batch.h"

#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace icacli {

/// `batch wait`: polls the batch until its job status is terminal, reporting
/// progress on stderr, then prints the batch and its item counts per status.
/// A terminal job is success (exit 0) whatever its status, FAILED included: the
/// wait did what was asked. API failures and the --timeout give exit 1.
class BatchWaitCommand final : public Command {
    Q_OBJECT
public:
    BatchWaitCommand(QString projectId, QString batchId, std::chrono::milliseconds interval,
                     std::optional<std::chrono::milliseconds> timeout);

    void start() override;

private:
    void poll();
    /// Asks for each item status's count (offset mode, pageSize 1, totalItemCount),
    /// all at once; `done` runs when all six are known. Fails the command on error.
    void fetchCounts(const std::function<void()> &done);
    void reportProgress();
    void printResult();
    void onTimeout();

    QString m_projectId;
    QString m_batchId;
    std::chrono::milliseconds m_interval;
    std::optional<std::chrono::milliseconds> m_timeout;
    QTimer m_pollTimer;
    QTimer m_timeoutTimer;
    ica::Batch m_batch;
    bool m_haveBatch = false;
    StatusCounts m_counts;
    QString m_lastProgress;
};

[[nodiscard]] CommandSpec batchWaitSpec();

} // namespace icacli
