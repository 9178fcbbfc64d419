#pragma once

#include "core/domain/decodecontext.h"
#include "core/domain/jsonlimits.h"

#include <QByteArray>

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

/// Parses `body` as one JSON object within JsonLimits (see parseJsonObject()) and
/// decodes it with T::fromJson. Never throws; a malformed or truncated body gives an
/// error with the byte offset, a body over the limits one with the offending path.
template <typename T> Decoded<T> decodeJson(const QByteArray &body) {
    Decoded<T> result;
    QJsonObject object;
    JsonIssue issue;
    if (!parseJsonObject(body, &object, &issue)) {
        result.errorPath = issue.path;
        result.errorMessage = issue.message;
        return result;
    }
    DecodeContext ctx;
    T value = T::fromJson(object, ctx);
    if (!ctx.ok()) {
        result.errorPath = ctx.errorPath();
        result.errorMessage = ctx.errorMessage();
        return result;
    }
    result.value = std::move(value);
    return result;
}

} // namespace ica
