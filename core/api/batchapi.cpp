#include "core/api/batchapi.h"

#include "core/domain/fastitemdecoder.h"

#include <QJsonDocument>

namespace ica {

namespace {

QString batchPath(const QString &projectId, const QString &batchId = QString()) {
    QString path = QStringLiteral("/api/projects/") + pathSegment(projectId) +
                   QStringLiteral("/dataUpdateBatch");
    if (!batchId.isNull())
        path += QLatin1Char('/') + pathSegment(batchId);
    return path;
}

} // namespace

ApiCall *BatchApi::create(const QString &projectId, const CreateBatchRequest &body,
                          QObject *context, ResultCallback<Batch> callback) {
    ApiRequest request;
    request.method = "POST";
    request.path = batchPath(projectId);
    request.jsonBody = QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact);
    return deliver<Batch>(m_client->send(std::move(request)), context, &decodeJson<Batch>,
                          std::move(callback));
}

ApiCall *BatchApi::get(const QString &projectId, const QString &batchId, QObject *context,
                       ResultCallback<Batch> callback) {
    ApiRequest request;
    request.path = batchPath(projectId, batchId);
    return deliver<Batch>(m_client->send(std::move(request)), context, &decodeJson<Batch>,
                          std::move(callback));
}

ApiCall *BatchApi::listItems(const QString &projectId, const QString &batchId,
                             const ItemsQuery &query, QObject *context,
                             ResultCallback<BatchItemPage> callback) {
    ApiRequest request;
    request.path = batchPath(projectId, batchId) + QStringLiteral("/items");
    for (const ItemStatus &status : query.statuses)
        request.query.add(QStringLiteral("status"), status.toString());
    query.page.addTo(request.query, query.sort);
    return deliver<BatchItemPage>(m_client->send(std::move(request)), context, &decodeBatchItemPage,
                                  std::move(callback));
}

ApiCall *BatchApi::getItem(const QString &projectId, const QString &batchId, const QString &itemId,
                           QObject *context, ResultCallback<BatchItem> callback) {
    ApiRequest request;
    request.path = batchPath(projectId, batchId) + QStringLiteral("/items/") + pathSegment(itemId);
    return deliver<BatchItem>(m_client->send(std::move(request)), context, &decodeJson<BatchItem>,
                              std::move(callback));
}

} // namespace ica
