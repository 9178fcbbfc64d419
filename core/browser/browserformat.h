#pragma once

#include "core/domain/projectdata.h"

#include <QString>

namespace ica {

/// Text for the browser's cells, shared by the browser and preview models.
namespace browserformat {

/// "1.5 GB", "820 kB", "12 bytes" (decimal units, as storage is sold and ICA shows it).
[[nodiscard]] QString dataSize(qint64 bytes);
/// "Available", "Archived", ... from ICA's AVAILABLE, ARCHIVED; other text as given.
[[nodiscard]] QString statusLabel(const QString &status);
/// "File", "Folder"; the raw dataType when unknown.
[[nodiscard]] QString typeLabel(const ProjectData &data);
/// Tags for one cell: "a, b, c".
[[nodiscard]] QString tagList(const QStringList &tags);

} // namespace browserformat

} // namespace ica
