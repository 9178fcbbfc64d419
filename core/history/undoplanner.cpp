#include "core/history/undoplanner.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

namespace ica {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ica::UndoPlanner", text);
}

/// A date change: none, set to a value, or cleared.
struct DateOp {
    enum Kind { None, Set, Clear } kind = None;
    QDateTime value;

    [[nodiscard]] QString key() const {
        return kind == None    ? QString()
               : kind == Clear ? QStringLiteral("-")
                               : value.toString(Qt::ISODateWithMs);
    }
};

/// The change a batch makes on one data item, or the inverse the undo makes.
struct Change {
    QStringList userAdd, userRemove, techAdd, techRemove;
    DateOp archive, remove;

    [[nodiscard]] bool tagsEmpty() const {
        return userAdd.isEmpty() && userRemove.isEmpty() && techAdd.isEmpty() &&
               techRemove.isEmpty();
    }
    [[nodiscard]] bool datesEmpty() const {
        return archive.kind == DateOp::None && remove.kind == DateOp::None;
    }
    [[nodiscard]] bool isEmpty() const { return tagsEmpty() && datesEmpty(); }
    /// Equal for changes that belong in one group.
    [[nodiscard]] QString key() const {
        const QChar sep(0x1f);
        return QStringList{userAdd.join(sep),    userRemove.join(sep), techAdd.join(sep),
                           techRemove.join(sep), archive.key(),        remove.key()}
            .join(QChar(0x1e));
    }
};

void appendNew(QStringList &list, const QStringList &more) {
    for (const QString &s : more) {
        if (!list.contains(s))
            list.append(s);
    }
}

DateOp dateOpOf(const QDateTime &set, bool clear) {
    if (clear)
        return {DateOp::Clear, {}};
    if (set.isValid())
        return {DateOp::Set, set};
    return {};
}

/// Merges a group's changes into what the batch does on one item (an item in two
/// groups gets both; a later date wins, as it is unknown which ICA applied last).
void mergeGroup(Change &c, const DataUpdateGroup &g) {
    appendNew(c.userAdd, g.userTags.addTags);
    appendNew(c.userRemove, g.userTags.removeTags);
    appendNew(c.techAdd, g.technicalTags.addTags);
    appendNew(c.techRemove, g.technicalTags.removeTags);
    const DateOp a = dateOpOf(g.willBeArchivedAt, g.clearWillBeArchivedAt);
    if (a.kind != DateOp::None)
        c.archive = a;
    const DateOp d = dateOpOf(g.willBeDeletedAt, g.clearWillBeDeletedAt);
    if (d.kind != DateOp::None)
        c.remove = d;
}

/// Applies a change as ICA does (removals, then additions; dates on files only).
DataState applied(DataState s, const Change &c) {
    for (const QString &t : c.userRemove)
        s.userTags.removeAll(t);
    appendNew(s.userTags, c.userAdd);
    for (const QString &t : c.techRemove)
        s.technicalTags.removeAll(t);
    appendNew(s.technicalTags, c.techAdd);
    if (!s.folder) {
        if (c.archive.kind != DateOp::None)
            s.willBeArchivedAt = c.archive.kind == DateOp::Set ? c.archive.value : QDateTime();
        if (c.remove.kind != DateOp::None)
            s.willBeDeletedAt = c.remove.kind == DateOp::Set ? c.remove.value : QDateTime();
    }
    return s;
}

/// The inverse of the tag part of `c` for one tag kind; `notes` gets what is skipped.
void invertTags(const QStringList &added, const QStringList &removed, const QStringList &before,
                const QStringList &now, const QString &kind, QStringList *undoAdd,
                QStringList *undoRemove, QStringList *notes) {
    for (const QString &t : added) {
        if (before.contains(t))
            continue; // it was there before: the batch changed nothing
        if (now.contains(t))
            undoRemove->append(t);
        else
            notes->append(tr("%1 tag \"%2\" was already removed since").arg(kind, t));
    }
    for (const QString &t : removed) {
        if (!before.contains(t) || added.contains(t))
            continue;
        if (!now.contains(t))
            undoAdd->append(t);
        else
            notes->append(tr("%1 tag \"%2\" was added back since").arg(kind, t));
    }
}

QString dateText(const QDateTime &d) {
    return d.isValid() ? formatDateTime(d) : tr("none");
}

/// The inverse of one date change; `notes` gets why it is skipped.
DateOp invertDate(const DateOp &op, const QDateTime &before, const QDateTime &now,
                  const QString &what, QStringList *notes) {
    if (op.kind == DateOp::None)
        return {};
    const QDateTime after = op.kind == DateOp::Set ? op.value : QDateTime();
    if (after == before)
        return {}; // the batch left it as it was
    if (now != after) {
        notes->append(
            tr("the %1 date was changed since (now %2): left as it is").arg(what, dateText(now)));
        return {};
    }
    return before.isValid() ? DateOp{DateOp::Set, before} : DateOp{DateOp::Clear, {}};
}

