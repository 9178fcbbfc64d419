#pragma once

#include "core/api/apiclient.h"
#include "core/api/apiresult.h"
#include "core/api/queries.h"
#include "core/domain/batch.h"

namespace ica {

/// The four project data update batch calls. Each starts at once and answers
/// through the callback on `context`'s thread; the returned call can be cancelled.
class BatchApi final {
public:
    explicit BatchApi(ApiClient *client)
        : m_client(client) {}

    /// POST .../dataUpdateBatch. Never repeated by the client except after a 429 or
    /// a 401 (both mean the server did not take it).
    ApiCall *create(const QString &projectId, const CreateBatchRequest &body, QObject *context,
                    ResultCallback<Batch> callback);
    ApiCall *get(const QString &projectId, const QString &batchId, QObject *context,
                 ResultCallback<Batch> callback);
    ApiCall *listItems(const QString &projectId, const QString &batchId, const ItemsQuery &query,
                       QObject *context, ResultCallback<BatchItemPage> callback);
    ApiCall *getItem(const QString &projectId, const QString &batchId, const QString &itemId,
                     QObject *context, ResultCallback<BatchItem> callback);

    [[nodiscard]] ApiClient *client() const { return m_client; }

private:
    ApiClient *m_client;
};

} // namespace ica
