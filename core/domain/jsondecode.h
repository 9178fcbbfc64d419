#pragma once

#include "decodecontext.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>

namespace ica {

/// The outcome of decoding a JSON body into a value type: the value, or where and
/// why decoding failed.
template <typename T> struct Decoded {
    std::optional<T> value;
    QString errorPath;    // "" for the document itself
    QString errorMessage; // empty on success

    [[nodiscard]] bool ok() const { return value.has_value(); }
    /// "items[2].request.dataId: required field is missing"
    [[nodiscard]] QString describe() const {
        return errorPath.isEmpty() ? errorMessage : errorPath + QStringLiteral(": ") + errorMessage;
    }
};

/// Parses `body` as one JSON object and decodes it with T::fromJson. Never throws;
/// a malformed or truncated body gives an error with the byte offset.
template <typename T> Decoded<T> decodeJson(const QByteArray &body) {
    Decoded<T> result;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errorMessage = QStringLiteral("the body is not valid JSON (%1 at byte %2)")
                                  .arg(parseError.errorString())
                                  .arg(parseError.offset);
        return result;
    }
    if (!doc.isObject()) {
        result.errorMessage = QStringLiteral("expected a JSON object");
        return result;
    }
    DecodeContext ctx;
    T value = T::fromJson(doc.object(), ctx);
    if (!ctx.ok()) {
        result.errorPath = ctx.errorPath();
        result.errorMessage = ctx.errorMessage();
        return result;
    }
    result.value = std::move(value);
    return result;
}

} // namespace ica
