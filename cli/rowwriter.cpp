#include "cli/rowwriter.h"

#include <algorithm>

namespace ica::cli::rowtext {

namespace {
/// Line breaks inside a cell would break the grid: a table shows them as spaces.
QString oneLine(const QString &cell) {
    if (cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r')))
        return cell.simplified();
    return cell;
}
} // namespace

QList<qsizetype> measure(const QStringList &headers, const QList<QStringList> &rows) {
    qsizetype columns = headers.size();
    for (const QStringList &row : rows)
        columns = std::max(columns, row.size());
    QList<qsizetype> widths(columns, 0);
    const auto take = [&widths](const QStringList &row) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], oneLine(row.at(i)).size());
    };
    take(headers);
    for (const QStringList &row : rows)
        take(row);
    return widths;
}

void appendTableLine(QString &text, const QStringList &cells, const QList<qsizetype> &widths) {
    const qsizetype start = text.size();
    const qsizetype columns = std::max(widths.size(), cells.size());
    for (qsizetype i = 0; i < columns; ++i) {
        const QString cell = oneLine(cells.value(i));
        text += cell;
        if (i + 1 < columns) {
            const qsizetype pad = std::max<qsizetype>(widths.value(i) - cell.size(), 0) + 2;
            text.resize(text.size() + pad, QLatin1Char(' '));
        }
    }
    qsizetype end = text.size();
    while (end > start && text.at(end - 1) == QLatin1Char(' '))
        --end;
    text.truncate(end);
    text += QLatin1Char('\n');
}

} // namespace ica::cli::rowtext
