#pragma once

#include "core/domain/tagkind.h"
#include "core/store/storeresult.h"

#include <QHash>
#include <QString>

namespace ica {

class SqliteDatabase;

/// What a profile's TagCatalog learned (tag -> use count, per kind), in the SQLite
/// store, so completion knows a project's tags after a restart. Synchronous: use it
/// on the thread that opened `db`; StoreWorker runs it off the GUI thread.
class TagCatalogStore final {
    Q_DISABLE_COPY_MOVE(TagCatalogStore)
public:
    using Counts = QHash<QString, int>;
    /// A profile keeps at most this many tags of a kind (the least used go first):
    /// completion needs the common ones, not every tag ever seen.
    static constexpr int MaxTagsPerKind = 20'000;

    /// `db` must be open and outlive this store.
    explicit TagCatalogStore(SqliteDatabase &db);

    /// Sets the use counts of these tags (others stay), in one transaction.
    StoreResult<bool> save(const QString &profileId, TagKind kind, const Counts &counts);
    /// Every tag of the kind kept for the profile, with its count.
    [[nodiscard]] StoreResult<Counts> load(const QString &profileId, TagKind kind) const;
    /// Forgets a profile's tags (when the profile is deleted).
    StoreResult<bool> remove(const QString &profileId);

private:
    SqliteDatabase &m_db;
};

} // namespace ica
