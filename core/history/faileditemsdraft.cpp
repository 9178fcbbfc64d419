#include "core/history/faileditemsdraft.h"

#include "core/api/batchapi.h"
#include "core/api/pagecollector.h"

#include <QSet>

namespace ica {

namespace {

/// The changes of an item's request, without its data ID.
bool sameChanges(const BatchItemRequest &a, const DataUpdateGroup &g) {
    return a.userTags == g.userTags && a.technicalTags == g.technicalTags &&
           a.willBeArchivedAt == g.willBeArchivedAt && a.willBeDeletedAt == g.willBeDeletedAt;
}

} // namespace

CreateBatchRequest requestFromItems(const QList<BatchItem> &items) {
    CreateBatchRequest request;
    QList<QSet<QString>> idsOfGroup;
    for (const BatchItem &item : items) {
        const BatchItemRequest &r = item.request;
        if (r.dataId.isEmpty())
            continue;
        qsizetype group = 0;
        // Linear in the number of groups: a batch has a handful of distinct changes.
        while (group < request.dataUpdateGroups.size() &&
               !sameChanges(r, request.dataUpdateGroups.at(group)))
            ++group;
        if (group == request.dataUpdateGroups.size()) {
            DataUpdateGroup g;
            g.userTags = r.userTags;
            g.technicalTags = r.technicalTags;
            g.willBeArchivedAt = r.willBeArchivedAt;
            g.willBeDeletedAt = r.willBeDeletedAt;
            request.dataUpdateGroups.append(g);
            idsOfGroup.append(QSet<QString>());
        }
        if (idsOfGroup.at(group).contains(r.dataId))
            continue;
        idsOfGroup[group].insert(r.dataId);
        request.dataUpdateGroups[group].dataIds.append(r.dataId);
    }
    return request;
}

void fetchFailedItems(ApiClient *client, const QString &projectId, const QString &batchId,
                      QObject *context,
                      std::function<void(const Result<QList<BatchItem>> &)> done) {
    PageFetcher<BatchItem> fetch = [client, projectId, batchId](const PageRequest &page,
                                                                QObject *ctx,
                                                                ResultCallback<BatchItemPage> cb) {
        ItemsQuery query;
        query.statuses = {ItemStatus(ItemStatus::Failed)};
        query.page = page;
        return BatchApi(client).listItems(projectId, batchId, query, ctx, std::move(cb));
    };
    CollectOptions options;
    options.mode = PageRequest::Mode::Cursor;
    options.pageSize = 1000;
    collectAllPages<BatchItem>(std::move(fetch), options, context, std::move(done));
}

} // namespace ica
