#pragma once

// Internal to icacore: simdjson is a private dependency, so only core's .cpp files
// include this header.

#include "core/domain/jsonlimits.h"

#include <simdjson.h>

#include <optional>
#include <string_view>

namespace ica::jsonlint {

/// The calling thread's simdjson parser, refusing nesting deeper than
/// JsonLimits::MaxDepth. It keeps its buffers between bodies; a document it parsed
/// is valid until the next parse on the same thread.
simdjson::dom::parser &parser();

/// `body` without a leading UTF-8 byte order mark (QJsonDocument skips one, simdjson
/// does not).
std::string_view text(const QByteArray &body);

/// The first value of a parsed document that breaks JsonLimits (a duplicate key, a
/// string over MaxStringBytes, a NUL character), in document order; nullopt when the
/// document keeps them all. `zeroDouble` (when given) tells whether a number with a
/// fraction or exponent came out as 0: simdjson rounds an underflow such as 1e-400
/// to 0 where QJsonDocument refuses it, so a fast path must leave such a body to
/// the QJsonDocument path to agree with it.
std::optional<JsonIssue> check(simdjson::dom::element root, bool *zeroDouble = nullptr);

} // namespace ica::jsonlint
