#include "core/store/batchprogressstore.h"

#include "core/store/sqlitedatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace ica {

namespace {

QString translated(const char *text) {
    return QCoreApplication::translate("ica::BatchProgressStore", text);
}

} // namespace

BatchProgressStore::BatchProgressStore(SqliteDatabase &db)
    : m_db(db) {}

StoreResult<bool> BatchProgressStore::save(const QString &profileId, const QString &batchId,
                                           const QByteArray &curveJson) {
    QSqlQuery q(m_db.database());
    q.prepare(
        QStringLiteral("INSERT INTO batch_progress (profile_id, batch_id, curve_json,"
                       " updated_at) VALUES (:profile, :batch, :curve, :at)"
                       " ON CONFLICT (profile_id, batch_id) DO UPDATE SET"
                       " curve_json = excluded.curve_json, updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":profile"), profileId);
    q.bindValue(QStringLiteral(":batch"), batchId);
    q.bindValue(QStringLiteral(":curve"), QString::fromUtf8(curveJson));
    q.bindValue(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
    QString error;
    if (!execQuery(q, translated("The batch's progress could not be kept"), &error))
        return StoreResult<bool>::failure(error);
    return StoreResult<bool>::success(true);
}

StoreResult<QByteArray> BatchProgressStore::load(const QString &profileId,
                                                 const QString &batchId) const {
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT curve_json FROM batch_progress"
                             " WHERE profile_id = :profile AND batch_id = :batch"));
    q.bindValue(QStringLiteral(":profile"), profileId);
    q.bindValue(QStringLiteral(":batch"), batchId);
    QString error;
    if (!execQuery(q, translated("The batch's progress could not be read"), &error))
        return StoreResult<QByteArray>::failure(error);
    return StoreResult<QByteArray>::success(q.next() ? q.value(0).toString().toUtf8()
                                                     : QByteArray());
}

StoreResult<bool> BatchProgressStore::remove(const QString &profileId, const QString &batchId) {
    QSqlQuery q(m_db.database());
    q.prepare(batchId.isEmpty()
                  ? QStringLiteral("DELETE FROM batch_progress WHERE profile_id = :profile")
                  : QStringLiteral("DELETE FROM batch_progress"
                                   " WHERE profile_id = :profile AND batch_id = :batch"));
    q.bindValue(QStringLiteral(":profile"), profileId);
    if (!batchId.isEmpty())
        q.bindValue(QStringLiteral(":batch"), batchId);
    QString error;
    if (!execQuery(q, translated("The batch's progress could not be removed"), &error))
        return StoreResult<bool>::failure(error);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

} // namespace ica
