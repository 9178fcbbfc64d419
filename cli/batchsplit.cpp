#include "cli/batchsplit.h"

namespace ica::cli {

QList<ica::CreateBatchRequest> splitCreateRequest(const ica::CreateBatchRequest &body,
                                                  qsizetype maxIds) {
    Q_ASSERT(maxIds > 0);
    QList<ica::CreateBatchRequest> parts;
    ica::CreateBatchRequest current;
    qsizetype room = maxIds;
    for (const ica::DataUpdateGroup &group : body.dataUpdateGroups) {
        qsizetype from = 0;
        do {
            if (room == 0) {
                parts.append(current);
                current = {};
                room = maxIds;
            }
            ica::DataUpdateGroup piece = group;
            piece.dataIds = group.dataIds.mid(from, room);
            from += piece.dataIds.size();
            room -= piece.dataIds.size();
            current.dataUpdateGroups.append(piece);
        } while (from < group.dataIds.size());
    }
    if (!current.dataUpdateGroups.isEmpty())
        parts.append(current);
    return parts;
}

} // namespace ica::cli
