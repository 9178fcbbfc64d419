#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <limits>

namespace ica {

/// Bounds every JSON body must keep before a decoder reads a field of it. ICA's own
/// answers stay far inside them; a proxy, a broken gateway or a hostile server that
/// does not is told so with the path of the offending value, by both decoders alike
/// (QJsonDocument in decodeJson(), simdjson in decodeBatchItemPage()).
struct JsonLimits {
    /// Containers nested deeper than this are refused. ICA's deepest body (a batch
    /// item's tag update) nests four levels.
    static constexpr int MaxDepth = 32;
    /// Longest string (or key) in bytes of UTF-8. ICA's longest strings are paths and
    /// status texts of a few KiB.
    static constexpr qsizetype MaxStringBytes = 256 * 1024;
    /// Largest count (totalItemCount, remainingRecords): models count rows in int.
    static constexpr qint64 MaxCount = std::numeric_limits<int>::max();
    /// Largest file size: 2^53 bytes (8 PiB), the last whole number a JSON double holds.
    static constexpr qint64 MaxFileSize = qint64(1) << 53;
};

/// Where a body breaks JSON or JsonLimits, and how.
struct JsonIssue {
    QString path;    ///< "items[3].request.dataId"; "" for the body as a whole
    QString message; ///< "the key appears more than once in its object"
};

/// Parses `body` as one JSON object with QJsonDocument and checks it against
/// JsonLimits: invalid JSON or UTF-8, nesting deeper than MaxDepth, a string or key
/// over MaxStringBytes, a NUL character, a key that appears twice in one object, a
/// number beyond 64 bits, an unescaped control character or a lone UTF-16 surrogate
/// escape are all refused. A leading UTF-8 byte order mark is skipped. On failure
/// returns false and fills `issue`.
bool parseJsonObject(const QByteArray &body, QJsonObject *object, JsonIssue *issue);

} // namespace ica
