#pragma once

#include "core/composer/idlistparser.h"
#include "core/composer/sparedstringlist.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ica {

/// The data IDs of a multi-line text (a group's ID list), kept up to date line by
/// line: when a few lines of a 100,000-line list change, only those lines are read
/// again (IdListParser::lineTokens), and the counts the composer shows (IDs, paths,
/// repeats) are kept as it goes. The flat lists are implicitly shared, so handing
/// them to a validation on another thread copies nothing, and an edit while it still
/// holds them does not copy the IDs on this thread either (SparedStringList).
/// Always equal to IdListParser::parse() of the lines joined with '\n'.
class IncrementalIdList final {
public:
    /// Replaces everything by the lines of `text` (split on '\n').
    void setText(const QString &text);
    /// Lines [first, first + removed) (0-based) were replaced by `lines`.
    void replaceLines(int first, int removed, const QStringList &lines);
    /// Lines [first, first + removed) were replaced by the lines of `text` (split on
    /// '\n'); for large texts (a paste) it is cheaper than splitLines() first.
    void replaceText(int first, int removed, QStringView text);
    /// The lines of `text`, split on '\n' (an empty text is one empty line).
    [[nodiscard]] static QStringList splitLines(QStringView text);

    /// Lines of the text; an empty text has one (empty) line.
    [[nodiscard]] int lineCount() const { return m_lineCount; }
    /// Every token in order (IDs and project paths), repeats included. Share it with
    /// a worker freely: an edit while it is held does not copy it (SparedStringList).
    [[nodiscard]] const QStringList &ids() const { return m_ids.list(); }
    /// Makes the spare copy of ids() now, on a worker that has just built a long list
    /// (a paste), so that no edit ever copies it on the GUI thread.
    void prepareSpare() { m_ids.prepareSpare(); }
    /// The 1-based line of each token of ids(), ascending.
    [[nodiscard]] const QList<int> &lines() const { return m_lines; }
    [[nodiscard]] qsizetype pathCount() const { return m_paths; }
    /// Tokens that repeat an earlier one (IdParseResult::duplicates.size()).
    [[nodiscard]] qsizetype duplicateCount() const { return m_ids.list().size() - m_counts.size(); }
    /// The whole IdParseResult, built now (O(n)): not for every keystroke.
    [[nodiscard]] IdParseResult parseResult() const;

    /// Up to `max` distinct lines, ascending, on which any of `subjects` occurs in
    /// `ids` (with `lines` as lines()); one pass, so it suits lists of 100,000.
    [[nodiscard]] static QList<int> linesOf(const QStringList &subjects, const QStringList &ids,
                                            const QList<int> &lines, int max);

private:
    void replaceLineViews(int first, int removed, const QList<QStringView> &lines);
    void count(const QString &id, int delta);

    SparedStringList m_ids;
    QList<int> m_lines;           ///< a copy costs one memcpy: no spare needed
    QHash<QString, int> m_counts; ///< occurrences of each token
    qsizetype m_paths = 0;
    int m_lineCount = 1;
};

} // namespace ica
