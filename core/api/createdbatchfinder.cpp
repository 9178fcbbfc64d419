#include "core/api/createdbatchfinder.h"

#include "core/api/batchapi.h"
#include "core/api/jobapi.h"

namespace ica {

CreatedBatchFinder::CreatedBatchFinder(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

bool CreatedBatchFinder::start(const QString &projectId, const QDateTime &createdAfter) {
    if (m_running || !m_client)
        return false;
    m_running = true;
    m_incomplete = false;
    m_projectId = projectId;
    m_createdAfter = createdAfter;
    m_found.clear();
    fetchPage(0);
    return true;
}

void CreatedBatchFinder::fetchPage(int page) {
    if (!m_client) {
        done(ApiError::usage(tr("The connection was closed during the search.")));
        return;
    }
    JobApi(m_client).list(
        PageRequest::atOffset(qint64(page) * PageSize, PageSize),
        QStringLiteral("timeCreated desc"), this, [this, page](const Result<JobPage> &result) {
            if (!result.ok()) {
                done(result.error);
                return;
            }
            bool older = false;
            for (const JobListing &listing : result.value->items) {
                const Job &job = listing.job;
                if (job.timeCreated.isValid() && job.timeCreated < m_createdAfter) {
                    older = true; // newest first: the rest are older still
                    continue;
                }
                if (job.subjectType != QLatin1String("ProjectDataUpdateBatch") ||
                    listing.projectId != m_projectId || m_found.size() >= MaxCandidates)
                    continue;
                m_found.append({job.subjectId, job.timeCreated, job.status, -1});
            }
            const bool lastPage = result.value->items.size() < PageSize;
            if (older || lastPage) {
                countNext(0);
                return;
            }
            if (page + 1 >= MaxPages) {
                m_incomplete = true;
                countNext(0);
                return;
            }
            fetchPage(page + 1);
        });
}

void CreatedBatchFinder::countNext(int index) {
    if (index >= m_found.size() || !m_client) {
        done(ApiError());
        return;
    }
    ItemsQuery query;
    query.page = PageRequest::atOffset(0, 1);
    BatchApi(m_client).listItems(m_projectId, m_found.at(index).batchId, query, this,
                                 [this, index](const Result<BatchItemPage> &result) {
                                     // A batch that cannot be counted is still a finding: keep it,
                                     // count unknown.
                                     if (result.ok())
                                         m_found[index].itemCount =
                                             result.value->info.totalItemCount.value_or(-1);
                                     countNext(index + 1);
                                 });
}

void CreatedBatchFinder::done(const ApiError &error) {
    m_running = false;
    Q_EMIT finished(m_found, error);
}

} // namespace ica
