#pragma once

#include "core/domain/batch.h"
#include "core/domain/projectdata.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ica {

/// One column of a listing as icatag and the app's exports show it: a header for
/// icatag's aligned table, a field name for CSV and the text of a row's cell.
template <typename T> struct RowColumn {
    enum class Show { Everywhere, TableOnly, CsvOnly };

    QString header;
    QString csvName;
    std::function<QString(const T &)> value;
    /// CSV splits some table columns in two (tags added / removed).
    Show show = Show::Everywhere;

    [[nodiscard]] bool shownInCsv() const { return show != Show::TableOnly; }
    [[nodiscard]] bool shownInTable() const { return show != Show::CsvOnly; }
};

/// The columns of a batch item (icatag batch items, the monitor's export).
[[nodiscard]] QList<RowColumn<BatchItem>> itemColumns();
/// The columns of a project data row (icatag data list, the browser's export).
[[nodiscard]] QList<RowColumn<ProjectData>> dataColumns();

/// A tag update as one cell: "+added,-removed" (tags joined with commas).
[[nodiscard]] QString tagUpdateText(const TagUpdate &update);
/// ISO 8601 in UTC ("2026-11-30T08:30:00Z"), empty when not set.
[[nodiscard]] QString dateText(const QDateTime &dateTime);
/// "FILE", "FOLDER" or the server's own word for another type.
[[nodiscard]] QString dataTypeText(const ProjectData &data);
/// Tags or other lists as one cell, joined with commas.
[[nodiscard]] QString joinedText(const QStringList &list);

namespace csv {
/// One CSV field appended to `text`, quoted (RFC 4180) when it holds a comma,
/// quote, CR or LF.
void appendField(QString &text, const QString &cell);
/// One CSV line (RFC 4180 quoting, CRLF) appended to `text`.
void appendLine(QString &text, const QStringList &cells);
} // namespace csv

} // namespace ica
