#include "tests/support/csvparse.h"

#include <utility>

namespace ica::test {

QList<QStringList> parseCsv(const QString &text, QString *error) {
    const bool strict = error != nullptr;
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool atFieldStart = true;
    bool inRecord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c != QLatin1Char('"'))
                field += c;
            else if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"'))
                field += text.at(++i);
            else
                quoted = false;
            continue;
        }
        const bool crlf =
            c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n');
        const bool lineEnd =
            crlf || (!strict && (c == QLatin1Char('\r') || c == QLatin1Char('\n')));
        if (lineEnd) {
            i += crlf ? 1 : 0;
            record.append(std::exchange(field, QString()));
            records.append(std::exchange(record, QStringList()));
            atFieldStart = true;
            inRecord = false;
            continue;
        }
        inRecord = true;
        if (c == QLatin1Char('"') && atFieldStart) {
            quoted = true;
            atFieldStart = false;
        } else if (c == QLatin1Char(',')) {
            record.append(std::exchange(field, QString()));
            atFieldStart = true;
        } else {
            field += c;
            atFieldStart = false;
        }
    }
    if (inRecord || quoted) {
        if (strict) {
            *error = QStringLiteral("the text does not end with a complete CRLF record");
        } else {
            record.append(field);
            records.append(record);
        }
    }
    return records;
}

} // namespace ica::test
