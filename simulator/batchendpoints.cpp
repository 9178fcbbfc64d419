#include "simulator/batchendpoints.h"

#include "simulator/batchrequestparser.h"

#include <algorithm>

namespace ica::sim {

namespace {

void requireUuid(const QString &value, const QString &name) {
    if (!Uuid::parse(value))
        throw ApiError::badRequest(QStringLiteral("%1 '%2' is not a valid UUID.").arg(name, value),
                                   {{QStringLiteral("parameter"), name}});
}

int compareNumbers(qint64 a, qint64 b) {
    return a < b ? -1 : (a > b ? 1 : 0);
}

} // namespace

const QStringList &BatchEndpoints::itemSortFields() {
    static const QStringList fields{QStringLiteral("id"), QStringLiteral("dataId"),
                                    QStringLiteral("status"), QStringLiteral("timeCreated"),
                                    QStringLiteral("timeModified")};
    return fields;
}

void BatchEndpoints::registerRoutes(Router &router) {
    const QString base = QStringLiteral("/api/projects/{projectId}/dataUpdateBatch");
    router.add("POST", base, AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &r, const PathArgs &a) { return createBatch(r, a); });
    router.add("GET", base + QStringLiteral("/{batchId}"), AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &, const PathArgs &a) { return getBatch(a); });
    router.add("GET", base + QStringLiteral("/{batchId}/items"), AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &r, const PathArgs &a) { return listItems(r, a); });
    router.add("GET", base + QStringLiteral("/{batchId}/items/{itemId}"),
               AuthRequirement::ApiKeyOrToken,
               [this](const ApiRequest &, const PathArgs &a) { return getItem(a); });
}

ApiResponse BatchEndpoints::createBatch(const ApiRequest &request, const PathArgs &args) {
    const QString projectId = args.value(QStringLiteral("projectId"));
    const int projectIndex = m_ctx.requireProject(projectId);
    const QJsonObject body = BatchRequestParser::parseJsonBody(request);
    const Batch &batch = createChecked(projectIndex, body);
    if (m_created)
        m_created(projectId, body);
    return ApiResponse::json(m_ctx.serializer.batchDocument(batch), 201);
}

int BatchEndpoints::createFromJournal(const QString &projectId, const QJsonObject &body) {
    return createChecked(m_ctx.requireProject(projectId), body).itemCount();
}

const Batch &BatchEndpoints::createChecked(int projectIndex, const QJsonObject &body) {
    CreateBatchRequest parsed = BatchRequestParser::parseCreateBatch(body);

    // Archive/delete times cannot be defined for folders.
    const Project &project = m_ctx.store.project(projectIndex);
    for (size_t g = 0; g < parsed.groups.size(); ++g) {
        const DataUpdate &group = parsed.groups[g];
        if (!group.willBeArchivedAt && !group.willBeDeletedAt)
            continue;
        for (const QString &id : parsed.dataIds[g]) {
            const int node = project.nodeById.value(id, -1);
            if (node >= 0 && project.nodes[size_t(node)].folder)
                throw ApiError::badRequest(
                    QStringLiteral("willBeArchivedAt/willBeDeletedAt cannot be set for folder "
                                   "'%1' (dataUpdateGroups[%2]): archive and delete times can "
                                   "only be defined for files.")
                        .arg(id)
                        .arg(g),
                    {{QStringLiteral("dataId"), id},
                     {QStringLiteral("field"),
                      QStringLiteral("dataUpdateGroups[%1].dataIds").arg(g)}});
        }
    }
    return m_ctx.batches.create(projectIndex, std::move(parsed.groups), parsed.dataIds);
}

const Batch &BatchEndpoints::requireBatch(const PathArgs &args, int *projectIndex) const {
    const int project = m_ctx.requireProject(args.value(QStringLiteral("projectId")));
    const QString batchId = args.value(QStringLiteral("batchId"));
    requireUuid(batchId, QStringLiteral("batchId"));
    const Batch *batch = m_ctx.batches.find(project, batchId);
    if (!batch)
        throw ApiError::notFound(
            QStringLiteral("Data update batch with id '%1' was not found in this project.")
                .arg(batchId));
    if (projectIndex)
        *projectIndex = project;
    return *batch;
}

