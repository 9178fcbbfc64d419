#pragma once

#include "cli/command.h"

#include "core/domain/batch.h"

#include <QJsonArray>

#include <chrono>
#include <memory>
#include <optional>

namespace ica::cli {

/// Creates batches as `batch create` (one part, or several one after another as
/// --split) and, when asked, then waits for each to end as `batch wait`: the shared
/// last step of the commands that make batches of their own (`tags rename`, `batch
/// undo`). Output stays one document: without waiting, what `batch create` prints;
/// with waiting, in JSON one array of {"batch", "itemCounts"} once every batch has
/// ended (the batches as they ended, not as created), in a table each batch as created
/// and then its counts as it ends. A failure names the batches created on stderr.
class CreateAndWaitCommand final : public Command {
    Q_OBJECT
public:
    /// `waitInterval` set: wait for each batch, polling at that interval.
    CreateAndWaitCommand(QString projectId, QList<ica::CreateBatchRequest> parts,
                         std::optional<std::chrono::milliseconds> waitInterval);
    ~CreateAndWaitCommand() override;

    void start() override;

private:
    void waitNext();
    /// Replaces the running step; the one before may still be on the stack (its
    /// finished() called us), so it is deleted later.
    void run(std::unique_ptr<Command> step);
    /// One JSON array with the results waited for so far (JSON output with --wait).
    void printCollected();

    QString m_projectId;
    QList<ica::CreateBatchRequest> m_parts;
    std::optional<std::chrono::milliseconds> m_waitInterval;
    QStringList m_created; ///< batch IDs, in creation order
    int m_waited = 0;
    QJsonArray m_ended; ///< JSON with --wait: each ended batch and its counts
    std::unique_ptr<Command> m_step;
};

} // namespace ica::cli
