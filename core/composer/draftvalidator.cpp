#include "core/composer/draftvalidator.h"

#include "core/composer/batchsplitter.h"
#include "core/composer/idlistparser.h"

#include <QHash>
#include <QLocale>
#include <QObject>
#include <QSet>

#include <algorithm>

namespace ica {

namespace {

using Severity = ValidationIssue::Severity;

/// "'a', 'b', 'c' and 4 more"
QString nameSome(const QStringList &names, int shown) {
    QStringList quoted;
    for (qsizetype i = 0; i < names.size() && i < shown; ++i)
        quoted.append(QLatin1Char('\'') + names.at(i) + QLatin1Char('\''));
    QString text = quoted.join(QStringLiteral(", "));
    if (names.size() > shown)
        text = QObject::tr("%1 and %2 more").arg(text).arg(names.size() - shown);
    return text;
}

/// "5,000": thousands grouped the way the ICA documentation writes limits.
QString number(qsizetype n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(qlonglong(n));
}

/// `one` for 1, else `many` with %1 the number.
QString plural(qsizetype n, const QString &one, const QString &many) {
    return n == 1 ? one : many.arg(number(n));
}

class Checker {
public:
    Checker(const DraftDocument &draft, const DraftValidator::Options &options)
        : m_draft(draft)
        , m_options(options)
        , m_now(options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc()) {}

    ValidationReport run() {
        checkDraft();
        for (int g = 0; g < m_draft.groups.size(); ++g)
            checkGroup(g, m_draft.groups.at(g));
        checkAcrossGroups();
        m_report.sortIssues();
        return m_report;
    }

private:
    void add(Severity severity, IssueCode code, int group, DraftField field, const QString &message,
             const QStringList &subjects = {}, IssueFix fix = IssueFix::None) {
        m_report.issues.append(
            ValidationIssue{severity, code, group, field, message, subjects, fix});
    }

    QString some(const QStringList &names) const { return nameSome(names, m_options.namesShown); }

    void checkDraft() {
        if (m_draft.projectId.isEmpty())
            add(Severity::Error, IssueCode::NoProject, -1, DraftField::Project,
                QObject::tr("No project is chosen: pick the project that holds the data."));
        if (m_draft.groups.isEmpty()) {
            add(Severity::Error, IssueCode::NoGroups, -1, DraftField::Draft,
                QObject::tr("The draft has no update group: add a group with data IDs and the "
                            "changes to make."));
            return;
        }
        const qsizetype total = m_draft.dataIdCount();
        if (m_draft.splitAccepted)
            return;
        const qsizetype batches = BatchSplitter::batchCount(m_draft.toRequest());
        if (total > BatchLimits::MaxIds) {
            add(Severity::Error, IssueCode::HardLimit, -1, DraftField::Draft,
                QObject::tr("%1 data IDs in all: ICA refuses more than %2 in one batch. Split "
                            "the draft into %3 batches of at most %4 IDs to send it.")
                    .arg(number(total), number(BatchLimits::MaxIds), number(batches),
                         number(BatchLimits::AdvisedMaxIds)),
                {}, IssueFix::SplitBatches);
        } else if (total > BatchLimits::AdvisedMaxIds) {
            add(Severity::Warning, IssueCode::AdvisedLimit, -1, DraftField::Draft,
                QObject::tr("%1 data IDs in all: ICA advises at most %2 per batch. Split the "
                            "draft into %3 batches to follow that advice.")
                    .arg(number(total), number(BatchLimits::AdvisedMaxIds), number(batches)),
                {}, IssueFix::SplitBatches);
        }
    }

    void checkGroup(int g, const DataUpdateGroup &group) {
        checkIds(g, group);
        if (group.changesNothing())
            add(Severity::Error, IssueCode::NoChanges, g, DraftField::Group,
                QObject::tr("This group changes nothing: add or remove a tag, or set or clear a "
                            "date."));
        checkTags(g, DraftField::UserTags, group.userTags);
        checkTags(g, DraftField::TechnicalTags, group.technicalTags);
        checkDate(g, DraftField::ArchiveDate, group, group.willBeArchivedAt,
                  group.clearWillBeArchivedAt);
        checkDate(g, DraftField::DeleteDate, group, group.willBeDeletedAt,
                  group.clearWillBeDeletedAt);
    }

