#pragma once

#include "apicontext.h"
#include "router.h"

namespace icasim {

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

} // namespace icasim
