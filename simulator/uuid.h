#pragma once

#include <QHashFunctions>
#include <QString>

#include <optional>

namespace ica::sim {

class Rng;

/// A 128-bit UUID kept as two integers: cheap to store for 100,000 batch items and to hash.
struct Uuid {
    quint64 hi = 0;
    quint64 lo = 0;

    /// A random (version 4 layout) UUID drawn from a seeded generator.
    static Uuid generate(Rng &rng);
    /// Parses the canonical 8-4-4-4-12 hex form (either case); nullopt otherwise.
    static std::optional<Uuid> parse(QStringView text);

    bool isNull() const { return hi == 0 && lo == 0; }
    /// Lower-case canonical form, 36 characters.
    QString toString() const;
    /// Appends the canonical form as Latin-1 bytes (fast path for JSON writing).
    void appendTo(QByteArray &out) const;

    friend bool operator==(const Uuid &a, const Uuid &b) { return a.hi == b.hi && a.lo == b.lo; }
    friend bool operator!=(const Uuid &a, const Uuid &b) { return !(a == b); }
    friend bool operator<(const Uuid &a, const Uuid &b) {
        return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
    }
};

inline size_t qHash(const Uuid &u, size_t seed = 0) noexcept {
    return qHashMulti(seed, u.hi, u.lo);
}

/// Appends 2*bytes lower-case hex digits of value's lowest bytes, most significant first.
void appendHex(QByteArray &out, quint64 value, int bytes);
/// "fil." / "fol." style data id: prefix plus 32 lower-case hex digits.
QString makeDataId(const char *prefix, Rng &rng);

} // namespace ica::sim