    void checkIds(int g, const DataUpdateGroup &group) {
        if (group.dataIds.isEmpty()) {
            add(Severity::Error, IssueCode::EmptyGroup, g, DraftField::DataIds,
                QObject::tr("No data IDs: paste or type IDs (fil.… or fol.…), import a file, or "
                            "remove the group."));
            return;
        }
        QStringList malformed, tooLong, repeated;
        QSet<QString> seen, repeatedSeen; // sets: a list may hold 100,000 IDs
        seen.reserve(group.dataIds.size());
        for (const QString &id : group.dataIds) {
            if (seen.contains(id)) {
                if (!repeatedSeen.contains(id)) {
                    repeatedSeen.insert(id);
                    repeated.append(id);
                }
                continue;
            }
            seen.insert(id);
            if (id.size() > IdListParser::MaxIdLength)
                tooLong.append(id);
            else if (!IdListParser::isWellFormed(id))
                malformed.append(id);
        }
        if (!tooLong.isEmpty())
            add(Severity::Error, IssueCode::IdTooLong, g, DraftField::DataIds,
                QObject::tr("Longer than %1 characters, which ICA refuses: %2. Check that the "
                            "IDs are separated by spaces, commas or new lines.")
                    .arg(IdListParser::MaxIdLength)
                    .arg(some(tooLong)),
                tooLong);
        if (!malformed.isEmpty())
            add(Severity::Warning, IssueCode::MalformedId, g, DraftField::DataIds,
                QObject::tr("Not shaped like fil.… or fol.… with 32 hex digits: %1. Check for "
                            "typos; ICA fails the items of IDs it does not know.")
                    .arg(some(malformed)),
                malformed);
        if (!repeated.isEmpty())
            add(Severity::Warning, IssueCode::DuplicateId, g, DraftField::DataIds,
                QObject::tr("Listed more than once: %1. Drop the duplicates so each item is "
                            "updated once.")
                    .arg(some(repeated)),
                repeated, IssueFix::DropDuplicates);
    }

    void checkTags(int g, DraftField field, const TagUpdate &tags) {
        QStringList blank, padded, repeated;
        const auto scanList = [&](const QStringList &list) {
            QSet<QString> seen;
            for (const QString &tag : list) {
                const QString trimmed = tag.trimmed();
                if (trimmed.isEmpty()) {
                    blank.append(tag);
                    continue;
                }
                if (trimmed != tag && !padded.contains(tag))
                    padded.append(tag);
                if (seen.contains(trimmed) && !repeated.contains(trimmed))
                    repeated.append(trimmed);
                seen.insert(trimmed);
            }
        };
        scanList(tags.addTags);
        scanList(tags.removeTags);
        QStringList both;
        for (const QString &tag : tags.addTags) {
            const QString trimmed = tag.trimmed();
            if (trimmed.isEmpty() || both.contains(trimmed))
                continue;
            for (const QString &removed : tags.removeTags)
                if (removed.trimmed() == trimmed) {
                    both.append(trimmed);
                    break;
                }
        }
        // A tag in both lists is reported as that, not also as a repeat.
        repeated.erase(std::remove_if(repeated.begin(), repeated.end(),
                                      [&both](const QString &t) { return both.contains(t); }),
                       repeated.end());
        if (!both.isEmpty())
            add(Severity::Error, IssueCode::TagAddedAndRemoved, g, field,
                QObject::tr("Both added and removed: %1. Keep each tag in one list only.")
                    .arg(some(both)),
                both);
        if (!blank.isEmpty())
            add(Severity::Error, IssueCode::BlankTag, g, field,
                QObject::tr("%1, which ICA refuses: trim the tags to drop blank ones.")
                    .arg(plural(blank.size(), QObject::tr("A blank tag"),
                                QObject::tr("%1 blank tags"))),
                blank, IssueFix::TrimTags);
        if (!padded.isEmpty())
            add(Severity::Warning, IssueCode::PaddedTag, g, field,
                QObject::tr("Spaces around %1 would become part of the tag: trim the tags.")
                    .arg(some(padded)),
                padded, IssueFix::TrimTags);
        if (!repeated.isEmpty())
            add(Severity::Warning, IssueCode::DuplicateTag, g, field,
                QObject::tr("Listed more than once: %1. Trim the tags to keep one of each.")
                    .arg(some(repeated)),
                repeated, IssueFix::TrimTags);
    }

