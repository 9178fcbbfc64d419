#pragma once

#include "core/composer/draftdocument.h"
#include "core/composer/draftvalidator.h"
#include "core/composer/submitplan.h"

#include <QList>

namespace ica {

/// Everything the composer shows about a draft after an edit, computed in one go
/// from values only (no QObject, no shared state), so it can run on a worker
/// thread: at 100,000 IDs validating and planning takes tens of milliseconds,
/// which must not be spent on the GUI thread at every pause in typing.
struct DraftCheck {
    /// Which edit this check is of: the composer applies a result only while its
    /// generation is still the newest asked for (older ones are dropped).
    quint64 generation = 0;
    /// DraftValidator's report of the resolved draft, the path issues merged in
    /// (DraftPathResolution::merge()).
    ValidationReport report;
    /// What Submit would send for the resolved draft.
    SubmitPlan plan;
    /// Data IDs of the resolved draft, over all groups.
    qsizetype dataIds = 0;
    /// Batches a split would make (BatchSplitter::batchCount()).
    qsizetype batchesIfSplit = 0;
    /// For each issue of `report`, where the IDs it names are in the text: "(line 2)",
    /// "(lines 1, 5, …)", or "" (see addLineHints()).
    QStringList lineHints;

    /// Checks `resolved` (the draft as sent: paths replaced by their IDs) and merges
    /// `pathIssues` (DraftPathResolution::issues() of the draft as typed).
    [[nodiscard]] static DraftCheck run(const DraftDocument &resolved,
                                        const QList<ValidationIssue> &pathIssues,
                                        quint64 generation = 0,
                                        const DraftValidator::Options &options = {});
    /// Fills lineHints from each group's tokens as typed and their lines
    /// (IncrementalIdList::ids() and lines()): one pass over a group per issue.
    void addLineHints(const QList<QStringList> &typedIds, const QList<QList<int>> &typedLines);
    /// "(line 2)", "(lines 1, 5, …)" for `lines` (ascending; more than `shown`: "…").
    [[nodiscard]] static QString describeLines(const QList<int> &lines, int shown = 10);
};

} // namespace ica
