#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace ica::sim {

/// Milliseconds since the Unix epoch, UTC: the simulator's only time representation.
using TimeMs = qint64;

/// Appends RFC 3339 UTC with whole seconds, e.g. 2026-11-30T08:30:00Z (fast, no QDateTime).
void appendRfc3339(QByteArray &out, TimeMs ms);
QString formatRfc3339(TimeMs ms);

/// Parses an RFC 3339 date-time with a 'Z' or +hh:mm offset and optional fraction
/// (e.g. 2021-01-30T08:30:00Z); nullopt if the text is not one.
std::optional<TimeMs> parseRfc3339(const QString &text);

/// UTC midnight of a civil date, in ms.
TimeMs utcDateMs(int year, int month, int day);

/// Real wall-clock time, ms since the epoch.
TimeMs wallClockMs();

} // namespace ica::sim