    void checkDate(int g, DraftField field, const DataUpdateGroup &group, const QDateTime &date,
                   bool clear) {
        if (!date.isValid())
            return;
        const QString name = field == DraftField::ArchiveDate ? QObject::tr("An archive date")
                                                              : QObject::tr("A delete date");
        if (clear)
            add(Severity::Error, IssueCode::DateSetAndCleared, g, field,
                QObject::tr("%1 is both set and cleared: untick \"clear\" to set it, or unset the "
                            "date to clear it.")
                    .arg(name));
        QStringList folders;
        QSet<QString> folderSet;
        for (const QString &id : group.dataIds)
            if (IdListParser::isFolderId(id) && !folderSet.contains(id)) {
                folderSet.insert(id);
                folders.append(id);
            }
        if (!folders.isEmpty())
            add(Severity::Error, IssueCode::DateOnFolder, g, field,
                QObject::tr("%1 cannot be set on folders (%2). Move the folder IDs to a group "
                            "without dates, or unset the date.")
                    .arg(name, some(folders)),
                folders);
        if (date < m_now)
            add(Severity::Warning, IssueCode::DateInPast, g, field,
                QObject::tr("%1 of %2 UTC is in the past: ICA will act on it at once. Pick a later "
                            "date if that is not what you want.")
                    .arg(name, date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }

    void checkAcrossGroups() {
        if (m_draft.groups.size() < 2)
            return;
        QHash<QString, int> firstGroup;
        QList<QStringList> sharedPerGroup(m_draft.groups.size());
        QList<QList<int>> otherGroups(m_draft.groups.size());
        for (int g = 0; g < m_draft.groups.size(); ++g) {
            QSet<QString> inThisGroup;
            for (const QString &id : m_draft.groups.at(g).dataIds) {
                if (inThisGroup.contains(id))
                    continue;
                inThisGroup.insert(id);
                const auto it = firstGroup.constFind(id);
                if (it == firstGroup.constEnd()) {
                    firstGroup.insert(id, g);
                    continue;
                }
                sharedPerGroup[g].append(id);
                if (!otherGroups[g].contains(it.value()))
                    otherGroups[g].append(it.value());
            }
        }
        for (int g = 0; g < m_draft.groups.size(); ++g) {
            if (sharedPerGroup.at(g).isEmpty())
                continue;
            QStringList groupNames;
            for (int other : otherGroups.at(g))
                groupNames.append(QString::number(other + 1));
            add(Severity::Warning, IssueCode::IdInOtherGroup, g, DraftField::DataIds,
                QObject::tr("Also in group %2: %1. Each group makes its own item, so both sets of "
                            "changes apply. Remove the ID from one group if that is not meant.")
                    .arg(some(sharedPerGroup.at(g)), groupNames.join(QStringLiteral(", "))),
                sharedPerGroup.at(g));
        }
    }

    const DraftDocument &m_draft;
    DraftValidator::Options m_options;
    QDateTime m_now;
    ValidationReport m_report;
};

} // namespace

QString ValidationIssue::fieldName(DraftField field) {
    switch (field) {
    case DraftField::Draft:
        return QObject::tr("Draft");
    case DraftField::Project:
        return QObject::tr("Project");
    case DraftField::Group:
        return QObject::tr("Changes");
    case DraftField::DataIds:
        return QObject::tr("Data IDs");
    case DraftField::UserTags:
        return QObject::tr("User tags");
    case DraftField::TechnicalTags:
        return QObject::tr("Technical tags");
    case DraftField::ArchiveDate:
        return QObject::tr("Archive date");
    case DraftField::DeleteDate:
        return QObject::tr("Delete date");
    }
    return {};
}

QString ValidationIssue::location() const {
    if (group < 0)
        return fieldName(field);
    return QObject::tr("Group %1 · %2").arg(group + 1).arg(fieldName(field));
}

int ValidationReport::errorCount() const {
    return int(std::count_if(issues.cbegin(), issues.cend(),
                             [](const ValidationIssue &i) { return i.isError(); }));
}

int ValidationReport::warningCount() const {
    return int(issues.size()) - errorCount();
}

QList<ValidationIssue> ValidationReport::issuesFor(int group, DraftField field) const {
    QList<ValidationIssue> found;
    for (const ValidationIssue &issue : issues)
        if (issue.group == group && issue.field == field)
            found.append(issue);
    return found;
}

bool ValidationReport::offersFix(IssueFix fix) const {
    return std::any_of(issues.cbegin(), issues.cend(),
                       [fix](const ValidationIssue &i) { return i.fix == fix; });
}

bool ValidationReport::contains(IssueCode code) const {
    return std::any_of(issues.cbegin(), issues.cend(),
                       [code](const ValidationIssue &i) { return i.code == code; });
}

QString ValidationReport::headline() const {
    const int errors = errorCount();
    const int warnings = warningCount();
    if (errors == 0 && warnings == 0)
        return QObject::tr("No problems found.");
    QStringList parts;
    if (errors > 0)
        parts.append(plural(errors, QObject::tr("1 error"), QObject::tr("%1 errors")));
    if (warnings > 0)
        parts.append(plural(warnings, QObject::tr("1 warning"), QObject::tr("%1 warnings")));
    QString text = parts.join(QStringLiteral(", "));
    if (errors > 0)
        text += QObject::tr(": fix the errors to submit.");
    else
        text += QLatin1Char('.');
    return text;
}

void ValidationReport::sortIssues() {
    std::stable_sort(issues.begin(), issues.end(),
                     [](const ValidationIssue &a, const ValidationIssue &b) {
                         if (a.isError() != b.isError())
                             return a.isError();
                         if (a.group != b.group)
                             return a.group < b.group;
                         return int(a.field) < int(b.field);
                     });
}

ValidationReport DraftValidator::validate(const DraftDocument &draft) {
    return validate(draft, Options{});
}

ValidationReport DraftValidator::validate(const DraftDocument &draft, const Options &options) {
    return Checker(draft, options).run();
}

} // namespace ica
