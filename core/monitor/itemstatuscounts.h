#pragma once

#include "core/domain/statuses.h"

#include <QMetaType>

#include <array>

namespace ica {

/// How many items of a batch are in each status, and what that means for progress.
/// A plain value: the monitor fills it from one count per status and views read it.
class ItemStatusCounts final {
public:
    ItemStatusCounts() = default;

    /// Items in `status`; Unknown counts items whose status this client cannot name.
    [[nodiscard]] qint64 count(ItemStatus::Value status) const;
    /// Sets the count of one status (negative values are stored as 0).
    void setCount(ItemStatus::Value status, qint64 count);
    /// Counts one more item in `status`.
    void add(ItemStatus::Value status, qint64 n = 1) { setCount(status, count(status) + n); }

    /// Sum over all statuses, Unknown included.
    [[nodiscard]] qint64 total() const;
    /// UPDATED + PARTIALLY_UPDATED + FAILED: items that will not change any more.
    [[nodiscard]] qint64 terminal() const;
    /// terminal() / total(), in [0, 1]; 0 for an empty batch.
    [[nodiscard]] double doneFraction() const;
    /// True when every item is in a terminal status (and there is at least one).
    [[nodiscard]] bool allTerminal() const { return total() > 0 && terminal() == total(); }

    friend bool operator==(const ItemStatusCounts &a, const ItemStatusCounts &b) {
        return a.m_counts == b.m_counts;
    }
    friend bool operator!=(const ItemStatusCounts &a, const ItemStatusCounts &b) {
        return !(a == b);
    }

private:
    // Indexed by ItemStatus::Value: Unknown (0) and the six known statuses.
    std::array<qint64, ItemStatus::KnownCount + 1> m_counts{};
};

} // namespace ica

Q_DECLARE_METATYPE(ica::ItemStatusCounts)
