#pragma once

#include "cli/console.h"
#include "cli/output.h"
#include "core/export/jsonout.h"

#include "core/export/rowtext.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace ica::cli {

/// Helpers of RowWriter's table that do not depend on the row type.
namespace rowtext {
/// Widths of the table's columns: the widest of the header and the rows given.
[[nodiscard]] QList<qsizetype> measure(const QStringList &headers, const QList<QStringList> &rows);
/// One table line, cells padded to `widths` and two spaces apart (a wider cell
/// pushes the rest of its line right), trailing spaces trimmed.
void appendTableLine(QString &text, const QStringList &cells, const QList<qsizetype> &widths);
} // namespace rowtext

/// Writes a listing page by page as it arrives, keeping nothing of a page once it is
/// written: JSON as one array (in the API's shape, an item per line), JSON Lines
/// (one compact item a line), CSV (header first), all three through ica::RowText,
/// the writer the app's exports use too; or an aligned table (column widths
/// measured on the first page; a wider cell later just pushes its line right).
/// Each page is one write to standard output.
template <typename T> class RowWriter final {
public:
    RowWriter(Console &console, OutputFormat format, const QList<Column<T>> &columns)
        : m_console(console) {
        switch (format) {
        case OutputFormat::Json:
            m_text.emplace(ica::RowTextFormat::Json, columns);
            break;
        case OutputFormat::Jsonl:
            m_text.emplace(ica::RowTextFormat::Jsonl, columns);
            break;
        case OutputFormat::Csv:
            m_text.emplace(ica::RowTextFormat::Csv, columns);
            break;
        case OutputFormat::Table:
            for (const Column<T> &column : columns) {
                if (!column.shownInTable())
                    continue;
                m_columns.append(column);
                m_headers.append(column.header);
            }
            break;
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
        if (m_text) {
            m_text->appendPage(bytes, rows);
        } else {
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
            bytes = text.toUtf8();
        }
        m_rows += rows.size();
        return m_console.outUtf8(bytes);
    }

    /// Ends the output (closes the JSON array; the table's or CSV's header when
    /// there were no rows). False when standard output failed or was closed.
    bool finish() {
        QByteArray bytes;
        if (m_text) {
            m_text->appendEnd(bytes);
        } else {
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
        m_widths = rowtext::measure(m_headers, firstPage);
        if (!m_headers.isEmpty())
            rowtext::appendTableLine(text, m_headers, m_widths);
    }

    Console &m_console;
    std::optional<ica::RowText<T>> m_text; ///< JSON, JSON Lines and CSV
    QList<Column<T>> m_columns;            ///< the table's
    QStringList m_headers;
    QList<qsizetype> m_widths;
    bool m_headerDone = false;
    qint64 m_rows = 0;
    QByteArray m_bytes;
};

} // namespace ica::cli
