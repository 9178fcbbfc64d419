// UndoPlanner (the inverse of a batch) and UndoSnapshot (its record), unit by unit:
// what is reverted, what is left because someone else changed it since, what is
// skipped and why, how items are grouped, folders and their contents, dates; the
// snapshot's JSON and compressed forms, damaged and newer records, split parts.
#include "core/history/snapshottaker.h"
#include "core/history/undoplanner.h"

#include <QTest>
#include <ctime>

using namespace ica;

namespace {

QString S(const char *text) {
    return QString::fromLatin1(text);
}

QStringList L(std::initializer_list<const char *> texts) {
    QStringList out;
    for (const char *t : texts)
        out.append(S(t));
    return out;
}

QDateTime T(const char *text) {
    return QDateTime::fromString(S(text), Qt::ISODate);
}

DataState state(const char *id, const QStringList &user, const QStringList &tech = {},
                const QDateTime &archive = {}, const QDateTime &remove = {}) {
    DataState s;
    s.id = S(id);
    s.name = s.id + QStringLiteral(".bam");
    s.path = QStringLiteral("/x/") + s.name;
    s.userTags = user;
    s.technicalTags = tech;
    s.willBeArchivedAt = archive;
    s.willBeDeletedAt = remove;
    return s;
}

DataUpdateGroup group(const QStringList &ids, const QStringList &addUser,
                      const QStringList &removeUser = {}, const QStringList &addTech = {},
                      const QStringList &removeTech = {}) {
    DataUpdateGroup g;
    g.dataIds = ids;
    g.userTags = {addUser, removeUser};
    g.technicalTags = {addTech, removeTech};
    return g;
}

/// The snapshot of `before` for `groups`.
UndoSnapshot snapshot(const QList<DataState> &before, const QList<DataUpdateGroup> &groups) {
    UndoSnapshot s;
    s.projectId = S("p");
    s.takenAt = T("2026-01-01T00:00:00Z");
    s.batchIds = {S("b")};
    s.items = before;
    s.request.dataUpdateGroups = groups;
    return s;
}

/// Every item of the snapshot UPDATED.
QHash<QString, ItemStatus> allUpdated(const UndoSnapshot &s) {
    QHash<QString, ItemStatus> statuses;
    for (const DataState &d : s.items)
        statuses.insert(d.id, ItemStatus(ItemStatus::Updated));
    return statuses;
}

QHash<QString, DataState> byId(const QList<DataState> &states) {
    QHash<QString, DataState> out;
    for (const DataState &d : states)
        out.insert(d.id, d);
    return out;
}

const UndoSkip *skipOf(const UndoPlan &plan, const char *id) {
    for (const UndoSkip &s : plan.skipped) {
        if (s.dataId == S(id))
            return &s;
    }
    return nullptr;
}

} // namespace

