#pragma once

// For the GUI benchmarks: a QApplication that times every event the GUI thread's
// loop delivers and keeps the one with the most CPU time (the thread's own work, so
// the figure holds on a loaded machine), with what it was. StallMeter says how long
// the loop was busy; this says which event did the work (a queued call, a repaint).

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QMetaEnum>
#include <QString>
#include <QThread>

#include <ctime>

namespace ica::bench {

class StepTimingApplication final : public QApplication {
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override {
        // Other threads' events (the simulator's, workers') and nested sends are
        // part of the step that is being timed already, or of no GUI step at all.
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Taken before delivery: the event may delete its receiver (DeferredDelete).
        const char *className = receiver->metaObject()->className();
        const QEvent::Type type = event->type();
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const qint64 cpuBefore = threadCpuNs();
        const bool result = QApplication::notify(receiver, event);
        const qint64 cpu = threadCpuNs() - cpuBefore;
        const qint64 wall = clock.nsecsElapsed();
        --m_depth;
        if (cpu > m_longestCpuNs) {
            m_longestCpuNs = cpu;
            m_longestWallNs = wall;
            m_longestWhat = describe(className, type);
        }
        return result;
    }

    void resetLongestStep() {
        m_longestCpuNs = 0;
        m_longestWallNs = 0;
        m_longestWhat.clear();
    }
    /// "12.3 ms CPU (15 ms wall): QWidgetWindow (UpdateRequest)", the event with the
    /// most CPU time since the reset.
    [[nodiscard]] QString longestStep() const {
        return QStringLiteral("%1 ms CPU (%2 ms wall): %3")
            .arg(double(m_longestCpuNs) / 1e6, 0, 'f', 1)
            .arg(m_longestWallNs / 1000000)
            .arg(m_longestWhat);
    }

private:
    static qint64 threadCpuNs() {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    }

    static QString describe(const char *className, QEvent::Type type) {
        const char *typeName = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
        return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(className),
                                             typeName ? QString::fromLatin1(typeName)
                                                      : QString::number(type));
    }

    int m_depth = 0;
    qint64 m_longestCpuNs = 0;
    qint64 m_longestWallNs = 0;
    QString m_longestWhat;
};

} // namespace ica::bench
