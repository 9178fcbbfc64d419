#include "core/browser/datafilter.h"

#include <QCoreApplication>
#include <QSet>

namespace ica {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ica::DataFilter", text);
}

template <typename T> bool assign(T &field, const T &value) {
    if (field == value)
        return false;
    field = value;
    return true;
}

QString quotedList(const QStringList &terms) {
    QStringList quoted;
    for (const QString &term : terms)
        quoted.append(QLatin1Char('"') + term + QLatin1Char('"'));
    return quoted.join(tr(" or "));
}

QString termDescription(const QString &what, const QStringList &terms, MatchMode mode) {
    switch (mode) {
    case MatchMode::Exact:
        return tr("%1 is %2").arg(what, quotedList(terms));
    case MatchMode::Fuzzy:
        return tr("%1 contains %2").arg(what, quotedList(terms));
    case MatchMode::Exclude:
        return tr("%1 is not %2").arg(what, quotedList(terms));
    }
    return QString();
}

} // namespace

QStringList cleanedTerms(const QStringList &terms, bool upperCase) {
    QStringList out;
    QSet<QString> seen;
    for (const QString &term : terms) {
        QString t = term.trimmed();
        if (upperCase)
            t = t.toUpper();
        if (t.isEmpty() || seen.contains(t))
            continue;
        seen.insert(t);
        out.append(t);
    }
    return out;
}

const QStringList &DataFilter::knownStatuses() {
    static const QStringList statuses{QStringLiteral("PARTIAL"),     QStringLiteral("AVAILABLE"),
                                      QStringLiteral("ARCHIVING"),   QStringLiteral("ARCHIVED"),
                                      QStringLiteral("UNARCHIVING"), QStringLiteral("DELETING")};
    return statuses;
}

bool DataFilter::setName(const QString &name) {
    return assign(m_name, name.trimmed());
}

bool DataFilter::setNameMatch(MatchMode mode) {
    return assign(m_nameMatch, mode);
}

bool DataFilter::setType(DataQuery::Type type) {
    return assign(m_type, type);
}

bool DataFilter::setStatuses(const QStringList &statuses) {
    return assign(m_statuses, cleanedTerms(statuses, true));
}

bool DataFilter::setFormatCodes(const QStringList &codes) {
    return assign(m_formatCodes, cleanedTerms(codes, true));
}

bool DataFilter::setUserTags(const QStringList &tags) {
    return assign(m_userTags, cleanedTerms(tags));
}

bool DataFilter::setUserTagMatch(MatchMode mode) {
    return assign(m_userTagMatch, mode);
}

bool DataFilter::setTechnicalTags(const QStringList &tags) {
    return assign(m_technicalTags, cleanedTerms(tags));
}

bool DataFilter::setTechnicalTagMatch(MatchMode mode) {
    return assign(m_technicalTagMatch, mode);
}

bool DataFilter::setRecursive(bool recursive) {
    return assign(m_recursive, recursive);
}

bool DataFilter::clear() {
    DataFilter cleared;
    cleared.m_recursive = m_recursive;
    return assign(*this, cleared);
}

bool DataFilter::isEmpty() const {
    return m_type == DataQuery::Type::Any && !hasSearchTerms();
}

bool DataFilter::hasSearchTerms() const {
    return !m_name.isEmpty() || !m_statuses.isEmpty() || !m_formatCodes.isEmpty() ||
           !m_userTags.isEmpty() || !m_technicalTags.isEmpty();
}

DataQuery DataFilter::query(const QString &folderPath) const {
    DataQuery q;
    if (isRecursiveListing()) {
        if (folderPath != QLatin1String("/")) {
            q.filePaths = {folderPath};
            q.filePathMatch = DataQuery::PathMatch::StartsWith;
        }
    } else {
        q.parentFolderPath = folderPath;
    }
    if (!m_name.isEmpty()) {
        q.filenames = {m_name};
        q.filenameMatch = m_nameMatch;
    }
    q.type = m_type;
    q.statuses = m_statuses;
    q.formatCodes = m_formatCodes;
    q.userTags = m_userTags;
    q.userTagMatch = m_userTagMatch;
    q.technicalTags = m_technicalTags;
    q.technicalTagMatch = m_technicalTagMatch;
    return q;
}

bool DataFilter::isListedFolder(const ProjectData &data, const QString &folderPath) {
    return data.isFolder() && data.path.compare(folderPath, Qt::CaseInsensitive) == 0;
}

QString DataFilter::validate() const {
    QStringList unknown;
    for (const QString &status : m_statuses) {
        if (!knownStatuses().contains(status))
            unknown.append(status);
    }
    if (!unknown.isEmpty())
        return tr("ICA does not know the status %1. Use one of %2.")
            .arg(quotedList(unknown), knownStatuses().join(QStringLiteral(", ")));
    if (m_name.contains(QLatin1Char('/')))
        return tr("A name cannot contain \"/\": the name filter looks at file and folder names "
                  "only. Open the folder instead, or paste the path into the composer.");
    return QString();
}

QString DataFilter::summary() const {
    QStringList parts;
    if (!m_name.isEmpty())
        parts.append(termDescription(tr("name"), {m_name}, m_nameMatch));
    if (m_type == DataQuery::Type::File)
        parts.append(tr("files only"));
    else if (m_type == DataQuery::Type::Folder)
        parts.append(tr("folders only"));
    if (!m_statuses.isEmpty())
        parts.append(tr("status %1").arg(m_statuses.join(tr(" or "))));
    if (!m_formatCodes.isEmpty())
        parts.append(tr("format %1").arg(m_formatCodes.join(tr(" or "))));
    if (!m_userTags.isEmpty())
        parts.append(termDescription(tr("user tag"), m_userTags, m_userTagMatch));
    if (!m_technicalTags.isEmpty())
        parts.append(termDescription(tr("technical tag"), m_technicalTags, m_technicalTagMatch));
    if (parts.isEmpty())
        return tr("no filter");
    QString text = parts.join(QStringLiteral(", "));
    if (isRecursiveListing())
        text += tr(", in all subfolders");
    return text;
}

bool operator==(const DataFilter &a, const DataFilter &b) {
    return a.m_name == b.m_name && a.m_nameMatch == b.m_nameMatch && a.m_type == b.m_type &&
           a.m_statuses == b.m_statuses && a.m_formatCodes == b.m_formatCodes &&
           a.m_userTags == b.m_userTags && a.m_userTagMatch == b.m_userTagMatch &&
           a.m_technicalTags == b.m_technicalTags &&
           a.m_technicalTagMatch == b.m_technicalTagMatch && a.m_recursive == b.m_recursive;
}

} // namespace ica
