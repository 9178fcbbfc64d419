#pragma once

#include "simulator/apicontext.h"
#include "simulator/router.h"

#include <QJsonObject>

#include <functional>

namespace ica::sim {

/// The four project data update batch calls under /api/projects/{projectId}/dataUpdateBatch.
class BatchEndpoints {
public:
    explicit BatchEndpoints(ApiContext &context)
        : m_ctx(context) {}
    void registerRoutes(Router &router);

    /// Fields the items listing sorts on (offset paging only; v2 API).
    static const QStringList &itemSortFields();

    /// Called with each accepted create body (for the demo's BatchJournal).
    void setCreatedCallback(std::function<void(const QString &, const QJsonObject &)> callback) {
        m_created = std::move(callback);
    }
    /// Creates a batch from a journal entry exactly as the HTTP call would; throws
    /// ApiError when the entry no longer fits the data. Returns the batch's item count.
    int createFromJournal(const QString &projectId, const QJsonObject &body);

private:
    ApiResponse createBatch(const ApiRequest &request, const PathArgs &args);
    ApiResponse getBatch(const PathArgs &args);
    ApiResponse listItems(const ApiRequest &request, const PathArgs &args);
    ApiResponse getItem(const PathArgs &args);

    const Batch &requireBatch(const PathArgs &args, int *projectIndex = nullptr) const;

    const Batch &createChecked(int projectIndex, const QJsonObject &body);

    ApiContext &m_ctx;
    std::function<void(const QString &, const QJsonObject &)> m_created;
};

} // namespace ica::sim
