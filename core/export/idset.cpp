#include "core/export/idset.h"

namespace ica {

namespace {
constexpr qsizetype FirstCapacity = 1024; // a power of two

/// Where a UUID's dashes stand in its text.
bool isUuidDash(qsizetype at) {
    return at == 8 || at == 13 || at == 18 || at == 23;
}

/// The value of a lower-case hex digit, -1 for anything else (upper case too: "ABC"
/// and "abc" are different IDs).
struct HexTable {
    qint8 value[128];
    constexpr HexTable()
        : value() {
        for (int c = 0; c < 128; ++c)
            value[c] = c >= '0' && c <= '9'   ? qint8(c - '0')
                       : c >= 'a' && c <= 'f' ? qint8(c - 'a' + 10)
                                              : qint8(-1);
    }
};
constexpr HexTable Hex;

/// Reads 16 hex digits from `chars`, skipping a UUID's dashes; false on anything else.
bool readWord(const char16_t *chars, qsizetype from, qsizetype to, bool dashed, quint64 *word) {
    quint64 value = 0;
    for (qsizetype at = from; at < to; ++at) {
        const char16_t u = chars[at];
        if (dashed && isUuidDash(at)) {
            if (u != u'-')
                return false;
            continue;
        }
        const int digit = u < 128 ? Hex.value[u] : -1;
        if (digit < 0)
            return false;
        value = (value << 4) | quint64(digit);
    }
    *word = value;
    return true;
}

/// Reads "prefix." + 32 lower-case hex digits (with a UUID's dashes when `dashed`).
bool parseDigits(QStringView digits, bool dashed, quint64 *high, quint64 *low) {
    if (digits.size() != (dashed ? 36 : 32))
        return false;
    // The first 16 digits end at 16 bare, or at 19 with the dashes at 8 and 13.
    const qsizetype split = dashed ? 19 : 16;
    const char16_t *chars = digits.utf16();
    return readWord(chars, 0, split, dashed, high) &&
           readWord(chars, split, digits.size(), dashed, low);
}
} // namespace

int IdSet::knownShapeOf(QStringView id, Key *key) const {
    for (size_t i = 0; i < m_shapes.size(); ++i) {
        const Shape &shape = m_shapes[i];
        if (id.startsWith(shape.prefix) &&
            parseDigits(id.mid(shape.prefix.size()), shape.dashed, &key->high, &key->low))
            return int(i);
    }
    return -1;
}

int IdSet::shapeOf(QStringView id, Key *key) {
    if (const int known = knownShapeOf(id, key); known >= 0)
        return known;
    if (m_shapes.size() >= size_t(MaxShapes))
        return -1;
    const QString prefix = id.left(id.lastIndexOf(QLatin1Char('.')) + 1).toString();
    const QStringView digits = id.mid(prefix.size());
    for (const bool dashed : {false, true}) {
        if (parseDigits(digits, dashed, &key->high, &key->low)) {
            Shape &shape = m_shapes.emplace_back(Shape{prefix, dashed, {}});
            if (m_shapes.size() == 1 && m_reserved > 0)
                shape.table.reserve(m_reserved);
            return int(m_shapes.size()) - 1;
        }
    }
    return -1;
}

qsizetype IdSet::KeyTable::slotOf(const Key &key) const {
    // The digits of UUIDs and ICA's IDs are random already: mixing two words is enough.
    const quint64 hash = (key.high ^ (key.low * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
    const qsizetype mask = qsizetype(slots.size()) - 1;
    qsizetype slot = qsizetype(hash >> 17) & mask;
    while (!(slots[size_t(slot)] == Key{}) && !(slots[size_t(slot)] == key))
        slot = (slot + 1) & mask;
    return slot;
}

void IdSet::KeyTable::reserve(qsizetype keys) {
    size_t capacity = slots.empty() ? size_t(FirstCapacity) : slots.size();
    while (capacity < size_t(2 * keys))
        capacity *= 2;
    if (capacity > slots.size())
        rehash(capacity);
}

void IdSet::KeyTable::rehash(size_t capacity) {
    std::vector<Key> old = std::move(slots);
    slots.assign(capacity, Key{});
    for (const Key &key : old) {
        if (!(key == Key{}))
            slots[size_t(slotOf(key))] = key;
    }
}

bool IdSet::KeyTable::insert(const Key &key) {
    if (key == Key{}) {
        // The all-zero key marks the table's empty slots: it is kept aside.
        const bool fresh = !hasZero;
        hasZero = true;
        count += fresh ? 1 : 0;
        return fresh;
    }
    // At most half full: probes stay short.
    if (qsizetype(slots.size()) < 2 * (count + 1))
        rehash(slots.empty() ? size_t(FirstCapacity) : slots.size() * 2);
    Key &slot = slots[size_t(slotOf(key))];
    if (slot == key)
        return false;
    slot = key;
    ++count;
    return true;
}

bool IdSet::KeyTable::contains(const Key &key) const {
    if (key == Key{})
        return hasZero;
    if (slots.empty())
        return false;
    return slots[size_t(slotOf(key))] == key;
}

void IdSet::reserve(qsizetype count) {
    if (m_shapes.empty())
        m_reserved = count;
    else
        m_shapes.front().table.reserve(count);
}

qsizetype IdSet::size() const {
    qsizetype total = m_other.size();
    for (const Shape &shape : m_shapes)
        total += shape.table.count;
    return total;
}

bool IdSet::insert(QStringView id) {
    Key key;
    if (const int shape = shapeOf(id, &key); shape >= 0)
        return m_shapes[size_t(shape)].table.insert(key);
    const QString text = id.toString();
    if (m_other.contains(text))
        return false;
    m_other.insert(text);
    return true;
}

bool IdSet::contains(QStringView id) const {
    Key key;
    if (const int shape = knownShapeOf(id, &key); shape >= 0)
        return m_shapes[size_t(shape)].table.contains(key);
    return m_other.contains(id.toString());
}

} // namespace ica
