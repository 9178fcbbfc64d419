// ID lists: the composer's paste parser (IdListParser) and icatag's ID file reader.
#include "tests/fuzz/fuzzsupport.h"

#include "cli/idsfile.h"
#include "core/composer/idlistparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = ica::fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(input);
    const ica::IdParseResult parsed = ica::IdListParser::parse(text);
    FUZZ_CHECK(parsed.uniqueIds().size() + parsed.duplicates.size() == parsed.entries.size(),
               QString());
    for (const ica::ParsedId &entry : parsed.entries)
        FUZZ_CHECK(!entry.id.isEmpty() && entry.line >= 1, entry.id);
    (void)ica::IdListParser::parseValues(text.split(QLatin1Char('\n')), 3);
    (void)ica::IdListParser::format(parsed.uniqueIds());

    const ica::cli::IdList ids = ica::cli::IdsFileReader::parse(input);
    for (const ica::cli::IdList::Duplicate &d : ids.duplicates)
        FUZZ_CHECK(d.firstLine >= 1 && d.line >= d.firstLine, d.id); // "a a": one line
    return 0;
}
