#pragma once

#include "cli/command.h"

#include "core/history/undoplanner.h"

#include <memory>

namespace ica::cli {

/// `batch undo`: reads an undo file (batch create --undo-file), checks the batches
/// have ended, reads their items (FAILED ones are left out) and the data's current
/// state, and creates the inverse batch (split over 5,000 IDs, one create after
/// another, never repeated), printing what it skipped and why on stderr. --dry-run
/// prints the inverse body instead; --wait waits for each inverse batch to end.
class BatchUndoCommand final : public Command {
    Q_OBJECT
public:
    BatchUndoCommand(ica::UndoSnapshot snapshot, bool dryRun, bool wait);

    void start() override;

private:
    void onPlan(const ica::UndoPlan &plan);
    void reportSkipped(const ica::UndoPlan &plan);

    ica::UndoSnapshot m_snapshot;
    bool m_dryRun;
    bool m_wait;
    std::unique_ptr<Command> m_step; ///< creates the inverse (and waits)
};

[[nodiscard]] CommandSpec batchUndoSpec();

} // namespace ica::cli
