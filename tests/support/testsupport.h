#pragma once

#include <QString>

namespace ica::test {

/// A fresh temporary directory path for this test process; removed at exit.
QString scratchDir();
/// A path in scratchDir() named after the test function running now plus `suffix`
/// (".sqlite", ".ini"): a fresh file for every test function.
QString perTestPath(const char *suffix);

} // namespace ica::test
