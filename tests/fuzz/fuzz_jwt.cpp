// JWT claims: the input as a whole token, and as the payload of one (so the fuzzer
// reaches the JSON inside without having to find base64 itself).
#include "tests/fuzz/fuzzsupport.h"

#include "core/domain/problem.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = ica::fuzz::bytes(data, size);
    (void)ica::JwtClaims::parse(QString::fromUtf8(input));
    const QByteArray payload =
        input.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const auto claims =
        ica::JwtClaims::parse(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.") +
                              QString::fromLatin1(payload) + QStringLiteral(".c2ln"));
    if (claims && claims->expiresAt.isValid())
        FUZZ_CHECK(claims->expiresAt.toSecsSinceEpoch() >= 0, claims->expiresAt.toString());
    return 0;
}
