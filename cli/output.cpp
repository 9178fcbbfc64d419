#include "cli/output.h"

#include "core/export/rowcolumns.h"

#include <QJsonDocument>

#include <algorithm>

namespace ica::cli {

QString formatName(OutputFormat format) {
    switch (format) {
    case OutputFormat::Table:
        return QStringLiteral("table");
    case OutputFormat::Json:
        return QStringLiteral("json");
    case OutputFormat::Csv:
        return QStringLiteral("csv");
    case OutputFormat::Jsonl:
        return QStringLiteral("jsonl");
    }
    return {};
}

QString formatNames(const QList<OutputFormat> &formats, const QString &separator) {
    QStringList names;
    for (OutputFormat format : formats)
        names.append(formatName(format));
    return names.join(separator);
}

std::optional<OutputFormat> parseOutputFormat(const QString &name) {
    for (OutputFormat format :
         {OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv, OutputFormat::Jsonl}) {
        if (name.compare(formatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

namespace {
/// Line breaks inside a cell would break the grid: a table shows them as spaces.
QString oneLine(const QString &cell) {
    if (cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r')))
        return cell.simplified();
    return cell;
}
} // namespace

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers)) {}

void TextTable::addRow(QStringList cells) {
    m_rows.append(std::move(cells));
}

QString TextTable::render(bool showHeader) const {
    qsizetype columns = m_headers.size();
    for (const QStringList &row : m_rows)
        columns = std::max(columns, row.size());
    QList<qsizetype> widths(columns, 0);
    const auto measure = [&widths](const QStringList &row) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], oneLine(row.at(i)).size());
    };
    if (showHeader)
        measure(m_headers);
    for (const QStringList &row : m_rows)
        measure(row);

    QString text;
    const auto appendLine = [&text, &widths, columns](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < columns; ++i) {
            const QString cell = oneLine(row.value(i));
            line += cell;
            if (i + 1 < columns)
                line += QString(widths[i] - cell.size() + 2, QLatin1Char(' '));
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    };
    if (showHeader && !m_headers.isEmpty())
        appendLine(m_headers);
    for (const QStringList &row : m_rows)
        appendLine(row);
    return text;
}

QString TextTable::csvField(const QString &value) {
    QString field;
    ica::csv::appendField(field, value);
    return field;
}

QString TextTable::toCsv() const {
    QString text;
    const auto appendLine = [&text](const QStringList &row) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QString &cell : row)
            fields.append(csvField(cell));
        text += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    appendLine(m_headers);
    for (const QStringList &row : m_rows)
        appendLine(row);
    return text;
}

Printer::Printer(Console &console, OutputFormat format)
    : m_console(console)
    , m_format(format) {}

void Printer::printObject(const QJsonObject &json, const Record &record) {
    if (m_format == OutputFormat::Jsonl)
        m_console.out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) +
                      QLatin1Char('\n'));
    else if (m_format == OutputFormat::Json)
        printJson(json);
    else
        printRecord(record);
}

void Printer::printJson(const QJsonObject &object) {
    m_console.out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

void Printer::printJson(const QJsonArray &array) {
    m_console.out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
}

void Printer::printRecord(const Record &record) {
    TextTable table;
    for (const auto &[label, value] : record)
        table.addRow({label + QLatin1Char(':'), value});
    m_console.out(table.render(false));
}

} // namespace ica::cli
