#pragma once

#include "batch.h"
#include "jsondecode.h"

namespace ica {

/// Decodes a ProjectDataUpdateBatchItemPagedList body with simdjson: the hot path of the item
/// monitor and `batch items --all`, several times faster than QJsonDocument (see bench/). Gives
/// exactly what decodeJson<BatchItemPage>() gives; when the body is not a valid page it falls back
/// to that decoder so the error names the failing field's path.
Decoded<BatchItemPage> decodeBatchItemPage(const QByteArray &body);

} // namespace ica
