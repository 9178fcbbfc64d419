#pragma once

#include "cli/command.h"

#include "core/domain/batch.h"

#include <memory>

namespace ica::cli {

class UndoRecorder;

/// `batch create`: sends one create call, or with --split one after another (never
/// in parallel and never again on its own: a create that may have been taken is not
/// repeated), printing each batch as soon as it exists.
class BatchCreateCommand final : public Command {
    Q_OBJECT
public:
    BatchCreateCommand(QString projectId, QList<ica::CreateBatchRequest> parts, bool split);
    ~BatchCreateCommand() override;

    /// With --undo-file: the snapshot of `body` is written by `undo` before anything is
    /// sent, and each created batch is added to it.
    void setUndoRecorder(std::unique_ptr<UndoRecorder> undo, ica::CreateBatchRequest body);
    void start() override;
    /// Prints nothing on stdout, for a caller that prints the batches itself once they
    /// have ended (CreateAndWaitCommand); a failure then names the batches created on
    /// stderr instead of pointing above.
    void setQuiet(bool quiet) { m_quiet = quiet; }

Q_SIGNALS:
    /// A batch was created (a part, with --split), after it was printed (unless quiet).
    void batchCreated(const ica::Batch &batch);

private:
    void begin();
    void createNext();
    void onCreated(const ica::Batch &batch);
    /// Says what was and was not created, then finishes with the error.
    void onFailed(int index, const ica::ApiError &error);
    /// With --split: one part, as a record (table) or an element of the JSON array.
    void printPart(const ica::Batch &batch);
    void closeJsonArray();

    QString m_projectId;
    QList<ica::CreateBatchRequest> m_parts;
    bool m_split;
    int m_next = 0;
    qsizetype m_idsSent = 0;
    QDateTime m_sentAt; ///< when the current create went out (UTC), for the check
    bool m_jsonArrayOpen = false;
    bool m_quiet = false;
    QStringList m_createdIds; ///< in creation order
    std::unique_ptr<UndoRecorder> m_undo;
    ica::CreateBatchRequest m_body; ///< unsplit, for the undo record
};

/// The spec of `batch create` (options, help, validation).
[[nodiscard]] CommandSpec batchCreateSpec();

} // namespace ica::cli
