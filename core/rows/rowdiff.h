#pragma once

#include <QList>
#include <QtGlobal>

namespace ica {

/// The notifications that turn the rows a model shows into new rows, in the order a
/// model applies them (see KeyedRows, which computes and applies them):
///  1. removals: blocks of the rows shown, by their index before anything changed,
///     ascending; applied top to bottom, so a block's visible row is its index minus
///     the rows removed above it;
///  2. moves: one row at a time, in the order given, by visible positions at the time
///     of the move (Qt's beginMoveRows(): `to` is the row the moved row goes before,
///     counted before it left). Only rows off a longest run already in the new order
///     move, so a reorder costs the fewest moves there are, never a layoutChanged;
///  3. insertions: blocks by their final index, ascending, taking `count` values
///     from `source` on (an index into the values that came with the diff);
///  4. changes: final rows whose value differs (`columns`: bit i = column i shows
///     something else; 0 when only something unseen changed), ascending, valued from
///     `source`.
struct RowDiff {
    struct Span {
        int first = 0;
        int count = 0;
        int source = 0; ///< insertions only
    };
    struct Move {
        int from = 0;
        int to = 0;
    };
    struct Change {
        int row = 0;
        quint32 columns = 0;
        int source = 0;
    };
    QList<Span> removals;
    QList<Move> moves;
    QList<Span> insertions;
    QList<Change> changes;

    [[nodiscard]] bool isEmpty() const {
        return removals.isEmpty() && moves.isEmpty() && insertions.isEmpty() && changes.isEmpty();
    }
};

/// The structural part of a keyed diff (removals, moves, insertions; no changes):
/// `targetOfShown[i]` is the index in the new rows of the row shown at i, or -1 when
/// it goes; `targetCount` is the number of new rows (each target index at most once).
/// Insertions take their values from the new rows (`source` = final index).
/// O(n log n); meant for a worker thread.
[[nodiscard]] RowDiff structuralRowDiff(const QList<int> &targetOfShown, int targetCount);

/// Indices into `values` of one longest strictly increasing subsequence.
[[nodiscard]] QList<int> longestIncreasingRun(const QList<int> &values);

} // namespace ica
