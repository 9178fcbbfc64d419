#pragma once

#include "cli/console.h"
#include "cli/jsonout.h"
#include "cli/output.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace ica::cli {

/// Helpers of RowWriter that do not depend on the row type.
namespace rowtext {
/// One CSV line (RFC 4180 quoting, CRLF) appended to `text`.
void appendCsvLine(QString &text, const QStringList &cells);
/// One CSV field, quoted when it holds a comma, quote, CR or LF.
void appendCsvField(QString &text, const QString &cell);
/// Widths of the table's columns: the widest of the header and the rows given.
[[nodiscard]] QList<qsizetype> measure(const QStringList &headers, const QList<QStringList> &rows);
/// One table line, cells padded to `widths` and two spaces apart (a wider cell
/// pushes the rest of its line right), trailing spaces trimmed.
void appendTableLine(QString &text, const QStringList &cells, const QList<qsizetype> &widths);
} // namespace rowtext

/// Writes a listing page by page as it arrives, keeping nothing of a page once it is
/// written: JSON as one array (in the API's shape, an item per line), JSON Lines
/// (one compact item a line), CSV (header first) or an aligned table (column widths
/// measured on the first page; a wider cell later just pushes its line right).
/// Each page is one write to standard output.
template <typename T> class RowWriter final {
public:
    RowWriter(Console &console, OutputFormat format, const QList<Column<T>> &columns)
        : m_console(console)
        , m_format(format) {
        for (const Column<T> &column : columns) {
            if (!column.shownIn(m_format))
                continue;
            m_columns.append(column);
            m_headers.append(m_format == OutputFormat::Csv ? column.csvName : column.header);
        }
    }

    /// Writes one page; false once standard output failed or was closed (the
    /// console's outputState() says which): the caller should then stop.
    bool writePage(const QList<T> &rows) {
        if (rows.isEmpty())
            return m_console.outputState() == Console::OutputState::Open;
        // Kept from page to page: its capacity is reused, not allocated again.
        QByteArray &bytes = m_bytes;
        bytes.resize(0);
        switch (m_format) {
        case OutputFormat::Json:
        case OutputFormat::Jsonl:
            bytes.reserve(rows.size() * 256);
            for (const T &row : rows) {
                if (m_format == OutputFormat::Json)
                    bytes.append(m_rows == 0 ? "[\n" : ",\n");
                appendJson(bytes, row);
                if (m_format == OutputFormat::Jsonl)
                    bytes.append('\n');
                ++m_rows;
            }
            break;
        case OutputFormat::Csv: {
            // Straight into the page's text: no list of cells per row.
            QString text;
            text.reserve(rows.size() * 96);
            appendHeaderOnce(text, {});
            for (const T &row : rows) {
                for (qsizetype i = 0; i < m_columns.size(); ++i) {
                    if (i > 0)
                        text += QLatin1Char(',');
                    rowtext::appendCsvField(text, m_columns.at(i).value(row));
                }
                text += QLatin1String("\r\n");
            }
            m_rows += rows.size();
            bytes = text.toUtf8();
            break;
        }
        case OutputFormat::Table: {
            QList<QStringList> cells;
            cells.reserve(rows.size());
            for (const T &row : rows) {
                QStringList line;
                line.reserve(m_columns.size());
                for (const Column<T> &column : m_columns)
                    line.append(column.value(row));
                cells.append(std::move(line));
            }
            QString text;
            text.reserve(rows.size() * 128);
            appendHeaderOnce(text, cells);
            for (const QStringList &line : cells)
                rowtext::appendTableLine(text, line, m_widths);
            m_rows += rows.size();
            bytes = text.toUtf8();
            break;
        }
        }
        return m_console.outUtf8(bytes);
    }

    /// Ends the output (closes the JSON array; the table's or CSV's header when
    /// there were no rows). False when standard output failed or was closed.
    bool finish() {
        QByteArray bytes;
        if (m_format == OutputFormat::Json) {
            bytes = m_rows == 0 ? QByteArray("[\n]\n") : QByteArray("\n]\n");
        } else if (m_format != OutputFormat::Jsonl) {
            QString text;
            appendHeaderOnce(text, {});
            bytes = text.toUtf8();
        }
        return m_console.outUtf8(bytes);
    }

    [[nodiscard]] qint64 rowsWritten() const { return m_rows; }

private:
    void appendHeaderOnce(QString &text, const QList<QStringList> &firstPage) {
        if (m_headerDone)
            return;
        m_headerDone = true;
        if (m_format == OutputFormat::Csv) {
            rowtext::appendCsvLine(text, m_headers);
            return;
        }
        m_widths = rowtext::measure(m_headers, firstPage);
        if (!m_headers.isEmpty())
            rowtext::appendTableLine(text, m_headers, m_widths);
    }

    Console &m_console;
    OutputFormat m_format;
    QList<Column<T>> m_columns;
    QStringList m_headers;
    QList<qsizetype> m_widths;
    bool m_headerDone = false;
    qint64 m_rows = 0;
    QByteArray m_bytes;
};

} // namespace ica::cli
