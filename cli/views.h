#pragma once

#include "cli/output.h"

#include "core/domain/batch.h"
#include "core/domain/project.h"
#include "core/domain/projectdata.h"

#include <QMap>

namespace ica::cli {

// How each ICA object looks in table and CSV output. JSON output needs nothing
// here: it is the domain type's own toJson(), the API's shape.

[[nodiscard]] Record batchRecord(const ica::Batch &batch);
[[nodiscard]] QList<Column<ica::Batch>> batchColumns();

[[nodiscard]] Record itemRecord(const ica::BatchItem &item);
using ica::itemColumns; // shared with the app's export (export/rowcolumns.h)

[[nodiscard]] QList<Column<ica::Project>> projectColumns();

[[nodiscard]] Record dataRecord(const ica::ProjectData &data);
using ica::dataColumns;

// Cell texts shared with the app's export (export/rowcolumns.h).
using ica::dateText;
using ica::tagUpdateText;

/// Item counts per status, in ICA's lifecycle order; -1 when unknown.
using StatusCounts = QList<QPair<ica::ItemStatus, qint64>>;
[[nodiscard]] QJsonObject countsJson(const StatusCounts &counts);
/// "INITIALISED 0, ..., FAILED 10" for progress lines, in lifecycle order.
[[nodiscard]] QString countsLine(const StatusCounts &counts);

} // namespace ica::cli
