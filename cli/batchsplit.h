#pragma once

#include "core/domain/batch.h"

#include <QList>

namespace ica::cli {

/// ICA refuses a create call with more data IDs than this.
inline constexpr qsizetype MaxIdsPerBatch = 100000;
/// ICA advises to stay at or below this many data IDs per create call.
inline constexpr qsizetype AdvisedIdsPerBatch = 5000;

/// Splits a create body into bodies of at most `maxIds` data IDs each, keeping the
/// order of groups and IDs. A group cut in pieces keeps its changes in every piece.
[[nodiscard]] QList<ica::CreateBatchRequest> splitCreateRequest(const ica::CreateBatchRequest &body,
                                                                qsizetype maxIds);

} // namespace ica::cli
