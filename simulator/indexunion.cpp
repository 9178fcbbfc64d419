#include "simulator/indexunion.h"

#include <algorithm>
#include <climits>

namespace ica::sim {

void IndexUnion::addRange(int begin, int end) {
    if (end > begin)
        m_parts.push_back({begin, end, nullptr});
}

void IndexUnion::addSorted(const std::vector<int> *sorted) {
    if (!sorted->empty())
        m_parts.push_back({0, 0, sorted});
}

int IndexUnion::count() const {
    int n = 0;
    for (const Part &p : m_parts)
        n += p.sorted ? int(p.sorted->size()) : p.end - p.begin;
    return n;
}

int IndexUnion::countBelow(int position) const {
    int n = 0;
    for (const Part &p : m_parts) {
        if (p.sorted)
            n += int(std::lower_bound(p.sorted->begin(), p.sorted->end(), position) -
                     p.sorted->begin());
        else
            n += std::clamp(position, p.begin, p.end) - p.begin;
    }
    return n;
}

int IndexUnion::nextAtOrAfter(int position) const {
    int best = INT_MAX;
    for (const Part &p : m_parts) {
        if (p.sorted) {
            const auto it = std::lower_bound(p.sorted->begin(), p.sorted->end(), position);
            if (it != p.sorted->end())
                best = std::min(best, *it);
        } else if (position < p.end) {
            best = std::min(best, std::max(position, p.begin));
        }
    }
    return best == INT_MAX ? -1 : best;
}

int IndexUnion::nth(int k) const {
    if (k < 0 || k >= count())
        return -1;
    // Smallest position x with countBelow(x + 1) > k.
    int lo = 0;
    int hi = 0;
    for (const Part &p : m_parts)
        hi = std::max(hi, p.sorted ? p.sorted->back() + 1 : p.end);
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (countBelow(mid + 1) > k)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

std::vector<int> IndexUnion::all() const {
    std::vector<int> out;
    out.reserve(size_t(count()));
    for (const Part &p : m_parts) {
        if (p.sorted)
            out.insert(out.end(), p.sorted->begin(), p.sorted->end());
        else
            for (int i = p.begin; i < p.end; ++i)
                out.push_back(i);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ica::sim
