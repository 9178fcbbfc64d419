#pragma once

#include "core/store/storeresult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ica {

class SqliteDatabase;

/// A composer draft: a CreateBatchRequest in the making plus whatever the
/// composer keeps beside it, as one JSON object the store does not look into.
struct Draft {
    QString id;   ///< a UUID; assigned by DraftStore::save() when empty
    QString name; ///< optional
    QString profileId;
    QString projectId;
    QJsonObject content; ///< empty in DraftStore::list() results
    QDateTime createdAt; ///< UTC, set by the store
    QDateTime updatedAt; ///< UTC, set by the store

    friend bool operator==(const Draft &a, const Draft &b) {
        return a.id == b.id && a.name == b.name && a.profileId == b.profileId &&
               a.projectId == b.projectId && a.content == b.content && a.createdAt == b.createdAt &&
               a.updatedAt == b.updatedAt;
    }
};

/// Composer drafts in the SQLite store. Each save is one transaction in a WAL
/// database: after a crash a draft is there whole, as of its last save, or not
/// at all. Synchronous: use it on the thread that opened `db`; StoreWorker runs
/// it off the GUI thread.
class DraftStore final {
    Q_DISABLE_COPY_MOVE(DraftStore)
public:
    /// Returns "now" in UTC; tests inject their own.
    using Clock = std::function<QDateTime()>;

    /// `db` must be open and outlive this store.
    explicit DraftStore(SqliteDatabase &db, Clock clock = {});

    /// Inserts a new draft (an empty id gets a fresh one) or replaces the one with
    /// the same id, keeping its creation time. Returns the draft as stored.
    StoreResult<Draft> save(Draft draft);
    /// Newest change first, of one profile or (empty id) of all; without content.
    [[nodiscard]] StoreResult<QList<Draft>> list(const QString &profileId = {}) const;
    /// One draft with its content; nullopt when there is none with this id.
    [[nodiscard]] StoreResult<std::optional<Draft>> load(const QString &id) const;
    /// The value is false when there is no draft with this id.
    StoreResult<bool> rename(const QString &id, const QString &name);
    /// Deletes the draft; the value is false when there was none.
    StoreResult<bool> discard(const QString &id);

private:
    [[nodiscard]] QDateTime now() const;

    SqliteDatabase &m_db;
    Clock m_clock;
};

} // namespace ica
