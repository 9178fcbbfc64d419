#pragma once

#include "core/api/apierror.h"
#include "core/api/batchapi.h"
#include "core/domain/batch.h"
#include "core/monitor/itemspager.h"
#include "core/monitor/itemstatuscounts.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace ica {

class ApiCall;

/// Watches one batch: its job (status, times, owner, additional information), how
/// many items are in each status and the progress, refreshed on an interval and on
/// demand. A refresh round gets the batch first, then counts every status at once
/// (one offset-mode listing per status with pageSize=1, reading totalItemCount) and
/// refreshes the attached ItemsPager. Rounds never overlap: a tick while one is in
/// flight is skipped. Once the job is terminal, the round that saw it (whose counts
/// were read after it) is the last one: live refresh stops.
class BatchMonitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchMonitor)
    Q_PROPERTY(bool refreshing READ isRefreshing NOTIFY refreshingChanged)
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(bool live READ isLive NOTIFY liveChanged)
    Q_PROPERTY(double progress READ progress NOTIFY countsChanged)
public:
    /// "Now" for "updated N s ago"; tests inject their own.
    using Clock = std::function<QDateTime()>;

    /// The intervals a user can choose: off (0), 2, 5, 10 and 30 s.
    static const QList<std::chrono::milliseconds> &refreshIntervals();

    explicit BatchMonitor(ApiClient *client, QObject *parent = nullptr);
    ~BatchMonitor() override;

    /// Watches another batch: forgets everything known, refreshes at once and, with
    /// an attached pager, points the pager at the batch too. Empty IDs: none.
    void setBatch(const QString &projectId, const QString &batchId);
    [[nodiscard]] QString projectId() const { return m_projectId; }
    [[nodiscard]] QString batchId() const { return m_batchId; }

    /// Refreshed with every round (not owned). Null: none.
    void setItemsPager(ItemsPager *pager);
    [[nodiscard]] ItemsPager *itemsPager() const { return m_pager; }

    /// Time between rounds; 0 turns live refresh off. The ui offers
    /// refreshIntervals(), but any value is accepted.
    void setRefreshInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds refreshInterval() const { return m_interval; }
    /// Paused (a minimised window): no ticks. Unpausing refreshes at once when the
    /// last refresh is older than the interval.
    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const { return m_paused; }
    void setClock(Clock clock);
    /// How long rounds may fail one after another (transient errors: 5xx, dropped
    /// connections, timeouts, after the client's own retries) before live refresh
    /// stops (default 5 minutes). A permanent error (403, 404) stops it at once.
    void setGiveUpAfter(std::chrono::milliseconds grace) { m_giveUpAfter = grace; }
    [[nodiscard]] std::chrono::milliseconds giveUpAfter() const { return m_giveUpAfter; }
    /// When the current run of failed rounds began (by the clock); invalid while
    /// the last round succeeded.
    [[nodiscard]] QDateTime failingSince() const { return m_failingSince; }

    /// Starts a round now, even after the job finished. False when a round is in
    /// flight or there is no batch.
    bool refreshNow();
    /// What the interval timer calls: a round, unless paused, finished, stopped by
    /// an error or one is in flight (then the tick is skipped).
    void tick();

    [[nodiscard]] bool hasBatch() const { return m_batch.has_value(); }
    /// The batch of the last round (valid when hasBatch()).
    [[nodiscard]] Batch batch() const { return m_batch.value_or(Batch()); }
    [[nodiscard]] JobStatus jobStatus() const { return batch().job.status; }
    [[nodiscard]] const ItemStatusCounts &counts() const { return m_counts; }
    /// Terminal items / all items; 1 for a finished job without items.
    [[nodiscard]] double progress() const;

    /// When the last round completed; invalid before the first.
    [[nodiscard]] QDateTime lastRefreshed() const { return m_lastRefreshed; }
    /// Seconds since lastRefreshed() by the clock; -1 before the first round.
    [[nodiscard]] qint64 secondsSinceRefresh() const;
    /// "Updated 5 s ago", for a status line (the view re-reads it on its own timer).
    [[nodiscard]] QString updatedText() const;

    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }
    /// The timer is running: an interval is set, not paused, not finished, not stopped.
    [[nodiscard]] bool isLive() const { return m_timer.isActive(); }
    /// The job is terminal and its final round is done: no more ticks.
    [[nodiscard]] bool isFinished() const { return m_finished; }
    /// Live refresh stopped after an error that another try will not cure (404,
    /// 403...) or after giveUpAfter() of failed rounds.
    [[nodiscard]] bool isStoppedByError() const { return m_stoppedByError; }
    [[nodiscard]] const ApiError &lastError() const { return m_lastError; }
    /// Ticks skipped because a round was still in flight.
    [[nodiscard]] int skippedTicks() const { return m_skippedTicks; }

Q_SIGNALS:
    /// The batch or its job changed (status, times, owner, additional information).
    void batchChanged(const ica::Batch &batch);
    void countsChanged(const ica::ItemStatusCounts &counts);
    void refreshingChanged(bool refreshing);
    /// A round completed; `at` is lastRefreshed().
    void refreshed(const QDateTime &at);
    /// The job reached a terminal status and its final round is done.
    void finished(const ica::JobStatus &status);
    void liveChanged(bool live);
    void pausedChanged(bool paused);
    void errorOccurred(const ica::ApiError &error);

private:
    void startRound();
    void onBatch(quint64 round, const Result<Batch> &result);
    void onCount(quint64 round, ItemStatus::Value status, const Result<BatchItemPage> &result);
    void finishRound(const ApiError &error);
    void abortRound();
    void updateTimer();
    void setRefreshing(bool refreshing);

    BatchApi m_api;
    QPointer<ItemsPager> m_pager;
    QString m_projectId;
    QString m_batchId;
    Clock m_clock;
    QTimer m_timer;
    std::chrono::milliseconds m_interval{0};
    bool m_paused = false;

    quint64 m_round = 0; ///< answers of other rounds are dropped
    QList<QPointer<ApiCall>> m_calls;
    int m_countsPending = 0;
    ItemStatusCounts m_roundCounts;
    ApiError m_roundError;

    std::optional<Batch> m_batch;
    ItemStatusCounts m_counts;
    QDateTime m_lastRefreshed;
    bool m_refreshing = false;
    bool m_finished = false;
    bool m_stoppedByError = false;
    bool m_skipPagerRefresh = false;
    int m_skippedTicks = 0;
    ApiError m_lastError;
    std::chrono::milliseconds m_giveUpAfter{300000};
    QDateTime m_failingSince;
};

} // namespace ica
