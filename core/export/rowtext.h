#pragma once

#include "core/export/jsonout.h"
#include "core/export/rowcolumns.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace ica {

/// The text formats a listing is written in, page by page, by icatag and by the
/// app's exports.
enum class RowTextFormat {
    Json,  ///< one array in the API's shape, an item a line
    Jsonl, ///< JSON Lines: one compact item a line
    Csv,   ///< a header line, then a line a row (RFC 4180 quoting, CRLF)
};

/// Turns a listing into bytes page by page, keeping nothing of a page once it is
/// formatted: the one writer behind `icatag --output json|jsonl|csv` and the app's
/// exports, so both write the same JSON (the row's toJson(), see jsonout.h) and the
/// same CSV columns (rowcolumns.h).
template <typename T> class RowText final {
public:
    /// `columns`: those shown in CSV are used (JSON needs none).
    RowText(RowTextFormat format, const QList<RowColumn<T>> &columns)
        : m_format(format) {
        for (const RowColumn<T> &column : columns) {
            if (!column.shownInCsv())
                continue;
            m_columns.append(column);
            m_headers.append(column.csvName);
        }
    }

    [[nodiscard]] RowTextFormat format() const { return m_format; }

    /// Appends one page's text to `bytes` (and the CSV header before the first row).
    void appendPage(QByteArray &bytes, const QList<T> &rows) {
        if (rows.isEmpty())
            return;
        if (m_format != RowTextFormat::Csv) {
            bytes.reserve(bytes.size() + rows.size() * 256);
            for (const T &row : rows) {
                if (m_format == RowTextFormat::Json)
                    bytes.append(m_rows == 0 ? "[\n" : ",\n");
                appendJson(bytes, row);
                if (m_format == RowTextFormat::Jsonl)
                    bytes.append('\n');
                ++m_rows;
            }
            return;
        }
        // Straight into the page's text: no list of cells per row.
        QString text;
        text.reserve(rows.size() * 96);
        appendHeaderOnce(text);
        for (const T &row : rows) {
            for (qsizetype i = 0; i < m_columns.size(); ++i) {
                if (i > 0)
                    text += QLatin1Char(',');
                csv::appendField(text, m_columns.at(i).value(row));
            }
            text += QLatin1String("\r\n");
        }
        m_rows += rows.size();
        bytes.append(text.toUtf8());
    }

    /// Appends what ends the text: the JSON array's end, or the CSV header when
    /// there were no rows.
    void appendEnd(QByteArray &bytes) {
        if (m_format == RowTextFormat::Json) {
            bytes.append(m_rows == 0 ? "[\n]\n" : "\n]\n");
        } else if (m_format == RowTextFormat::Csv) {
            QString text;
            appendHeaderOnce(text);
            bytes.append(text.toUtf8());
        }
    }

    [[nodiscard]] qint64 rows() const { return m_rows; }

private:
    void appendHeaderOnce(QString &text) {
        if (m_headerDone)
            return;
        m_headerDone = true;
        csv::appendLine(text, m_headers);
    }

    RowTextFormat m_format;
    QList<RowColumn<T>> m_columns;
    QStringList m_headers;
    bool m_headerDone = false;
    qint64 m_rows = 0;
};

} // namespace ica
