#include "core/projects/projectcatalog.h"

#include "core/api/pagecollector.h"
#include "core/api/projectapi.h"
#include "core/projects/projectlistmodel.h"

namespace ica {

ProjectCatalog::ProjectCatalog(QObject *parent)
    : QObject(parent)
    , m_model(new ProjectListModel(this)) {}

void ProjectCatalog::setClient(ApiClient *client) {
    if (client == m_client && client)
        return;
    m_client = client;
    ++m_generation;
    m_lastError = ApiError();
    m_model->clear();
    setLoading(false);
    if (m_client)
        reload();
}

void ProjectCatalog::reload() {
    if (!m_client)
        return;
    const quint64 generation = ++m_generation;
    setLoading(true);
    QPointer<ApiClient> client = m_client;
    PageFetcher<Project> fetch = [client](const PageRequest &page, QObject *context,
                                          ResultCallback<ProjectPage> done) -> ApiCall * {
        if (!client) {
            done(Result<ProjectPage>::failure(
                ApiError::usage(tr("The profile was closed while its projects were loading."))));
            return nullptr;
        }
        ProjectsQuery query;
        query.page = page;
        return ProjectApi(client).list(query, context, std::move(done));
    };
    collectAllPages<Project>(fetch, CollectOptions{}, this,
                             [this, generation](const Result<QList<Project>> &result) {
                                 if (generation != m_generation)
                                     return; // another client or another reload took over
                                 setLoading(false);
                                 if (!result.ok()) {
                                     m_lastError = result.error;
                                     Q_EMIT failed(result.error);
                                     return;
                                 }
                                 m_lastError = ApiError();
                                 m_model->setProjects(*result.value);
                                 Q_EMIT loaded(int(result.value->size()));
                             });
}

void ProjectCatalog::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace ica
