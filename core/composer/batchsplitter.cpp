#include "core/composer/batchsplitter.h"

namespace ica {

QList<CreateBatchRequest> BatchSplitter::split(const CreateBatchRequest &request,
                                               qsizetype maxIds) {
    maxIds = qMax<qsizetype>(1, maxIds);
    if (request.dataUpdateGroups.isEmpty())
        return {};
    if (request.dataIdCount() <= maxIds)
        return {request};
    QList<CreateBatchRequest> batches;
    CreateBatchRequest current;
    qsizetype room = maxIds;
    for (const DataUpdateGroup &group : request.dataUpdateGroups) {
        // A group without IDs still travels (in the batch being filled), so the split
        // never silently drops what the user wrote.
        if (group.dataIds.isEmpty()) {
            current.dataUpdateGroups.append(group);
            continue;
        }
        qsizetype taken = 0;
        while (taken < group.dataIds.size()) {
            if (room == 0) {
                batches.append(current);
                current = CreateBatchRequest();
                room = maxIds;
            }
            const qsizetype count = qMin(room, group.dataIds.size() - taken);
            DataUpdateGroup part = group;
            part.dataIds = group.dataIds.mid(taken, count);
            current.dataUpdateGroups.append(part);
            taken += count;
            room -= count;
        }
    }
    if (!current.dataUpdateGroups.isEmpty())
        batches.append(current);
    return batches;
}

qsizetype BatchSplitter::batchCount(const CreateBatchRequest &request, qsizetype maxIds) {
    maxIds = qMax<qsizetype>(1, maxIds);
    if (request.dataUpdateGroups.isEmpty())
        return 0;
    const qsizetype ids = request.dataIdCount();
    return qMax<qsizetype>(1, (ids + maxIds - 1) / maxIds);
}

CreateBatchRequest BatchSplitter::join(const QList<CreateBatchRequest> &requests) {
    CreateBatchRequest joined;
    for (const CreateBatchRequest &request : requests)
        joined.dataUpdateGroups.append(request.dataUpdateGroups);
    return joined;
}

} // namespace ica
