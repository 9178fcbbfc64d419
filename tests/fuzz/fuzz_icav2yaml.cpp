// The icav2 CLI's config.yaml / session file reader: every line is a value or a
// problem saying which line ("line 3: ..."), and keys are single words.
#include "tests/fuzz/fuzzsupport.h"

#include "core/store/icav2configimporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const ica::SimpleYaml yaml =
        ica::Icav2ConfigImporter::parseSimpleYaml(ica::fuzz::bytes(data, size));
    for (const QString &problem : yaml.problems)
        FUZZ_CHECK(problem.startsWith(QLatin1String("line ")), problem);
    for (auto it = yaml.values.cbegin(); it != yaml.values.cend(); ++it)
        FUZZ_CHECK(!it.key().isEmpty() && !it.key().contains(QLatin1Char(' ')), it.key());
    return 0;
}
