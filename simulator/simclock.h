#pragma once

#include "simulator/timeutil.h"

#include <QElapsedTimer>

namespace ica::sim {

/// Simulated time. In real-time mode it follows real elapsed time multiplied by speed
/// (sync() reads it); in manual mode only advance() moves it. advance() works in both.
/// Time never goes backwards.
class SimClock {
public:
    SimClock(TimeMs start, double speed, bool manual);

    /// The simulated time as of the last sync()/advance().
    TimeMs now() const { return m_now; }
    /// Real-time mode: catches up with real elapsed time. Returns true if time moved.
    bool sync();
    /// Moves simulated time forward by ms (>= 0).
    void advance(qint64 ms);

    bool manual() const { return m_manual; }
    double speed() const { return m_speed; }

private:
    TimeMs m_start;
    TimeMs m_now;
    qint64 m_advanced = 0; ///< total of advance() calls
    double m_speed;
    bool m_manual;
    QElapsedTimer m_elapsed;
};

} // namespace ica::sim
