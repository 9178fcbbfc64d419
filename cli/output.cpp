#include "cli/output.h"

#include "cli/rowwriter.h"

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

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers)) {}

void TextTable::addRow(QStringList cells) {
    m_rows.append(std::move(cells));
}

QString TextTable::render(bool showHeader) const {
    // The same grid as a streamed listing's (RowWriter), measured over every row.
    const QList<qsizetype> widths =
        rowtext::measure(showHeader ? m_headers : QStringList(), m_rows);
    QString text;
    if (showHeader && !m_headers.isEmpty())
        rowtext::appendTableLine(text, m_headers, widths);
    for (const QStringList &row : m_rows)
        rowtext::appendTableLine(text, row, widths);
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
