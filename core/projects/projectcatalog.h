#pragma once

#include "core/api/apiclient.h"
#include "core/api/apierror.h"

#include <QObject>
#include <QPointer>

namespace ica {

class ProjectListModel;

/// Loads every project a profile can see (GET /api/projects, all pages) into a
/// ProjectListModel for the project picker. Answers for a client that was
/// replaced in the meantime are dropped.
class ProjectCatalog final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectCatalog)
public:
    explicit ProjectCatalog(QObject *parent = nullptr);

    /// Re-targets the catalog (not owned): forgets the projects and, for a
    /// non-null client, loads them. Null: no profile, no projects.
    void setClient(ApiClient *client);
    [[nodiscard]] ApiClient *client() const { return m_client; }
    /// Loads the projects again; the model changes only where the list did.
    void reload();

    [[nodiscard]] ProjectListModel *model() const { return m_model; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    /// The last load's error; no error after a successful load.
    [[nodiscard]] const ApiError &lastError() const { return m_lastError; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A load finished with `count` projects.
    void loaded(int count);
    /// A load failed; the model keeps what it had.
    void failed(const ica::ApiError &error);

private:
    void setLoading(bool loading);

    QPointer<ApiClient> m_client;
    ProjectListModel *m_model;
    bool m_loading = false;
    quint64 m_generation = 0;
    ApiError m_lastError;
};

} // namespace ica
