#include "core/history/batchhistoryfeed.h"

#include "core/history/historycounts.h"
#include "core/store/storeworker.h"

namespace ica {

namespace {

/// An unchanged status is written again after this long, to keep "last checked" true.
constexpr qint64 RewriteAfterSeconds = 60;

} // namespace

BatchHistoryFeed::BatchHistoryFeed(StoreWorker *store, BatchHistoryModel *model, QObject *parent)
    : ListingFeed(
          model,
          {[](BatchHistoryModel &rows, QList<BatchRecord> records) { rows.resetRecords(records); },
           {}, // one page: nothing is ever appended
           [](BatchHistoryModel &rows, RowPages<BatchRecord> pages) {
               rows.setRecords(joinedPages(pages));
           }},
          {}, parent)
    , m_store(store) {
    m_loader.setSource([this](const PageRequest &, Loader::Reply reply) -> Loader::Cancel {
        if (!m_store) {
            reply(Result<Page<BatchRecord>>::failure(
                ApiError::usage(tr("The batch history is not available."))));
            return {};
        }
        m_store->listBatches(
            m_profileId, this, [reply](const StoreResult<QList<BatchRecord>> &result) {
                if (!result.ok()) {
                    reply(Result<Page<BatchRecord>>::failure(ApiError::usage(result.error)));
                    return;
                }
                Page<BatchRecord> page;
                page.items = result.value; // no next page token: the end
                reply(Result<Page<BatchRecord>>::success(std::move(page)));
            });
        return {}; // a store listing cannot be stopped; the loader drops a stale answer
    });
    connect(&m_loader, &PagedLoaderBase::errorOccurred, this, [this](const ApiError &error) {
        Q_EMIT errorOccurred(tr("The batch history could not be read: %1").arg(error.message));
    });
    if (m_store)
        connect(m_store, &StoreWorker::historyChanged, this, &BatchHistoryFeed::reload);
    list();
}

void BatchHistoryFeed::setProfileId(const QString &profileId) {
    if (profileId == m_profileId)
        return;
    m_profileId = profileId;
    m_written.clear();
    list(); // the listing in flight is for the other profile: its answer is dropped
}

void BatchHistoryFeed::reload() {
    // While a listing is in flight the loader lists again right after it (what is
    // listed now may predate the change); before the first answer it lists anew.
    if (!m_loader.refresh())
        list();
}

void BatchHistoryFeed::list() {
    if (!m_store)
        return;
    PagedLoaderBase::Options options;
    options.mode = PageRequest::Mode::Cursor;
    options.pageSize = 0; // the whole history on one page (no page-size bound)
    m_loader.start(options);
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
