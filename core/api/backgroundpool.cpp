#include "core/api/backgroundpool.h"

#include <atomic>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ica {

namespace {

QThreadPool *makePool() {
    auto *pool = new QThreadPool;
    pool->setObjectName(QStringLiteral("ica-background"));
    pool->setMaxThreadCount(1);
    return pool;
}

std::atomic<quint64> started{0};

} // namespace

QThreadPool *BackgroundPool::instance() {
    // Never destroyed: a task may still run while the application exits, and the
    // global pool is not destroyed before it either.
    static QThreadPool *const pool = makePool();
    return pool;
}

void BackgroundPool::start(std::function<void()> task) {
    counted();
    instance()->start([task = std::move(task)]() {
        lowerThisThread();
        task();
    });
}

void BackgroundPool::lowerThisThread() {
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    // Linux schedules threads, not processes: PRIO_PROCESS with a thread ID sets the
    // nice value of that one thread. Raising it needs no privilege.
    const auto tid = id_t(syscall(SYS_gettid));
    errno = 0;
    const int now = getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && now < Nice)
        setpriority(PRIO_PROCESS, tid, Nice);
#endif
}

quint64 BackgroundPool::tasksStarted() {
    return started.load();
}

void BackgroundPool::counted() {
    ++started;
}

int BackgroundPool::currentNice() {
#ifdef Q_OS_LINUX
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

} // namespace ica
