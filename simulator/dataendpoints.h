#pragma once

#include "simulator/apicontext.h"
#include "simulator/router.h"

namespace ica::sim {

/// GET /api/projects/{projectId}/data and GET /api/projects/{projectId}/data/{dataId}.
class DataEndpoints {
public:
    explicit DataEndpoints(ApiContext &context)
        : m_ctx(context) {}
    void registerRoutes(Router &router);

private:
    ApiResponse listData(const ApiRequest &request, const PathArgs &args);
    ApiResponse getData(const PathArgs &args);

    ApiContext &m_ctx;
};

} // namespace ica::sim
