#pragma once

#include "cli/command.h"

#include "core/api/createdbatchfinder.h"

#include <QDateTime>

namespace ica::cli {

/// `batch find`: lists the data update batches ICA created in a project since a
/// time (through its jobs: ICA has no listing of batches), newest first, with their
/// item counts. The check to run when `batch create` could not tell whether the
/// batch was created (a gateway's 504, a dropped connection): it reads, never sends.
class BatchFindCommand final : public Command {
    Q_OBJECT
public:
    BatchFindCommand(QString projectId, QDateTime createdAfter, qint64 expectedItems);

    void start() override;

    /// The command line that runs this check, for messages of other commands.
    [[nodiscard]] static QString commandLine(const QString &projectId,
                                             const QDateTime &createdAfter, qint64 items);

private:
    void onFinished(const QList<ica::CreatedBatchCandidate> &found, const ica::ApiError &error);

    QString m_projectId;
    QDateTime m_createdAfter;
    qint64 m_expectedItems;
    ica::CreatedBatchFinder *m_finder = nullptr;
};

[[nodiscard]] CommandSpec batchFindSpec();

} // namespace ica::cli
