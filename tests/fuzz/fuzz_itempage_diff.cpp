// The two item page decoders must agree: whatever the simdjson path takes, the
// QJsonDocument path takes too and decodes to the same page (the simdjson path
// hands everything else to the other one, so they then agree by construction).
#include "tests/fuzz/fuzzsupport.h"

#include "core/domain/fastitemdecoder.h"
#include "core/domain/jsondecode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray body = ica::fuzz::bytes(data, size);
    const std::optional<ica::BatchItemPage> fast = ica::decodeBatchItemPageFast(body);
    const ica::Decoded<ica::BatchItemPage> slow = ica::decodeJson<ica::BatchItemPage>(body);
    if (fast) {
        FUZZ_CHECK(slow.ok(), QStringLiteral("only simdjson took it: ") + slow.describe());
        FUZZ_CHECK(*fast == *slow.value, QStringLiteral("the decoders read different pages"));
    }
    return 0;
}
