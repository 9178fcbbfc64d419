#pragma once

#include "core/api/apierror.h"
#include "core/domain/statuses.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

namespace ica {

class ApiClient;

/// A batch that may be the one a create call with no answer made.
struct CreatedBatchCandidate {
    QString batchId;
    QDateTime timeCreated;
    JobStatus status;
    qint64 itemCount = -1; ///< -1 when it could not be counted
};

/// Answers "did ICA create my batch after all?" after a create call whose outcome
/// is unknown (ApiError::outcomeUnknown()). ICA has no listing of a project's
/// batches, but every batch runs as a job: this pages GET /api/jobs newest first
/// (sort=timeCreated desc), keeps the ProjectDataUpdateBatch jobs of the project
/// created at or after `createdAfter`, and counts each one's items so the caller
/// can compare with what it sent. Read-only: it never creates anything. Bounded:
/// at most MaxPages pages of jobs and MaxCandidates batches.
class CreatedBatchFinder final : public QObject {
    Q_OBJECT
public:
    static constexpr int PageSize = 100;
    static constexpr int MaxPages = 10;
    static constexpr int MaxCandidates = 20;
    /// How far before the send time to look: the server's clock may differ.
    static constexpr qint64 ClockSkewSeconds = 300;

    explicit CreatedBatchFinder(ApiClient *client, QObject *parent = nullptr);

    /// Starts looking; finished() follows once. False when already running.
    bool start(const QString &projectId, const QDateTime &createdAfter);
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// True when the job listing was cut at MaxPages before reaching createdAfter.
    [[nodiscard]] bool isIncomplete() const { return m_incomplete; }

Q_SIGNALS:
    /// The batches found, newest first; `error` set when the search failed.
    void finished(const QList<ica::CreatedBatchCandidate> &found, const ica::ApiError &error);

private:
    void fetchPage(int page);
    void countNext(int index);
    void done(const ApiError &error);

    QPointer<ApiClient> m_client;
    QString m_projectId;
    QDateTime m_createdAfter;
    QList<CreatedBatchCandidate> m_found;
    bool m_running = false;
    bool m_incomplete = false;
};

} // namespace ica
