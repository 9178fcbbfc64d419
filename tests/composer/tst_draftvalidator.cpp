// DraftValidator: every rule, its severity, the group and field it points at, a
// message that says what to do, the fixes offered; and DraftFixes applying them.
#include "core/composer/draftfixes.h"
#include "core/composer/draftvalidator.h"
#include "tests/composer/composertestutil.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ica;
using composertest::fil;
using composertest::fils;
using composertest::fol;

namespace {

const QDateTime Now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

DataUpdateGroup group(const QStringList &ids,
                      const QStringList &addUserTags = {QStringLiteral("ok")}) {
    DataUpdateGroup g;
    g.dataIds = ids;
    g.userTags.addTags = addUserTags;
    return g;
}

DraftDocument draft(const QList<DataUpdateGroup> &groups) {
    DraftDocument d;
    d.projectId = QStringLiteral("p1");
    d.projectName = QStringLiteral("Project one");
    d.groups = groups;
    return d;
}

ValidationReport check(const DraftDocument &d) {
    DraftValidator::Options options;
    options.now = Now;
    return DraftValidator::validate(d, options);
}

const ValidationIssue *find(const ValidationReport &r, IssueCode code, int group = -2) {
    for (const ValidationIssue &issue : r.issues)
        if (issue.code == code && (group == -2 || issue.group == group))
            return &issue;
    return nullptr;
}

} // namespace

