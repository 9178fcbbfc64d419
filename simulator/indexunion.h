#pragma once

#include <vector>

namespace ica::sim {

/// A union of disjoint sets of row positions, each either a contiguous range or a sorted
/// vector. Batch items by status have exactly this shape (pending statuses are ranges,
/// finished ones are appended in creation order), so a status-filtered page can be found
/// in O(log n) per row instead of scanning the batch.
class IndexUnion {
public:
    void addRange(int begin, int end);              ///< [begin, end)
    void addSorted(const std::vector<int> *sorted); ///< must outlive the union

    /// Number of members.
    int count() const;
    /// Number of members < position.
    int countBelow(int position) const;
    /// Smallest member >= position, or -1.
    int nextAtOrAfter(int position) const;
    /// The member of rank k (0-based), or -1.
    int nth(int k) const;
    /// All members, ascending.
    std::vector<int> all() const;

private:
    struct Part {
        int begin = 0;
        int end = 0;
        const std::vector<int> *sorted = nullptr;
    };
    std::vector<Part> m_parts;
};

} // namespace ica::sim
