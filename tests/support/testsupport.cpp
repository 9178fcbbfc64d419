#include "testsupport.h"

#include <QTemporaryDir>

namespace icatest {

QString scratchDir() {
    static QTemporaryDir dir;
    return dir.path();
}

} // namespace icatest
