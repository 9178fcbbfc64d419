// The simulator's query string parser, its paging rules (page tokens come from
// clients) and its UUID parser. Bad input is an ApiError 400, never anything else.
#include "tests/fuzz/fuzzsupport.h"

#include "simulator/apierror.h"
#include "simulator/paging.h"
#include "simulator/queryparams.h"
#include "simulator/uuid.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = ica::fuzz::bytes(data, size);
    const ica::sim::QueryParams query = ica::sim::QueryParams::parse(input);
    for (const auto &item : query.items()) {
        (void)query.listValues(item.first);
        (void)ica::sim::Uuid::parse(item.second);
    }
    (void)query.canonical({QStringLiteral("pageToken")});
    static const ica::sim::Pager pager(QByteArrayLiteral("fuzz-secret"));
    try {
        (void)pager.parse(query, QStringLiteral("items/batch-1"),
                          {QStringLiteral("id"), QStringLiteral("status")});
    } catch (const ica::sim::ApiError &error) {
        FUZZ_CHECK(error.status == 400, error.detail);
    }
    return 0;
}
