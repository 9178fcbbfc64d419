#pragma once

#include "core/monitor/itemstatuscounts.h"
#include "core/monitor/progresscurve.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

namespace ica {

class StoreWorker;

/// Follows the batch the monitor shows and builds its ProgressCurve from the
/// counts each refresh round reads (record()), keeping it in the SQLite store per
/// profile: on opening a batch its stored curve comes back, so a finished batch
/// still shows how it ran. Writes go through the StoreWorker, at most every
/// SaveEveryMs while the batch runs and at once when it is done.
class BatchProgressTracker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchProgressTracker)
public:
    /// Milliseconds since the epoch (UTC); tests inject their own.
    using Clock = std::function<qint64()>;
    static constexpr int SaveEveryMs = 10'000;

    /// `store` is not owned; null: the curve lives in memory only.
    explicit BatchProgressTracker(StoreWorker *store, QObject *parent = nullptr);
    /// Writes what is pending.
    ~BatchProgressTracker() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// Another profile: the batch is forgotten (its curve written first).
    void setProfileId(const QString &profileId);
    /// Follows another batch (empty: none): its stored curve is loaded.
    void setBatch(const QString &batchId);
    [[nodiscard]] QString batchId() const { return m_batchId; }
    /// Counts read by a refresh round of `batchId` (another batch is followed
    /// first); `terminal`: the job has ended, so the curve is written at once.
    void record(const QString &batchId, const ItemStatusCounts &counts, bool terminal);
    [[nodiscard]] const ProgressCurve &curve() const { return m_curve; }
    /// Writes the curve now if it changed since the last write.
    void flush();

Q_SIGNALS:
    /// The curve changed (a new point, or the stored curve arrived).
    void curveChanged();

private:
    QPointer<StoreWorker> m_store;
    Clock m_clock;
    QString m_profileId;
    QString m_batchId;
    ProgressCurve m_curve;
    quint64 m_serial = 0; ///< of the batch followed: older loads are dropped
    bool m_dirty = false;
    QTimer m_saveTimer;
};

} // namespace ica
