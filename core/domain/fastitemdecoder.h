#pragma once

#include "core/domain/batch.h"
#include "core/domain/jsondecode.h"

namespace ica {

/// Decodes a ProjectDataUpdateBatchItemPagedList body with simdjson: the hot path of the item
/// monitor and `batch items --all`, several times faster than QJsonDocument (see bench/). Gives
/// exactly what decodeJson<BatchItemPage>() gives; when the body is not a valid page it falls back
/// to that decoder so the error names the failing field's path.
Decoded<BatchItemPage> decodeBatchItemPage(const QByteArray &body);

/// The simdjson path alone, without the fallback: nullopt for any body it does not
/// take. For the differential fuzz target and tests, which check that whatever it
/// takes, decodeJson<BatchItemPage>() takes too and decodes to the same page.
std::optional<BatchItemPage> decodeBatchItemPageFast(const QByteArray &body);

} // namespace ica