Change invert(const Change &c, const DataState &before, const DataState &now, bool dates,
              QStringList *notes) {
    Change inverse;
    invertTags(c.userAdd, c.userRemove, before.userTags, now.userTags, tr("user"), &inverse.userAdd,
               &inverse.userRemove, notes);
    invertTags(c.techAdd, c.techRemove, before.technicalTags, now.technicalTags, tr("technical"),
               &inverse.techAdd, &inverse.techRemove, notes);
    if (dates && !before.folder) {
        inverse.archive = invertDate(c.archive, before.willBeArchivedAt, now.willBeArchivedAt,
                                     tr("archive"), notes);
        inverse.remove =
            invertDate(c.remove, before.willBeDeletedAt, now.willBeDeletedAt, tr("delete"), notes);
    }
    return inverse;
}

DataUpdateGroup groupOf(const Change &c) {
    DataUpdateGroup g;
    g.userTags.addTags = c.userAdd;
    g.userTags.removeTags = c.userRemove;
    g.technicalTags.addTags = c.techAdd;
    g.technicalTags.removeTags = c.techRemove;
    if (c.archive.kind == DateOp::Set)
        g.willBeArchivedAt = c.archive.value;
    g.clearWillBeArchivedAt = c.archive.kind == DateOp::Clear;
    if (c.remove.kind == DateOp::Set)
        g.willBeDeletedAt = c.remove.value;
    g.clearWillBeDeletedAt = c.remove.kind == DateOp::Clear;
    return g;
}

/// Collects groups by inverse change, in the order their first item comes.
class GroupBuilder {
public:
    void add(const QString &id, const Change &c) {
        const QString key = c.key();
        auto it = m_byKey.find(key);
        if (it == m_byKey.end()) {
            it = m_byKey.insert(key, m_request.dataUpdateGroups.size());
            m_request.dataUpdateGroups.append(groupOf(c));
        }
        m_request.dataUpdateGroups[*it].dataIds.append(id);
    }
    CreateBatchRequest take() { return std::move(m_request); }

private:
    CreateBatchRequest m_request;
    QHash<QString, qsizetype> m_byKey;
};

/// Why an item without a finished, successful item is skipped; empty when it is not.
std::optional<UndoSkip::Reason> statusSkip(const QHash<QString, ItemStatus> &statuses,
                                           const QString &id) {
    const auto it = statuses.constFind(id);
    if (it == statuses.constEnd() || !it->isTerminal())
        return UndoSkip::Reason::NotProcessed;
    if (it->value() == ItemStatus::Failed)
        return UndoSkip::Reason::FailedInBatch;
    return std::nullopt;
}

QString reasonText(UndoSkip::Reason reason) {
    switch (reason) {
    case UndoSkip::Reason::FailedInBatch:
        return tr("failed in the batch: the batch did not change it");
    case UndoSkip::Reason::Missing:
        return tr("does not exist");
    case UndoSkip::Reason::NotProcessed:
        return tr("the batch has no finished item for it");
    case UndoSkip::Reason::ChangedSince:
        return tr("changed by someone else since");
    case UndoSkip::Reason::NothingChanged:
        return tr("the batch changed nothing on it");
    case UndoSkip::Reason::NotRestorable:
        return tr("cannot be restored exactly");
    }
    return {};
}

} // namespace

qsizetype UndoPlan::count(UndoSkip::Reason reason) const {
    qsizetype n = 0;
    for (const UndoSkip &s : skipped)
        n += s.reason == reason ? 1 : 0;
    return n;
}

QString UndoPlan::summary() const {
    const QLocale locale;
    QString text = tr("%1 groups, %2 items to restore")
                       .arg(locale.toString(request.dataUpdateGroups.size()),
                            locale.toString(request.dataIdCount()));
    if (skipped.isEmpty())
        return text;
    QStringList parts;
    for (const auto reason : {UndoSkip::Reason::FailedInBatch, UndoSkip::Reason::Missing,
                              UndoSkip::Reason::NotProcessed, UndoSkip::Reason::ChangedSince,
                              UndoSkip::Reason::NothingChanged, UndoSkip::Reason::NotRestorable}) {
        const qsizetype n = count(reason);
        if (n > 0)
            parts.append(QStringLiteral("%1 %2").arg(locale.toString(n), reasonText(reason)));
    }
    return text + tr(", %1 skipped (%2)")
                      .arg(locale.toString(skipped.size()), parts.join(QStringLiteral("; ")));
}

