#pragma once

#include <QFuture>
#include <QList>
#include <QStringList>

namespace ica {

/// A long QStringList edited on the GUI thread while copies of it are read on
/// workers (a group's 100,000 IDs, shared with the draft check and the autosave),
/// which never copies the list on the GUI thread.
///
/// Why: an edit of a QStringList that a reader still shares copies it first
/// (detaches): at 100,000 IDs that took 10-20 ms of one keystroke, whenever the
/// keystroke came while a check or an autosave held the list. So this keeps a spare:
/// a private copy of the same strings, edited alongside the list. When an edit finds
/// the list shared, the spare takes its place (the readers keep the old one, which no
/// longer changes), and the next spare is copied from that old one on a worker; the
/// edits made meanwhile are logged and replayed onto it when it is taken in.
///
/// Lists shorter than SpareFrom are copied as usual (a few milliseconds at most).
/// The spare belongs to one instance: a copy of a SparedStringList has none.
class SparedStringList final {
public:
    /// From this many strings a spare is kept.
    static constexpr qsizetype SpareFrom = 20000;
    /// More edits than this logged while a spare is copied: it is dropped (replaying
    /// them would cost the keystroke that takes it in what the spare saves).
    static constexpr qsizetype MaxLoggedEdits = 16;

    SparedStringList() = default;
    SparedStringList(const SparedStringList &other);
    SparedStringList &operator=(const SparedStringList &other);
    // Written out: a moved-from QFuture may not even be asked isValid().
    SparedStringList(SparedStringList &&other) noexcept;
    SparedStringList &operator=(SparedStringList &&other) noexcept;
    ~SparedStringList();

    [[nodiscard]] const QStringList &list() const { return m_list; }
    /// Strings [begin, begin + removed) become `strings`.
    void splice(qsizetype begin, qsizetype removed, const QStringList &strings);
    /// Empties the list; the old strings and the spare are freed on a worker.
    void clear();
    /// Makes the spare now, on the calling thread (a worker that has just built the
    /// list, e.g. from a paste), so that the first shared edit already has one.
    void prepareSpare();

    /// True when a spare is ready or copied and waiting to be taken in (for tests).
    [[nodiscard]] bool hasSpare() const;
    /// Edits that found the list shared and used the spare instead of copying (for tests).
    [[nodiscard]] int spareSwaps() const { return m_swaps; }

private:
    struct Edit {
        qsizetype begin = 0;
        qsizetype removed = 0;
        QStringList strings;
    };
    static void apply(QStringList &list, const Edit &edit);
    /// Takes in a spare copied on a worker, once it is there, and replays the log.
    void adoptCopiedSpare();
    /// Starts copying `frozen` (a list shared with a reader, so unchanging) on a worker.
    void copySpareFrom(QStringList frozen);
    void dropSpare();

    QStringList m_list;
    QStringList m_spare;
    bool m_spareReady = false;
    QFuture<QStringList> m_copying; ///< the next spare, copied on a worker
    QList<Edit> m_log;              ///< edits since the list m_copying copies
    int m_swaps = 0;
};

} // namespace ica
