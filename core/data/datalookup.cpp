#include "core/data/datalookup.h"

#include "core/api/dataapi.h"
#include "core/api/pagecollector.h"
#include "core/rows/offthread.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <utility>

namespace ica {

namespace {

/// Rows per page while looking up: the most ICA hands out in one page.
constexpr int LookupPageSize = 1000;

} // namespace

QList<QStringList> DataLookup::chunk(const QStringList &values, const QString &parameterName,
                                     int maxChars, int maxCount) {
    QList<QStringList> chunks;
    QStringList current;
    int used = 0;
    const int overhead = int(QUrl::toPercentEncoding(parameterName).size()) + 2; // "name=" + "&"
    for (const QString &value : values) {
        const int cost = overhead + int(QUrl::toPercentEncoding(value).size());
        if (!current.isEmpty() && (used + cost > maxChars || current.size() >= maxCount)) {
            chunks.append(current);
            current.clear();
            used = 0;
        }
        current.append(value); // a single value longer than the budget still gets a chunk
        used += cost;
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}

QList<DataQuery> DataLookup::idQueries(const DataQuery &base, const QStringList &ids) {
    QList<DataQuery> queries;
    for (const QStringList &part : chunk(ids, QStringLiteral("id"))) {
        DataQuery q = base;
        q.ids = part;
        queries.append(q);
    }
    return queries;
}

void DataLookup::byIds(ApiClient *client, const QString &projectId, const DataQuery &base,
                       const QStringList &ids, QObject *context, Done done, Progress progress) {
    run(client, projectId, idQueries(base, ids), context, std::move(done), std::move(progress));
}

void DataLookup::byPaths(ApiClient *client, const QString &projectId, const QStringList &paths,
                         QObject *context, Done done, Progress progress) {
    QList<DataQuery> queries;
    for (const QStringList &part : chunk(paths, QStringLiteral("filePath"))) {
        DataQuery q;
        q.filePaths = part;
        q.filePathMatch = DataQuery::PathMatch::Full;
        queries.append(q);
    }
    run(client, projectId, queries, context, std::move(done), std::move(progress));
}

void DataLookup::run(ApiClient *client, const QString &projectId, const QList<DataQuery> &queries,
                     QObject *context, Done done, Progress progress) {
    runParts(
        client, projectId, queries, context,
        [done](Result<QList<QList<ProjectData>>> parts) {
            if (!parts.ok()) {
                done(Result<QList<ProjectData>>::failure(parts.error));
                return;
            }
            QList<ProjectData> all;
            for (QList<ProjectData> &part : *parts.value)
                all.append(std::move(part));
            auto joined = Result<QList<ProjectData>>::success(std::move(all));
            done(joined);
            // What `done` did not keep (thousands of items' strings, a few ms to free)
            // is freed off the GUI thread.
            destroyOffThread(std::move(joined));
        },
        std::move(progress));
}

void DataLookup::runParts(ApiClient *client, const QString &projectId,
                          const QList<DataQuery> &queries, QObject *context, PartsDone done,
                          Progress progress, WorkPriority priority) {
    using Parts = QList<QList<ProjectData>>;
    if (queries.isEmpty()) {
        // Answer later, as every other outcome does, so callers need no special case.
        QMetaObject::invokeMethod(
            context, [done]() { done(Result<Parts>::success({})); }, Qt::QueuedConnection);
        return;
    }
    struct State {
        QPointer<ApiClient> client;
        QString projectId;
        QList<DataQuery> queries;
        QPointer<QObject> context;
        PartsDone done;
        WorkPriority priority = WorkPriority::Normal;
        Progress progress;
        QList<QList<ProjectData>> results;
        int next = 0;
        int finished = 0;
        bool failed = false;
    };
    auto state = std::make_shared<State>();
    state->client = client;
    state->projectId = projectId;
    state->queries = queries;
    state->context = context;
    state->done = std::move(done);
    state->progress = std::move(progress);
    state->priority = priority;
    state->results.resize(queries.size());

    // The pending chunk callbacks own the starter; it only refers to itself weakly,
    // so nothing is kept alive once the last callback ran or was dropped.
    auto starter = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weakStarter = starter;
    *starter = [state, weakStarter]() {
        const std::shared_ptr<std::function<void()>> startNext = weakStarter.lock();
        if (!startNext)
            return;
        while (!state->failed && state->context && state->client &&
               state->next < state->queries.size() &&
               state->next - state->finished < ParallelChunks) {
            const int index = state->next++;
            DataQuery query = state->queries.at(index);
            query.sort.clear(); // cursor paging cannot sort
            PageFetcher<ProjectData> fetch = [state, query](const PageRequest &page, QObject *ctx,
                                                            ResultCallback<ProjectDataPage> cb) {
                DataQuery q = query;
                q.page = page;
                if (!state->client) {
                    // Later, not from inside collectAllPages()' own step.
                    QMetaObject::invokeMethod(
                        ctx,
                        [cb]() {
                            cb(Result<ProjectDataPage>::failure(
                                ApiError::usage(QCoreApplication::translate(
                                    "ica::DataLookup", "The connection was closed."))));
                        },
                        Qt::QueuedConnection);
                    return static_cast<ApiCall *>(nullptr);
                }
                return DataApi(state->client)
                    .list(state->projectId, q, ctx, std::move(cb), state->priority);
            };
            CollectOptions options;
            options.mode = PageRequest::Mode::Cursor;
            options.pageSize = LookupPageSize;
            collectAllPages<ProjectData>(
                fetch, options, state->context,
                [state, startNext, index](const Result<QList<ProjectData>> &result) {
                    if (state->failed)
                        return;
                    if (!result.ok()) {
                        state->failed = true;
                        state->done(Result<Parts>::failure(result.error));
                        return;
                    }
                    state->results[index] = *result.value;
                    ++state->finished;
                    if (state->progress)
                        state->progress(state->finished, int(state->queries.size()));
                    if (state->finished == state->queries.size()) {
                        // Handed over, not kept: the receiver decides where they are freed.
                        state->done(Result<Parts>::success(std::exchange(state->results, {})));
                        return;
                    }
                    (*startNext)();
                });
        }
    };
    (*starter)();
}

} // namespace ica
