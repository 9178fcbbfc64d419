#include "simulator/timeutil.h"

#include <QDateTime>
#include <QRegularExpression>

namespace ica::sim {

namespace {

// Days since 1970-01-01 for a proleptic Gregorian civil date (era-based arithmetic).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d) {
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

void civilFromDays(qint64 z, int &year, int &month, int &day) {
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = int(qint64(yoe) + era * 400 + (month <= 2));
}

void put2(char *out, int v) {
    out[0] = char('0' + v / 10);
    out[1] = char('0' + v % 10);
}

} // namespace

TimeMs utcDateMs(int year, int month, int day) {
    return daysFromCivil(year, unsigned(month), unsigned(day)) * 86400000LL;
}

void appendRfc3339(QByteArray &out, TimeMs ms) {
    qint64 secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    int secOfDay = int(secs - days * 86400);
    int y = 0, m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buffer[20];
    put2(buffer, y / 100);
    put2(buffer + 2, y % 100);
    buffer[4] = '-';
    put2(buffer + 5, m);
    buffer[7] = '-';
    put2(buffer + 8, d);
    buffer[10] = 'T';
    put2(buffer + 11, secOfDay / 3600);
    buffer[13] = ':';
    put2(buffer + 14, secOfDay / 60 % 60);
    buffer[16] = ':';
    put2(buffer + 17, secOfDay % 60);
    buffer[19] = 'Z';
    out.append(buffer, 20);
}

QString formatRfc3339(TimeMs ms) {
    QByteArray out;
    out.reserve(20);
    appendRfc3339(out, ms);
    return QString::fromLatin1(out);
}

std::optional<TimeMs> parseRfc3339(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?"
                       "([Zz]|[+-]\\d{2}:\\d{2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    const int month = m.captured(2).toInt();
    const int day = m.captured(3).toInt();
    const int hour = m.captured(4).toInt();
    const int minute = m.captured(5).toInt();
    const int second = m.captured(6).toInt();
    const QDate date(year, month, day);
    if (!date.isValid() || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    qint64 ms =
        utcDateMs(year, month, day) + ((hour * 60LL + minute) * 60 + qMin(second, 59)) * 1000;
    const QString fraction = m.captured(7);
    if (!fraction.isEmpty())
        ms += QStringView(fraction)
                  .mid(1)
                  .left(3)
                  .toString()
                  .leftJustified(3, QLatin1Char('0'))
                  .toInt();
    const QString zone = m.captured(8);
    if (zone.size() == 6) {
        const int offsetMin = zone.mid(1, 2).toInt() * 60 + zone.mid(4, 2).toInt();
        if (offsetMin >= 24 * 60)
            return std::nullopt;
        ms -= (zone[0] == QLatin1Char('-') ? -1 : 1) * offsetMin * 60000LL;
    }
    return ms;
}

TimeMs wallClockMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace ica::sim
