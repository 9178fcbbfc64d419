#include "core/api/dataapi.h"

namespace ica {

ApiCall *DataApi::list(const QString &projectId, const DataQuery &query, QObject *context,
                       ResultCallback<ProjectDataPage> callback, WorkPriority priority) {
    ApiRequest request;
    request.path =
        QStringLiteral("/api/projects/") + pathSegment(projectId) + QStringLiteral("/data");
    query.addTo(request.query);
    return deliver<ProjectDataPage>(m_client->send(std::move(request)), context,
                                    &decodeJson<ProjectDataPage>, std::move(callback), priority);
}

ApiCall *DataApi::get(const QString &projectId, const QString &dataId, QObject *context,
                      ResultCallback<ProjectData> callback) {
    ApiRequest request;
    request.path = QStringLiteral("/api/projects/") + pathSegment(projectId) +
                   QStringLiteral("/data/") + pathSegment(dataId);
    return deliver<ProjectData>(m_client->send(std::move(request)), context,
                                &decodeJson<ProjectData>, std::move(callback));
}

} // namespace ica
