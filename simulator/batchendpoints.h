#pragma once

#include "apicontext.h"
#include "router.h"

namespace icasim {

/// The four project data update batch calls under /api/projects/{projectId}/dataUpdateBatch.
class BatchEndpoints {
public:
    explicit BatchEndpoints(ApiContext &context)
        : m_ctx(context) {}
    void registerRoutes(Router &router);

    /// Fields the items listing sorts on (offset paging only; v2 API).
    static const QStringList &itemSortFields();

private:
    ApiResponse createBatch(const ApiRequest &request, const PathArgs &args);
    ApiResponse getBatch(const PathArgs &args);
    ApiResponse listItems(const ApiRequest &request, const PathArgs &args);
    ApiResponse getItem(const PathArgs &args);

    const Batch &requireBatch(const PathArgs &args, int *projectIndex = nullptr) const;

    ApiContext &m_ctx;
};

} // namespace icasim
