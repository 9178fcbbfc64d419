#pragma once

#include "core/api/apiresult.h"
#include "core/history/undoplanner.h"

#include <QObject>

#include <functional>

namespace ica {

class ApiClient;

/// Builds the inverse of the batch(es) a snapshot was taken for, as the app's "Undo
/// this batch…" and `icatag batch undo` need it: checks that every batch has ended,
/// reads all their items (cursor paging) for their statuses, reads the current state
/// of every recorded item (DataLookup, chunked `id` listing), then runs UndoPlanner
/// on the global thread pool. `done` runs on `context`'s thread, not at all if it is
/// gone. Reads only: nothing is sent.
class UndoBuilder final {
public:
    using Done = std::function<void(const Result<UndoPlan> &)>;
    static void build(ApiClient *client, const UndoSnapshot &snapshot, QObject *context, Done done);
};

} // namespace ica
