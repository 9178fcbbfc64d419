#pragma once

#include "console.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace icacli {

/// How a command prints its result on standard output.
enum class OutputFormat { Table, Json, Csv };

[[nodiscard]] QString formatName(OutputFormat format);
/// "table|json" and the like, for help and messages.
[[nodiscard]] QString formatNames(const QList<OutputFormat> &formats, const QString &separator);
/// Case-insensitive; nullopt for an unknown name.
[[nodiscard]] std::optional<OutputFormat> parseOutputFormat(const QString &name);

/// A text grid: rendered with aligned columns for people or as RFC 4180 CSV.
class TextTable final {
public:
    explicit TextTable(QStringList headers = {});

    void addRow(QStringList cells);
    [[nodiscard]] qsizetype rowCount() const { return m_rows.size(); }
    /// Columns padded to the widest cell, two spaces apart, trailing spaces trimmed.
    /// With `showHeader` false only the rows are printed.
    [[nodiscard]] QString render(bool showHeader = true) const;
    /// Header line then rows, CRLF line ends, fields quoted when RFC 4180 asks for it.
    [[nodiscard]] QString toCsv() const;

    /// One field quoted for CSV when it holds a comma, quote, CR or LF.
    [[nodiscard]] static QString csvField(const QString &value);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

/// One column of a listing: a header for the table, a field name for CSV and the
/// text of a row's cell.
template <typename T> struct Column {
    enum class Show { Everywhere, TableOnly, CsvOnly };

    QString header;
    QString csvName;
    std::function<QString(const T &)> value;
    /// CSV splits some table columns in two (tags added / removed).
    Show show = Show::Everywhere;

    [[nodiscard]] bool shownIn(OutputFormat format) const {
        return show == Show::Everywhere || (show == Show::CsvOnly) == (format == OutputFormat::Csv);
    }
};

/// The label/value lines that show one object in table format.
using Record = QList<QPair<QString, QString>>;

/// Prints results in the chosen format: lists (JSON array of the API's shapes,
/// aligned table or CSV) and single objects (JSON object or a label/value block).
class Printer final {
public:
    Printer(Console &console, OutputFormat format);

    [[nodiscard]] OutputFormat format() const { return m_format; }

    template <typename T> void printList(const QList<T> &items, const QList<Column<T>> &columns) {
        if (m_format == OutputFormat::Json) {
            QJsonArray array;
            for (const T &item : items)
                array.append(item.toJson());
            printJson(array);
            return;
        }
        QList<Column<T>> shown;
        QStringList headers;
        for (const Column<T> &column : columns) {
            if (!column.shownIn(m_format))
                continue;
            shown.append(column);
            headers.append(m_format == OutputFormat::Csv ? column.csvName : column.header);
        }
        TextTable table(headers);
        for (const T &item : items) {
            QStringList cells;
            cells.reserve(shown.size());
            for (const Column<T> &column : shown)
                cells.append(column.value(item));
            table.addRow(cells);
        }
        m_console.out(m_format == OutputFormat::Csv ? table.toCsv() : table.render());
    }

    /// A single object: `json` in JSON format, `record` as aligned lines otherwise.
    void printObject(const QJsonObject &json, const Record &record);
    void printJson(const QJsonObject &object);
    void printJson(const QJsonArray &array);
    /// Label/value lines, labels padded to the longest one.
    void printRecord(const Record &record);

private:
    Console &m_console;
    OutputFormat m_format;
};

} // namespace icacli
