#pragma once

#include "core/api/apiclient.h"
#include "core/api/apiresult.h"
#include "core/api/queries.h"
#include "core/domain/project.h"

namespace ica {

/// GET /api/projects.
class ProjectApi final {
public:
    explicit ProjectApi(ApiClient *client)
        : m_client(client) {}
    ApiCall *list(const ProjectsQuery &query, QObject *context,
                  ResultCallback<ProjectPage> callback);

private:
    ApiClient *m_client;
};

} // namespace ica
