#include "core/monitor/itemstatuscounts.h"

#include <numeric>

namespace ica {

namespace {

std::size_t slot(ItemStatus::Value status) {
    const int index = int(status);
    return (index >= 0 && index <= ItemStatus::KnownCount) ? std::size_t(index) : 0;
}

} // namespace

qint64 ItemStatusCounts::count(ItemStatus::Value status) const {
    return m_counts[slot(status)];
}

void ItemStatusCounts::setCount(ItemStatus::Value status, qint64 count) {
    m_counts[slot(status)] = qMax<qint64>(0, count);
}

qint64 ItemStatusCounts::total() const {
    return std::accumulate(m_counts.begin(), m_counts.end(), qint64(0));
}

qint64 ItemStatusCounts::terminal() const {
    qint64 n = 0;
    for (int i = 0; i < ItemStatus::KnownCount; ++i) {
        const ItemStatus::Value status = ItemStatus::knownValues()[i];
        if (ItemStatus(status).isTerminal())
            n += count(status);
    }
    return n;
}

double ItemStatusCounts::doneFraction() const {
    const qint64 all = total();
    return all > 0 ? double(terminal()) / double(all) : 0.0;
}

} // namespace ica
