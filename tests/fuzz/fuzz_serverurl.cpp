// Server URL normalisation: a valid answer is https (or http to loopback), has a
// host and no trailing '/'; an invalid one comes with a reason.
#include "tests/fuzz/fuzzsupport.h"

#include "core/api/serverurl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString input = QString::fromUtf8(ica::fuzz::bytes(data, size));
    QString error;
    const QUrl url = ica::normalizeServerUrl(input, &error);
    if (!url.isValid()) {
        FUZZ_CHECK(!error.isEmpty(), input);
        return 0;
    }
    const QString scheme = url.scheme();
    FUZZ_CHECK(scheme == QLatin1String("https") ||
                   (scheme == QLatin1String("http") && ica::isLoopbackHost(url.host())),
               url.toString());
    FUZZ_CHECK(!url.host().isEmpty(), url.toString());
    FUZZ_CHECK(!url.path().endsWith(QLatin1Char('/')), url.toString());
    return 0;
}
