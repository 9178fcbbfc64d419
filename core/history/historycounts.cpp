#include "core/history/historycounts.h"

namespace ica {

QMap<QString, qint64> countsToRecordMap(const ItemStatusCounts &counts) {
    QMap<QString, qint64> map;
    for (int i = 0; i < ItemStatus::KnownCount; ++i) {
        const ItemStatus::Value status = ItemStatus::knownValues()[i];
        map.insert(ItemStatus(status).toString(), counts.count(status));
    }
    return map;
}

ItemStatusCounts countsFromRecordMap(const QMap<QString, qint64> &map) {
    ItemStatusCounts counts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        counts.add(ItemStatus::fromString(it.key()).value(), it.value());
    return counts;
}

} // namespace ica
