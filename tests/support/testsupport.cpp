#include "tests/support/testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

namespace ica::test {

QString scratchDir() {
    static QTemporaryDir dir;
    return dir.path();
}

QString perTestPath(const char *suffix) {
    return QDir(scratchDir())
        .filePath(QLatin1String(QTest::currentTestFunction()) + QLatin1String(suffix));
}

} // namespace ica::test
