#include "core/store/coredumps.h"

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace ica {

bool disableCoreDumps(QString *error) {
    bool ok = true;
    QString reasons;
#ifdef Q_OS_UNIX
    // A zero limit: the kernel writes no core file for this process or its children.
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        ok = false;
        reasons += QStringLiteral("setrlimit(RLIMIT_CORE): %1. ")
                       .arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
#endif
#ifdef Q_OS_LINUX
    // Not dumpable: no core even through a core_pattern pipe (systemd-coredump), and
    // other processes of the same user cannot ptrace it or read /proc/PID/mem.
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        ok = false;
        reasons += QStringLiteral("prctl(PR_SET_DUMPABLE): %1.")
                       .arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
#endif
    if (error)
        *error = reasons.trimmed();
    return ok;
}

} // namespace ica
