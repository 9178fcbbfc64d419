#include "simulator/dataendpoints.h"

#include "simulator/dataquery.h"

namespace ica::sim {

void DataEndpoints::registerRoutes(Router &router) {
    router.add("GET", QStringLiteral("/api/projects/{projectId}/data"),
               AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &r, const PathArgs &a) { return listData(r, a); });
    router.add("GET", QStringLiteral("/api/projects/{projectId}/data/{dataId}"),
               AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &, const PathArgs &a) { return getData(a); });
}

ApiResponse DataEndpoints::listData(const ApiRequest &request, const PathArgs &args) {
    const QString projectId = args.value(QStringLiteral("projectId"));
    const int projectIndex = m_ctx.requireProject(projectId);
    const QString scope = QStringLiteral("data/") + projectId;
    const PageRequest page = m_ctx.pager.parse(request.query, scope, DataQuery::sortableFields());
    const DataFilter filter = DataFilter::fromQuery(request.query);
    const Project &project = m_ctx.store.project(projectIndex);
    const World &world = m_ctx.store.world();

    const PageResult result =
        m_ctx.pager.page(DataQuery::select(project, world, filter), page, request.query, scope,
                         DataQuery::comparator(project, world));

    return ApiResponse::json(Pager::listBody(result, 2600, [&](JsonWriter &w, int row) {
        m_ctx.serializer.projectData(w, projectIndex, row);
    }));
}

ApiResponse DataEndpoints::getData(const PathArgs &args) {
    const int projectIndex = m_ctx.requireProject(args.value(QStringLiteral("projectId")));
    const QString dataId = args.value(QStringLiteral("dataId"));
    const int node = m_ctx.store.nodeIndex(projectIndex, dataId);
    if (node < 0)
        throw ApiError::notFound(QStringLiteral("Data with id '%1' was not found in project %2.")
                                     .arg(dataId, args.value(QStringLiteral("projectId"))));
    return ApiResponse::json(m_ctx.serializer.projectDataDocument(projectIndex, node));
}

} // namespace ica::sim
