#pragma once

#include "core/api/queries.h"
#include "core/domain/projectdata.h"

#include <QString>
#include <QStringList>

namespace ica {

/// What the data browser asks ICA for besides the folder: the server-side filters
/// of the project data listing (name, type, status, format, user and technical
/// tags with ICA's match modes) and whether to search below the folder. A plain
/// value without Qt objects: the ui edits a copy and hands it to
/// DataBrowserModel::setFilter() or MatchCollector::start().
///
/// Every setter normalizes its input (trims, drops empty entries and repeats) and
/// returns true when the value changed. Nothing typed is thrown away: input that
/// ICA would refuse (an unknown status, say) is kept and named by validate().
class DataFilter final {
public:
    /// The data statuses ICA filters on, in its lifecycle order.
    [[nodiscard]] static const QStringList &knownStatuses();

    // Name: ICA's filename filter (FUZZY: contains, case-insensitive; EXACT: equals;
    // EXCLUDE: everything but that name).
    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] MatchMode nameMatch() const { return m_nameMatch; }
    bool setName(const QString &name);
    bool setNameMatch(MatchMode mode);

    [[nodiscard]] DataQuery::Type type() const { return m_type; }
    bool setType(DataQuery::Type type);

    /// Data statuses (AVAILABLE, ARCHIVED, ...; upper-cased). Empty: every status.
    [[nodiscard]] const QStringList &statuses() const { return m_statuses; }
    bool setStatuses(const QStringList &statuses);

    /// Format codes (BAM, FASTQ, ...; upper-cased). Empty: every format.
    [[nodiscard]] const QStringList &formatCodes() const { return m_formatCodes; }
    bool setFormatCodes(const QStringList &codes);

    // Tags: EXACT (carries one of them), FUZZY (a tag contains one of them,
    // case-insensitive) or EXCLUDE (carries none of them). Tags are case-sensitive.
    [[nodiscard]] const QStringList &userTags() const { return m_userTags; }
    [[nodiscard]] MatchMode userTagMatch() const { return m_userTagMatch; }
    bool setUserTags(const QStringList &tags);
    bool setUserTagMatch(MatchMode mode);
    [[nodiscard]] const QStringList &technicalTags() const { return m_technicalTags; }
    [[nodiscard]] MatchMode technicalTagMatch() const { return m_technicalTagMatch; }
    bool setTechnicalTags(const QStringList &tags);
    bool setTechnicalTagMatch(MatchMode mode);

    /// Search below the folder (every depth) instead of listing just the folder.
    /// Only takes effect while hasSearchTerms(): a recursive listing without a
    /// search term would be the whole subtree, which is not what "browse" means.
    [[nodiscard]] bool recursive() const { return m_recursive; }
    bool setRecursive(bool recursive);

    /// Back to "everything in the folder"; the recursive choice is kept.
    bool clear();

    /// No filter at all (the recursive flag aside).
    [[nodiscard]] bool isEmpty() const;
    /// A name, tag, status or format term is set (the type alone does not count).
    [[nodiscard]] bool hasSearchTerms() const;
    /// recursive() && hasSearchTerms(): the listing covers the folder's whole subtree.
    [[nodiscard]] bool isRecursiveListing() const { return m_recursive && hasSearchTerms(); }

    /// The listing of `folderPath` ("/a/b/") with this filter, without paging:
    /// parentFolderPath for one folder, or filePath STARTS_WITH the folder for a
    /// recursive listing (none for a recursive listing of the root).
    [[nodiscard]] DataQuery query(const QString &folderPath) const;
    /// True for the folder itself, which a recursive listing (STARTS_WITH its own
    /// path) returns too and the browser leaves out.
    [[nodiscard]] static bool isListedFolder(const ProjectData &data, const QString &folderPath);

    /// What ICA would refuse, as a sentence that says what to do; empty when fine.
    [[nodiscard]] QString validate() const;
    /// A short description for a status bar: "name contains \"bam\", user tag is qc-passed".
    [[nodiscard]] QString summary() const;

    friend bool operator==(const DataFilter &a, const DataFilter &b);
    friend bool operator!=(const DataFilter &a, const DataFilter &b) { return !(a == b); }

private:
    QString m_name;
    MatchMode m_nameMatch = MatchMode::Fuzzy;
    DataQuery::Type m_type = DataQuery::Type::Any;
    QStringList m_statuses;
    QStringList m_formatCodes;
    QStringList m_userTags;
    MatchMode m_userTagMatch = MatchMode::Exact;
    QStringList m_technicalTags;
    MatchMode m_technicalTagMatch = MatchMode::Exact;
    bool m_recursive = false;
};

/// Trimmed, without empty entries and repeats (first kept), optionally upper-cased.
[[nodiscard]] QStringList cleanedTerms(const QStringList &terms, bool upperCase = false);

} // namespace ica
