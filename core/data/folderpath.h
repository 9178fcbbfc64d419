#pragma once

#include <QString>
#include <QStringList>

namespace ica {

/// Folder paths as ICA writes them: from the project root, starting and ending
/// with '/' ("/runs/2026-11/"); "/" is the root.
namespace folderpath {

/// "runs/x" -> "/runs/x/", "" -> "/", "//a//b" -> "/a/b/". Empty (invalid) when a
/// segment is "." or "..": ICA paths have no relative parts.
[[nodiscard]] QString normalize(const QString &path);
/// "/a/b/" -> "/a/", "/a/" -> "/", "/" -> "/".
[[nodiscard]] QString parent(const QString &folderPath);
/// "/a/b/" -> {"a", "b"}; the root has none.
[[nodiscard]] QStringList segments(const QString &folderPath);
/// True when `path` is `folderPath` or lies below it, ignoring case as ICA's
/// path filters do.
[[nodiscard]] bool contains(const QString &folderPath, const QString &path);

} // namespace folderpath

} // namespace ica
