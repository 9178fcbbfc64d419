#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace ica {

/// Output above this many bytes is checked against GunzipMaxRatio: a real JSON page
/// compresses 5-20:1, a gzip bomb of zeros about 1030:1 (deflate's most).
inline constexpr qint64 GunzipRatioFloor = 1024 * 1024;
/// Inflated bytes per compressed byte above which a stream is refused as a bomb.
inline constexpr qint64 GunzipMaxRatio = 1000;

/// Decompresses a complete gzip stream in chunks. Returns nullopt, with the reason,
/// when the data is not gzip, the stream ends early (a body cut short in transit),
/// the output would exceed `maxOutput` bytes (never allocating more than that), or
/// the output grows past GunzipRatioFloor at more than GunzipMaxRatio:1. `tooLarge`,
/// when given, tells these last two apart from a broken stream.
std::optional<QByteArray> gunzip(const QByteArray &compressed, qint64 maxOutput,
                                 QString *error = nullptr, bool *tooLarge = nullptr);

} // namespace ica
