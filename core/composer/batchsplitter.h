#pragma once

#include "core/domain/batch.h"

#include <QList>

namespace ica {

/// ICA's limits on the data IDs of one create call.
struct BatchLimits {
    /// ICA advises against more IDs than this in one call.
    static constexpr qsizetype AdvisedMaxIds = 5000;
    /// ICA refuses more IDs than this in one call.
    static constexpr qsizetype MaxIds = 100000;
};

/// Splits one request into several of at most `maxIds` data IDs each, filling
/// each batch before starting the next, in order: a group that does not fit is
/// cut into parts that keep all of its changes. The result is the fewest batches
/// possible (ceil(total / maxIds)); every ID appears exactly once, in its order.
class BatchSplitter final {
public:
    /// A request that needs no split comes back alone and unchanged; an empty one
    /// gives an empty list. `maxIds` below 1 is taken as 1.
    [[nodiscard]] static QList<CreateBatchRequest>
    split(const CreateBatchRequest &request, qsizetype maxIds = BatchLimits::AdvisedMaxIds);
    /// How many batches split() makes.
    [[nodiscard]] static qsizetype batchCount(const CreateBatchRequest &request,
                                              qsizetype maxIds = BatchLimits::AdvisedMaxIds);
    /// The groups of `requests`, one after the other: the inverse of split(), except
    /// that a group cut in parts stays in parts.
    [[nodiscard]] static CreateBatchRequest join(const QList<CreateBatchRequest> &requests);
};

} // namespace ica
