#pragma once

// What every benchmark shares: printing a figure, failing loudly, waiting on the event
// loop, reading the process's memory, and measuring how long the thread's event loop
// was busy at a stretch.

#include <QCoreApplication>
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

/// Spins the event loop until `done` is true, running `step` before each wait; fails
/// the bench, naming `what`, after `timeoutMs`.
template <typename Done, typename Step>
void spin(Done done, Step step, const char *what, int timeoutMs = 300000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            fail(QStringLiteral("timed out: ") + QLatin1String(what));
        step();
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
}
template <typename Done> void spin(Done done, const char *what, int timeoutMs = 300000) {
    spin(
        done, [] {}, what, timeoutMs);
}

/// A field of /proc/self/status in KiB, e.g. "VmHWM:" (peak resident) or "VmRSS:"
/// (resident now); -1 when unknown.
inline qint64 statusKiB(const char *field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
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
