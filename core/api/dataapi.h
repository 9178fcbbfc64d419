#pragma once

#include "core/api/apiclient.h"
#include "core/api/apiresult.h"
#include "core/api/queries.h"
#include "core/domain/projectdata.h"

namespace ica {

/// GET /api/projects/{projectId}/data and .../data/{dataId}.
class DataApi final {
public:
    explicit DataApi(ApiClient *client)
        : m_client(client) {}
    /// `priority` Background: a large page is decoded on the BackgroundPool.
    ApiCall *list(const QString &projectId, const DataQuery &query, QObject *context,
                  ResultCallback<ProjectDataPage> callback,
                  WorkPriority priority = WorkPriority::Normal);
    ApiCall *get(const QString &projectId, const QString &dataId, QObject *context,
                 ResultCallback<ProjectData> callback);

private:
    ApiClient *m_client;
};

} // namespace ica