ApiResponse BatchEndpoints::getBatch(const PathArgs &args) {
    return ApiResponse::json(m_ctx.serializer.batchDocument(requireBatch(args)));
}

ApiResponse BatchEndpoints::getItem(const PathArgs &args) {
    const Batch &batch = requireBatch(args);
    const QString itemId = args.value(QStringLiteral("itemId"));
    requireUuid(itemId, QStringLiteral("itemId"));
    const int index = batch.itemById.value(*Uuid::parse(itemId), -1);
    if (index < 0)
        throw ApiError::notFound(
            QStringLiteral("Data update batch item with id '%1' was not found.").arg(itemId));
    return ApiResponse::json(m_ctx.serializer.itemDocument(batch, index));
}

ApiResponse BatchEndpoints::listItems(const ApiRequest &request, const PathArgs &args) {
    const Batch &batch = requireBatch(args);
    const QueryParams &q = request.query;
    const QString scope = QStringLiteral("items/") + batch.id.toString();
    const PageRequest page = m_ctx.pager.parse(q, scope, itemSortFields());
    std::vector<ItemStatus> statuses;
    for (const QString &s : q.listValues(QStringLiteral("status"))) {
        ItemStatus status;
        if (!parseItemStatus(s, &status))
            throw ApiError::badRequest(
                QStringLiteral("Invalid value '%1' for status: expected one of INITIALISED, "
                               "WAITING_RESOURCES, UPDATING, UPDATED, PARTIALLY_UPDATED, FAILED.")
                    .arg(s),
                {{QStringLiteral("parameter"), QStringLiteral("status")}});
        statuses.push_back(status);
    }
    const IndexUnion members = m_ctx.batches.itemsWithStatus(batch, statuses);

    PageResult result;
    result.cursorMode = page.cursorMode;
    if (page.cursorMode || page.sort.empty()) {
        // Walk the status index directly: O(page size x log n), no scan of the batch.
        int position =
            page.cursorMode ? members.nextAtOrAfter(page.after + 1) : members.nth(page.offset);
        while (position >= 0 && int(result.rows.size()) < page.size) {
            result.rows.push_back(position);
            position = members.nextAtOrAfter(position + 1);
        }
        if (page.cursorMode) {
            const int last = result.rows.empty() ? page.after : result.rows.back();
            result.remainingRecords = members.count() - members.countBelow(last + 1);
            if (result.remainingRecords > 0)
                result.nextPageToken = m_ctx.pager.makeToken(q, scope, last);
        } else {
            result.totalItemCount = members.count();
        }
    } else {
        const BatchEngine &engine = m_ctx.batches;
        const Batch *b = &batch;
        result = m_ctx.pager.page(
            members.all(), page, q, scope, [&engine, b](const QString &field) -> Pager::RowCompare {
                const auto item = [b](int i) -> const BatchItem & { return b->items[size_t(i)]; };
                if (field == QLatin1String("id"))
                    return [item](int x, int y) {
                        return item(x).id < item(y).id ? -1 : (item(y).id < item(x).id ? 1 : 0);
                    };
                if (field == QLatin1String("dataId"))
                    return [item](int x, int y) { return item(x).dataId.compare(item(y).dataId); };
                if (field == QLatin1String("status"))
                    return [&engine, b](int x, int y) {
                        return qstrcmp(itemStatusName(engine.itemStatus(*b, x)),
                                       itemStatusName(engine.itemStatus(*b, y)));
                    };
                if (field == QLatin1String("timeModified"))
                    return [&engine, b](int x, int y) {
                        return compareNumbers(engine.itemTimeModified(*b, x),
                                              engine.itemTimeModified(*b, y));
                    };
                return [](int x, int y) { return compareNumbers(x, y); }; // creation order
            });
    }

    return ApiResponse::json(Pager::listBody(
        result, 240, [&](JsonWriter &w, int row) { m_ctx.serializer.item(w, batch, row); }));
}

} // namespace ica::sim
