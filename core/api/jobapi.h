#pragma once

#include "core/api/apiclient.h"
#include "core/api/apiresult.h"
#include "core/api/queries.h"
#include "core/domain/batch.h"
#include "core/domain/page.h"

namespace ica {

/// One job of GET /api/jobs with the ID of its project (schema Job: the batch's
/// own Job has no project; the listing's jobs carry it).
struct JobListing {
    Job job;
    QString projectId; ///< "" when the job has no project

    static JobListing fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const JobListing &a, const JobListing &b) {
        return a.job == b.job && a.projectId == b.projectId;
    }
};

using JobPage = Page<JobListing>;

/// The tenant's jobs (GET /api/jobs). A data update batch runs as a job whose
/// subjectType is "ProjectDataUpdateBatch" and whose subjectId is the batch ID: the
/// one place ICA lists batches, used to find a batch whose create had no answer.
class JobApi final {
public:
    explicit JobApi(ApiClient *client)
        : m_client(client) {}

    /// One page of jobs; `sort` (offset mode only) e.g. "timeCreated desc".
    ApiCall *list(const PageRequest &page, const QString &sort, QObject *context,
                  ResultCallback<JobPage> callback);

private:
    ApiClient *m_client;
};

} // namespace ica
