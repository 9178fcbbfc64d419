#include "core/store/batchhistorystore.h"

#include "core/store/sqlitedatabase.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace ica {

namespace {

const QString Columns = QStringLiteral(
    "profile_id, batch_id, project_id, project_name, origin, created_at, summary, job_status,"
    " item_counts_json, last_refreshed_at, request_json");

QVariant msOf(const QDateTime &time) {
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeOf(const QVariant &value) {
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant countsJson(const QMap<QString, qint64> &counts) {
    if (counts.isEmpty())
        return {};
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QMap<QString, qint64> countsOf(const QVariant &value) {
    QMap<QString, qint64> counts;
    const QJsonObject o = QJsonDocument::fromJson(value.toString().toUtf8()).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        counts.insert(it.key(), it.value().toInteger());
    return counts;
}

/// A row selected with `Columns`; the request only when `withRequest`.
BatchRecord recordOf(const QSqlQuery &q, bool withRequest) {
    BatchRecord r;
    r.profileId = q.value(0).toString();
    r.batchId = q.value(1).toString();
    r.projectId = q.value(2).toString();
    r.projectName = q.value(3).toString();
    r.origin = batchOriginFromString(q.value(4).toString());
    r.createdAt = timeOf(q.value(5));
    r.summary = q.value(6).toString();
    r.jobStatus = q.value(7).toString();
    r.itemCounts = countsOf(q.value(8));
    r.lastRefreshedAt = timeOf(q.value(9));
    if (withRequest && !q.value(10).isNull())
        r.request = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    return r;
}

/// Runs the prepared `q`: its error ("WHAT: driver text", `what` translated), or
/// nothing when it ran.
std::optional<QString> run(QSqlQuery &q, const char *what) {
    QString error;
    if (execQuery(q, QCoreApplication::translate("ica::BatchHistoryStore", what), &error))
        return std::nullopt;
    return error;
}

} // namespace

BatchHistoryStore::BatchHistoryStore(SqliteDatabase &db)
    : m_db(db) {}

StoreResult<BatchRecord> BatchHistoryStore::upsert(const BatchRecord &record) {
    using Result = StoreResult<BatchRecord>;
    if (record.profileId.isEmpty() || record.projectId.isEmpty() || record.batchId.isEmpty())
        return Result::failure(QCoreApplication::translate(
            "ica::BatchHistoryStore", "A batch can only be remembered with its profile, "
                                      "project and batch id; one of them is missing."));
    SqlTransaction transaction(m_db.database());
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral(
        "INSERT INTO batch_history (profile_id, batch_id, project_id, project_name, origin,"
        " created_at, summary, request_json, job_status, item_counts_json, last_refreshed_at)"
        " VALUES (:profile, :batch, :project, COALESCE(:projectName, ''), :origin, :created,"
        " COALESCE(:summary, ''), :request, COALESCE(:status, ''), :counts, :refreshed)"
        " ON CONFLICT (profile_id, batch_id) DO UPDATE SET"
        " project_id = excluded.project_id,"
        " project_name = CASE WHEN excluded.project_name <> '' THEN excluded.project_name"
        "   ELSE batch_history.project_name END,"
        " origin = CASE WHEN batch_history.origin = 'created' THEN 'created'"
        "   ELSE excluded.origin END,"
        " created_at = COALESCE(batch_history.created_at, excluded.created_at),"
        " summary = CASE WHEN excluded.summary <> '' THEN excluded.summary"
        "   ELSE batch_history.summary END,"
        " request_json = COALESCE(excluded.request_json, batch_history.request_json),"
        " job_status = CASE WHEN excluded.job_status <> '' THEN excluded.job_status"
        "   ELSE batch_history.job_status END,"
        " item_counts_json = COALESCE(excluded.item_counts_json, batch_history.item_counts_json),"
        " last_refreshed_at = COALESCE(excluded.last_refreshed_at,"
        "   batch_history.last_refreshed_at)"));
    q.bindValue(QStringLiteral(":profile"), record.profileId);
    q.bindValue(QStringLiteral(":batch"), record.batchId);
    q.bindValue(QStringLiteral(":project"), record.projectId);
    q.bindValue(QStringLiteral(":projectName"), record.projectName);
    q.bindValue(QStringLiteral(":origin"), batchOriginToString(record.origin));
    q.bindValue(QStringLiteral(":created"), msOf(record.createdAt));
    q.bindValue(QStringLiteral(":summary"), record.summary);
    q.bindValue(QStringLiteral(":request"),
                record.request.isEmpty()
                    ? QVariant()
                    : QVariant(QString::fromUtf8(
                          QJsonDocument(record.request).toJson(QJsonDocument::Compact))));
    q.bindValue(QStringLiteral(":status"), record.jobStatus);
    q.bindValue(QStringLiteral(":counts"), countsJson(record.itemCounts));
    q.bindValue(QStringLiteral(":refreshed"), msOf(record.lastRefreshedAt));
    if (const std::optional<QString> error =
            run(q, QT_TRANSLATE_NOOP("ica::BatchHistoryStore",
                                     "The batch could not be added to the history")))
        return Result::failure(*error);
    q.finish();
    const auto stored = find(record.batchId, record.profileId);
    if (!stored.ok() || !stored.value)
        return Result::failure(
            stored.ok() ? QCoreApplication::translate("ica::BatchHistoryStore",
                                                      "The batch vanished from the history "
                                                      "while it was being saved.")
                        : stored.error);
    if (!transaction.commit())
        return Result::failure(
            QCoreApplication::translate("ica::BatchHistoryStore",
                                        "The batch could not be added to the history: the "
                                        "database refused to commit (%1).")
                .arg(transaction.commitError()));
    return Result::success(*stored.value);
}

StoreResult<bool> BatchHistoryStore::updateStatus(const QString &profileId, const QString &batchId,
                                                  const QString &jobStatus,
                                                  const QMap<QString, qint64> &itemCounts,
                                                  const QDateTime &refreshedAt) {
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral(
        "UPDATE batch_history SET job_status = COALESCE(:status, ''),"
        " item_counts_json = COALESCE(:counts, item_counts_json), last_refreshed_at = :refreshed"
        " WHERE profile_id = :profile AND batch_id = :batch"));
    q.bindValue(QStringLiteral(":status"), jobStatus);
    q.bindValue(QStringLiteral(":counts"), countsJson(itemCounts));
    q.bindValue(QStringLiteral(":refreshed"), msOf(refreshedAt));
    q.bindValue(QStringLiteral(":profile"), profileId);
    q.bindValue(QStringLiteral(":batch"), batchId);
    if (const std::optional<QString> error =
            run(q, QT_TRANSLATE_NOOP("ica::BatchHistoryStore",
                                     "The status of the batch could not be saved")))
        return StoreResult<bool>::failure(*error);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

StoreResult<QList<BatchRecord>> BatchHistoryStore::list(const QString &profileId) const {
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM batch_history%2"
                             " ORDER BY COALESCE(created_at, last_refreshed_at, 0) DESC, id DESC")
                  .arg(Columns,
                       profileId.isEmpty() ? QString() : QStringLiteral(" WHERE profile_id = ?")));
    if (!profileId.isEmpty())
        q.addBindValue(profileId);
    if (const std::optional<QString> error = run(
            q, QT_TRANSLATE_NOOP("ica::BatchHistoryStore", "The batch history could not be read")))
        return StoreResult<QList<BatchRecord>>::failure(*error);
    QList<BatchRecord> records;
    while (q.next())
        records.append(recordOf(q, false));
    return StoreResult<QList<BatchRecord>>::success(records);
}

