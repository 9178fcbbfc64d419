#pragma once

#include "core/api/apiresult.h"
#include "core/domain/batch.h"

#include <QList>

#include <functional>

namespace ica {

class ApiClient;

/// Turns the requests of batch items back into a create request, to try them
/// again: items asking for identical changes (tags added and removed, archive and
/// delete dates) share one group, groups in the order their first item comes,
/// data IDs in item order without repeats. What an item cannot tell (a group's
/// "clear the archive date") is not recovered.
[[nodiscard]] CreateBatchRequest requestFromItems(const QList<BatchItem> &items);

/// Fetches every FAILED item of a batch with cursor paging (complete and unique),
/// 1,000 per page. `done` runs on `context`'s thread, not at all if it is gone.
void fetchFailedItems(ApiClient *client, const QString &projectId, const QString &batchId,
                      QObject *context, std::function<void(const Result<QList<BatchItem>> &)> done);

} // namespace ica
