#pragma once

// What every benchmark shares: printing a figure, failing loudly, and measuring how
// long the thread's event loop was busy at a stretch.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace ica::bench {

inline void say(const QString &line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] inline void fail(const QString &what) {
    say(QStringLiteral("bench: ") + what);
    std::exit(1);
}

/// Records the longest gap between ticks of a 1 ms timer: how long the thread's
/// event loop was busy at a stretch.
class StallMeter {
public:
    StallMeter() {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this]() { m_longest = qMax(m_longest, m_clock.restart()); });
    }
    void start() {
        m_longest = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop() {
        m_timer.stop();
        return qMax(m_longest, m_clock.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

} // namespace ica::bench