StoreResult<std::optional<BatchRecord>> BatchHistoryStore::find(const QString &batchId,
                                                                const QString &profileId) const {
    using Result = StoreResult<std::optional<BatchRecord>>;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM batch_history WHERE batch_id = ?%2"
                       " ORDER BY COALESCE(last_refreshed_at, created_at, 0) DESC LIMIT 1")
            .arg(Columns, profileId.isEmpty() ? QString() : QStringLiteral(" AND profile_id = ?")));
    q.addBindValue(batchId);
    if (!profileId.isEmpty())
        q.addBindValue(profileId);
    if (const std::optional<QString> error = run(
            q, QT_TRANSLATE_NOOP("ica::BatchHistoryStore", "The batch history could not be read")))
        return Result::failure(*error);
    if (!q.next())
        return Result::success(std::nullopt);
    return Result::success(recordOf(q, true));
}

StoreResult<bool> BatchHistoryStore::remove(const QString &profileId, const QString &batchId) {
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM batch_history WHERE profile_id = ? AND batch_id = ?"));
    q.addBindValue(profileId);
    q.addBindValue(batchId);
    if (const std::optional<QString> error =
            run(q, QT_TRANSLATE_NOOP("ica::BatchHistoryStore",
                                     "The batch could not be removed from the history")))
        return StoreResult<bool>::failure(*error);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

StoreResult<int> BatchHistoryStore::removeProfile(const QString &profileId) {
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM batch_history WHERE profile_id = ?"));
    q.addBindValue(profileId);
    if (const std::optional<QString> error = run(
            q, QT_TRANSLATE_NOOP("ica::BatchHistoryStore",
                                 "The profile's batches could not be removed from the history")))
        return StoreResult<int>::failure(*error);
    return StoreResult<int>::success(q.numRowsAffected());
}

} // namespace ica
