#pragma once

#include "core/api/queries.h"
#include "core/domain/statuses.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace ica::cli {

/// The trimmed value of a required option; false with "--NAME is required: <hint>".
bool requiredValue(const QCommandLineParser &parser, const QString &name, const QString &hint,
                   QString *out, QString *error);

// Checks and converts option values. Each returns false and sets `error` to a
// message that names the option, says what is wrong and what to give instead.

/// A whole number in [min, max].
bool parseInteger(const QString &option, const QString &text, qint64 min, qint64 max, qint64 *out,
                  QString *error);
/// A number of seconds, decimals allowed, at least `min`.
bool parseSeconds(const QString &option, const QString &text, double min, double *out,
                  QString *error);
/// The --interval of a command that waits for batches (default 2 s, at least 0.01 s).
bool pollInterval(const QCommandLineParser &parser, std::chrono::milliseconds *out, QString *error);
/// An ISO 8601 date-time. "Z" or an offset is honoured; without one the time is
/// taken as UTC (never as local time: ICA stores UTC).
bool parseUtcDateTime(const QString &option, const QString &text, QDateTime *out, QString *error);

/// Values of a repeatable option, each also split at commas; blanks dropped.
[[nodiscard]] QStringList splitValues(const QStringList &values);

/// Batch item statuses (INITIALISED, ..., FAILED), case-insensitive. A job status
/// spelling (INITIALIZED, SUCCEEDED, ...) is refused with a hint.
bool parseItemStatuses(const QStringList &texts, QList<ica::ItemStatus> *out, QString *error);
/// The names of all item statuses, comma-separated, for messages.
[[nodiscard]] QString itemStatusNames();

/// "field[ asc|desc], field2 desc": field names of letters, digits, '_' and '.'.
bool checkSortSyntax(const QString &sort, QString *error);

/// exact, fuzzy or exclude (case-insensitive).
bool parseMatchMode(const QString &option, const QString &text, ica::MatchMode *out,
                    QString *error);

} // namespace ica::cli
