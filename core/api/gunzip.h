#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace ica {

/// Decompresses a complete gzip stream. Returns nullopt, with the reason, when the
/// data is not gzip or the stream ends early (a body cut short in transit).
std::optional<QByteArray> gunzip(const QByteArray &compressed, QString *error = nullptr);

} // namespace ica
