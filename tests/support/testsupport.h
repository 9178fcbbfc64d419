#pragma once

#include <QString>

namespace icatest {

/// A fresh temporary directory path for this test process; removed at exit.
QString scratchDir();

} // namespace icatest
