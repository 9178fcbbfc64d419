#pragma once

#include <QSet>
#include <QString>

#include <cstdint>
#include <vector>

namespace ica {

/// The set of row IDs a streamed listing has seen, kept small: an ID of the usual
/// shape (a lower-case UUID, "fil.<32 hex digits>") is stored as its 128-bit value
/// in an open-addressing table (~32 bytes a row, ~4 MB for 100,000 rows where a
/// QSet<QString> takes ~15 MB). Each shape (a prefix, and whether the digits have a
/// UUID's dashes) has its own table, so the key stays exact: a data listing mixes
/// "fil." and "fol." IDs. Up to MaxShapes shapes, set by the first ID of each; IDs
/// of any other shape go to a plain QSet of their text.
class IdSet final {
public:
    /// Shapes with a compact table of their own; more are kept as text.
    static constexpr int MaxShapes = 4;

    /// Adds `id`; false when it was there already.
    bool insert(QStringView id);
    [[nodiscard]] bool contains(QStringView id) const;
    /// Makes room for `count` IDs at once (the table would otherwise grow by doubling):
    /// in the first shape's table, the one a listing's IDs usually all have.
    void reserve(qsizetype count);
    [[nodiscard]] qsizetype size() const;

private:
    struct Key {
        quint64 high = 0;
        quint64 low = 0;
        friend bool operator==(const Key &a, const Key &b) {
            return a.high == b.high && a.low == b.low;
        }
    };
    /// The keys of one shape: open addressing, at most half full.
    struct KeyTable {
        std::vector<Key> slots; // the all-zero key marks an empty slot
        bool hasZero = false;   // whether the all-zero key itself is in the set
        qsizetype count = 0;

        bool insert(const Key &key);
        [[nodiscard]] bool contains(const Key &key) const;
        void reserve(qsizetype keys);
        [[nodiscard]] qsizetype slotOf(const Key &key) const;
        void rehash(size_t capacity);
    };
    struct Shape {
        QString prefix; // up to and including the last '.', may be empty
        bool dashed = false;
        KeyTable table;
    };
    /// The index of the shape `id` has (a new one while there are fewer than
    /// MaxShapes) and its key; -1 for an ID kept as text.
    int shapeOf(QStringView id, Key *key);
    /// The same among the shapes known already.
    [[nodiscard]] int knownShapeOf(QStringView id, Key *key) const;

    std::vector<Shape> m_shapes;
    qsizetype m_reserved = 0; ///< reserve() before the first shape was known
    QSet<QString> m_other;
};

} // namespace ica