UndoPlan UndoPlanner::plan(const UndoSnapshot &snapshot, const QHash<QString, ItemStatus> &statuses,
                           const QHash<QString, DataState> &current) {
    UndoPlan plan;
    QHash<QString, Change> changes;
    for (const DataUpdateGroup &g : snapshot.request.dataUpdateGroups) {
        for (const QString &id : g.dataIds)
            mergeGroup(changes[id], g);
    }
    const auto skip = [&plan](const DataState &s, UndoSkip::Reason reason, const QString &why) {
        plan.skipped.append({s.id, s.path.isEmpty() ? s.name : s.path, reason,
                             why.isEmpty() ? reasonText(reason) : why});
    };
    for (const QString &id : snapshot.missing) {
        DataState s;
        s.id = id;
        const std::optional<UndoSkip::Reason> r = statusSkip(statuses, id);
        skip(s, r == UndoSkip::Reason::FailedInBatch ? *r : UndoSkip::Reason::Missing,
             r == UndoSkip::Reason::FailedInBatch ? QString()
                                                  : tr("did not exist when the batch was sent"));
    }
    for (const QString &folder : snapshot.foldersNotListed)
        plan.warnings.append(tr("The contents of folder %1 were not recorded (too many to list): "
                                "ICA applies the undo to them as it applied the batch, so what "
                                "they had before is not restored exactly.")
                                 .arg(folder));

    GroupBuilder groups;
    QHash<QString, Change> folderUndo; // folder ID -> the inverse sent for it
    QSet<QString> skippedFolders;      // named folders the undo does not send
    for (const DataState &before : snapshot.items) {
        if (!before.viaFolder.isEmpty())
            continue; // folder contents: below, once every folder's undo is known
        if (const auto r = statusSkip(statuses, before.id)) {
            skip(before, *r, {});
            skippedFolders.insert(before.id);
            continue;
        }
        const auto now = current.constFind(before.id);
        if (now == current.constEnd()) {
            skip(before, UndoSkip::Reason::Missing, tr("no longer exists"));
            skippedFolders.insert(before.id);
            continue;
        }
        QStringList notes;
        const Change inverse = invert(changes.value(before.id), before, *now, true, &notes);
        if (inverse.isEmpty()) {
            skip(before,
                 notes.isEmpty() ? UndoSkip::Reason::NothingChanged
                                 : UndoSkip::Reason::ChangedSince,
                 notes.isEmpty() ? QString()
                                 : tr("changed by someone else since: %1")
                                       .arg(notes.join(QStringLiteral("; "))));
            skippedFolders.insert(before.id);
            continue;
        }
        groups.add(before.id, inverse);
        if (before.folder)
            folderUndo.insert(before.id, inverse);
        plan.rows.append({*now, applied(*now, inverse), notes.join(QStringLiteral("; "))});
    }

    for (const DataState &before : snapshot.items) {
        if (before.viaFolder.isEmpty())
            continue;
        const QString &folder = before.viaFolder;
        if (skippedFolders.contains(folder))
            continue; // the batch did not change it through its folder, or the undo won't
        const auto now = current.constFind(before.id);
        if (now == current.constEnd()) {
            skip(before, UndoSkip::Reason::Missing, tr("no longer exists"));
            continue;
        }
        // What it needs (the batch's change on it reverted), against what the folder's
        // recursive undo does to it.
        QStringList notes;
        const Change needed = invert(changes.value(folder), before, *now, true, &notes);
        const Change tagsOnly = [&]() {
            Change c = folderUndo.value(folder);
            c.archive = {};
            c.remove = {};
            return c;
        }();
        const DataState byFolder = applied(*now, tagsOnly);
        Change neededTags = needed;
        neededTags.archive = {};
        neededTags.remove = {};
        const DataState wanted = applied(*now, neededTags);
        Change dates;
        dates.archive = needed.archive;
        dates.remove = needed.remove;
        if (!dates.datesEmpty())
            groups.add(before.id, dates);
        const DataState after = applied(byFolder, dates);
        if (byFolder.userTags != wanted.userTags ||
            byFolder.technicalTags != wanted.technicalTags) {
            skip(before, UndoSkip::Reason::NotRestorable,
                 tr("inside folder %1, whose undo ICA applies to it: its tags would become "
                    "user [%2], technical [%3] instead of user [%4], technical [%5]")
                     .arg(folder, after.userTags.join(QStringLiteral(", ")),
                          after.technicalTags.join(QStringLiteral(", ")),
                          wanted.userTags.join(QStringLiteral(", ")),
                          wanted.technicalTags.join(QStringLiteral(", "))));
            continue;
        }
        if (!(after == *now))
            plan.rows.append({*now, after, notes.join(QStringLiteral("; "))});
    }
    plan.request = groups.take();
    return plan;
}

} // namespace ica
