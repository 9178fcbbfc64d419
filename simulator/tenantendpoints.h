#pragma once

#include "simulator/apicontext.h"
#include "simulator/router.h"

namespace ica::sim {

/// Tenant-level calls: POST /api/tokens (+ :refresh), GET /api/projects[/{projectId}],
/// GET /api/jobs[/{jobId}].
class TenantEndpoints {
public:
    explicit TenantEndpoints(ApiContext &context)
        : m_ctx(context) {}
    void registerRoutes(Router &router);

private:
    ApiResponse createToken(const ApiRequest &request);
    ApiResponse listProjects(const ApiRequest &request);
    ApiResponse getProject(const PathArgs &args);
    ApiResponse listJobs(const ApiRequest &request);
    ApiResponse getJob(const PathArgs &args);

    ApiContext &m_ctx;
};

} // namespace ica::sim
