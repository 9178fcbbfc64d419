#pragma once

#include "core/store/batchrecord.h"
#include "core/store/storeresult.h"

#include <QList>

#include <optional>

namespace ica {

class SqliteDatabase;

/// The batches created here or opened by ID, per profile, in the SQLite store
/// (ICA has no endpoint that lists batches). Synchronous: use it on the thread
/// that opened `db`; StoreWorker runs it off the GUI thread.
class BatchHistoryStore final {
    Q_DISABLE_COPY_MOVE(BatchHistoryStore)
public:
    /// `db` must be open and outlive this store.
    explicit BatchHistoryStore(SqliteDatabase &db);

    /// Inserts the record, or merges it into the one with the same profile and
    /// batch id: empty fields of `record` (project name, summary, request, job
    /// status, item counts, times) keep what is stored, and a batch created here
    /// stays "created" when it is opened again. Returns the record as stored.
    StoreResult<BatchRecord> upsert(const BatchRecord &record);
    /// Sets the last known job status and item counts (empty counts keep the
    /// stored ones). The value is false when the batch is not in the history.
    StoreResult<bool> updateStatus(const QString &profileId, const QString &batchId,
                                   const QString &jobStatus,
                                   const QMap<QString, qint64> &itemCounts,
                                   const QDateTime &refreshedAt = QDateTime::currentDateTimeUtc());
    /// Newest first, of one profile or (empty id) of all. The `request` JSON is
    /// not loaded here (it can be large): use find() for one batch.
    [[nodiscard]] StoreResult<QList<BatchRecord>> list(const QString &profileId = {}) const;
    /// One batch with its request; with an empty `profileId`, the most recently
    /// refreshed record of that batch id in any profile.
    [[nodiscard]] StoreResult<std::optional<BatchRecord>> find(const QString &batchId,
                                                               const QString &profileId = {}) const;
    /// The value is false when there was nothing to remove.
    StoreResult<bool> remove(const QString &profileId, const QString &batchId);
    /// Forgets every batch of a profile (when the profile is deleted); the value
    /// is the number of records removed.
    StoreResult<int> removeProfile(const QString &profileId);

private:
    SqliteDatabase &m_db;
};

} // namespace ica
