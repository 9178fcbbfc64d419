// The .csv / .tsv / .txt reader of the composer's import; the first byte picks the
// file name (and so the delimiter rule).
#include "tests/fuzz/fuzzsupport.h"

#include "core/composer/delimitedfilereader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    static const QString names[] = {QStringLiteral("ids.csv"), QStringLiteral("ids.tsv"),
                                    QStringLiteral("ids.txt")};
    const ica::DelimitedTable table =
        ica::DelimitedFileReader::read(names[data[0] % 3], ica::fuzz::bytes(data + 1, size - 1));
    if (!table.ok())
        return 0;
    FUZZ_CHECK(table.idColumn >= 0 &&
                   (table.rows.isEmpty() || table.idColumn < table.columnCount()),
               QString::number(table.idColumn));
    FUZZ_CHECK(table.columnNames().size() == table.columnCount(), QString());
    QList<int> lines;
    const QStringList values = table.columnValues(table.idColumn, &lines);
    FUZZ_CHECK(values.size() == lines.size(), QString());
    return 0;
}
