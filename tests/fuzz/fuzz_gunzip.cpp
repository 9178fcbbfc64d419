// The gzip stream reader of answer bodies. Kept thin on purpose: only the call into
// gunzip() and its contract (a value, or a reason).
#include "tests/fuzz/fuzzsupport.h"

#include "core/api/gunzip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // A small cap, so the size and ratio limits are reached often.
    constexpr qint64 Cap = 4 * 1024 * 1024;
    QString error;
    bool tooLarge = false;
    const std::optional<QByteArray> out =
        ica::gunzip(ica::fuzz::bytes(data, size), Cap, &error, &tooLarge);
    FUZZ_CHECK(out || !error.isEmpty(), QString());
    FUZZ_CHECK(!out || out->size() <= Cap, QStringLiteral("output over the cap"));
    return 0;
}
