#include "batchhistoryfeed.h"

#include "batchhistorymodel.h"
#include "historycounts.h"
#include "store/storeworker.h"

namespace ica {

namespace {

/// An unchanged status is written again after this long, to keep "last checked" true.
constexpr qint64 RewriteAfterSeconds = 60;

} // namespace

BatchHistoryFeed::BatchHistoryFeed(StoreWorker *store, BatchHistoryModel *model, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model) {
    if (m_store)
        connect(m_store, &StoreWorker::historyChanged, this, &BatchHistoryFeed::reload);
    list();
}

void BatchHistoryFeed::setProfileId(const QString &profileId) {
    if (profileId == m_profileId)
        return;
    m_profileId = profileId;
    m_written.clear();
    m_loaded = false;
    m_resetOnAnswer = true;
    m_loading = false; // the listing in flight is for the other profile: its answer is dropped
    m_listAgain = false;
    list();
}

void BatchHistoryFeed::reload() {
    if (m_loading) {
        m_listAgain = true; // what is listed now may predate the change
        return;
    }
    list();
}

void BatchHistoryFeed::list() {
    if (!m_store)
        return;
    m_loading = true;
    const quint64 serial = ++m_serial;
    m_store->listBatches(m_profileId, this,
                         [this, serial](const StoreResult<QList<BatchRecord>> &result) {
                             onListed(serial, result.value, result.error);
                         });
}

void BatchHistoryFeed::onListed(quint64 serial, const QList<BatchRecord> &records,
                                const QString &error) {
    if (serial != m_serial)
        return;
    m_loading = false;
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("The batch history could not be read: %1").arg(error));
    } else if (m_model) {
        if (m_resetOnAnswer)
            m_model->resetRecords(records);
        else
            m_model->setRecords(records);
        m_resetOnAnswer = false;
        m_loaded = true;
        Q_EMIT loaded();
    }
    if (m_listAgain) {
        m_listAgain = false;
        list();
    }
}

void BatchHistoryFeed::recordOpened(const QString &projectId, const QString &projectName,
                                    const Batch &batch, Done done) {
    if (!m_store) {
        if (done)
            done(tr("The batch history is not available."));
        return;
    }
    const BatchRecord record = BatchRecord::fromOpened(m_profileId, projectId, projectName, batch);
    m_store->upsertBatch(record, this, [this, done](const StoreResult<BatchRecord> &result) {
        if (!result.ok())
            Q_EMIT errorOccurred(
                tr("The batch could not be added to the history: %1").arg(result.error));
        if (done)
            done(result.error);
    });
}

void BatchHistoryFeed::recordStatus(const QString &projectId, const Batch &batch,
                                    const ItemStatusCounts &counts) {
    if (!m_store || batch.id.isEmpty())
        return;
    const QString status = batch.job.status.toString();
    const QMap<QString, qint64> map = countsToRecordMap(counts);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto written = m_written.constFind(batch.id);
    if (written != m_written.cend() && written->status == status && written->counts == map &&
        written->at.secsTo(now) < RewriteAfterSeconds)
        return;
    m_written.insert(batch.id, Written{status, map, now});
    const QString profileId = m_profileId;
    m_store->updateBatchStatus(
        profileId, batch.id, status, map, this,
        [this, profileId, projectId, batch, map](const StoreResult<bool> &result) {
            if (!result.ok()) {
                m_written.remove(batch.id); // try again with the next refresh
                Q_EMIT errorOccurred(tr("The batch's status could not be kept in the history: %1")
                                         .arg(result.error));
                return;
            }
            if (result.value || profileId != m_profileId)
                return;
            // Not in the history yet (watched without being created or opened here):
            // every batch this app has watched belongs in the list.
            BatchRecord record = BatchRecord::fromOpened(profileId, projectId, QString(), batch);
            record.itemCounts = map;
            m_store->upsertBatch(record, this, [this](const StoreResult<BatchRecord> &added) {
                if (!added.ok())
                    Q_EMIT errorOccurred(
                        tr("The batch could not be added to the history: %1").arg(added.error));
            });
        });
}

void BatchHistoryFeed::remove(const QString &profileId, const QString &batchId, Done done) {
    if (!m_store) {
        if (done)
            done(tr("The batch history is not available."));
        return;
    }
    m_written.remove(batchId);
    m_store->removeBatch(profileId, batchId, this, [this, done](const StoreResult<bool> &result) {
        if (!result.ok())
            Q_EMIT errorOccurred(
                tr("The batch could not be removed from the history: %1").arg(result.error));
        if (done)
            done(result.error);
    });
}

} // namespace ica
