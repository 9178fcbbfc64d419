#pragma once

#include "cli/console.h"

#include "core/export/rowcolumns.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ica::cli {

/// How a command prints its result on standard output. Jsonl (JSON Lines: one
/// compact object a line) is offered by the listings only.
enum class OutputFormat { Table, Json, Csv, Jsonl };

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

/// One column of a listing (shared with the app's exports, see export/rowcolumns.h).
template <typename T> using Column = ica::RowColumn<T>;

/// The label/value lines that show one object in table format.
using Record = QList<QPair<QString, QString>>;

/// Prints single results in the chosen format: a JSON object or a label/value
/// block. Listings stream through RowWriter (rowwriter.h) instead.
class Printer final {
public:
    Printer(Console &console, OutputFormat format);

    [[nodiscard]] OutputFormat format() const { return m_format; }

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

} // namespace ica::cli
