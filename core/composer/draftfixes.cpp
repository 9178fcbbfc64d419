#include "core/composer/draftfixes.h"

#include <QSet>

namespace ica {

namespace {

qsizetype trimList(QStringList &tags) {
    QStringList cleaned;
    QSet<QString> seen;
    qsizetype changed = 0;
    for (const QString &tag : tags) {
        const QString trimmed = tag.trimmed();
        if (trimmed.isEmpty() || seen.contains(trimmed)) {
            ++changed;
            continue;
        }
        if (trimmed != tag)
            ++changed;
        seen.insert(trimmed);
        cleaned.append(trimmed);
    }
    tags = cleaned;
    return changed;
}

} // namespace

qsizetype DraftFixes::dropDuplicateIds(DraftDocument &draft) {
    qsizetype dropped = 0;
    for (DataUpdateGroup &group : draft.groups) {
        QStringList unique;
        unique.reserve(group.dataIds.size());
        QSet<QString> seen;
        seen.reserve(group.dataIds.size());
        for (const QString &id : std::as_const(group.dataIds)) {
            if (seen.contains(id)) {
                ++dropped;
                continue;
            }
            seen.insert(id);
            unique.append(id);
        }
        group.dataIds = unique;
    }
    return dropped;
}

qsizetype DraftFixes::trimTags(DraftDocument &draft) {
    qsizetype changed = 0;
    for (DataUpdateGroup &group : draft.groups) {
        changed += trimList(group.userTags.addTags);
        changed += trimList(group.userTags.removeTags);
        changed += trimList(group.technicalTags.addTags);
        changed += trimList(group.technicalTags.removeTags);
    }
    return changed;
}

} // namespace ica
