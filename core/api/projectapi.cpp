#include "core/api/projectapi.h"

namespace ica {

ApiCall *ProjectApi::list(const ProjectsQuery &query, QObject *context,
                          ResultCallback<ProjectPage> callback) {
    ApiRequest request;
    request.path = QStringLiteral("/api/projects");
    request.query.addIfSet(QStringLiteral("search"), query.search);
    query.page.addTo(request.query, query.sort);
    return deliver<ProjectPage>(m_client->send(std::move(request)), context,
                                &decodeJson<ProjectPage>, std::move(callback));
}

} // namespace ica
