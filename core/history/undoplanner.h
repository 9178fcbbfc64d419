#pragma once

#include "core/domain/batch.h"
#include "core/domain/undosnapshot.h"

#include <QHash>
#include <QList>

namespace ica {

/// One item the undo changes: how it is now and how it will be after the undo.
struct UndoRow {
    DataState now;
    DataState after;
    /// Parts of the batch's change on it that are not reverted, and why (someone
    /// else changed them since); empty when everything is reverted.
    QString note;
};

/// An item the undo leaves alone, and why.
struct UndoSkip {
    enum class Reason {
        FailedInBatch,  ///< the item FAILED in the batch: the batch changed nothing
        Missing,        ///< the data did not exist before the batch, or does not now
        NotProcessed,   ///< the batch has no finished item for it
        ChangedSince,   ///< everything the batch did here was changed again since
        NothingChanged, ///< the batch changed nothing here (tags already there, ...)
        NotRestorable,  ///< folder contents the folder's recursive undo cannot restore
    };
    QString dataId;
    QString name;
    Reason reason = Reason::Missing;
    QString why; ///< a sentence for people
};

/// The inverse of a batch: a request that reverts what it did, and what it skips.
struct UndoPlan {
    CreateBatchRequest request; ///< one group per distinct inverse change
    QList<UndoRow> rows;        ///< in request order of the original batch
    QList<UndoSkip> skipped;
    /// Sentences about what cannot be restored at all (folders whose contents were
    /// not listed).
    QStringList warnings;

    [[nodiscard]] qsizetype count(UndoSkip::Reason reason) const;
    /// "3 groups, 1,990 items to restore, 10 skipped (5 failed in the batch, ...)".
    [[nodiscard]] QString summary() const;
};

/// Builds the inverse of a batch from its snapshot (the state before), the final
/// statuses of its items and the data's current state. Pure and deterministic:
///  - tags the batch added that were not there before are removed, tags it removed
///    that were there before are added back; dates it set or cleared are restored
///    (set to the old value, or cleared);
///  - only what the batch did is reverted: a tag it added that is gone already, a
///    removed tag that is back, or a date changed again since, is left as it is now
///    and reported;
///  - items that FAILED in the batch, or that have no finished item, are left out;
///  - items needing the same inverse change share one group;
///  - a folder's undo is applied by ICA to its contents too (recursively, like the
///    batch): contents recorded in the snapshot whose tags would not come back
///    exactly are reported as NotRestorable; dates of content files are restored
///    one by one (dates are never set on folders).
class UndoPlanner final {
public:
    /// `statuses`: each data ID's item status in the batch(es); `current`: the data
    /// now, by ID (an ID absent here no longer exists).
    [[nodiscard]] static UndoPlan plan(const UndoSnapshot &snapshot,
                                       const QHash<QString, ItemStatus> &statuses,
                                       const QHash<QString, DataState> &current);
};

} // namespace ica
