#include "core/store/draftstore.h"

#include "core/store/sqlitedatabase.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace ica {

namespace {

QDateTime timeOf(const QVariant &value) {
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

/// A draft's header from a row whose first columns are id, name, profile_id,
/// project_id, created_at, updated_at (the list and load queries both start so).
Draft draftHeaderOf(const QSqlQuery &q) {
    Draft d;
    d.id = q.value(0).toString();
    d.name = q.value(1).toString();
    d.profileId = q.value(2).toString();
    d.projectId = q.value(3).toString();
    d.createdAt = timeOf(q.value(4));
    d.updatedAt = timeOf(q.value(5));
    return d;
}

} // namespace

DraftStore::DraftStore(SqliteDatabase &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock)) {}

QDateTime DraftStore::now() const {
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

StoreResult<Draft> DraftStore::save(Draft draft) {
    using Result = StoreResult<Draft>;
    const QString failed =
        QCoreApplication::translate("ica::DraftStore", "The draft could not be saved");
    if (draft.id.isEmpty())
        draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SqlTransaction transaction(m_db.database());
    if (!transaction.isActive())
        return Result::failure(
            QCoreApplication::translate("ica::DraftStore", "%1: the database is busy or read-only.")
                .arg(failed));
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT created_at FROM drafts WHERE id = ?"));
    q.addBindValue(draft.id);
    QString error;
    if (!execQuery(q, failed, &error))
        return Result::failure(error);
    const QDateTime time = now();
    draft.createdAt = q.next() ? timeOf(q.value(0)) : time;
    draft.updatedAt = time;
    q.finish();
    q.prepare(QStringLiteral(
        "INSERT INTO drafts (id, name, profile_id, project_id, content_json, created_at,"
        " updated_at) VALUES (?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET name = excluded.name, profile_id = excluded.profile_id,"
        " project_id = excluded.project_id, content_json = excluded.content_json,"
        " updated_at = excluded.updated_at"));
    q.addBindValue(draft.id);
    q.addBindValue(draft.name);
    q.addBindValue(draft.profileId);
    q.addBindValue(draft.projectId);
    q.addBindValue(QString::fromUtf8(QJsonDocument(draft.content).toJson(QJsonDocument::Compact)));
    q.addBindValue(draft.createdAt.toMSecsSinceEpoch());
    q.addBindValue(draft.updatedAt.toMSecsSinceEpoch());
    if (!execQuery(q, failed, &error))
        return Result::failure(error);
    q.finish();
    if (!transaction.commit())
        return Result::failure(QCoreApplication::translate(
                                   "ica::DraftStore", "%1: the database refused to commit (%2).")
                                   .arg(failed, transaction.commitError()));
    return Result::success(draft);
}

StoreResult<QList<Draft>> DraftStore::list(const QString &profileId) const {
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, profile_id, project_id, created_at, updated_at"
                             " FROM drafts%1 ORDER BY updated_at DESC, rowid DESC")
                  .arg(profileId.isEmpty() ? QString() : QStringLiteral(" WHERE profile_id = ?")));
    if (!profileId.isEmpty())
        q.addBindValue(profileId);
    QString error;
    if (!execQuery(q,
                   QCoreApplication::translate("ica::DraftStore", "The drafts could not be read"),
                   &error))
        return StoreResult<QList<Draft>>::failure(error);
    QList<Draft> drafts;
    while (q.next())
        drafts.append(draftHeaderOf(q));
    return StoreResult<QList<Draft>>::success(drafts);
}

StoreResult<std::optional<Draft>> DraftStore::load(const QString &id) const {
    using Result = StoreResult<std::optional<Draft>>;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, profile_id, project_id, created_at, updated_at,"
                             " content_json FROM drafts WHERE id = ?"));
    q.addBindValue(id);
    QString error;
    if (!execQuery(q, QCoreApplication::translate("ica::DraftStore", "The draft could not be read"),
                   &error))
        return Result::failure(error);
    if (!q.next())
        return Result::success(std::nullopt);
    Draft d = draftHeaderOf(q);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(6).toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Result::failure(
            QCoreApplication::translate("ica::DraftStore",
                                        "The draft \"%1\" is damaged (%2) and cannot be "
                                        "opened; discard it.")
                .arg(d.name.isEmpty() ? d.id : d.name,
                     parseError.error != QJsonParseError::NoError
                         ? parseError.errorString()
                         : QCoreApplication::translate("ica::DraftStore", "not a JSON object")));
    d.content = doc.object();
    return Result::success(d);
}

StoreResult<bool> DraftStore::rename(const QString &id, const QString &name) {
    QSqlQuery q(m_db.database());
    q.prepare(
        QStringLiteral("UPDATE drafts SET name = COALESCE(?, ''), updated_at = ? WHERE id = ?"));
    q.addBindValue(name.trimmed());
    q.addBindValue(now().toMSecsSinceEpoch());
    q.addBindValue(id);
    QString error;
    if (!execQuery(q,
                   QCoreApplication::translate("ica::DraftStore", "The draft could not be renamed"),
                   &error))
        return StoreResult<bool>::failure(error);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

StoreResult<bool> DraftStore::discard(const QString &id) {
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE id = ?"));
    q.addBindValue(id);
    QString error;
    if (!execQuery(
            q, QCoreApplication::translate("ica::DraftStore", "The draft could not be discarded"),
            &error))
        return StoreResult<bool>::failure(error);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

} // namespace ica
