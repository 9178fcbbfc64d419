#pragma once

#include "core/api/apiresult.h"
#include "core/domain/undosnapshot.h"

#include <QObject>

#include <functional>

namespace ica {

class ApiClient;

/// Reads the current state of every data item a request touches, for "Undo this
/// batch": the named items by ID (DataLookup::byIds: chunked repeated `id`
/// parameters, 3 chunks in flight) and, for each folder among them, its contents
/// (a filePath STARTS_WITH listing), since ICA applies a folder's tag change to
/// everything inside it. Everything but the calls themselves (chunking 100,000 IDs,
/// assembling the states) runs on the global thread pool, never on the caller's
/// thread. `done` runs on `context`'s thread, not at all if it is gone.
class SnapshotTaker final {
public:
    /// Folders' contents past this many items in all are not recorded (the snapshot
    /// names those folders in foldersNotListed and the undo says so).
    static constexpr qsizetype MaxFolderContents = 100000;

    using Done = std::function<void(const Result<UndoSnapshot> &)>;
    static void take(ApiClient *client, const QString &projectId, const QString &projectName,
                     const CreateBatchRequest &request, QObject *context, Done done);

    /// The data IDs of `request` in order, each once.
    [[nodiscard]] static QStringList uniqueIds(const CreateBatchRequest &request);
};

} // namespace ica
