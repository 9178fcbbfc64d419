#pragma once

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <type_traits>
#include <utility>

namespace ica {

/// Where a piece of off-thread work runs: the global pool (as fast as the machine
/// allows), or the background pool (see BackgroundPool).
enum class WorkPriority { Normal, Background };

/// A pool for bulk work the user does not wait on frame by frame (the undo snapshot
/// of 100,000 items: decoding its ~500 pages, assembling it): one thread, at a lower
/// scheduling priority than the GUI thread. On 2 cores the global pool's 2 threads
/// plus the network thread kept both cores busy, and the GUI thread waited for a CPU
/// (a 6 ms event took 40 ms); with one low-priority thread a core stays free for it.
class BackgroundPool final {
public:
    /// The nice value its threads run at on Linux (the GUI thread's stays 0).
    static constexpr int Nice = 10;

    /// The pool (one thread). Tasks started on it directly do not lower their
    /// thread's priority: use start() or run().
    [[nodiscard]] static QThreadPool *instance();
    /// Runs `task` on the pool at the lowered priority.
    static void start(std::function<void()> task);
    /// Runs `work` on the pool at the lowered priority; its result as a future.
    template <typename F> static auto run(F work) -> QFuture<std::invoke_result_t<F>> {
        counted();
        return QtConcurrent::run(instance(), [work = std::move(work)]() mutable {
            lowerThisThread();
            return work();
        });
    }
    /// Lowers the calling thread's scheduling priority to Nice, once per thread.
    /// (QThread::setPriority() cannot: under Linux's default policy every priority but
    /// IdlePriority maps to the same one, and IdlePriority starves on a busy machine.)
    static void lowerThisThread();
    /// The calling thread's nice value (0 where there is none).
    [[nodiscard]] static int currentNice();
    /// Tasks started through start() and run() so far (for tests: which work went here).
    [[nodiscard]] static quint64 tasksStarted();

private:
    static void counted();
};

} // namespace ica
