#pragma once

#include "core/monitor/itemstatuscounts.h"

#include <QMap>
#include <QString>

namespace ica {

/// The per-status item counts a BatchMonitor reads, in the shape BatchRecord keeps
/// them (raw item status text -> number of items): all six known statuses, zeros
/// included, so a record tells "none failed" apart from "not counted".
[[nodiscard]] QMap<QString, qint64> countsToRecordMap(const ItemStatusCounts &counts);
/// The reverse; statuses this client does not know are counted as Unknown.
[[nodiscard]] ItemStatusCounts countsFromRecordMap(const QMap<QString, qint64> &map);

} // namespace ica
