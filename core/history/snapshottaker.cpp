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

using Parts = QList<QList<ProjectData>>;

Named assemble(const QString &projectId, const QString &projectName,
               const CreateBatchRequest &request, const Parts &found) {
    Named named;
    UndoSnapshot &s = named.snapshot;
    s.projectId = projectId;
    s.projectName = projectName;
    s.takenAt = QDateTime::currentDateTimeUtc();
    s.request = request;
    QHash<QString, const ProjectData *> byId;
    for (const QList<ProjectData> &part : found) {
        for (const ProjectData &d : part)
            byId.insert(d.id, &d);
    }
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

/// Records `d` in `contents` when one of `folders` holds it and it is not known yet.
void addContent(const ProjectData &d, const QList<const DataState *> &folders, QSet<QString> &known,
                QList<DataState> &contents) {
    if (known.contains(d.id))
        return;
    // The deepest folder holding it: the one whose recursive update reaches it.
    const DataState *holder = nullptr;
    for (const DataState *f : folders) {
        if (d.path.startsWith(f->path) && d.path != f->path &&
            (!holder || f->path.size() > holder->path.size()))
            holder = f;
    }
    if (!holder)
        return;
    DataState state = DataState::of(d);
    state.viaFolder = holder->id;
    known.insert(d.id);
    contents.append(std::move(state));
}

/// Adds the folders' contents (the listing matches case-insensitively: only true
/// descendants are kept; items named in the request are already there).
UndoSnapshot addContents(UndoSnapshot s, const Parts &listed) {
    QSet<QString> known;
    QList<const DataState *> folders;
    for (const DataState &d : std::as_const(s.items)) {
        known.insert(d.id);
        if (d.folder && !d.path.isEmpty())
            folders.append(&d);
    }
    QList<DataState> contents;
    for (const QList<ProjectData> &part : listed) {
        for (const ProjectData &d : part)
            addContent(d, folders, known, contents);
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
    // Every step but the calls runs on the BackgroundPool (one low-priority thread,
    // pages decoded there too), and the rows travel as they came, one list per
    // lookup: joining, copying or freeing 100,000 rows on the GUI thread stalled it,
    // and a pool that kept both cores busy made it wait for a CPU.
    QPointer<ApiClient> guardedClient(client);
    const auto closed = []() {
        return Result<UndoSnapshot>::failure(ApiError::usage(
            QCoreApplication::translate("ica::SnapshotTaker", "The connection was closed.")));
    };
    // 4. List the folders' contents.
    const auto listFolders = [guardedClient, context, done, closed](Named named) {
        if (named.folderQueries.isEmpty()) {
            done(Result<UndoSnapshot>::success(std::move(named.snapshot)));
            return;
        }
        if (!guardedClient) {
            done(closed());
            return;
        }
        const UndoSnapshot base = named.snapshot;
        DataLookup::runParts(
            guardedClient, base.projectId, named.folderQueries, context,
            [base, context, done](Result<Parts> listed) {
                if (!listed.ok()) {
                    done(Result<UndoSnapshot>::failure(listed.error));
                    return;
                }
                runOffThread(
                    context,
                    [base, contents = std::move(*listed.value)]() {
                        qsizetype count = 0;
                        for (const QList<ProjectData> &part : contents)
                            count += part.size();
                        if (count > MaxFolderContents) {
                            UndoSnapshot s = base;
                            for (const DataState &d : std::as_const(s.items)) {
                                if (d.folder)
                                    s.foldersNotListed.append(d.id);
                            }
                            return s;
                        }
                        return addContents(base, contents);
                    },
                    [done](UndoSnapshot s) { done(Result<UndoSnapshot>::success(std::move(s))); },
                    WorkPriority::Background);
            },
            {}, WorkPriority::Background);
    };
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
        [guardedClient, projectId, projectName, request, context, done, closed,
         listFolders](QList<DataQuery> queries) {
            if (!guardedClient) {
                done(closed());
                return;
            }
            // 2. Read the named items.
            DataLookup::runParts(
                guardedClient, projectId, queries, context,
                [projectId, projectName, request, context, done, listFolders](Result<Parts> found) {
                    if (!found.ok()) {
                        done(Result<UndoSnapshot>::failure(found.error));
                        return;
                    }
                    // 3. Assemble them.
                    runOffThread(
                        context,
                        [projectId, projectName, request, rows = std::move(*found.value)]() {
                            return assemble(projectId, projectName, request, rows);
                        },
                        listFolders, WorkPriority::Background);
                },
                {}, WorkPriority::Background);
        },
        WorkPriority::Background);
}

} // namespace ica
