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
    QString name = QLatin1String(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag()) {
        // Data rows of one function get files of their own; a tag may hold any text.
        name.append(QLatin1Char('-'));
        for (const QChar c : QString::fromUtf8(tag))
            name.append(c.isLetterOrNumber() ? c : QLatin1Char('_'));
    }
    return QDir(scratchDir()).filePath(name + QLatin1String(suffix));
}

} // namespace ica::test
