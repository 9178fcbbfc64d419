#include "core/data/folderpath.h"

namespace ica::folderpath {

QString normalize(const QString &path) {
    const QStringList parts = path.trimmed().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return QString();
    }
    if (parts.isEmpty())
        return QStringLiteral("/");
    return QLatin1Char('/') + parts.join(QLatin1Char('/')) + QLatin1Char('/');
}

QString parent(const QString &folderPath) {
    QStringList parts = segments(folderPath);
    if (parts.isEmpty())
        return QStringLiteral("/");
    parts.removeLast();
    if (parts.isEmpty())
        return QStringLiteral("/");
    return QLatin1Char('/') + parts.join(QLatin1Char('/')) + QLatin1Char('/');
}

QStringList segments(const QString &folderPath) {
    return folderPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool contains(const QString &folderPath, const QString &path) {
    return path.startsWith(folderPath, Qt::CaseInsensitive);
}

} // namespace ica::folderpath
