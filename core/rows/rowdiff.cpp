#include "core/rows/rowdiff.h"

#include <algorithm>
#include <vector>

namespace ica {

namespace {

/// A sequence of distinct ints 0..n-1 with "where is x" and "move x to p" in
/// O(sqrt n): blocks of ~256 elements and the block of each element. Used to replay
/// the moves of a diff and so learn the visible positions each move has.
class OrderList final {
public:
    explicit OrderList(int n)
        : m_blockOf(std::size_t(n)) {
        for (int first = 0; first < n; first += BlockSize) {
            std::vector<int> block;
            for (int x = first; x < n && x < first + int(BlockSize); ++x) {
                block.push_back(x);
                m_blockOf[std::size_t(x)] = int(m_blocks.size());
            }
            m_blocks.push_back(std::move(block));
        }
        if (m_blocks.empty())
            m_blocks.emplace_back();
    }

    [[nodiscard]] int position(int x) const {
        const int b = m_blockOf[std::size_t(x)];
        int before = 0;
        for (int k = 0; k < b; ++k)
            before += int(m_blocks[std::size_t(k)].size());
        const std::vector<int> &block = m_blocks[std::size_t(b)];
        return before + int(std::find(block.begin(), block.end(), x) - block.begin());
    }

    void erase(int x) {
        std::vector<int> &block = m_blocks[std::size_t(m_blockOf[std::size_t(x)])];
        block.erase(std::find(block.begin(), block.end(), x));
    }

    void insert(int x, int at) {
        std::size_t b = 0;
        while (b + 1 < m_blocks.size() && at > int(m_blocks[b].size())) {
            at -= int(m_blocks[b].size());
            ++b;
        }
        std::vector<int> &block = m_blocks[b];
        block.insert(block.begin() + at, x);
        m_blockOf[std::size_t(x)] = int(b);
        if (block.size() > 2 * BlockSize)
            split(b);
    }

private:
    static constexpr std::size_t BlockSize = 256;

    void split(std::size_t b) {
        std::vector<int> tail(m_blocks[b].begin() + BlockSize, m_blocks[b].end());
        m_blocks[b].resize(BlockSize);
        m_blocks.insert(m_blocks.begin() + qsizetype(b) + 1, std::move(tail));
        for (std::size_t k = b + 1; k < m_blocks.size(); ++k)
            for (const int x : m_blocks[k])
                m_blockOf[std::size_t(x)] = int(k);
    }

    std::vector<std::vector<int>> m_blocks;
    std::vector<int> m_blockOf;
};

} // namespace

QList<int> longestIncreasingRun(const QList<int> &values) {
    QList<int> tails;                       // index of the last element of each length
    QList<int> previous(values.size(), -1); // back links
    for (int i = 0; i < values.size(); ++i) {
        const auto at = std::lower_bound(tails.begin(), tails.end(), values.at(i),
                                         [&values](int t, int v) { return values.at(t) < v; });
        if (at != tails.begin())
            previous[i] = *(at - 1);
        if (at == tails.end())
            tails.append(i);
        else
            *at = i;
    }
    QList<int> run(tails.size());
    int k = tails.isEmpty() ? -1 : tails.last();
    for (qsizetype n = tails.size() - 1; n >= 0; --n) {
        run[n] = k;
        k = previous.at(k);
    }
    return run;
}

RowDiff structuralRowDiff(const QList<int> &targetOfShown, int targetCount) {
    RowDiff diff;
    const int shown = int(targetOfShown.size());

    // 1. Removals, and the rows that stay (their target positions, in shown order).
    QList<int> common;
    common.reserve(qMin(shown, targetCount));
    for (int i = 0; i < shown;) {
        if (targetOfShown.at(i) >= 0) {
            common.append(targetOfShown.at(i));
            ++i;
            continue;
        }
        int end = i + 1;
        while (end < shown && targetOfShown.at(end) < 0)
            ++end;
        diff.removals.append({i, end - i, 0});
        i = end;
    }

    // 2. Moves: the longest run already in target order stays; every other row moves,
    // in target order, to just after the row that precedes it in the target.
    const bool ordered = std::is_sorted(common.cbegin(), common.cend());
    if (!ordered) {
        QList<bool> stable(common.size(), false);
        for (const int k : longestIncreasingRun(common))
            stable[k] = true;
        QList<int> byTarget(targetCount, -1); // target index -> index in `common`
        for (int j = 0; j < common.size(); ++j)
            byTarget[common.at(j)] = j;
        OrderList order(int(common.size()));
        int previous = -1;
        for (int t = 0; t < targetCount; ++t) {
            const int j = byTarget.at(t);
            if (j < 0)
                continue;
            if (!stable.at(j)) {
                const int from = order.position(j);
                const int to = previous < 0 ? 0 : order.position(previous) + 1;
                if (to != from) {
                    diff.moves.append({from, to});
                    order.erase(j);
                    order.insert(j, to > from ? to - 1 : to);
                }
            }
            previous = j;
        }
    }

    // 3. Insertions: target rows that were not shown, in blocks.
    if (common.size() < targetCount) {
        QList<bool> present(targetCount, false);
        for (const int t : std::as_const(common))
            present[t] = true;
        for (int t = 0; t < targetCount;) {
            if (present.at(t)) {
                ++t;
                continue;
            }
            int end = t + 1;
            while (end < targetCount && !present.at(end))
                ++end;
            diff.insertions.append({t, end - t, t});
            t = end;
        }
    }
    return diff;
}

} // namespace ica
