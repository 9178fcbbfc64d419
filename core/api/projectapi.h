#pragma once

#include "apiclient.h"
#include "apiresult.h"
#include "domain/project.h"
#include "queries.h"

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
