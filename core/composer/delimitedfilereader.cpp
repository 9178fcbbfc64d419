#include "core/composer/delimitedfilereader.h"

#include "core/composer/idlistparser.h"
#include "core/rows/offthread.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

namespace ica {

namespace {

bool isIdHeaderName(const QString &cell) {
    QString name = cell.trimmed().toLower();
    name.remove(QLatin1Char('_'));
    name.remove(QLatin1Char(' '));
    name.remove(QLatin1Char('-'));
    static const QStringList names{QStringLiteral("id"),       QStringLiteral("dataid"),
                                   QStringLiteral("dataids"),  QStringLiteral("fileid"),
                                   QStringLiteral("folderid"), QStringLiteral("ids")};
    return names.contains(name);
}

bool rowHasId(const QStringList &row) {
    for (const QString &cell : row)
        if (IdListParser::isWellFormed(cell.trimmed()))
            return true;
    return false;
}

/// Rows looked at when guessing: enough to be sure, few enough to be quick.
constexpr int SampleRows = 200;

} // namespace

int DelimitedTable::columnCount() const {
    int count = 0;
    for (const QStringList &row : rows)
        count = qMax(count, int(row.size()));
    return count;
}

QStringList DelimitedTable::columnNames() const {
    QStringList names;
    const int columns = columnCount();
    for (int c = 0; c < columns; ++c) {
        const QString header = hasHeader && !rows.isEmpty() && c < rows.first().size()
                                   ? rows.first().at(c).trimmed()
                                   : QString();
        names.append(header.isEmpty() ? QObject::tr("Column %1").arg(c + 1) : header);
    }
    return names;
}

QStringList DelimitedTable::columnValues(int column, QList<int> *lines) const {
    QStringList values;
    for (qsizetype r = hasHeader ? 1 : 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        if (column < 0 || column >= row.size())
            continue;
        const QString value = row.at(column).trimmed();
        if (value.isEmpty())
            continue;
        values.append(value);
        if (lines)
            lines->append(int(r) + 1);
    }
    return values;
}

QList<QStringList> DelimitedFileReader::parse(const QString &text, QChar delimiter) {
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    bool rowHasContent = false;
    const auto endField = [&]() {
        row.append(field);
        field.clear();
        fieldWasQuoted = false;
    };
    const auto endRow = [&]() {
        endField();
        // A blank line is no row (a file often ends with one or two).
        if (rowHasContent)
            rows.append(row);
        row.clear();
        rowHasContent = false;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n && rows.size() < MaxRows; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.trimmed().isEmpty() && !fieldWasQuoted &&
            !delimiter.isNull()) {
            // RFC 4180: a quote opens a quoted field only at its start.
            field.clear();
            inQuotes = true;
            fieldWasQuoted = true;
            rowHasContent = true;
        } else if (!delimiter.isNull() && c == delimiter) {
            endField();
            rowHasContent = true;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRow();
        } else if (c == QLatin1Char('\n')) {
            endRow();
        } else {
            field += c;
            if (!c.isSpace())
                rowHasContent = true;
        }
    }
    if (rows.size() < MaxRows && (rowHasContent || !field.isEmpty()))
        endRow();
    return rows;
}

QChar DelimitedFileReader::detectDelimiter(const QString &fileName, const QString &text) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return QLatin1Char(',');
    if (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab"))
        return QLatin1Char('\t');
    const QStringView sample = QStringView(text).left(64 * 1024);
    if (sample.contains(QLatin1Char('\t')))
        return QLatin1Char('\t');
    if (sample.contains(QLatin1Char(',')))
        return QLatin1Char(',');
    return QChar();
}

bool DelimitedFileReader::detectHeader(const QList<QStringList> &rows) {
    if (rows.size() < 2)
        return !rows.isEmpty() && !rowHasId(rows.first()) &&
               std::any_of(rows.first().cbegin(), rows.first().cend(), isIdHeaderName);
    const QStringList &first = rows.first();
    if (rowHasId(first))
        return false;
    if (std::any_of(first.cbegin(), first.cend(), isIdHeaderName))
        return true;
    const qsizetype sample = qMin<qsizetype>(rows.size(), SampleRows);
    for (qsizetype r = 1; r < sample; ++r)
        if (rowHasId(rows.at(r)))
            return true;
    return false;
}

int DelimitedFileReader::detectIdColumn(const QList<QStringList> &rows, bool hasHeader) {
    QList<int> counts;
    const qsizetype sample = qMin<qsizetype>(rows.size(), SampleRows);
    for (qsizetype r = hasHeader ? 1 : 0; r < sample; ++r) {
        const QStringList &row = rows.at(r);
        if (counts.size() < row.size())
            counts.resize(row.size());
        for (qsizetype c = 0; c < row.size(); ++c)
            if (IdListParser::isWellFormed(row.at(c).trimmed()))
                ++counts[c];
    }
    int best = -1;
    for (int c = 0; c < counts.size(); ++c)
        if (counts.at(c) > 0 && (best < 0 || counts.at(c) > counts.at(best)))
            best = c;
    if (best >= 0)
        return best;
    if (hasHeader && !rows.isEmpty())
        for (int c = 0; c < rows.first().size(); ++c)
            if (isIdHeaderName(rows.first().at(c)))
                return c;
    return 0;
}

DelimitedTable DelimitedFileReader::read(const QString &fileName, const QByteArray &bytes) {
    DelimitedTable table;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        table.error = QObject::tr("%1 is not UTF-8 text. Save it as UTF-8 (plain text, CSV or "
                                  "TSV) and import it again.")
                          .arg(QFileInfo(fileName).fileName());
        return table;
    }
    table.delimiter = detectDelimiter(fileName, text);
    table.rows = parse(text, table.delimiter);
    table.truncated = table.rows.size() >= MaxRows;
    table.hasHeader = detectHeader(table.rows);
    table.idColumn = detectIdColumn(table.rows, table.hasHeader);
    return table;
}

DelimitedTable DelimitedFileReader::readFile(const QString &path) {
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    DelimitedTable table;
    if (!file.open(QIODevice::ReadOnly)) {
        table.error = QObject::tr("%1 could not be opened (%2). Check that it exists and that you "
                                  "may read it.")
                          .arg(name, file.errorString());
        return table;
    }
    if (file.size() > MaxFileBytes) {
        table.error = QObject::tr("%1 is larger than %2 MB: split it into smaller files.")
                          .arg(name)
                          .arg(MaxFileBytes / (1024 * 1024));
        return table;
    }
    return read(path, file.readAll());
}

void DelimitedFileReader::readFileAsync(const QString &path, QObject *context,
                                        std::function<void(const DelimitedTable &)> done) {
    runOffThread(
        context, [path]() { return readFile(path); }, std::move(done));
}

} // namespace ica
