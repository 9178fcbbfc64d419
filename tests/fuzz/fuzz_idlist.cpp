// ID lists: the composer's paste parser (IdListParser) and icatag's ID file reader.
#include "fuzzsupport.h"

#include "composer/idlistparser.h"
#include "idsfile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = icafuzz::bytes(data, size);
    const QString text = QString::fromUtf8(input);
    const ica::IdParseResult parsed = ica::IdListParser::parse(text);
    FUZZ_CHECK(parsed.uniqueIds().size() + parsed.duplicates.size() == parsed.entries.size(),
               QString());
    for (const ica::ParsedId &entry : parsed.entries)
        FUZZ_CHECK(!entry.id.isEmpty() && entry.line >= 1, entry.id);
    (void)ica::IdListParser::parseValues(text.split(QLatin1Char('\n')), 3);
    (void)ica::IdListParser::format(parsed.uniqueIds());

    const icacli::IdList ids = icacli::IdsFileReader::parse(input);
    for (const icacli::IdList::Duplicate &d : ids.duplicates)
        FUZZ_CHECK(d.firstLine >= 1 && d.line >= d.firstLine, d.id); // "a a": one line
    return 0;
}
