#pragma once

#include "core/api/apierror.h"
#include "core/composer/submitplan.h"
#include "core/domain/batch.h"
#include "core/domain/undosnapshot.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

namespace ica {

class ApiClient;
class StoreWorker;

/// Creates the batches of a SubmitPlan one after another and records each one in
/// the history as it is created. Each create call is made exactly once (ApiClient
/// repeats a POST only after 429 or 401, when the server did not take it): after
/// a failure it stops, and remaining() holds the requests not created, so the
/// user can retry just those.
///
/// With a store, it first records the data's state (SnapshotTaker) so each batch
/// can be undone: one snapshot per created batch, saved with its history record.
/// When that state cannot be read, it asks (snapshotFailed()) and waits for
/// continueWithoutUndo() or cancel(): nothing is sent before the answer.
class BatchSubmitter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchSubmitter)
public:
    explicit BatchSubmitter(QObject *parent = nullptr);

    /// Starts creating the plan's batches with `client` (not owned) and recording
    /// them in `store` (not owned; null: not recorded) under `profileId`. False
    /// when a run is in progress or the plan is empty.
    bool start(ApiClient *client, StoreWorker *store, const QString &profileId,
               const SubmitPlan &plan);
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// Whether runs with a store record undo snapshots (on by default).
    void setSnapshotsEnabled(bool enabled) { m_snapshotsEnabled = enabled; }
    /// After snapshotFailed(): sends the batches without an undo record.
    void continueWithoutUndo();
    /// After snapshotFailed(): ends the run with nothing sent (finished(false)).
    void cancel();
    /// True while waiting for the answer to snapshotFailed().
    [[nodiscard]] bool isAwaitingUndoChoice() const { return m_awaitingChoice; }
    /// The snapshot of the last run (empty items when none was taken).
    [[nodiscard]] const UndoSnapshot &snapshot() const { return m_snapshot; }

    /// The batches created by the last run, in order.
    [[nodiscard]] const QList<Batch> &created() const { return m_created; }
    /// The index of the request that failed; -1 when none did.
    [[nodiscard]] int failedIndex() const { return m_failedIndex; }
    [[nodiscard]] const ApiError &error() const { return m_error; }
    /// The requests not created (the failed one and those after it).
    [[nodiscard]] QList<CreateBatchRequest> remaining() const;
    /// True when the failure leaves it unknown whether ICA created the batch
    /// (ApiError::outcomeUnknown(): a gateway's 5xx, a dropped connection, a timeout).
    [[nodiscard]] bool outcomeUnknown() const;
    /// When the failed request was sent (UTC); invalid when none failed. With
    /// CreatedBatchFinder it answers whether ICA created the batch after all.
    [[nodiscard]] QDateTime failedSentAt() const {
        return m_failedIndex >= 0 ? m_sentAt : QDateTime();
    }
    /// The project of the last run.
    [[nodiscard]] QString projectId() const { return m_plan.projectId; }
    /// A paragraph for the user about a failed run: what failed (problem title and
    /// detail), which batches were created, and what to do.
    [[nodiscard]] QString failureSummary() const;

Q_SIGNALS:
    /// The data's state is being read for the undo record, before the `total`
    /// batches are created.
    void snapshotting(int total);
    /// The state could not be read: answer with continueWithoutUndo() or cancel().
    void snapshotFailed(const ica::ApiError &error);
    /// Request `index` (0-based) of `total` is being sent.
    void sending(int index, int total);
    /// A batch was created and (when a store was given) its record written.
    void batchCreated(const QString &projectId, const QString &batchId);
    /// The batch was created but its history record could not be written.
    void recordFailed(const QString &batchId, const QString &message);
    /// The run ended: every batch was created (ok) or one failed.
    void finished(bool ok);

private:
    void takeSnapshot();
    void sendNext();
    void fail(const ApiError &error);

    QPointer<ApiClient> m_client;
    QPointer<StoreWorker> m_store;
    QString m_profileId;
    SubmitPlan m_plan;
    QList<Batch> m_created;
    int m_next = 0;
    int m_failedIndex = -1;
    QDateTime m_sentAt;
    ApiError m_error;
    bool m_running = false;
    bool m_snapshotsEnabled = true;
    bool m_awaitingChoice = false;
    bool m_haveSnapshot = false;
    UndoSnapshot m_snapshot;
    quint64 m_run = 0; ///< answers of an earlier run are dropped
    QMetaObject::Connection m_clientGone;
};

} // namespace ica
