#pragma once

#include <QSet>
#include <QString>

#include <cstdint>
#include <vector>

namespace ica {

/// The set of row IDs a streamed listing has seen, kept small: an ID of the usual
/// shape (a lower-case UUID, "fil.<32 hex digits>") is stored as its 128-bit value
/// in an open-addressing table (~32 bytes a row, ~4 MB for 100,000 rows where a
/// QSet<QString> takes ~15 MB). The first such ID fixes the shape (its prefix and
/// whether it has a UUID's dashes) so the key stays exact; IDs of any other shape
/// go to a plain QSet of their text.
class IdSet final {
public:
    /// Adds `id`; false when it was there already.
    bool insert(QStringView id);
    [[nodiscard]] bool contains(QStringView id) const;
    /// Makes room for `count` IDs at once (the table would otherwise grow by doubling).
    void reserve(qsizetype count);
    [[nodiscard]] qsizetype size() const { return m_count + m_other.size(); }

private:
    struct Key {
        quint64 high = 0;
        quint64 low = 0;
        friend bool operator==(const Key &a, const Key &b) {
            return a.high == b.high && a.low == b.low;
        }
    };
    /// The ID's 32 hex digits as a key; false when the ID has another shape than
    /// the set's (set by the first ID that fits: "prefix." then 32 lower-case hex
    /// digits, bare or with dashes where a UUID has them).
    bool toKey(QStringView id, Key *key);
    [[nodiscard]] bool toKeyConst(QStringView id, Key *key) const;
    [[nodiscard]] qsizetype slotOf(const Key &key) const;
    void rehash(size_t capacity);

    std::vector<Key> m_slots; // the all-zero key marks an empty slot
    bool m_hasZero = false;   // whether the all-zero key itself is in the set
    bool m_shapeKnown = false;
    QString m_prefix; // up to and including the last '.', may be empty
    bool m_dashed = false;
    qsizetype m_count = 0;
    QSet<QString> m_other;
};

} // namespace ica
