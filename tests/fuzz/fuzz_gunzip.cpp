// The gzip stream reader of answer bodies. Kept thin on purpose: only the call into
// gunzip() and its contract (a value, or a reason).
#include "fuzzsupport.h"

#include "api/gunzip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QString error;
    const std::optional<QByteArray> out = ica::gunzip(icafuzz::bytes(data, size), &error);
    FUZZ_CHECK(out || !error.isEmpty(), QString());
    return 0;
}
