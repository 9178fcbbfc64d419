#pragma once

// What every benchmark shares: printing a figure, failing loudly, and measuring how
// long the thread's event loop was busy at a stretch.

#include <QElapsedTimer>
#include <QFile>
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
/// event loop was busy at a stretch. Also how much of that gap the thread spent
/// ready but waiting for a CPU (Linux schedstat): on a loaded machine a long stall
/// may be other processes' time, not the thread's work.
class StallMeter {
public:
    StallMeter() {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this]() {
            const qint64 gap = m_clock.restart();
            const qint64 waited = runQueueWaitNs();
            if (gap > m_longest) {
                m_longest = gap;
                m_longestWaited = (waited - m_lastWaited) / 1000000;
            }
            m_lastWaited = waited;
        });
    }
    void start() {
        m_longest = 0;
        m_longestWaited = 0;
        m_lastWaited = runQueueWaitNs();
        m_clock.start();
        m_timer.start();
    }
    /// Of the longest stall, the milliseconds the thread waited for a CPU (0 unknown).
    [[nodiscard]] qint64 waitedMs() const { return m_longestWaited; }
    qint64 stop() {
        m_timer.stop();
        return qMax(m_longest, m_clock.elapsed());
    }

private:
    /// Nanoseconds this thread has waited on a run queue so far; 0 when unknown.
    static qint64 runQueueWaitNs() {
        QFile file(QStringLiteral("/proc/thread-self/schedstat"));
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return file.readAll().split(' ').value(1).trimmed().toLongLong();
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
    qint64 m_longestWaited = 0;
    qint64 m_lastWaited = 0;
};

} // namespace ica::bench
