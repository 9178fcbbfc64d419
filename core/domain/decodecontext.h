#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ica {

/// Walks a JSON document while decoding and remembers the first problem with the
/// path of the field it concerns (for example `items[3].request.dataId`), so a
/// decode error can say exactly what was wrong. Decoding goes on after an error
/// (with default values) but only the first error is kept.
class DecodeContext final {
public:
    /// Enters a member (`name`) or array element (`index`) for the scope's lifetime.
    class Scope final {
    public:
        Scope(DecodeContext &ctx, QLatin1String member);
        Scope(DecodeContext &ctx, qsizetype index);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        DecodeContext &m_ctx;
        qsizetype m_previousLength;
    };

    [[nodiscard]] bool ok() const { return m_errorPath.isNull(); }
    /// Path of the first failing field, "" for the document root.
    [[nodiscard]] const QString &errorPath() const { return m_errorPath; }
    [[nodiscard]] const QString &errorMessage() const { return m_errorMessage; }

    /// Records a problem at the current path (plus `member` when given).
    void fail(const QString &message, QLatin1String member = {});

    // Field readers. `required` ones record "required field is missing" when absent
    // or null; every reader records a type mismatch. They return a default value on
    // failure so decoding can continue.
    QString requiredString(const QJsonObject &o, QLatin1String key);
    QString optionalString(const QJsonObject &o, QLatin1String key);
    QStringList optionalStringList(const QJsonObject &o, QLatin1String key);
    QStringList requiredStringList(const QJsonObject &o, QLatin1String key);
    /// A whole number from `min` to `max`; a fraction, or a number out of that range
    /// (-1, 2^62 or 1e300 where a count is expected), is an error, never a guess.
    std::optional<qint64> optionalInt(const QJsonObject &o, QLatin1String key, qint64 min,
                                      qint64 max);
    /// optionalInt() from 0 to JsonLimits::MaxCount.
    std::optional<qint64> optionalCount(const QJsonObject &o, QLatin1String key);
    std::optional<bool> optionalBool(const QJsonObject &o, QLatin1String key);
    bool requiredBool(const QJsonObject &o, QLatin1String key);
    QDateTime requiredDateTime(const QJsonObject &o, QLatin1String key);
    QDateTime optionalDateTime(const QJsonObject &o, QLatin1String key);
    QJsonObject requiredObject(const QJsonObject &o, QLatin1String key);
    /// Empty object when absent or null; `present` tells which.
    QJsonObject optionalObject(const QJsonObject &o, QLatin1String key, bool *present = nullptr);
    QJsonArray requiredArray(const QJsonObject &o, QLatin1String key);

    /// The required object under `key` decoded by `T::fromJson(object, *this)`, its
    /// errors named under `key`; a default T when it is missing, or when decoding
    /// already failed (nothing after a first error is worth the work).
    template <typename T> T requiredNested(const QJsonObject &o, QLatin1String key) {
        const QJsonObject inner = requiredObject(o, key);
        if (!ok())
            return T();
        Scope scope(*this, key);
        return T::fromJson(inner, *this);
    }

private:
    QString pathWith(QLatin1String member) const;

    QString m_path;
    QString m_errorPath;
    QString m_errorMessage;
};

/// Parses an RFC 3339 / ISO 8601 date-time (with or without milliseconds) as UTC.
QDateTime parseDateTime(const QString &text);
/// Formats a date-time the way ICA does: `2026-11-30T08:30:00Z` (milliseconds kept when non-zero).
QString formatDateTime(const QDateTime &dateTime);

} // namespace ica
