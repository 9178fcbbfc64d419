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

bool IdSet::toKeyConst(QStringView id, Key *key) const {
    if (!m_shapeKnown || !id.startsWith(m_prefix))
        return false;
    quint64 high = 0;
    quint64 low = 0;
    if (!parseDigits(id.mid(m_prefix.size()), m_dashed, &high, &low))
        return false;
    *key = Key{high, low};
    return true;
}

bool IdSet::toKey(QStringView id, Key *key) {
    if (!m_shapeKnown) {
        const QString prefix = id.left(id.lastIndexOf(QLatin1Char('.')) + 1).toString();
        const QStringView digits = id.mid(prefix.size());
        quint64 high = 0;
        quint64 low = 0;
        for (const bool dashed : {false, true}) {
            if (parseDigits(digits, dashed, &high, &low)) {
                m_shapeKnown = true;
                m_prefix = prefix;
                m_dashed = dashed;
                break;
            }
        }
    }
    return toKeyConst(id, key);
}

qsizetype IdSet::slotOf(const Key &key) const {
    // The digits of UUIDs and ICA's IDs are random already: mixing two words is enough.
    const quint64 hash = (key.high ^ (key.low * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    qsizetype slot = qsizetype(hash >> 17) & mask;
    while (!(m_slots[size_t(slot)] == Key{}) && !(m_slots[size_t(slot)] == key))
        slot = (slot + 1) & mask;
    return slot;
}

void IdSet::reserve(qsizetype count) {
    size_t capacity = m_slots.empty() ? size_t(FirstCapacity) : m_slots.size();
    while (capacity < size_t(2 * count))
        capacity *= 2;
    if (capacity > m_slots.size())
        rehash(capacity);
}

void IdSet::rehash(size_t capacity) {
    std::vector<Key> old = std::move(m_slots);
    m_slots.assign(capacity, Key{});
    for (const Key &key : old) {
        if (!(key == Key{}))
            m_slots[size_t(slotOf(key))] = key;
    }
}

bool IdSet::insert(QStringView id) {
    Key key;
    if (!toKey(id, &key)) {
        const QString text = id.toString();
        if (m_other.contains(text))
            return false;
        m_other.insert(text);
        return true;
    }
    if (key == Key{}) {
        // The all-zero key marks the table's empty slots: it is kept aside.
        const bool fresh = !m_hasZero;
        m_hasZero = true;
        m_count += fresh ? 1 : 0;
        return fresh;
    }
    // At most half full: probes stay short.
    if (qsizetype(m_slots.size()) < 2 * (m_count + 1))
        rehash(m_slots.empty() ? size_t(FirstCapacity) : m_slots.size() * 2);
    Key &slot = m_slots[size_t(slotOf(key))];
    if (slot == key)
        return false;
    slot = key;
    ++m_count;
    return true;
}

bool IdSet::contains(QStringView id) const {
    Key key;
    if (!toKeyConst(id, &key))
        return m_other.contains(id.toString());
    if (key == Key{})
        return m_hasZero;
    if (m_slots.empty())
        return false;
    return m_slots[size_t(slotOf(key))] == key;
}

} // namespace ica
