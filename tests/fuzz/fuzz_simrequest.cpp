// The simulator's request body parsers: the JSON body (content type, syntax) and a
// CreateProjectDataUpdateBatch. They answer bad input with ApiError (a 4xx), never
// anything else.
#include "fuzzsupport.h"

#include "apierror.h"
#include "apimessage.h"
#include "batchrequestparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    icasim::ApiRequest request;
    request.method = "POST";
    request.headers.append(
        {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/vnd.illumina.v3+json")});
    request.body = icafuzz::bytes(data, size);
    try {
        const QJsonObject body = icasim::BatchRequestParser::parseJsonBody(request);
        const icasim::CreateBatchRequest parsed =
            icasim::BatchRequestParser::parseCreateBatch(body);
        FUZZ_CHECK(parsed.totalDataIds >= 1 &&
                       parsed.totalDataIds <= icasim::BatchRequestParser::kMaxDataIds,
                   QString::number(parsed.totalDataIds));
        FUZZ_CHECK(parsed.groups.size() == parsed.dataIds.size(), QString());
    } catch (const icasim::ApiError &error) {
        FUZZ_CHECK(error.status >= 400 && error.status < 500, error.detail);
        FUZZ_CHECK(!error.detail.isEmpty(), QString());
    }
    return 0;
}
