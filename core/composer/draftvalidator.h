#pragma once

#include "core/composer/draftdocument.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ica {

/// The part of a draft an issue concerns, so the composer can show it at the field.
enum class DraftField {
    Draft,         ///< the draft as a whole (limits, no groups)
    Project,       ///< the project picker
    Group,         ///< a group as a whole (it changes nothing)
    DataIds,       ///< a group's data IDs
    UserTags,      ///< a group's user tags (to add or to remove)
    TechnicalTags, ///< a group's technical tags
    ArchiveDate,   ///< willBeArchivedAt / clearWillBeArchivedAt
    DeleteDate,    ///< willBeDeletedAt / clearWillBeDeletedAt
};

/// A one-click repair the composer can offer for an issue (see DraftFixes).
enum class IssueFix {
    None,
    DropDuplicates, ///< drop repeated IDs within each group
    TrimTags,       ///< trim tags, drop blank and repeated ones
    SplitBatches,   ///< send as several batches of at most 5,000 IDs
};

/// What is wrong; stable for tests and for code that reacts to one kind.
enum class IssueCode {
    NoProject,
    NoGroups,
    EmptyGroup,
    NoChanges,
    MalformedId,
    IdTooLong,
    DuplicateId,
    IdInOtherGroup,
    TagAddedAndRemoved,
    BlankTag,
    PaddedTag,
    DuplicateTag,
    DateOnFolder,
    DateSetAndCleared,
    DateInPast,
    AdvisedLimit, ///< more than 5,000 IDs, not split
    HardLimit,    ///< more than 100,000 IDs, not split
    // Project paths in the ID lists (DraftPathResolution, not DraftValidator):
    PathsPending,     ///< paths still being looked up; submit waits
    PathsUnresolved,  ///< paths that name nothing; left out of the batch
    PathLookupFailed, ///< the lookup call failed; retried on the next change
};

/// One finding of DraftValidator.
struct ValidationIssue {
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    IssueCode code = IssueCode::NoGroups;
    int group = -1; ///< 0-based group index; -1 for the draft as a whole
    DraftField field = DraftField::Draft;
    QString message;      ///< what is wrong and what to do, one or two sentences
    QStringList subjects; ///< the IDs or tags concerned (all of them)
    IssueFix fix = IssueFix::None;

    [[nodiscard]] bool isError() const { return severity == Severity::Error; }
    /// "Group 2 · Data IDs", "Project", "Draft".
    [[nodiscard]] QString location() const;
    /// A field's display name: "Data IDs", "User tags", "Archive date", ...
    [[nodiscard]] static QString fieldName(DraftField field);
};

/// All findings for one draft, errors first, then in group and field order.
struct ValidationReport {
    QList<ValidationIssue> issues;

    [[nodiscard]] bool hasErrors() const { return errorCount() > 0; }
    [[nodiscard]] int errorCount() const;
    [[nodiscard]] int warningCount() const;
    /// The issues shown at one field (group -1 with Draft/Project for draft-wide ones).
    [[nodiscard]] QList<ValidationIssue> issuesFor(int group, DraftField field) const;
    [[nodiscard]] bool offersFix(IssueFix fix) const;
    [[nodiscard]] bool contains(IssueCode code) const;
    /// "2 errors, 1 warning" / "No problems found".
    [[nodiscard]] QString headline() const;
    /// Puts the issues in the order they are shown: errors first, then by group and
    /// field (stable: the order of finding is kept within a field).
    void sortIssues();
};

/// Checks a draft against ICA's rules and the mistakes people make, as you type.
/// Pure: the same draft and options give the same report.
class DraftValidator final {
public:
    struct Options {
        /// "Now" for dates in the past; invalid: the current time.
        QDateTime now;
        /// IDs or tags listed by name in a message at most (the rest are counted).
        int namesShown = 3;
    };

    [[nodiscard]] static ValidationReport validate(const DraftDocument &draft);
    [[nodiscard]] static ValidationReport validate(const DraftDocument &draft,
                                                   const Options &options);
};

} // namespace ica
