#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ica {

/// One data ID read from pasted or imported text, with where it was found.
struct ParsedId {
    QString id;
    int line = 0; ///< 1-based line (or row) it came from
};

/// What IdListParser read: every ID in order (duplicates kept, so a validator can
/// report them) and a report of what looked wrong.
struct IdParseResult {
    QList<ParsedId> entries; ///< every token, trimmed, in order, duplicates included
    /// Later occurrences of an ID already seen (`line` is where the repeat is).
    QList<ParsedId> duplicates;
    /// Tokens not shaped like a data ID (see IdListParser::isWellFormed()); project
    /// paths (IdListParser::isPath()) are not malformed.
    QList<ParsedId> malformed;

    /// Every ID in order, duplicates included.
    [[nodiscard]] QStringList ids() const;
    /// Every ID once, first occurrence kept, in order.
    [[nodiscard]] QStringList uniqueIds() const;
    /// The lines on which `id` occurs, ascending.
    [[nodiscard]] QList<int> linesOf(const QString &id) const;
};

/// Reads a list of data IDs typed or pasted in any mix of newlines, commas,
/// semicolons, spaces and tabs; trims each one and strips surrounding quotes.
/// A line whose trimmed text starts with '/' (after any opening quotes) is a project
/// path and one token as a whole, spaces, commas and semicolons inside kept: the
/// composer resolves paths to IDs (DraftPathResolution). Pure functions, no state.
class IdListParser final {
public:
    /// ICA's own IDs are `fil.` or `fol.` followed by 32 hex digits; the API accepts
    /// other strings of up to 255 characters, so a caller warns rather than rejects.
    static constexpr qsizetype MaxIdLength = 255;

    [[nodiscard]] static IdParseResult parse(const QString &text);
    /// Splits `values` (one per row, e.g. an imported column) the same way;
    /// `firstLine` is the line number of values[0].
    [[nodiscard]] static IdParseResult parseValues(const QStringList &values, int firstLine = 1);

    /// The tokens of one line (no newline in it), as parse() reads them: unquoted, in
    /// order, empty ones skipped; a path line gives one token.
    [[nodiscard]] static QStringList lineTokens(QStringView line);

    /// `fil.` or `fol.` + 32 hex digits (either case).
    [[nodiscard]] static bool isWellFormed(const QString &id);
    /// A project path ("/runs/x/sample.bam", "/runs/x/"), not an ID: see
    /// PathResolver::looksLikePath().
    [[nodiscard]] static bool isPath(const QString &token);
    /// Starts with `fol.`: a folder (dates cannot be set on folders).
    [[nodiscard]] static bool isFolderId(const QString &id);
    /// Starts with `fil.`.
    [[nodiscard]] static bool isFileId(const QString &id);
    /// The IDs joined one per line: how the composer shows a list.
    [[nodiscard]] static QString format(const QStringList &ids);
};

} // namespace ica
