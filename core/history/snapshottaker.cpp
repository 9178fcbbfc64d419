#include "core/history/snapshottaker.h"

#include "core/data/datalookup.h"
#include "core/rows/offthread.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>

namespace ica {

namespace {

/// The named items in request order, the missing IDs, and the folders to list.
struct Named {
    UndoSnapshot snapshot;
    QList<DataQuery> folderQueries;
};

Named assemble(const QString &projectId, const QString &projectName,
               const CreateBatchRequest &request, const QList<ProjectData> &found) {
    Named named;
    UndoSnapshot &s = named.snapshot;
    s.projectId = projectId;
    s.projectName = projectName;
    s.takenAt = QDateTime::currentDateTimeUtc();
    s.request = request;
    QHash<QString, const ProjectData *> byId;
    byId.reserve(found.size());
    for (const ProjectData &d : found)
        byId.insert(d.id, &d);
    const QStringList ids = SnapshotTaker::uniqueIds(request);
    s.items.reserve(ids.size());
    for (const QString &id : ids) {
        const ProjectData *d = byId.value(id);
        if (!d) {
            s.missing.append(id);
            continue;
        }
        s.items.append(DataState::of(*d));
        if (d->isFolder() && !d->path.isEmpty()) {
            DataQuery q;
            q.filePaths = {d->path};
            q.filePathMatch = DataQuery::PathMatch::StartsWith;
            named.folderQueries.append(q);
        }
    }
    return named;
}

/// Adds the folders' contents (the listing matches case-insensitively: only true
/// descendants are kept; items named in the request are already there).
UndoSnapshot addContents(UndoSnapshot s, const QList<ProjectData> &listed) {
    QSet<QString> known;
    QList<const DataState *> folders;
    for (const DataState &d : std::as_const(s.items)) {
        known.insert(d.id);
        if (d.folder && !d.path.isEmpty())
            folders.append(&d);
    }
    QList<DataState> contents;
    for (const ProjectData &d : listed) {
        if (known.contains(d.id))
            continue;
        // The deepest folder holding it: the one whose recursive update reaches it.
        const DataState *holder = nullptr;
        for (const DataState *f : std::as_const(folders)) {
            if (d.path.startsWith(f->path) && d.path != f->path &&
                (!holder || f->path.size() > holder->path.size()))
                holder = f;
        }
        if (!holder)
            continue;
        DataState state = DataState::of(d);
        state.viaFolder = holder->id;
        known.insert(d.id);
        contents.append(std::move(state));
    }
    s.items.append(contents);
    return s;
}

} // namespace

QStringList SnapshotTaker::uniqueIds(const CreateBatchRequest &request) {
    QStringList ids;
    QSet<QString> seen;
    for (const DataUpdateGroup &g : request.dataUpdateGroups) {
        for (const QString &id : g.dataIds) {
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    return ids;
}

void SnapshotTaker::take(ApiClient *client, const QString &projectId, const QString &projectName,
                         const CreateBatchRequest &request, QObject *context, Done done) {
    QPointer<ApiClient> guardedClient(client);
    // 1. Chunk the IDs into listing queries (percent-encoding 100,000 IDs is work).
    runOffThread(
        context,
        [request]() {
            QList<DataQuery> queries;
            for (const QStringList &part :
                 DataLookup::chunk(uniqueIds(request), QStringLiteral("id"))) {
                DataQuery q;
                q.ids = part;
                queries.append(q);
            }
            return queries;
        },
        [guardedClient, projectId, projectName, request, context, done](QList<DataQuery> queries) {
            if (!guardedClient) {
                done(Result<UndoSnapshot>::failure(ApiError::usage(QCoreApplication::translate(
                    "ica::SnapshotTaker", "The connection was closed."))));
                return;
            }
            // 2. Read the named items.
            DataLookup::run(
                guardedClient, projectId, queries, context,
                [guardedClient, projectId, projectName, request, context,
                 done](const Result<QList<ProjectData>> &found) {
                    if (!found.ok()) {
                        done(Result<UndoSnapshot>::failure(found.error));
                        return;
                    }
                    const QList<ProjectData> rows = *found.value;
                    // 3. Assemble them off this thread.
                    runOffThread(
                        context,
                        [projectId, projectName, request, rows]() {
                            return assemble(projectId, projectName, request, rows);
                        },
                        [guardedClient, context, done](Named named) {
                            if (named.folderQueries.isEmpty()) {
                                done(Result<UndoSnapshot>::success(std::move(named.snapshot)));
                                return;
                            }
                            if (!guardedClient) {
                                done(Result<UndoSnapshot>::failure(
                                    ApiError::usage(QCoreApplication::translate(
                                        "ica::SnapshotTaker", "The connection was closed."))));
                                return;
                            }
                            // 4. List the folders' contents.
                            const UndoSnapshot base = named.snapshot;
                            DataLookup::run(
                                guardedClient, base.projectId, named.folderQueries, context,
                                [base, context, done](const Result<QList<ProjectData>> &listed) {
                                    if (!listed.ok()) {
                                        done(Result<UndoSnapshot>::failure(listed.error));
                                        return;
                                    }
                                    const QList<ProjectData> contents = *listed.value;
                                    runOffThread(
                                        context,
                                        [base, contents]() {
                                            if (contents.size() > MaxFolderContents) {
                                                UndoSnapshot s = base;
                                                for (const DataState &d : std::as_const(s.items)) {
                                                    if (d.folder)
                                                        s.foldersNotListed.append(d.id);
                                                }
                                                return s;
                                            }
                                            return addContents(base, contents);
                                        },
                                        [done](UndoSnapshot s) {
                                            done(Result<UndoSnapshot>::success(std::move(s)));
                                        });
                                });
                        });
                });
        });
}

} // namespace ica
