#pragma once

#include <QByteArray>

#include <optional>

namespace ica::sim {

/// gzip (RFC 1952) at zlib's fastest level, as ICA does for Accept-Encoding: gzip.
QByteArray gzipCompress(const QByteArray &data);
/// Inflates a gzip stream; nullopt if it is not valid gzip (used for gzip'ed request bodies).
std::optional<QByteArray> gzipDecompress(const QByteArray &data);
/// True if an Accept-Encoding value admits gzip (present and not q=0).
bool acceptsGzip(const QByteArray &acceptEncoding);

} // namespace ica::sim
