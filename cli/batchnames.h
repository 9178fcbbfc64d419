#pragma once

// `batch items --with-names` and `batch failures`: the batch commands that tell
// which data an item is about and why items failed.

#include "cli/command.h"
#include "cli/paging.h"

#include "core/data/datanames.h"
#include "core/domain/batch.h"

namespace ica::cli {

/// A batch item with the name and path of its data (`batch items --with-names`).
/// `id` is the item's ID (PageStream keys rows by it).
struct NamedItem {
    QString id;
    ica::BatchItem item;
    ica::DataName name;
};

/// The item columns plus NAME and PATH (CSV: dataName, dataPath; empty for data IDs
/// that name nothing, which the table shows as "(not found)").
[[nodiscard]] QList<Column<NamedItem>> namedItemColumns();

/// Fetches one page of items, then the names of its data IDs (DataLookup, repeated
/// `id` parameters), and hands the page on only once both came: pages keep their
/// order and memory stays O(page), as without names.
[[nodiscard]] ClientPageFetcher<NamedItem>
namedItemsFetcher(ClientPageFetcher<ica::BatchItem> items, QString projectId);

/// `batch failures`: the batch's FAILED and PARTIALLY_UPDATED items grouped by reason
/// (ica::FailureSummary, the monitor's failure table).
[[nodiscard]] CommandSpec batchFailuresSpec();

/// The item in the API's shape plus "dataName" and "dataPath" (null for a data ID
/// that names nothing). Beside NamedItem so RowText's unqualified call finds it.
void appendJson(QByteArray &out, const NamedItem &row);

} // namespace ica::cli
