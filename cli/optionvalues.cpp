#include "cli/optionvalues.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace ica::cli {

bool requiredValue(const QCommandLineParser &parser, const QString &name, const QString &hint,
                   QString *out, QString *error) {
    const QString value = parser.value(name).trimmed();
    if (value.isEmpty()) {
        *error = QStringLiteral("--%1 is required: %2").arg(name, hint);
        return false;
    }
    *out = value;
    return true;
}

bool parseInteger(const QString &option, const QString &text, qint64 min, qint64 max, qint64 *out,
                  QString *error) {
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("%1: \"%2\" is not valid; give a whole number from %3 to %4.")
                     .arg(option, text)
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = value;
    return true;
}

bool parseSeconds(const QString &option, const QString &text, double min, double *out,
                  QString *error) {
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > 31.0e6) {
        *error = QStringLiteral("%1: \"%2\" is not valid; give a number of seconds (at least %3), "
                                "for example 2 or 0.5.")
                     .arg(option, text)
                     .arg(min);
        return false;
    }
    *out = value;
    return true;
}

bool pollInterval(const QCommandLineParser &parser, std::chrono::milliseconds *out,
                  QString *error) {
    double seconds = 2.0;
    if (parser.isSet(QStringLiteral("interval")) &&
        !parseSeconds(QStringLiteral("--interval"), parser.value(QStringLiteral("interval")), 0.01,
                      &seconds, error))
        return false;
    *out = std::chrono::milliseconds(qint64(seconds * 1000.0));
    return true;
}

bool parseUtcDateTime(const QString &option, const QString &text, QDateTime *out, QString *error) {
    const QString trimmed = text.trimmed();
    // Qt reads a time without zone as local time; ICA means UTC.
    static const QRegularExpression hasZone(QStringLiteral("(Z|[+-]\\d\\d(:?\\d\\d)?)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const bool zoned = trimmed.contains(QLatin1Char('T')) && hasZone.match(trimmed).hasMatch();
    QDateTime value = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (value.isValid() && !zoned)
        value = QDateTime(value.date(), value.time(), QTimeZone::utc());
    if (!value.isValid() || !trimmed.contains(QLatin1Char('T'))) {
        *error = QStringLiteral("%1: \"%2\" is not a date-time; give one in UTC such as "
                                "2026-11-30T08:30:00Z.")
                     .arg(option, text);
        return false;
    }
    *out = value.toUTC();
    return true;
}

QStringList splitValues(const QStringList &values) {
    QStringList out;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','))) {
            const QString trimmed = part.trimmed();
            if (!trimmed.isEmpty())
                out.append(trimmed);
        }
    }
    return out;
}

QString itemStatusNames() {
    QStringList names;
    for (int i = 0; i < ica::ItemStatus::KnownCount; ++i)
        names.append(ica::ItemStatus(ica::ItemStatus::knownValues()[i]).toString());
    return names.join(QStringLiteral(", "));
}

bool parseItemStatuses(const QStringList &texts, QList<ica::ItemStatus> *out, QString *error) {
    QList<ica::ItemStatus> statuses;
    for (const QString &text : splitValues(texts)) {
        const ica::ItemStatus status = ica::ItemStatus::fromString(text.toUpper());
        if (!status.isKnown()) {
            QString hint;
            if (ica::JobStatus::fromString(text.toUpper()).isKnown())
                hint = QStringLiteral(" (%1 is a job status; items are spelled differently)")
                           .arg(text.toUpper());
            *error = QStringLiteral("--status: unknown item status \"%1\"%2. Item statuses are: "
                                    "%3.")
                         .arg(text, hint, itemStatusNames());
            return false;
        }
        if (!statuses.contains(status))
            statuses.append(status);
    }
    *out = statuses;
    return true;
}

bool checkSortSyntax(const QString &sort, QString *error) {
    static const QRegularExpression entry(
        QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*( +(asc|desc))?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList parts = sort.split(QLatin1Char(','));
    for (const QString &part : parts) {
        if (!entry.match(part.trimmed()).hasMatch()) {
            *error = QStringLiteral("--sort: \"%1\" is not valid; give field names separated by "
                                    "commas, each optionally followed by \" desc\", for example "
                                    "\"name, timeCreated desc\".")
                         .arg(sort);
            return false;
        }
    }
    return true;
}

bool parseMatchMode(const QString &option, const QString &text, ica::MatchMode *out,
                    QString *error) {
    for (ica::MatchMode mode :
         {ica::MatchMode::Exact, ica::MatchMode::Fuzzy, ica::MatchMode::Exclude}) {
        if (text.compare(ica::matchModeName(mode), Qt::CaseInsensitive) == 0) {
            *out = mode;
            return true;
        }
    }
    *error = QStringLiteral("%1: \"%2\" is not a match mode; give exact, fuzzy or exclude.")
                 .arg(option, text);
    return false;
}

} // namespace ica::cli
