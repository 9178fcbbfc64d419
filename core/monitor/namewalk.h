#pragma once

#include "core/data/datanames.h"
#include "core/monitor/compactitem.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace ica {

/// Asks a DataNameCache for the names of a table's data IDs without reading the rows
/// on the GUI thread: the GUI thread only copies the rows' packed IDs (20 bytes a row,
/// well under a millisecond for 100,000 rows); a worker drops the IDs this walk handed
/// over before (a set kept per walk: 100,000 rows often hold 20,000 distinct IDs) and
/// turns the rest into text; the GUI thread then hands those to the cache a few
/// thousand at a time. Walks are throttled: one in flight, and a walk asked for
/// meanwhile runs once after it, so a batch loaded page by page is walked a few
/// times, not once per page. IDs the cache forgot (a failed lookup, its bound) are
/// walked again: the cache's forgetCount() changing starts the set over.
class NameWalk final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NameWalk)
public:
    /// Copies the packed data IDs of every row, on the GUI thread.
    using Gather = std::function<QList<PackedText>()>;

    /// `pool`: where pooled IDs' texts live (shared with the rows, thread-safe).
    NameWalk(Gather gather, std::shared_ptr<const ItemValuePool> pool, QObject *parent = nullptr);
    ~NameWalk() override;

    /// Where names are asked for (not owned; null: nowhere). Starts over.
    void setTarget(DataNameCache *cache, const QString &projectId);
    /// A walk soon: every row's ID not handed over yet goes to the cache.
    void request();
    /// The rows were replaced (a reset): the next walk hands over every ID again, and
    /// a walk under way is dropped.
    void forget();
    /// No walk is waiting, running or handing IDs over.
    [[nodiscard]] bool isIdle() const;

    /// Minimum gap between the end of a walk and the start of the next, in ms.
    static constexpr int ThrottleMs = 50;
    /// IDs handed to the cache in one step: one lookup's worth (each ID a few hash
    /// look-ups there, plus the lookup's URLs built).
    static constexpr qsizetype IdsPerStep = DataNameCache::IdsPerLookup;

private:
    void walk();
    void onWalked();
    void handOver();

    Gather m_gather;
    std::shared_ptr<const ItemValuePool> m_pool;
    QPointer<DataNameCache> m_cache;
    QString m_projectId;
    /// IDs handed over by this walk; only a running job touches it (one at a time).
    std::shared_ptr<QSet<PackedText>> m_seen;
    quint64 m_seenForgetCount = 0; ///< the cache's forgetCount() when m_seen started
    quint64 m_serial = 0;          ///< bumped by forget()/setTarget(): older walks are dropped
    quint64 m_jobSerial = 0;       ///< the serial of the walk in flight
    bool m_wanted = false;         ///< a walk was asked for since the last one started
    QTimer m_start;
    QTimer m_handOverStep;
    QFutureWatcher<QStringList> m_watcher;
    QStringList m_fresh; ///< IDs being handed over to the cache
    qsizetype m_freshAt = 0;
};

} // namespace ica
