#pragma once

#include <QtGlobal>

namespace ica::sim {

/// Small, fast, deterministic pseudo-random generator (SplitMix64). The same seed gives the
/// same sequence on every platform, which is what seeded data generation needs; it is not
/// meant for anything secret.
class Rng {
public:
    explicit Rng(quint64 seed)
        : m_state(seed) {}

    quint64 next() {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, bound); bound must be > 0.
    int bounded(int bound) { return int(next() % quint64(bound)); }
    /// Uniform in [lo, hi] (inclusive).
    int range(int lo, int hi) { return lo + bounded(hi - lo + 1); }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }

    /// A derived generator, so that independent parts consume independent streams.
    Rng fork(quint64 salt) { return Rng(next() ^ (salt * 0xD1B54A32D192ED03ull)); }

private:
    quint64 m_state;
};

} // namespace ica::sim
