#include "idset.h"

namespace icacli {

namespace {
constexpr qsizetype FirstCapacity = 1024; // a power of two
} // namespace

namespace {
/// Where a UUID's dashes stand in its text.
bool isUuidDash(qsizetype at) {
    return at == 8 || at == 13 || at == 18 || at == 23;
}

/// Reads "prefix." + 32 lower-case hex digits (with a UUID's dashes when `dashed`).
bool parseDigits(QStringView digits, bool dashed, quint64 *high, quint64 *low) {
    if (digits.size() != (dashed ? 36 : 32))
        return false;
    int count = 0;
    for (qsizetype at = 0; at < digits.size(); ++at) {
        const char16_t u = digits.at(at).unicode();
        if (dashed && isUuidDash(at)) {
            if (u != u'-')
                return false;
            continue;
        }
        quint64 value = 0;
        if (u >= u'0' && u <= u'9')
            value = u - u'0';
        else if (u >= u'a' && u <= u'f')
            value = u - u'a' + 10;
        else
            return false; // upper case too: "ABC" and "abc" are different IDs
        quint64 &word = count < 16 ? *high : *low;
        word = (word << 4) | value;
        ++count;
    }
    return true;
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
    while (m_used[size_t(slot)] && !(m_slots[size_t(slot)] == key))
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
    std::vector<char> oldUsed = std::move(m_used);
    m_slots.assign(capacity, Key{});
    m_used.assign(capacity, 0);
    for (size_t i = 0; i < old.size(); ++i) {
        if (!oldUsed[i])
            continue;
        const qsizetype slot = slotOf(old[i]);
        m_slots[size_t(slot)] = old[i];
        m_used[size_t(slot)] = 1;
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
    // At most half full: probes stay short.
    if (qsizetype(m_slots.size()) < 2 * (m_count + 1))
        rehash(m_slots.empty() ? size_t(FirstCapacity) : m_slots.size() * 2);
    const qsizetype slot = slotOf(key);
    if (m_used[size_t(slot)])
        return false;
    m_slots[size_t(slot)] = key;
    m_used[size_t(slot)] = 1;
    ++m_count;
    return true;
}

bool IdSet::contains(QStringView id) const {
    Key key;
    if (!toKeyConst(id, &key))
        return m_other.contains(id.toString());
    if (m_slots.empty())
        return false;
    return m_used[size_t(slotOf(key))];
}

} // namespace icacli
