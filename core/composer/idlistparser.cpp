#include "core/composer/idlistparser.h"

#include "core/data/pathresolver.h"

#include <QSet>

namespace ica {

namespace {

bool isSeparator(QChar c) {
    return c == QLatin1Char(',') || c == QLatin1Char(';') || c.isSpace();
}

bool isQuote(QChar c) {
    return c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`');
}

/// Strips quotes a spreadsheet or a code snippet may have wrapped around an ID.
QString unquote(QString token) {
    while (token.size() >= 1 && isQuote(token.front()))
        token.remove(0, 1);
    while (token.size() >= 1 && isQuote(token.back()))
        token.chop(1);
    return token;
}

bool isHexDigit(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

void addToken(IdParseResult &result, QSet<QString> &seen, const QString &id, int line) {
    const ParsedId entry{id, line};
    result.entries.append(entry);
    if (seen.contains(id))
        result.duplicates.append(entry);
    else
        seen.insert(id);
    if (!IdListParser::isWellFormed(id) && !IdListParser::isPath(id))
        result.malformed.append(entry);
}

/// A project path: the trimmed line as one token (names may hold spaces, commas and
/// semicolons), without the separators a list pasted from code puts after it.
QString pathToken(QStringView trimmed) {
    while (!trimmed.isEmpty() &&
           (trimmed.back() == QLatin1Char(',') || trimmed.back() == QLatin1Char(';')))
        trimmed = trimmed.chopped(1).trimmed();
    return trimmed.toString();
}

/// Calls `take` with each token of one line, unquoted, empty ones skipped.
template <typename Take> void tokenize(QStringView text, Take take) {
    const QStringView trimmed = text.trimmed();
    QStringView unquoted = trimmed;
    while (!unquoted.isEmpty() && isQuote(unquoted.front()))
        unquoted = unquoted.mid(1);
    const auto offer = [&take](const QString &raw) {
        QString id = unquote(raw);
        if (!id.isEmpty())
            take(std::move(id));
    };
    if (unquoted.startsWith(QLatin1Char('/'))) {
        offer(pathToken(trimmed));
        return;
    }
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        if (end || isSeparator(text.at(i))) {
            if (start >= 0)
                offer(text.mid(start, i - start).toString());
            start = -1;
        } else if (start < 0) {
            start = i;
        }
    }
}

void scanLine(IdParseResult &result, QSet<QString> &seen, QStringView text, int line) {
    tokenize(text, [&](QString id) { addToken(result, seen, id, line); });
}

void scan(IdParseResult &result, QSet<QString> &seen, QStringView text, int line) {
    qsizetype start = 0;
    while (true) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        scanLine(result, seen, text.mid(start, end < 0 ? text.size() - start : end - start), line);
        if (end < 0)
            return;
        start = end + 1;
        ++line;
    }
}

} // namespace

QStringList IdParseResult::ids() const {
    QStringList list;
    list.reserve(entries.size());
    for (const ParsedId &e : entries)
        list.append(e.id);
    return list;
}

QStringList IdParseResult::uniqueIds() const {
    QStringList list;
    list.reserve(entries.size());
    QSet<QString> seen;
    seen.reserve(entries.size());
    for (const ParsedId &e : entries) {
        if (!seen.contains(e.id)) {
            seen.insert(e.id);
            list.append(e.id);
        }
    }
    return list;
}

QList<int> IdParseResult::linesOf(const QString &id) const {
    QList<int> lines;
    for (const ParsedId &e : entries)
        if (e.id == id && (lines.isEmpty() || lines.last() != e.line))
            lines.append(e.line);
    return lines;
}

IdParseResult IdListParser::parse(const QString &text) {
    IdParseResult result;
    QSet<QString> seen;
    scan(result, seen, QStringView(text), 1);
    return result;
}

QStringList IdListParser::lineTokens(QStringView line) {
    QStringList tokens;
    tokenize(line, [&tokens](QString id) { tokens.append(std::move(id)); });
    return tokens;
}

IdParseResult IdListParser::parseValues(const QStringList &values, int firstLine) {
    IdParseResult result;
    QSet<QString> seen;
    for (qsizetype i = 0; i < values.size(); ++i)
        scan(result, seen, QStringView(values.at(i)), firstLine + int(i));
    return result;
}

bool IdListParser::isWellFormed(const QString &id) {
    if (id.size() != 36 || !(isFileId(id) || isFolderId(id)))
        return false;
    for (qsizetype i = 4; i < id.size(); ++i)
        if (!isHexDigit(id.at(i)))
            return false;
    return true;
}

bool IdListParser::isPath(const QString &token) {
    return PathResolver::looksLikePath(token);
}

bool IdListParser::isFolderId(const QString &id) {
    return id.startsWith(QLatin1String("fol."));
}

bool IdListParser::isFileId(const QString &id) {
    return id.startsWith(QLatin1String("fil."));
}

QString IdListParser::format(const QStringList &ids) {
    return ids.join(QLatin1Char('\n'));
}

} // namespace ica