class TestUndoPlanner final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tagsAreRevertedOnlyWhereTheBatchChangedThem() {
        // The batch adds "new" and removes "old" on a, b and c.
        const UndoSnapshot s =
            snapshot({state("a", L({"old"})), state("b", L({"old", "new"})), state("c", {})},
                     {group(L({"a", "b", "c"}), L({"new"}), L({"old"}))});
        const UndoPlan plan = UndoPlanner::plan(
            s, allUpdated(s),
            byId({state("a", L({"new"})), state("b", L({"new"})), state("c", L({"new"}))}));
        // a: remove new, add old. b: "new" was there before: only add old back.
        // c: "old" was not there: only remove new.
        QCOMPARE(plan.request.dataUpdateGroups.size(), 3);
        const DataUpdateGroup &ga = plan.request.dataUpdateGroups.at(0);
        QCOMPARE(ga.dataIds, L({"a"}));
        QCOMPARE(ga.userTags.addTags, L({"old"}));
        QCOMPARE(ga.userTags.removeTags, L({"new"}));
        const DataUpdateGroup &gb = plan.request.dataUpdateGroups.at(1);
        QCOMPARE(gb.dataIds, L({"b"}));
        QCOMPARE(gb.userTags.addTags, L({"old"}));
        QVERIFY(gb.userTags.removeTags.isEmpty());
        const DataUpdateGroup &gc = plan.request.dataUpdateGroups.at(2);
        QCOMPARE(gc.dataIds, L({"c"}));
        QVERIFY(gc.userTags.addTags.isEmpty());
        QCOMPARE(gc.userTags.removeTags, L({"new"}));
        QVERIFY(plan.skipped.isEmpty());
        QCOMPARE(plan.rows.size(), 3);
        QCOMPARE(plan.rows.at(0).after.userTags, L({"old"}));
        QCOMPARE(plan.rows.at(1).after.userTags, L({"new", "old"}));
        QCOMPARE(plan.rows.at(2).after.userTags, QStringList());
    }

    void itemsNeedingTheSameChangeShareAGroup() {
        QList<DataState> before;
        QList<DataState> now;
        QStringList ids;
        for (int i = 0; i < 100; ++i) {
            const QByteArray id = "f" + QByteArray::number(i);
            before.append(state(id.constData(), i % 2 ? L({"x"}) : QStringList()));
            now.append(state(id.constData(), L({"x", "t"}), L({"k"})));
            ids.append(QString::fromLatin1(id));
        }
        const UndoSnapshot s = snapshot(before, {group(ids, L({"x", "t"}), {}, L({"k"}))});
        const UndoPlan plan = UndoPlanner::plan(s, allUpdated(s), byId(now));
        QCOMPARE(plan.request.dataUpdateGroups.size(), 2); // with and without "x" before
        QCOMPARE(plan.request.dataUpdateGroups.at(0).dataIds.size(), 50);
        QCOMPARE(plan.request.dataUpdateGroups.at(0).userTags.removeTags, L({"x", "t"}));
        QCOMPARE(plan.request.dataUpdateGroups.at(0).technicalTags.removeTags, L({"k"}));
        QCOMPARE(plan.request.dataUpdateGroups.at(1).dataIds.size(), 50);
        QCOMPARE(plan.request.dataUpdateGroups.at(1).userTags.removeTags, L({"t"}));
        QCOMPARE(plan.request.dataIdCount(), 100);
        QVERIFY(plan.summary().startsWith(QStringLiteral("2 groups, 100 items to restore")));
    }

    void othersChangesStayAndAreReported() {
        const UndoSnapshot s =
            snapshot({state("gone", {}), state("back", L({"old"})), state("both", L({"old"}))},
                     {group(L({"gone", "back", "both"}), L({"new"}), L({"old"}))});
        // gone: someone removed "new" (and "old" is back on "back"); both: only "new" gone.
        const UndoPlan plan = UndoPlanner::plan(
            s, allUpdated(s),
            byId({state("gone", {}), state("back", L({"new", "old"})), state("both", {})}));
        const UndoSkip *gone = skipOf(plan, "gone");
        QVERIFY(gone);
        QCOMPARE(gone->reason, UndoSkip::Reason::ChangedSince);
        QVERIFY2(gone->why.contains(S("user tag \"new\" was already removed since")),
                 qPrintable(gone->why));
        // back: "new" is removed; "old" is there already (added back by someone): noted.
        QCOMPARE(plan.rows.size(), 2);
        QCOMPARE(plan.rows.at(0).now.id, S("back"));
        QVERIFY(plan.rows.at(0).note.contains(S("\"old\" was added back since")));
        QCOMPARE(plan.request.dataUpdateGroups.at(0).userTags.removeTags, L({"new"}));
        QVERIFY(plan.request.dataUpdateGroups.at(0).userTags.addTags.isEmpty());
        // both: "old" added back, the note says "new" was gone already.
        QCOMPARE(plan.rows.at(1).now.id, S("both"));
        QVERIFY(plan.rows.at(1).note.contains(S("\"new\" was already removed")));
        QCOMPARE(plan.rows.at(1).after.userTags, L({"old"}));
    }

    void datesAreRestoredClearedOrLeft() {
        DataUpdateGroup set = group(L({"old", "none", "moved", "same"}), {});
        set.willBeArchivedAt = T("2040-01-01T00:00:00Z");
        DataUpdateGroup clear = group(L({"cleared"}), {});
        clear.clearWillBeDeletedAt = true;
        const UndoSnapshot s =
            snapshot({state("old", {}, {}, T("2030-01-01T00:00:00Z")), state("none", {}),
                      state("moved", {}, {}, T("2030-01-01T00:00:00Z")),
                      state("same", {}, {}, T("2040-01-01T00:00:00Z")),
                      state("cleared", {}, {}, {}, T("2035-01-01T00:00:00Z"))},
                     {set, clear});
        const UndoPlan plan = UndoPlanner::plan(
            s, allUpdated(s),
            byId({state("old", {}, {}, T("2040-01-01T00:00:00Z")),
                  state("none", {}, {}, T("2040-01-01T00:00:00Z")),
                  state("moved", {}, {}, T("2050-01-01T00:00:00Z")),
                  state("same", {}, {}, T("2040-01-01T00:00:00Z")), state("cleared", {})}));
        QCOMPARE(plan.request.dataUpdateGroups.size(), 3);
        const DataUpdateGroup &restore = plan.request.dataUpdateGroups.at(0);
        QCOMPARE(restore.dataIds, L({"old"}));
        QCOMPARE(restore.willBeArchivedAt, T("2030-01-01T00:00:00Z"));
        const DataUpdateGroup &clearIt = plan.request.dataUpdateGroups.at(1);
        QCOMPARE(clearIt.dataIds, L({"none"}));
        QVERIFY(clearIt.clearWillBeArchivedAt);
        QVERIFY(!clearIt.willBeArchivedAt.isValid());
        const DataUpdateGroup &setBack = plan.request.dataUpdateGroups.at(2);
        QCOMPARE(setBack.dataIds, L({"cleared"}));
        QCOMPARE(setBack.willBeDeletedAt, T("2035-01-01T00:00:00Z"));
        QCOMPARE(skipOf(plan, "moved")->reason, UndoSkip::Reason::ChangedSince);
        QVERIFY(skipOf(plan, "moved")->why.contains(S("archive date was changed since")));
        QCOMPARE(skipOf(plan, "same")->reason, UndoSkip::Reason::NothingChanged);
    }

    void failedUnprocessedAndMissingItemsAreLeftOut() {
        UndoSnapshot s = snapshot(
            {state("ok", {}), state("failed", {}), state("running", {}), state("absent", {}),
             state("deleted", {})},
            {group(L({"ok", "failed", "running", "absent", "deleted", "unknown"}), L({"t"}))});
        s.missing = L({"unknown"});
        QHash<QString, ItemStatus> statuses = allUpdated(s);
        statuses.insert(S("failed"), ItemStatus(ItemStatus::Failed));
        statuses.insert(S("unknown"), ItemStatus(ItemStatus::Failed));
        statuses.insert(S("running"), ItemStatus(ItemStatus::Updating));
        statuses.remove(S("absent"));
        const UndoPlan plan =
            UndoPlanner::plan(s, statuses,
                              byId({state("ok", L({"t"})), state("failed", {}),
                                    state("running", L({"t"})), state("absent", L({"t"}))}));
        QCOMPARE(plan.request.dataUpdateGroups.size(), 1);
        QCOMPARE(plan.request.dataUpdateGroups.first().dataIds, L({"ok"}));
        QCOMPARE(skipOf(plan, "failed")->reason, UndoSkip::Reason::FailedInBatch);
        QCOMPARE(skipOf(plan, "unknown")->reason, UndoSkip::Reason::FailedInBatch);
        QCOMPARE(skipOf(plan, "running")->reason, UndoSkip::Reason::NotProcessed);
        QCOMPARE(skipOf(plan, "absent")->reason, UndoSkip::Reason::NotProcessed);
        QCOMPARE(skipOf(plan, "deleted")->reason, UndoSkip::Reason::Missing);
        QCOMPARE(plan.count(UndoSkip::Reason::FailedInBatch), 2);
        QVERIFY(plan.summary().contains(S("2 failed in the batch")));
    }

    void anItemInTwoGroupsGetsBothChangesReverted() {
        const UndoSnapshot s =
            snapshot({state("a", {})}, {group(L({"a"}), L({"x"})), group(L({"a"}), L({"y"}))});
        const UndoPlan plan =
            UndoPlanner::plan(s, allUpdated(s), byId({state("a", L({"x", "y"}))}));
        QCOMPARE(plan.request.dataUpdateGroups.size(), 1);
        QCOMPARE(plan.request.dataUpdateGroups.first().userTags.removeTags, L({"x", "y"}));
    }

    void foldersAndTheirContents() {
        DataState folder = state("fol", {});
        folder.folder = true;
        folder.path = S("/run/");
        DataState plain = state("plain", {}); // had nothing: the folder's undo restores it
        plain.viaFolder = S("fol");
        DataState tagged = state("tagged", L({"x"})); // had "x" before: the undo removes it
        tagged.viaFolder = S("fol");
        DataState dated = state("dated", {}, {}, T("2030-01-01T00:00:00Z"));
        dated.viaFolder = S("fol");
        DataUpdateGroup g = group(L({"fol"}), L({"x"}));
        g.willBeArchivedAt = T("2040-01-01T00:00:00Z");
        const UndoSnapshot s = snapshot({folder, plain, tagged, dated}, {g});
        QHash<QString, ItemStatus> statuses;
        statuses.insert(S("fol"), ItemStatus(ItemStatus::Updated));
        DataState folderNow = folder;
        folderNow.userTags = L({"x"});
        DataState plainNow = plain;
        plainNow.userTags = L({"x"});
        plainNow.willBeArchivedAt = T("2040-01-01T00:00:00Z");
        DataState datedNow = dated;
        datedNow.userTags = L({"x"});
        datedNow.willBeArchivedAt = T("2040-01-01T00:00:00Z");
        const UndoPlan plan =
            UndoPlanner::plan(s, statuses, byId({folderNow, plainNow, tagged, datedNow}));
        // The folder: "x" removed (no date on a folder). Contents' dates one by one.
        QCOMPARE(plan.request.dataUpdateGroups.size(), 3);
        const DataUpdateGroup &gf = plan.request.dataUpdateGroups.at(0);
        QCOMPARE(gf.dataIds, L({"fol"}));
        QCOMPARE(gf.userTags.removeTags, L({"x"}));
        QVERIFY(!gf.willBeArchivedAt.isValid() && !gf.clearWillBeArchivedAt);
        const DataUpdateGroup &clearDate = plan.request.dataUpdateGroups.at(1);
        QCOMPARE(clearDate.dataIds, L({"plain"}));
        QVERIFY(clearDate.clearWillBeArchivedAt);
        QVERIFY(clearDate.userTags.isEmpty());
        const DataUpdateGroup &restoreDate = plan.request.dataUpdateGroups.at(2);
        QCOMPARE(restoreDate.dataIds, L({"dated"}));
        QCOMPARE(restoreDate.willBeArchivedAt, T("2030-01-01T00:00:00Z"));
        // "tagged" had "x" before: the folder's recursive undo would take it away.
        const UndoSkip *tag = skipOf(plan, "tagged");
        QVERIFY(tag);
        QCOMPARE(tag->reason, UndoSkip::Reason::NotRestorable);
        QVERIFY2(tag->why.contains(S("inside folder fol")), qPrintable(tag->why));
        // Rows: the folder and the two contents it restores.
        QCOMPARE(plan.rows.size(), 3);
        QCOMPARE(plan.rows.at(1).now.id, S("plain"));
        QCOMPARE(plan.rows.at(1).after.userTags, QStringList());
        QVERIFY(!plan.rows.at(1).after.willBeArchivedAt.isValid());
    }

    void unlistedFoldersAreWarnedAbout() {
        UndoSnapshot s = snapshot({state("a", {})}, {group(L({"a"}), L({"x"}))});
        s.foldersNotListed = L({"fol.big"});
        const UndoPlan plan = UndoPlanner::plan(s, allUpdated(s), byId({state("a", L({"x"}))}));
        QCOMPARE(plan.warnings.size(), 1);
        QVERIFY(plan.warnings.first().contains(S("fol.big")));
    }

    void snapshotRoundTrips() {
        DataState folder = state("fol", L({"u"}), L({"t"}));
        folder.folder = true;
        DataState inside =
            state("in", {}, {}, T("2030-01-01T00:00:00Z"), T("2031-01-01T00:00:00Z"));
        inside.viaFolder = S("fol");
        DataUpdateGroup g = group(L({"fol", "gone"}), L({"x"}), L({"y"}));
        g.clearWillBeDeletedAt = true;
        UndoSnapshot s = snapshot({folder, inside}, {g});
        s.missing = L({"gone"});
        s.foldersNotListed = L({"fol.other"});
        s.projectName = S("Project");
        UndoSnapshot back;
        QString error;
        QVERIFY2(UndoSnapshot::fromJson(s.toJsonBytes(), &back, &error), qPrintable(error));
        QCOMPARE(back.items, s.items);
        QCOMPARE(back.request, s.request);
        QCOMPARE(back.missing, s.missing);
        QCOMPARE(back.foldersNotListed, s.foldersNotListed);
        QCOMPARE(back.batchIds, s.batchIds);
        QCOMPARE(back.projectName, s.projectName);
        QCOMPARE(back.takenAt, s.takenAt);
        UndoSnapshot unpacked;
        QVERIFY(UndoSnapshot::fromCompressed(s.compressed(), &unpacked, &error));
        QCOMPARE(unpacked.items, s.items);
    }

    void damagedAndNewerRecordsAreRefused() {
        UndoSnapshot out;
        QString error;
        QVERIFY(!UndoSnapshot::fromJson("{\"format\":\"icatag-undo\"", &out, &error));
        QVERIFY2(error.contains(S("not valid JSON")), qPrintable(error));
        QVERIFY(!UndoSnapshot::fromJson("{\"dataUpdateGroups\":[]}", &out, &error));
        QVERIFY(error.contains(S("not an ICA Tagger undo record")));
        QByteArray newer = snapshot({}, {}).toJsonBytes();
        newer.replace("\"version\":1", "\"version\":7");
        QVERIFY(!UndoSnapshot::fromJson(newer, &out, &error));
        QVERIFY2(error.contains(S("version 7 is newer")), qPrintable(error));
        QByteArray noItems = snapshot({}, {}).toJsonBytes();
        noItems.replace("\"items\":[]", "\"items\":[1]");
        QVERIFY(!UndoSnapshot::fromJson(noItems, &out, &error));
        QVERIFY2(error.contains(S("items[0]")), qPrintable(error));
        QVERIFY(!UndoSnapshot::fromCompressed("garbage", &out, &error));
        QVERIFY(error.contains(S("damaged")));
    }

    void aSplitPartKeepsItsOwnItems() {
        DataState folder = state("fol", {});
        folder.folder = true;
        DataState inside = state("in", {});
        inside.viaFolder = S("fol");
        UndoSnapshot whole = snapshot({state("a", {}), folder, inside, state("b", {})},
                                      {group(L({"a", "fol", "b", "gone"}), L({"x"}))});
        whole.missing = L({"gone"});
        CreateBatchRequest part;
        part.dataUpdateGroups = {group(L({"fol", "gone"}), L({"x"}))};
        const UndoSnapshot own = whole.partFor(part);
        QCOMPARE(own.items.size(), 2);
        QCOMPARE(own.items.at(0).id, S("fol"));
        QCOMPARE(own.items.at(1).id, S("in"));
        QCOMPARE(own.missing, L({"gone"}));
        QCOMPARE(own.request, part);
        QCOMPARE(SnapshotTaker::uniqueIds(whole.request), L({"a", "fol", "b", "gone"}));
    }

    void aHundredThousandItemsStayLean() {
        QList<DataState> before;
        QStringList ids;
        before.reserve(100000);
        for (int i = 0; i < 100000; ++i) {
            const QString id = QStringLiteral("fil.%1").arg(i, 32, 16, QLatin1Char('0'));
            DataState d;
            d.id = id;
            d.name = QStringLiteral("sample_%1.bam").arg(i);
            d.path = QStringLiteral("/runs/r%1/").arg(i / 1000) + d.name;
            d.userTags = {QStringLiteral("cohort-%1").arg(i % 7)};
            d.technicalTags = {QStringLiteral("run:%1").arg(i / 1000)};
            if (i % 3 == 0)
                d.willBeArchivedAt = T("2030-01-01T00:00:00Z");
            before.append(d);
            ids.append(id);
        }
        const UndoSnapshot s = snapshot(before, {group(ids, L({"reviewed"}))});
        // CPU time, not wall time: the figures are reported, never asserted.
        std::clock_t start = std::clock();
        const auto cpuMs = [&start]() {
            const std::clock_t now = std::clock();
            const qint64 ms = qint64(double(now - start) * 1000.0 / CLOCKS_PER_SEC);
            start = now;
            return ms;
        };
        const QByteArray blob = s.compressed();
        const qint64 packMs = cpuMs();
        UndoSnapshot back;
        QString error;
        QVERIFY(UndoSnapshot::fromCompressed(blob, &back, &error));
        const qint64 unpackMs = cpuMs();
        QCOMPARE(back.items.size(), 100000);
        // Compact and compressed: well under 100 bytes an item.
        QVERIFY2(blob.size() < 100 * 100000, QByteArray::number(blob.size()));
        QList<DataState> now = before;
        for (DataState &d : now)
            d.userTags.append(S("reviewed"));
        const QHash<QString, ItemStatus> statuses = allUpdated(s);
        const QHash<QString, DataState> current = byId(now);
        cpuMs();
        const UndoPlan plan = UndoPlanner::plan(s, statuses, current);
        const qint64 planMs = cpuMs();
        QCOMPARE(plan.request.dataIdCount(), 100000);
        QCOMPARE(plan.request.dataUpdateGroups.size(), 1);
        qInfo("100,000 items: snapshot %lld bytes compressed (%lld bytes JSON); CPU: pack %lld ms, "
              "unpack %lld ms, plan %lld ms",
              qint64(blob.size()), qint64(s.toJsonBytes().size()), packMs, unpackMs, planMs);
    }
};

QTEST_GUILESS_MAIN(TestUndoPlanner)
#include "tst_undoplanner.moc"
