#include "simulator/uuid.h"

#include "simulator/rng.h"

namespace ica::sim {

namespace {
const char kHex[] = "0123456789abcdef";

int hexValue(QChar c) {
    const ushort u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}
} // namespace

void appendHex(QByteArray &out, quint64 value, int bytes) {
    char buffer[16] = {};
    for (int i = bytes * 2 - 1; i >= 0; --i, value >>= 4)
        buffer[i] = kHex[value & 0xF];
    out.append(buffer, bytes * 2);
}

Uuid Uuid::generate(Rng &rng) {
    Uuid u{rng.next(), rng.next()};
    u.hi = (u.hi & ~0xF000ull) | 0x4000ull;                        // version 4
    u.lo = (u.lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull; // RFC 4122 variant
    return u;
}

std::optional<Uuid> Uuid::parse(QStringView text) {
    if (text.size() != 36)
        return std::nullopt;
    Uuid u;
    int nibbles = 0;
    for (int i = 0; i < 36; ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != QLatin1Char('-'))
                return std::nullopt;
            continue;
        }
        const int v = hexValue(text[i]);
        if (v < 0)
            return std::nullopt;
        quint64 &half = nibbles < 16 ? u.hi : u.lo;
        half = (half << 4) | quint64(v);
        ++nibbles;
    }
    return u;
}

void Uuid::appendTo(QByteArray &out) const {
    char buffer[36];
    const auto hex = [&buffer](int at, quint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value >>= 4)
            buffer[at + i] = kHex[value & 0xF];
    };
    hex(0, hi >> 32, 8);
    buffer[8] = '-';
    hex(9, (hi >> 16) & 0xFFFF, 4);
    buffer[13] = '-';
    hex(14, hi & 0xFFFF, 4);
    buffer[18] = '-';
    hex(19, lo >> 48, 4);
    buffer[23] = '-';
    hex(24, lo & 0xFFFFFFFFFFFFull, 12);
    out.append(buffer, 36);
}

QString Uuid::toString() const {
    QByteArray bytes;
    bytes.reserve(36);
    appendTo(bytes);
    return QString::fromLatin1(bytes);
}

QString makeDataId(const char *prefix, Rng &rng) {
    QByteArray bytes(prefix);
    bytes.reserve(bytes.size() + 32);
    appendHex(bytes, rng.next(), 8);
    appendHex(bytes, rng.next(), 8);
    return QString::fromLatin1(bytes);
}

} // namespace ica::sim