class TstDraftValidator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aGoodDraftHasNoIssues() {
        const ValidationReport r = check(draft({group({fil(1), fol(2)})}));
        QVERIFY2(r.issues.isEmpty(), qPrintable(r.headline()));
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.headline(), QStringLiteral("No problems found."));
    }

    void noProjectAndNoGroups() {
        DraftDocument d;
        const ValidationReport r = check(d);
        const ValidationIssue *project = find(r, IssueCode::NoProject);
        QVERIFY(project);
        QVERIFY(project->isError());
        QCOMPARE(project->field, DraftField::Project);
        QVERIFY(project->message.contains(QStringLiteral("pick")));
        QVERIFY(find(r, IssueCode::NoGroups));
        QCOMPARE(r.errorCount(), 2);
    }

    void emptyGroupAndGroupThatChangesNothing() {
        const ValidationReport r = check(draft({group({}, {}), group({fil(1)})}));
        const ValidationIssue *empty = find(r, IssueCode::EmptyGroup);
        QVERIFY(empty);
        QVERIFY(empty->isError());
        QCOMPARE(empty->group, 0);
        QCOMPARE(empty->field, DraftField::DataIds);
        QVERIFY(empty->message.contains(QStringLiteral("paste")));
        const ValidationIssue *nothing = find(r, IssueCode::NoChanges);
        QVERIFY(nothing);
        QCOMPARE(nothing->group, 0);
        QCOMPARE(nothing->field, DraftField::Group);
        QVERIFY(!find(r, IssueCode::NoChanges, 1));
        QCOMPARE(nothing->location(), QStringLiteral("Group 1 · Changes"));
    }

    void malformedIdsAreWarningsWithTheIdsNamed() {
        const ValidationReport r =
            check(draft({group({fil(1), QStringLiteral("fil.123"), QStringLiteral("abc")})}));
        const ValidationIssue *bad = find(r, IssueCode::MalformedId);
        QVERIFY(bad);
        QVERIFY(!bad->isError());
        QCOMPARE(bad->subjects, (QStringList{QStringLiteral("fil.123"), QStringLiteral("abc")}));
        QVERIFY(bad->message.contains(QStringLiteral("'fil.123'")));
        QVERIFY(!r.hasErrors());
    }

    void overlongIdIsAnError() {
        const ValidationReport r = check(draft({group({QString(300, QLatin1Char('x'))})}));
        QVERIFY(find(r, IssueCode::IdTooLong));
        QVERIFY(r.hasErrors());
        QVERIFY(!find(r, IssueCode::MalformedId)); // reported once, as the worse issue
    }

    void duplicatesOfferTheDropFix() {
        const ValidationReport r =
            check(draft({group({fil(1), fil(2), fil(1), fil(1), fil(3), fil(2)})}));
        const ValidationIssue *dup = find(r, IssueCode::DuplicateId);
        QVERIFY(dup);
        QVERIFY(!dup->isError());
        QCOMPARE(dup->fix, IssueFix::DropDuplicates);
        QCOMPARE(dup->subjects, (QStringList{fil(1), fil(2)}));
        QVERIFY(r.offersFix(IssueFix::DropDuplicates));

        DraftDocument d = draft({group({fil(1), fil(2), fil(1), fil(1), fil(3), fil(2)})});
        QCOMPARE(DraftFixes::dropDuplicateIds(d), 3);
        QCOMPARE(d.groups.first().dataIds, (QStringList{fil(1), fil(2), fil(3)}));
        QVERIFY(!check(d).contains(IssueCode::DuplicateId));
    }

    void idInTwoGroupsIsAWarningOnTheLaterGroup() {
        const ValidationReport r =
            check(draft({group({fil(1), fil(2)}), group({fil(3)}), group({fil(2), fil(1)})}));
        const ValidationIssue *shared = find(r, IssueCode::IdInOtherGroup);
        QVERIFY(shared);
        QCOMPARE(shared->group, 2);
        QCOMPARE(shared->subjects, (QStringList{fil(2), fil(1)}));
        QVERIFY(shared->message.contains(QStringLiteral("group 1")));
        QVERIFY(!find(r, IssueCode::IdInOtherGroup, 0));
    }

    void tagBothAddedAndRemoved() {
        DataUpdateGroup g = group({fil(1)}, {QStringLiteral("a"), QStringLiteral("b")});
        g.userTags.removeTags = {QStringLiteral("b ")};
        g.technicalTags.addTags = {QStringLiteral("t")};
        g.technicalTags.removeTags = {QStringLiteral("t")};
        const ValidationReport r = check(draft({g}));
        const ValidationIssue *user = nullptr;
        const ValidationIssue *tech = nullptr;
        for (const ValidationIssue &issue : r.issues)
            if (issue.code == IssueCode::TagAddedAndRemoved)
                (issue.field == DraftField::UserTags ? user : tech) = &issue;
        QVERIFY(user);
        QVERIFY(tech);
        QVERIFY(user->isError());
        QCOMPARE(user->subjects, QStringList{QStringLiteral("b")});
        QVERIFY(user->message.contains(QStringLiteral("one list")));
    }

    void blankAndPaddedTagsOfferTrim() {
        DataUpdateGroup g = group({fil(1)}, {QStringLiteral(" lead"), QStringLiteral("  "),
                                             QStringLiteral("x"), QStringLiteral("x")});
        const ValidationReport r = check(draft({g}));
        const ValidationIssue *blank = find(r, IssueCode::BlankTag);
        QVERIFY(blank);
        QVERIFY(blank->isError());
        QCOMPARE(blank->fix, IssueFix::TrimTags);
        const ValidationIssue *padded = find(r, IssueCode::PaddedTag);
        QVERIFY(padded);
        QVERIFY(!padded->isError());
        QCOMPARE(padded->subjects, QStringList{QStringLiteral(" lead")});
        QVERIFY(find(r, IssueCode::DuplicateTag));

        DraftDocument d = draft({g});
        QCOMPARE(DraftFixes::trimTags(d), 3);
        QCOMPARE(d.groups.first().userTags.addTags,
                 (QStringList{QStringLiteral("lead"), QStringLiteral("x")}));
        const ValidationReport after = check(d);
        QVERIFY2(after.issues.isEmpty(), qPrintable(after.headline()));
    }

    void datesOnFoldersAreErrors() {
        DataUpdateGroup g = group({fil(1), fol(2)});
        g.willBeArchivedAt = Now.addDays(30);
        g.clearWillBeDeletedAt = true; // clearing on folders is fine
        const ValidationReport r = check(draft({g}));
        const ValidationIssue *folder = find(r, IssueCode::DateOnFolder);
        QVERIFY(folder);
        QVERIFY(folder->isError());
        QCOMPARE(folder->field, DraftField::ArchiveDate);
        QCOMPARE(folder->subjects, QStringList{fol(2)});
        QVERIFY(folder->message.contains(QStringLiteral("Move the folder IDs")));
        QCOMPARE(r.errorCount(), 1);
    }

    void setAndClearOfTheSameDate() {
        DataUpdateGroup g = group({fil(1)}, {});
        g.willBeDeletedAt = Now.addDays(10);
        g.clearWillBeDeletedAt = true;
        const ValidationReport r = check(draft({g}));
        const ValidationIssue *both = find(r, IssueCode::DateSetAndCleared);
        QVERIFY(both);
        QVERIFY(both->isError());
        QCOMPARE(both->field, DraftField::DeleteDate);
    }

    void pastDateIsAWarning() {
        DataUpdateGroup g = group({fil(1)}, {});
        g.willBeArchivedAt = Now.addSecs(-60);
        const ValidationReport r = check(draft({g}));
        const ValidationIssue *past = find(r, IssueCode::DateInPast);
        QVERIFY(past);
        QVERIFY(!past->isError());
        QVERIFY(!r.hasErrors());
    }

    void moreThan5000IdsOffersASplit() {
        const ValidationReport r = check(draft({group(fils(3000)), group(fils(2001, 3000))}));
        const ValidationIssue *advice = find(r, IssueCode::AdvisedLimit);
        QVERIFY(advice);
        QVERIFY(!advice->isError());
        QCOMPARE(advice->fix, IssueFix::SplitBatches);
        QVERIFY2(advice->message.contains(QStringLiteral("5,001")), qPrintable(advice->message));
        QVERIFY(advice->message.contains(QStringLiteral("2 batches")));

        DraftDocument accepted = draft({group(fils(3000)), group(fils(2001, 3000))});
        accepted.splitAccepted = true;
        QVERIFY(!check(accepted).contains(IssueCode::AdvisedLimit));
    }

    void exactly5000IsFine() {
        QVERIFY(!check(draft({group(fils(5000))})).contains(IssueCode::AdvisedLimit));
    }

    void moreThan100000IsAnErrorUntilSplit() {
        DraftDocument d = draft({group(fils(100001))});
        const ValidationReport r = check(d);
        const ValidationIssue *limit = find(r, IssueCode::HardLimit);
        QVERIFY(limit);
        QVERIFY(limit->isError());
        QCOMPARE(limit->fix, IssueFix::SplitBatches);
        QVERIFY(limit->message.contains(QStringLiteral("21 batches")));
        QVERIFY(!r.contains(IssueCode::AdvisedLimit));
        d.splitAccepted = true;
        QVERIFY(!check(d).hasErrors());
    }

    void aListPastedTwiceIsCheckedQuickly() {
        QStringList ids = fils(50000);
        ids.append(ids); // every ID twice
        QElapsedTimer timer;
        timer.start();
        const ValidationReport r = check(draft({group(ids)}));
        const ValidationIssue *dup = find(r, IssueCode::DuplicateId);
        QVERIFY(dup);
        QCOMPARE(dup->subjects.size(), 50000);
        QVERIFY2(dup->message.contains(QStringLiteral("and 49997 more")), qPrintable(dup->message));
        QVERIFY2(timer.elapsed() < 5000, "checking must not grow with the square of the list");
    }

    void errorsComeFirstAndHeadlineCounts() {
        DataUpdateGroup g = group({QStringLiteral("abc")}, {QStringLiteral("a")});
        g.userTags.removeTags = {QStringLiteral("a")};
        const ValidationReport r = check(draft({g, group({})}));
        QVERIFY(r.issues.first().isError());
        QVERIFY(!r.issues.last().isError());
        QCOMPARE(r.headline(), QStringLiteral("2 errors, 1 warning: fix the errors to submit."));
        QCOMPARE(r.issuesFor(0, DraftField::UserTags).size(), 1);
        QCOMPARE(r.issuesFor(1, DraftField::DataIds).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstDraftValidator)
#include "tst_draftvalidator.moc"
