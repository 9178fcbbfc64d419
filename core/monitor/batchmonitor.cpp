#include "core/monitor/batchmonitor.h"

#include "core/api/apicall.h"
#include "core/monitor/itemspager.h"

#include <QCoreApplication>
#include <QLocale>

#include <utility>

namespace ica {

const QList<std::chrono::milliseconds> &BatchMonitor::refreshIntervals() {
    using std::chrono::milliseconds;
    static const QList<milliseconds> intervals{milliseconds(0), milliseconds(2000),
                                               milliseconds(5000), milliseconds(10000),
                                               milliseconds(30000)};
    return intervals;
}

BatchMonitor::BatchMonitor(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_api(client)
    , m_clock([]() { return QDateTime::currentDateTimeUtc(); }) {
    connect(&m_timer, &QTimer::timeout, this, &BatchMonitor::tick);
}

BatchMonitor::~BatchMonitor() {
    // Cancel what is in flight without telling anyone: nobody should hear from a
    // half-destroyed monitor.
    ++m_round;
    const QList<QPointer<ApiCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->cancel();
    }
}

void BatchMonitor::setBatch(const QString &projectId, const QString &batchId) {
    if (projectId == m_projectId && batchId == m_batchId)
        return;
    abortRound();
    m_projectId = projectId;
    m_batchId = batchId;
    m_batch.reset();
    m_lastRefreshed = QDateTime();
    m_finished = false;
    m_stoppedByError = false;
    m_lastError = ApiError();
    m_failingSince = QDateTime();
    m_skippedTicks = 0;
    if (m_counts != ItemStatusCounts()) {
        m_counts = ItemStatusCounts();
        Q_EMIT countsChanged(m_counts);
    }
    if (m_pager) {
        m_pager->setBatch(projectId, batchId);
        // When the pager is loading this batch now, refreshing it in the same round
        // would only ask twice.
        m_skipPagerRefresh = m_pager->isLoading();
    }
    updateTimer();
    if (!m_projectId.isEmpty() && !m_batchId.isEmpty())
        startRound();
}

void BatchMonitor::setItemsPager(ItemsPager *pager) {
    m_pager = pager;
}

void BatchMonitor::setRefreshInterval(std::chrono::milliseconds interval) {
    m_interval = qMax(std::chrono::milliseconds(0), interval);
    updateTimer();
}

void BatchMonitor::setPaused(bool paused) {
    if (paused == m_paused)
        return;
    m_paused = paused;
    updateTimer();
    Q_EMIT pausedChanged(paused);
    if (!paused && isLive() && !m_refreshing) {
        const qint64 age = secondsSinceRefresh();
        if (age < 0 || age * 1000 >= m_interval.count())
            startRound();
    }
}

void BatchMonitor::setClock(Clock clock) {
    m_clock = clock ? std::move(clock) : Clock([]() { return QDateTime::currentDateTimeUtc(); });
}

bool BatchMonitor::refreshNow() {
    if (m_refreshing || m_projectId.isEmpty() || m_batchId.isEmpty())
        return false;
    startRound();
    return true;
}

void BatchMonitor::tick() {
    if (!isLive())
        return;
    if (m_refreshing) {
        ++m_skippedTicks;
        return;
    }
    startRound();
}

double BatchMonitor::progress() const {
    if (m_counts.total() == 0)
        return (m_batch && m_batch->job.status.isTerminal()) ? 1.0 : 0.0;
    return m_counts.doneFraction();
}

qint64 BatchMonitor::secondsSinceRefresh() const {
    if (!m_lastRefreshed.isValid())
        return -1;
    return qMax<qint64>(0, m_lastRefreshed.secsTo(m_clock()));
}

QString BatchMonitor::updatedText() const {
    const qint64 seconds = secondsSinceRefresh();
    if (seconds < 0)
        return tr("Not updated yet");
    if (seconds < 1)
        return tr("Updated just now");
    if (seconds < 60)
        return tr("Updated %n s ago", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("Updated %n min ago", nullptr, int(seconds / 60));
    return tr("Updated at %1")
        .arg(QLocale().toString(m_lastRefreshed.toLocalTime(), QLocale::ShortFormat));
}

void BatchMonitor::startRound() {
    const quint64 round = ++m_round;
    m_roundError = ApiError();
    m_roundCounts = ItemStatusCounts();
    m_countsPending = 0;
    setRefreshing(true);
    m_calls.append(
        m_api.get(m_projectId, m_batchId, this,
                  [this, round](const Result<Batch> &result) { onBatch(round, result); }));
}

void BatchMonitor::onBatch(quint64 round, const Result<Batch> &result) {
    if (round != m_round)
        return;
    if (!result.ok()) {
        finishRound(result.error);
        return;
    }
    if (!m_batch || !(*m_batch == *result.value)) {
        m_batch = *result.value;
        Q_EMIT batchChanged(*m_batch);
    }
    // Counted after the batch was read: when the job is terminal these are final.
    m_countsPending = ItemStatus::KnownCount;
    for (int i = 0; i < ItemStatus::KnownCount; ++i) {
        const ItemStatus::Value status = ItemStatus::knownValues()[i];
        ItemsQuery query;
        query.statuses = {ItemStatus(status)};
        query.page = PageRequest::atOffset(0, 1);
        m_calls.append(m_api.listItems(m_projectId, m_batchId, query, this,
                                       [this, round, status](const Result<BatchItemPage> &page) {
                                           onCount(round, status, page);
                                       }));
    }
    if (m_pager && !m_skipPagerRefresh)
        m_pager->refresh();
    m_skipPagerRefresh = false;
}

void BatchMonitor::onCount(quint64 round, ItemStatus::Value status,
                           const Result<BatchItemPage> &result) {
    if (round != m_round)
        return;
    --m_countsPending;
    if (!result.ok()) {
        if (!m_roundError.isError())
            m_roundError = result.error;
    } else if (!result.value->info.totalItemCount) {
        if (!m_roundError.isError())
            m_roundError = ApiError::decode(
                200,
                QCoreApplication::translate(
                    "ica::BatchMonitor", "An offset-mode items page came without totalItemCount."));
    } else {
        m_roundCounts.setCount(status, *result.value->info.totalItemCount);
    }
    if (m_countsPending > 0)
        return;
    if (m_roundError.isError()) {
        finishRound(m_roundError);
        return;
    }
    if (m_roundCounts != m_counts) {
        m_counts = m_roundCounts;
        Q_EMIT countsChanged(m_counts);
    }
    finishRound(ApiError());
}

void BatchMonitor::finishRound(const ApiError &error) {
    m_calls.clear();
    m_skipPagerRefresh = false;
    if (error.isError()) {
        m_lastError = error;
        if (!m_failingSince.isValid())
            m_failingSince = m_clock();
        // A permanent error will not change; a transient one is tried again on the
        // next tick until the failures have lasted longer than the grace.
        if (error.isPermanent() ||
            m_failingSince.msecsTo(m_clock()) >= qint64(m_giveUpAfter.count()))
            m_stoppedByError = true;
        setRefreshing(false);
        updateTimer();
        Q_EMIT errorOccurred(error);
        return;
    }
    m_lastError = ApiError();
    m_stoppedByError = false;
    m_failingSince = QDateTime();
    m_lastRefreshed = m_clock();
    const bool wasFinished = m_finished;
    m_finished = m_batch && m_batch->job.status.isTerminal();
    setRefreshing(false);
    updateTimer();
    Q_EMIT refreshed(m_lastRefreshed);
    if (m_finished && !wasFinished)
        Q_EMIT finished(m_batch->job.status);
}

void BatchMonitor::abortRound() {
    ++m_round; // answers still on their way belong to no round now
    m_countsPending = 0;
    const QList<QPointer<ApiCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->cancel();
    }
    setRefreshing(false);
}

void BatchMonitor::updateTimer() {
    const bool live = m_interval.count() > 0 && !m_paused && !m_finished && !m_stoppedByError &&
                      !m_projectId.isEmpty() && !m_batchId.isEmpty();
    const bool wasLive = m_timer.isActive();
    if (live && (!wasLive || m_timer.intervalAsDuration() != m_interval))
        m_timer.start(m_interval);
    else if (!live)
        m_timer.stop();
    if (live != wasLive)
        Q_EMIT liveChanged(live);
}

void BatchMonitor::setRefreshing(bool refreshing) {
    if (refreshing == m_refreshing)
        return;
    m_refreshing = refreshing;
    Q_EMIT refreshingChanged(refreshing);
}

} // namespace ica
