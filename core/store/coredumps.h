#pragma once

#include <QString>

namespace ica {

/// Turns core dumps off for this process (Linux: RLIMIT_CORE 0 and not dumpable),
/// as password managers such as KeePassXC do. Why: the process holds API keys and
/// JWTs in memory, and a crash would otherwise write that memory to a core file
/// (or hand it to systemd-coredump / apport) where anyone with the disk can read
/// it. Call it first thing in main(). Returns false with the reason when the
/// system refused; the program may still run (a core dump is then possible).
bool disableCoreDumps(QString *error = nullptr);

} // namespace ica
