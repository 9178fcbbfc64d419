#pragma once

// Shared by the libFuzzer targets: each defines LLVMFuzzerTestOneInput and checks,
// besides "no crash, no sanitizer finding", what its parser promises.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace ica::fuzz {

/// The input as a QByteArray (a copy: parsers may keep it).
inline QByteArray bytes(const uint8_t *data, size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Ends the run with a finding, which libFuzzer saves as a reproducer.
[[noreturn]] inline void fail(const char *what, const QString &detail = {}) {
    std::fprintf(stderr, "fuzz check failed: %s %s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace ica::fuzz

#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ica::fuzz::fail(#condition, (detail));                                                 \
    } while (false)
