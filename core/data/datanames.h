#pragma once

#include "core/api/apiresult.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace ica {

class ApiClient;

/// What a data ID names: its name and path once resolved, or that it names nothing.
struct DataName {
    enum class State : quint8 {
        Unknown,  ///< not asked yet, or the last lookup failed (asked again next time)
        Pending,  ///< a lookup is under way
        Found,    ///< name and path are set
        NotFound, ///< the project has no data with this ID
    };
    State state = State::Unknown;
    QString name;
    QString path;

    [[nodiscard]] bool isResolved() const {
        return state == State::Found || state == State::NotFound;
    }
    friend bool operator==(const DataName &a, const DataName &b) {
        return a.state == b.state && a.name == b.name && a.path == b.path;
    }
};

/// Data ID -> what it names.
using DataNames = QHash<QString, DataName>;

/// Resolves data IDs to names and paths in bulk (DataLookup::byIds: repeated `id`
/// parameters, chunks under ~8 KB, 3 in flight). Every ID asked for is in the answer,
/// Found or NotFound; a failed lookup answers with the error and no names. `done`
/// runs on `context`'s thread, not at all once `context` is gone.
void resolveDataNames(ApiClient *client, const QString &projectId, const QStringList &ids,
                      QObject *context, std::function<void(const Result<DataNames> &)> done);

/// The names of data IDs, cached per profile (one client: setClient() forgets
/// everything) and project, shared by every view that shows data IDs. resolve()
/// asks only for IDs neither known nor under way; the answers arrive later with
/// namesResolved(), once per lookup (never once per ID). A failed lookup leaves its
/// IDs Unknown, so the next resolve() asks again. Bounded: past MaxEntries the
/// oldest answers are forgotten (asked again when shown again). In memory only.
class DataNameCache final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataNameCache)
public:
    /// 200,000 names of ~100 characters cost ~100 MB at most; a batch shown whole
    /// (load all) keeps 100,000 rows.
    static constexpr qsizetype DefaultMaxEntries = 200000;
    /// IDs per lookup: a 100,000-row window is answered in steps, names appearing as
    /// they come, rather than all at the very end.
    static constexpr qsizetype IdsPerLookup = 2000;

    explicit DataNameCache(QObject *parent = nullptr);
    ~DataNameCache() override;

    /// The client lookups go through (not owned). Another client is another profile:
    /// everything known is forgotten, lookups under way are dropped.
    void setClient(ApiClient *client);
    [[nodiscard]] ApiClient *client() const;
    /// What `dataId` names in `projectId` (Unknown when not asked or not answered yet).
    [[nodiscard]] DataName name(const QString &projectId, const QString &dataId) const;
    /// The answer for `dataId` in `projectId`, or null when none came yet (no copy:
    /// for hot loops such as filtering; valid until the cache changes).
    [[nodiscard]] const DataName *find(const QString &projectId, const QString &dataId) const;
    /// Every answer of `projectId` (a shared copy, O(1): safe to read on a worker while
    /// the cache changes, though a change while it is held copies the cache's table).
    [[nodiscard]] DataNames known(const QString &projectId) const {
        return m_names.value(projectId);
    }
    /// Answers forgotten so far (failed lookups, the bound, clear()): a view that
    /// remembers what it asked for asks again when this changed.
    [[nodiscard]] quint64 forgetCount() const { return m_forgetCount; }
    /// Looks up the IDs among `dataIds` not known and not under way (nothing without
    /// a client). Empty IDs are ignored.
    void resolve(const QString &projectId, const QStringList &dataIds);
    /// Forgets everything (lookups under way are dropped).
    void clear();
    [[nodiscard]] qsizetype size() const { return m_size; }
    [[nodiscard]] qsizetype pendingCount() const { return m_pendingCount; }
    void setMaxEntries(qsizetype maxEntries) { m_maxEntries = qMax<qsizetype>(1, maxEntries); }
    /// Lookups sent since construction (for tests: a refresh asks for nothing new).
    [[nodiscard]] int lookupsSent() const { return m_lookups; }

Q_SIGNALS:
    /// Names of `projectId` arrived (or were found missing): views showing that
    /// project's IDs update their name cells.
    void namesResolved(const QString &projectId);
    /// A lookup failed; its IDs stay Unknown and are asked for again on the next resolve().
    void lookupFailed(const QString &projectId, const QString &message);

private:
    struct Key {
        QString projectId;
        QString dataId;
    };
    void store(const QString &projectId, const QStringList &asked, const DataNames &names);
    void trim();
    [[nodiscard]] bool isPending(const QString &projectId, const QString &dataId) const;

    QPointer<ApiClient> m_client;
    /// project -> data ID -> answer: two levels, so a look-up builds no key string.
    QHash<QString, DataNames> m_names;
    qsizetype m_size = 0;                    ///< answers held
    QList<Key> m_order;                      ///< answers in the order they came (oldest first)
    qsizetype m_orderStart = 0;              ///< m_order's entries before this are forgotten
    QHash<QString, QSet<QString>> m_pending; ///< project -> data IDs under way
    qsizetype m_pendingCount = 0;
    qsizetype m_maxEntries = DefaultMaxEntries;
    quint64 m_generation = 0; ///< bumped by clear(): answers of older lookups are dropped
    quint64 m_forgetCount = 0;
    int m_lookups = 0;
};

} // namespace ica
