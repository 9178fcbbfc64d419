#pragma once

#include "apiclient.h"
#include "apiresult.h"
#include "domain/projectdata.h"
#include "queries.h"

namespace ica {

/// GET /api/projects/{projectId}/data and .../data/{dataId}.
class DataApi final {
public:
    explicit DataApi(ApiClient *client)
        : m_client(client) {}
    ApiCall *list(const QString &projectId, const DataQuery &query, QObject *context,
                  ResultCallback<ProjectDataPage> callback);
    ApiCall *get(const QString &projectId, const QString &dataId, QObject *context,
                 ResultCallback<ProjectData> callback);

private:
    ApiClient *m_client;
};

} // namespace ica
