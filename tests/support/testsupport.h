#pragma once

#include <QString>

#include <initializer_list>
#include <utility>

namespace ica::test {

/// A fresh temporary directory path for this test process; removed at exit.
QString scratchDir();
/// A path in scratchDir() named after the test function (and data row) running now
/// plus `suffix` (".sqlite", ".ini"): a fresh file for every test function and row.
QString perTestPath(const char *suffix);

/// Sets each text field of a sample object to its text, e.g.
/// setTexts({{&data.id, "fil.1"}, {&data.name, "a.fastq"}}).
inline void setTexts(std::initializer_list<std::pair<QString *, const char *>> fields) {
    for (const auto &[field, text] : fields)
        *field = QString::fromUtf8(text);
}

} // namespace ica::test
