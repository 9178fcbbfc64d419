#pragma once

#include <QString>

#include <utility>

namespace ica {

/// The outcome of one store operation: a value, or a sentence saying what went
/// wrong and what to do. `error` is empty on success. Store errors never hold a
/// secret.
template <typename T> struct StoreResult {
    T value{};
    QString error;

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    static StoreResult success(T v) { return StoreResult{std::move(v), QString()}; }
    static StoreResult failure(const QString &message) { return StoreResult{T{}, message}; }
};

} // namespace ica
