#pragma once

// Small helpers shared by the composer tests.
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace composertest {

/// A well-formed file ID, distinct for each n.
inline QString fil(int n) {
    return QStringLiteral("fil.") + QString::number(n, 16).rightJustified(32, QLatin1Char('0'));
}

/// A well-formed folder ID, distinct for each n.
inline QString fol(int n) {
    return QStringLiteral("fol.") + QString::number(n, 16).rightJustified(32, QLatin1Char('0'));
}

/// fil(first) .. fil(first + count - 1).
inline QStringList fils(int count, int first = 0) {
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids.append(fil(first + i));
    return ids;
}

/// Counts the create calls (POST .../dataUpdateBatch) the simulator answered.
inline int countPosts(const QSignalSpy &served) {
    int posts = 0;
    for (const QList<QVariant> &call : served)
        if (call.at(0).toString() == QLatin1String("POST") &&
            call.at(1).toString().endsWith(QLatin1String("/dataUpdateBatch")))
            ++posts;
    return posts;
}

} // namespace composertest
