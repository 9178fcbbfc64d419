#include "simulator/model.h"

#include <iterator>

namespace ica::sim {

namespace {
const char *const kDataStatusNames[] = {"PARTIAL",  "AVAILABLE",   "ARCHIVING",
                                        "ARCHIVED", "UNARCHIVING", "DELETING"};
}

const char *dataStatusName(DataStatus status) {
    return kDataStatusNames[int(status)];
}

bool parseDataStatus(const QString &name, DataStatus *status) {
    for (int i = 0; i < int(std::size(kDataStatusNames)); ++i) {
        if (name == QLatin1String(kDataStatusNames[i])) {
            *status = DataStatus(i);
            return true;
        }
    }
    return false;
}

int World::formatIndex(QAnyStringView code) const {
    for (int i = 0; i < int(formats.size()); ++i) {
        if (QAnyStringView::compare(formats[size_t(i)].code, code, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace ica::sim
