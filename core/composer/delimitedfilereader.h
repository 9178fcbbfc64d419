#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace ica {

/// A table read from a .txt, .csv or .tsv file, with what the reader guessed
/// about it. Rows may have different lengths.
struct DelimitedTable {
    QList<QStringList> rows;
    QChar delimiter;        ///< ',' or '\t'; null for a one-column text file
    bool hasHeader = false; ///< guessed: the first row names the columns
    int idColumn = 0;       ///< guessed: the column that holds data IDs
    QString error;          ///< why the file could not be read; empty on success
    bool truncated = false; ///< more than DelimitedFileReader::MaxRows rows: the rest was left out

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    /// The widest row's length.
    [[nodiscard]] int columnCount() const;
    /// Header names (the first row when hasHeader, else "Column 1", "Column 2", ...).
    [[nodiscard]] QStringList columnNames() const;
    /// The non-empty, trimmed cells of `column` below the header, with their 1-based
    /// line numbers in `lines` when given (the file's row numbers).
    [[nodiscard]] QStringList columnValues(int column, QList<int> *lines = nullptr) const;
};

/// Reads delimited text files: RFC 4180 quoting (quoted fields may hold the
/// delimiter, doubled quotes and line breaks), CRLF or LF line ends, a UTF-8 BOM.
/// The delimiter follows the file's extension (.csv comma, .tsv tab); a .txt file
/// is sniffed (tab, then comma, else one column).
class DelimitedFileReader final {
public:
    /// Larger files are refused: an ID list of 100,000 rows is far below this.
    static constexpr qint64 MaxFileBytes = 64LL * 1024 * 1024;
    /// Rows kept at most (ICA refuses more than 100,000 IDs in one call anyway).
    static constexpr int MaxRows = 1000000;

    /// Splits `text` into rows and fields with `delimiter` (null: one field per line).
    [[nodiscard]] static QList<QStringList> parse(const QString &text, QChar delimiter);
    /// The delimiter for a file name and (for .txt or unknown extensions) its text.
    [[nodiscard]] static QChar detectDelimiter(const QString &fileName, const QString &text);
    /// True when `rows`' first row looks like column names: it holds no data ID
    /// while a later row does, or its cells are names like "id" or "dataId".
    [[nodiscard]] static bool detectHeader(const QList<QStringList> &rows);
    /// The column with the most well-formed data IDs (ignoring a header row); else
    /// a column whose header is an ID name; else 0.
    [[nodiscard]] static int detectIdColumn(const QList<QStringList> &rows, bool hasHeader);

    /// Parses text as read from `fileName` and fills in every guess.
    [[nodiscard]] static DelimitedTable read(const QString &fileName, const QByteArray &bytes);
    /// Reads and parses the file at `path` (blocking: call it off the GUI thread).
    [[nodiscard]] static DelimitedTable readFile(const QString &path);
    /// readFile() on a worker thread; `done` runs on `context`'s thread (not at all
    /// when `context` is destroyed first).
    static void readFileAsync(const QString &path, QObject *context,
                              std::function<void(const DelimitedTable &)> done);
};

} // namespace ica
