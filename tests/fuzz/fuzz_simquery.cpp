// The simulator's query string parser, its paging rules (page tokens come from
// clients) and its UUID parser. Bad input is an ApiError 400, never anything else.
#include "fuzzsupport.h"

#include "apierror.h"
#include "paging.h"
#include "queryparams.h"
#include "uuid.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = icafuzz::bytes(data, size);
    const icasim::QueryParams query = icasim::QueryParams::parse(input);
    for (const auto &item : query.items()) {
        (void)query.listValues(item.first);
        (void)icasim::Uuid::parse(item.second);
    }
    (void)query.canonical({QStringLiteral("pageToken")});
    static const icasim::Pager pager(QByteArrayLiteral("fuzz-secret"));
    try {
        (void)pager.parse(query, QStringLiteral("items/batch-1"),
                          {QStringLiteral("id"), QStringLiteral("status")});
    } catch (const icasim::ApiError &error) {
        FUZZ_CHECK(error.status == 400, error.detail);
    }
    return 0;
}
