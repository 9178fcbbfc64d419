#include "core/composer/incrementalidlist.h"

#include "core/rows/offthread.h"

#include <QSet>

#include <algorithm>

namespace ica {

void IncrementalIdList::setText(const QString &text) {
    m_ids.clear();
    m_lines.clear();
    m_counts.clear();
    m_paths = 0;
    m_lineCount = 0;
    replaceLines(0, 0, splitLines(text));
}

QStringList IncrementalIdList::splitLines(QStringView text) {
    QStringList lines;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        lines.append(text.mid(start, end < 0 ? text.size() - start : end - start).toString());
        if (end < 0)
            break;
        start = end + 1;
    }
    return lines;
}

void IncrementalIdList::count(const QString &id, int delta) {
    if (IdListParser::isPath(id))
        m_paths += delta;
    auto it = m_counts.find(id);
    if (it == m_counts.end()) {
        if (delta > 0)
            m_counts.insert(id, delta);
        return;
    }
    it.value() += delta;
    if (it.value() <= 0)
        m_counts.erase(it);
}

void IncrementalIdList::replaceLines(int first, int removed, const QStringList &lines) {
    QList<QStringView> views;
    views.reserve(lines.size());
    for (const QString &line : lines)
        views.append(line);
    replaceLineViews(first, removed, views);
}

void IncrementalIdList::replaceText(int first, int removed, QStringView text) {
    // Views into `text`: no string per line is made for lines read once.
    QList<QStringView> views;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        views.append(text.mid(start, end < 0 ? text.size() - start : end - start));
        if (end < 0)
            break;
        start = end + 1;
    }
    replaceLineViews(first, removed, views);
}

void IncrementalIdList::replaceLineViews(int first, int removed, const QList<QStringView> &lines) {
    first = qBound(0, first, m_lineCount);
    removed = qBound(0, removed, m_lineCount - first);
    // The tokens of the replaced lines: lines() is sorted, so a binary search finds them.
    const auto from = std::lower_bound(m_lines.cbegin(), m_lines.cend(), first + 1);
    const auto to = std::lower_bound(from, m_lines.cend(), first + removed + 1);
    qsizetype begin = from - m_lines.cbegin();
    qsizetype oldCount = to - from;
    if (oldCount == m_ids.list().size() && oldCount >= 1000) {
        // Every token of a long list goes (the text was replaced or cleared): forget
        // them at once rather than one by one (100,000 hash removals), and free them
        // on a worker: that alone takes milliseconds at 100,000 strings.
        destroyOffThread(std::exchange(m_counts, {}));
        m_ids.clear();
        destroyOffThread(std::exchange(m_lines, {}));
        m_paths = 0;
        begin = 0;
        oldCount = 0;
    } else {
        for (qsizetype i = begin; i < begin + oldCount; ++i)
            count(m_ids.list().at(i), -1);
    }

    QStringList newIds;
    QList<int> newLines;
    newIds.reserve(lines.size());
    newLines.reserve(lines.size());
    if (lines.size() > 1000) // a paste: grown once, not step by step
        m_counts.reserve(m_counts.size() + lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList tokens = IdListParser::lineTokens(lines.at(i));
        for (const QString &token : tokens) {
            newIds.append(token);
            newLines.append(first + i + 1);
            count(token, +1);
        }
    }
    const int shift = int(lines.size()) - removed;
    if (shift != 0)
        for (qsizetype i = begin + oldCount; i < m_lines.size(); ++i)
            m_lines[i] += shift;
    m_lineCount += shift;

    // Resize the range in place (one move of the tail), then overwrite it.
    const qsizetype newCount = newIds.size();
    m_ids.splice(begin, oldCount, newIds);
    if (newCount > oldCount)
        m_lines.insert(begin + oldCount, newCount - oldCount, 0);
    else if (newCount < oldCount)
        m_lines.remove(begin + newCount, oldCount - newCount);
    for (qsizetype i = 0; i < newCount; ++i)
        m_lines[begin + i] = newLines.at(i);
}

IdParseResult IncrementalIdList::parseResult() const {
    IdParseResult result;
    result.entries.reserve(m_ids.list().size());
    QSet<QString> seen;
    seen.reserve(m_ids.list().size());
    for (qsizetype i = 0; i < m_ids.list().size(); ++i) {
        const ParsedId entry{m_ids.list().at(i), m_lines.at(i)};
        result.entries.append(entry);
        if (seen.contains(entry.id))
            result.duplicates.append(entry);
        else
            seen.insert(entry.id);
        if (!IdListParser::isWellFormed(entry.id) && !IdListParser::isPath(entry.id))
            result.malformed.append(entry);
    }
    return result;
}

QList<int> IncrementalIdList::linesOf(const QStringList &subjects, const QStringList &ids,
                                      const QList<int> &lines, int max) {
    QList<int> found;
    if (subjects.isEmpty() || max <= 0)
        return found;
    const QSet<QString> wanted(subjects.cbegin(), subjects.cend());
    const qsizetype n = qMin(ids.size(), lines.size());
    for (qsizetype i = 0; i < n && found.size() < max; ++i)
        if (wanted.contains(ids.at(i)) && (found.isEmpty() || found.last() != lines.at(i)))
            found.append(lines.at(i));
    return found;
}

} // namespace ica
