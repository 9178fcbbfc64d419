#include "simulator/simclock.h"

namespace ica::sim {

SimClock::SimClock(TimeMs start, double speed, bool manual)
    : m_start(start)
    , m_now(start)
    , m_speed(speed > 0 ? speed : 1.0)
    , m_manual(manual) {
    m_elapsed.start();
}

bool SimClock::sync() {
    TimeMs target = m_start + m_advanced;
    if (!m_manual)
        target += qint64(double(m_elapsed.elapsed()) * m_speed);
    if (target <= m_now)
        return false;
    m_now = target;
    return true;
}

void SimClock::advance(qint64 ms) {
    if (ms <= 0)
        return;
    m_advanced += ms;
    m_now += ms;
    sync();
}

} // namespace ica::sim
