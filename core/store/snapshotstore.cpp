#include "core/store/snapshotstore.h"

#include "core/store/sqlitedatabase.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace ica {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ica::SnapshotStore", text);
}
} // namespace

SnapshotStore::SnapshotStore(SqliteDatabase &db)
    : m_db(db) {}

StoreResult<qint64> SnapshotStore::save(const QString &profileId, const QString &batchId,
                                        const UndoSnapshot &snapshot) {
    using Result = StoreResult<qint64>;
    if (profileId.isEmpty() || batchId.isEmpty() || snapshot.projectId.isEmpty())
        return Result::failure(tr("An undo snapshot needs its profile, batch and project."));
    const QByteArray blob = snapshot.compressed();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO batch_snapshots (profile_id, batch_id,"
                             " project_id, taken_at, snapshot)"
                             " VALUES (:profile, :batch, :project, :taken, :snapshot)"));
    q.bindValue(QStringLiteral(":profile"), profileId);
    q.bindValue(QStringLiteral(":batch"), batchId);
    q.bindValue(QStringLiteral(":project"), snapshot.projectId);
    q.bindValue(QStringLiteral(":taken"), snapshot.takenAt.toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":snapshot"), blob);
    QString error;
    if (!execQuery(q, tr("The undo snapshot could not be saved"), &error))
        return Result::failure(error);
    return Result::success(blob.size());
}

bool SnapshotStore::select(QSqlQuery &q, const QString &column, const QString &profileId,
                           const QString &batchId, const QString &what, QString *error) const {
    q.prepare(QStringLiteral("SELECT %1 FROM batch_snapshots"
                             " WHERE profile_id = :profile AND batch_id = :batch")
                  .arg(column));
    q.bindValue(QStringLiteral(":profile"), profileId);
    q.bindValue(QStringLiteral(":batch"), batchId);
    return execQuery(q, what, error);
}

StoreResult<std::optional<UndoSnapshot>> SnapshotStore::load(const QString &profileId,
                                                             const QString &batchId) const {
    using Result = StoreResult<std::optional<UndoSnapshot>>;
    QSqlQuery q(m_db.database());
    QString error;
    if (!select(q, QStringLiteral("snapshot"), profileId, batchId,
                tr("The undo snapshot could not be read"), &error))
        return Result::failure(error);
    if (!q.next())
        return Result::success(std::nullopt);
    UndoSnapshot snapshot;
    QString why;
    if (!UndoSnapshot::fromCompressed(q.value(0).toByteArray(), &snapshot, &why))
        return Result::failure(
            tr("The undo snapshot of batch %1 is damaged: %2.").arg(batchId, why));
    snapshot.batchIds = {batchId};
    return Result::success(std::move(snapshot));
}

StoreResult<bool> SnapshotStore::has(const QString &profileId, const QString &batchId) const {
    QSqlQuery q(m_db.database());
    QString error;
    if (!select(q, QStringLiteral("1"), profileId, batchId,
                tr("The undo snapshot could not be looked up"), &error))
        return StoreResult<bool>::failure(error);
    return StoreResult<bool>::success(q.next());
}

} // namespace ica
