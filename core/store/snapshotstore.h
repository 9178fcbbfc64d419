#pragma once

#include "core/domain/undosnapshot.h"
#include "core/store/storeresult.h"

#include <optional>

class QSqlQuery;

namespace ica {

class SqliteDatabase;

/// The undo snapshots of batches (table batch_snapshots, schema version 2): one
/// per profile and batch, compressed. Synchronous: StoreWorker runs it on its
/// thread, so compressing and decoding 100,000 items never happens on the GUI thread.
class SnapshotStore final {
    Q_DISABLE_COPY_MOVE(SnapshotStore)
public:
    explicit SnapshotStore(SqliteDatabase &db);

    /// Stores `snapshot` for `batchId` (replacing one stored before); the value is
    /// the stored blob's size in bytes.
    StoreResult<qint64> save(const QString &profileId, const QString &batchId,
                             const UndoSnapshot &snapshot);
    /// The snapshot of a batch; none when there is none (a batch made before undo
    /// existed, or by another tool). A damaged one is an error.
    [[nodiscard]] StoreResult<std::optional<UndoSnapshot>> load(const QString &profileId,
                                                                const QString &batchId) const;
    /// Whether a snapshot exists, without reading it.
    [[nodiscard]] StoreResult<bool> has(const QString &profileId, const QString &batchId) const;

private:
    /// Runs "SELECT `column`" on the row of `profileId` and `batchId` (positioned before it).
    bool select(QSqlQuery &q, const QString &column, const QString &profileId,
                const QString &batchId, const QString &what, QString *error) const;

    SqliteDatabase &m_db;
};

} // namespace ica
