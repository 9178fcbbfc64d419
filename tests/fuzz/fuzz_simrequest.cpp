// The simulator's request body parsers: the JSON body (content type, syntax) and a
// CreateProjectDataUpdateBatch. They answer bad input with ApiError (a 4xx), never
// anything else.
#include "tests/fuzz/fuzzsupport.h"

#include "simulator/apierror.h"
#include "simulator/apimessage.h"
#include "simulator/batchrequestparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ica::sim::ApiRequest request;
    request.method = "POST";
    request.headers.append(
        {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/vnd.illumina.v3+json")});
    request.body = ica::fuzz::bytes(data, size);
    try {
        const QJsonObject body = ica::sim::BatchRequestParser::parseJsonBody(request);
        const ica::sim::CreateBatchRequest parsed =
            ica::sim::BatchRequestParser::parseCreateBatch(body);
        FUZZ_CHECK(parsed.totalDataIds >= 1 &&
                       parsed.totalDataIds <= ica::sim::BatchRequestParser::kMaxDataIds,
                   QString::number(parsed.totalDataIds));
        FUZZ_CHECK(parsed.groups.size() == parsed.dataIds.size(), QString());
    } catch (const ica::sim::ApiError &error) {
        FUZZ_CHECK(error.status >= 400 && error.status < 500, error.detail);
        FUZZ_CHECK(!error.detail.isEmpty(), QString());
    }
    return 0;
}
