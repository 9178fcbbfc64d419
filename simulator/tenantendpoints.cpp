#include "simulator/tenantendpoints.h"

#include <algorithm>

namespace ica::sim {

namespace {

bool hasAllTags(const QStringList &tags, const QStringList &wanted) {
    return std::all_of(wanted.begin(), wanted.end(),
                       [&](const QString &t) { return tags.contains(t); });
}

int compareTimes(TimeMs a, TimeMs b) {
    return a < b ? -1 : (a > b ? 1 : 0);
}

} // namespace

void TenantEndpoints::registerRoutes(Router &router) {
    router.add("POST", QStringLiteral("/api/tokens"), AuthRequirement::ApiKeyOnly,
               [this](const ApiRequest &r, const PathArgs &) { return createToken(r); });
    router.add("POST", QStringLiteral("/api/tokens:refresh"), AuthRequirement::ApiKeyOrToken,
               [](const ApiRequest &, const PathArgs &) -> ApiResponse {
                   throw ApiError(403, QStringLiteral("A JWT obtained with an API key cannot be "
                                                      "refreshed: exchange the API key again."));
               });
    router.add("GET", QStringLiteral("/api/projects"), AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &r, const PathArgs &) { return listProjects(r); });
    router.add("GET", QStringLiteral("/api/projects/{projectId}"), AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &, const PathArgs &a) { return getProject(a); });
    router.add("GET", QStringLiteral("/api/jobs"), AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &r, const PathArgs &) { return listJobs(r); });
    router.add("GET", QStringLiteral("/api/jobs/{jobId}"), AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &, const PathArgs &a) { return getJob(a); });
}

ApiResponse TenantEndpoints::createToken(const ApiRequest &) {
    JsonWriter w(512);
    w.beginObject();
    w.field("token", QLatin1String(m_ctx.auth.issueToken()));
    w.endObject();
    return ApiResponse::json(w.take(), 200);
}

ApiResponse TenantEndpoints::listProjects(const ApiRequest &request) {
    const QueryParams &q = request.query;
    static const QStringList sortable{QStringLiteral("name"), QStringLiteral("shortDescription"),
                                      QStringLiteral("information")};
    const QString scope = QStringLiteral("projects");
    const PageRequest page = m_ctx.pager.parse(q, scope, sortable);
    const QString search = q.value(QStringLiteral("search")).trimmed();
    const QStringList userTags = q.listValues(QStringLiteral("userTags"));
    const QStringList technicalTags = q.listValues(QStringLiteral("technicalTags"));

    std::vector<int> matching;
    for (int i = 0; i < m_ctx.store.projectCount(); ++i) {
        const Project &p = m_ctx.store.project(i);
        if (!search.isEmpty() && !p.name.contains(search, Qt::CaseInsensitive))
            continue;
        if (!hasAllTags(p.userTags, userTags) || !hasAllTags(p.technicalTags, technicalTags))
            continue;
        matching.push_back(i);
    }
    const DataStore &store = m_ctx.store;
    const PageResult result = m_ctx.pager.page(
        std::move(matching), page, q, scope, [&store](const QString &field) -> Pager::RowCompare {
            const auto text = [&store, field](int i) -> const QString & {
                const Project &p = store.project(i);
                return field == QLatin1String("name")               ? p.name
                       : field == QLatin1String("shortDescription") ? p.shortDescription
                                                                    : p.information;
            };
            return [text](int a, int b) { return text(a).compare(text(b), Qt::CaseInsensitive); };
        });

    return ApiResponse::json(Pager::listBody(
        result, 400, [&](JsonWriter &w, int row) { m_ctx.serializer.project(w, row); }));
}

ApiResponse TenantEndpoints::getProject(const PathArgs &args) {
    const int project = m_ctx.requireProject(args.value(QStringLiteral("projectId")));
    return ApiResponse::json(m_ctx.serializer.projectDocument(project));
}

ApiResponse TenantEndpoints::listJobs(const ApiRequest &request) {
    const QueryParams &q = request.query;
    static const QStringList sortable{QStringLiteral("timeCreated"), QStringLiteral("timeStarted"),
                                      QStringLiteral("timeFinished")};
    const QString scope = QStringLiteral("jobs");
    const PageRequest page = m_ctx.pager.parse(q, scope, sortable);
    std::vector<JobStatus> statuses;
    for (const QString &s : q.listValues(QStringLiteral("status"))) {
        JobStatus status;
        if (!parseJobStatus(s, &status))
            throw ApiError::badRequest(QStringLiteral("Invalid job status '%1'.").arg(s),
                                       {{QStringLiteral("parameter"), QStringLiteral("status")}});
        statuses.push_back(status);
    }
    const auto &batches = m_ctx.batches.batches();
    std::vector<int> matching;
    for (int i = 0; i < int(batches.size()); ++i) {
        const JobStatus status = m_ctx.batches.jobStatus(*batches[size_t(i)]);
        if (statuses.empty() ||
            std::find(statuses.begin(), statuses.end(), status) != statuses.end())
            matching.push_back(i);
    }
    const BatchEngine &engine = m_ctx.batches;
    const PageResult result =
        m_ctx.pager.page(std::move(matching), page, q, scope,
                         [&engine, &batches](const QString &field) -> Pager::RowCompare {
                             const auto time = [&engine, &batches, field](int i) -> TimeMs {
                                 const Batch &b = *batches[size_t(i)];
                                 if (field == QLatin1String("timeStarted"))
                                     return engine.now() >= b.runningAt ? b.runningAt : 0;
                                 if (field == QLatin1String("timeFinished"))
                                     return b.finished() ? b.finishedAt : 0;
                                 return b.created;
                             };
                             return [time](int a, int b) { return compareTimes(time(a), time(b)); };
                         });

    return ApiResponse::json(Pager::listBody(result, 400, [&](JsonWriter &w, int row) {
        m_ctx.serializer.job(w, *batches[size_t(row)]);
    }));
}

ApiResponse TenantEndpoints::getJob(const PathArgs &args) {
    const QString jobId = args.value(QStringLiteral("jobId"));
    const Batch *batch = m_ctx.batches.findByJob(jobId);
    if (!batch)
        throw ApiError::notFound(QStringLiteral("Job with id '%1' was not found.").arg(jobId));
    return ApiResponse::json(m_ctx.serializer.jobDocument(*batch));
}

} // namespace ica::sim
