#include "core/store/tagcatalogstore.h"

#include "core/store/sqlitedatabase.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace ica {

namespace {

QString kindName(TagKind kind) {
    return kind == TagKind::User ? QStringLiteral("user") : QStringLiteral("technical");
}

QString translated(const char *text) {
    return QCoreApplication::translate("ica::TagCatalogStore", text);
}

} // namespace

TagCatalogStore::TagCatalogStore(SqliteDatabase &db)
    : m_db(db) {}

StoreResult<bool> TagCatalogStore::save(const QString &profileId, TagKind kind,
                                        const Counts &counts) {
    using Result = StoreResult<bool>;
    if (counts.isEmpty())
        return Result::success(false);
    SqlTransaction transaction(m_db.database());
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO tag_catalog (profile_id, kind, tag, use_count)"
                             " VALUES (:profile, :kind, :tag, :count)"
                             " ON CONFLICT (profile_id, kind, tag) DO UPDATE SET"
                             " use_count = excluded.use_count"));
    QString error;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        q.bindValue(QStringLiteral(":profile"), profileId);
        q.bindValue(QStringLiteral(":kind"), kindName(kind));
        q.bindValue(QStringLiteral(":tag"), it.key());
        q.bindValue(QStringLiteral(":count"), it.value());
        if (!execQuery(q, translated("The tags could not be remembered"), &error))
            return Result::failure(error);
    }
    // Bounded: beyond the cap, the least used tags are forgotten.
    QSqlQuery trim(m_db.database());
    trim.prepare(QStringLiteral(
        "DELETE FROM tag_catalog WHERE profile_id = :profile AND kind = :kind AND tag IN"
        " (SELECT tag FROM tag_catalog WHERE profile_id = :profile2 AND kind = :kind2"
        "  ORDER BY use_count DESC, tag LIMIT -1 OFFSET :cap)"));
    trim.bindValue(QStringLiteral(":profile"), profileId);
    trim.bindValue(QStringLiteral(":kind"), kindName(kind));
    trim.bindValue(QStringLiteral(":profile2"), profileId);
    trim.bindValue(QStringLiteral(":kind2"), kindName(kind));
    trim.bindValue(QStringLiteral(":cap"), MaxTagsPerKind);
    if (!execQuery(trim, translated("The tags could not be remembered"), &error))
        return Result::failure(error);
    if (!transaction.commit())
        return Result::failure(translated("The tags could not be remembered: the database "
                                          "refused to commit (%1).")
                                   .arg(transaction.commitError()));
    return Result::success(true);
}

StoreResult<TagCatalogStore::Counts> TagCatalogStore::load(const QString &profileId,
                                                           TagKind kind) const {
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT tag, use_count FROM tag_catalog"
                             " WHERE profile_id = :profile AND kind = :kind"));
    q.bindValue(QStringLiteral(":profile"), profileId);
    q.bindValue(QStringLiteral(":kind"), kindName(kind));
    QString error;
    if (!execQuery(q, translated("The remembered tags could not be read"), &error))
        return StoreResult<Counts>::failure(error);
    Counts counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    return StoreResult<Counts>::success(counts);
}

StoreResult<bool> TagCatalogStore::remove(const QString &profileId) {
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM tag_catalog WHERE profile_id = :profile"));
    q.bindValue(QStringLiteral(":profile"), profileId);
    QString error;
    if (!execQuery(q, translated("The remembered tags could not be removed"), &error))
        return StoreResult<bool>::failure(error);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

} // namespace ica
