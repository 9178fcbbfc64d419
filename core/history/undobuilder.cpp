#include "core/history/undobuilder.h"

#include "core/api/batchapi.h"
#include "core/api/pagecollector.h"
#include "core/data/datalookup.h"
#include "core/rows/offthread.h"

#include <QCoreApplication>
#include <QPointer>

#include <memory>

namespace ica {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ica::UndoBuilder", text);
}

/// The run's state, shared by its callbacks.
struct Run {
    QPointer<ApiClient> client;
    UndoSnapshot snapshot;
    QPointer<QObject> context;
    UndoBuilder::Done done;
    qsizetype nextBatch = 0;
    QHash<QString, ItemStatus> statuses;

    void fail(const ApiError &error) { done(Result<UndoPlan>::failure(error)); }
    bool lost() {
        if (client)
            return false;
        fail(ApiError::usage(tr("The connection was closed.")));
        return true;
    }
};

void readCurrent(const std::shared_ptr<Run> &run);

/// Reads the next batch: ended? then all its items.
void readBatch(const std::shared_ptr<Run> &run) {
    if (run->lost())
        return;
    if (run->nextBatch >= run->snapshot.batchIds.size()) {
        readCurrent(run);
        return;
    }
    const QString batchId = run->snapshot.batchIds.at(run->nextBatch);
    const QString projectId = run->snapshot.projectId;
    BatchApi(run->client)
        .get(projectId, batchId, run->context, [run, batchId, projectId](const Result<Batch> &b) {
            if (!b.ok()) {
                run->fail(b.error);
                return;
            }
            if (!b.value->job.status.isTerminal()) {
                run->fail(ApiError::usage(
                    tr("Batch %1 has not ended yet (%2): undo it once it has ended.")
                        .arg(batchId, b.value->job.status.toString())));
                return;
            }
            if (run->lost())
                return;
            QPointer<ApiClient> client = run->client;
            PageFetcher<BatchItem> fetch =
                [client, projectId, batchId](const PageRequest &page, QObject *ctx,
                                             ResultCallback<BatchItemPage> cb) -> ApiCall * {
                ItemsQuery query;
                query.page = page;
                return BatchApi(client).listItems(projectId, batchId, query, ctx, std::move(cb));
            };
            CollectOptions options;
            options.mode = PageRequest::Mode::Cursor;
            options.pageSize = 1000;
            collectAllPages<BatchItem>(
                std::move(fetch), options, run->context,
                [run](const Result<QList<BatchItem>> &items) {
                    if (!items.ok()) {
                        run->fail(items.error);
                        return;
                    }
                    for (const BatchItem &item : *items.value) {
                        // An ID in several groups has several items: it counts as
                        // changed when any of them was.
                        const auto it = run->statuses.constFind(item.request.dataId);
                        if (it == run->statuses.constEnd() ||
                            (it->value() == ItemStatus::Failed && item.status.isTerminal()))
                            run->statuses.insert(item.request.dataId, item.status);
                    }
                    ++run->nextBatch;
                    readBatch(run);
                });
        });
}

/// Reads the current state of every recorded item, then plans off this thread.
void readCurrent(const std::shared_ptr<Run> &run) {
    QStringList ids;
    ids.reserve(run->snapshot.items.size());
    for (const DataState &d : std::as_const(run->snapshot.items))
        ids.append(d.id);
    runOffThread(
        run->context,
        [ids]() {
            QList<DataQuery> queries;
            for (const QStringList &part : DataLookup::chunk(ids, QStringLiteral("id"))) {
                DataQuery q;
                q.ids = part;
                queries.append(q);
            }
            return queries;
        },
        [run](QList<DataQuery> queries) {
            if (run->lost())
                return;
            DataLookup::run(run->client, run->snapshot.projectId, queries, run->context,
                            [run](const Result<QList<ProjectData>> &found) {
                                if (!found.ok()) {
                                    run->fail(found.error);
                                    return;
                                }
                                const QList<ProjectData> rows = *found.value;
                                const UndoSnapshot snapshot = run->snapshot;
                                const QHash<QString, ItemStatus> statuses = run->statuses;
                                runOffThread(
                                    run->context,
                                    [rows, snapshot, statuses]() {
                                        QHash<QString, DataState> current;
                                        current.reserve(rows.size());
                                        for (const ProjectData &d : rows)
                                            current.insert(d.id, DataState::of(d));
                                        return UndoPlanner::plan(snapshot, statuses, current);
                                    },
                                    [run](UndoPlan plan) {
                                        run->done(Result<UndoPlan>::success(std::move(plan)));
                                    });
                            });
        });
}

} // namespace

void UndoBuilder::build(ApiClient *client, const UndoSnapshot &snapshot, QObject *context,
                        Done done) {
    auto run = std::make_shared<Run>();
    run->client = client;
    run->snapshot = snapshot;
    run->context = context;
    run->done = std::move(done);
    if (snapshot.batchIds.isEmpty()) {
        QMetaObject::invokeMethod(
            context,
            [run]() {
                run->fail(ApiError::usage(
                    tr("The undo record names no batch: the batch was never created.")));
            },
            Qt::QueuedConnection);
        return;
    }
    readBatch(run);
}

} // namespace ica
