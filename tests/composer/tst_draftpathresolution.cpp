// DraftPathResolution against the simulator over loopback: a draft's file and folder
// paths replaced by their IDs (ignoring case, in place), unknown paths left out with a
// warning naming them, a path with spaces looked up whole, the pending state blocking
// until the lookup ends, paths added during a run looked up by the next one, a failed
// call reported and retried only after a change, another project forgetting the results.
#include "core/composer/draftpathresolution.h"
#include "core/composer/idlistparser.h"
#include "tests/composer/composertestutil.h"
#include "tests/support/testworld.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;
using namespace composertest;

namespace {
constexpr int Timeout = 30000;
} // namespace

class TstDraftPathResolution final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::TestWorld> world;
    ApiClient *client = nullptr; ///< the world's
    QString project;
    QString otherProject;

    ica::sim::IcaSimulator &sim() const { return world->sim(); }
    QString fileId(int i) const { return sim().fileIds(project).at(i); }
    QString pathOf(const QString &id) const { return sim().data(project, id)->path; }

    static DraftDocument draft(const QString &projectId, const QList<QStringList> &groups) {
        DraftDocument d;
        d.projectId = projectId;
        for (const QStringList &ids : groups) {
            DataUpdateGroup g;
            g.dataIds = ids;
            g.userTags.addTags = {QStringLiteral("tagged")};
            d.groups.append(g);
        }
        return d;
    }

    static const ValidationIssue *find(const QList<ValidationIssue> &issues, IssueCode code,
                                       int group = 0) {
        for (const ValidationIssue &issue : issues)
            if (issue.code == code && issue.group == group)
                return &issue;
        return nullptr;
    }

    /// A resolution with the test's client and project.
    std::unique_ptr<DraftPathResolution> make() const {
        auto r = std::make_unique<DraftPathResolution>();
        r->setClient(client);
        r->setProjectId(project);
        return r;
    }

private Q_SLOTS:
    void initTestCase() {
        world = ica::test::TestWorld::start(ica::test::TestWorld::smallWorld());
        QVERIFY2(world->isUp(), qPrintable(world->startError()));
        client = world->client;
        project = world->projectId;
        otherProject = world->otherProjectId;
    }

    void cleanupTestCase() { world.reset(); }

    void cleanup() { sim().faults().reset(); }

    void replacesPathsByTheirIdsAndLeavesUnknownOnesOut() {
        const QString a = fileId(0);
        const QString b = fileId(1);
        const QString c = fileId(2);
        const QString bPath = pathOf(b);
        const QString folderPath = bPath.left(bPath.lastIndexOf(QLatin1Char('/')) + 1);
        const QString folderId = sim().dataAtPath(project, folderPath)->id;
        const QString unknown = QStringLiteral("/no such run/sample 7.bam");
        const DraftDocument typed =
            draft(project, {{a, bPath, unknown, folderPath}, {pathOf(c).toUpper(), a}});

        auto r = make();
        QSignalSpy changed(r.get(), &DraftPathResolution::changed);
        world->nam.urls.clear();
        r->update(typed);
        QVERIFY(r->isResolving());
        QVERIFY(changed.wait(Timeout));
        QVERIFY(!r->isResolving());

        const DraftDocument sent = r->resolved(typed);
        QCOMPARE(sent.groups.at(0).dataIds, (QStringList{a, b, folderId}));
        QCOMPARE(sent.groups.at(1).dataIds, (QStringList{c, a})); // case ignored, order kept
        QVERIFY(IdListParser::isFolderId(folderId));
        QCOMPARE(sent.groups.at(0).userTags, typed.groups.at(0).userTags);
        QCOMPARE(sent.projectId, typed.projectId);

        const QList<ValidationIssue> issues = r->issues(typed);
        QCOMPARE(issues.size(), 1);
        const ValidationIssue *missing = find(issues, IssueCode::PathsUnresolved);
        QVERIFY(missing);
        QCOMPARE(missing->severity, ValidationIssue::Severity::Warning);
        QCOMPARE(missing->field, DraftField::DataIds);
        QCOMPARE(missing->subjects, QStringList{unknown});
        QCOMPARE(missing->message,
                 QStringLiteral("1 path was not found and is left out of the batch: "
                                "/no such run/sample 7.bam (not found in this project); check "
                                "the spelling or remove it."));
        // Looked up whole, spaces and all (as a file, then as a folder).
        QCOMPARE(world->nam.count(QStringLiteral("/data"), QStringLiteral("filePath=") + unknown),
                 2);
        QVERIFY(!r->validate(typed).hasErrors());

        // Known now: another update asks nothing.
        world->nam.urls.clear();
        r->update(typed);
        QVERIFY(!r->isResolving());
        QVERIFY(world->nam.urls.isEmpty());
    }

    void aPathToAnIdAlreadyListedAddsNothing() {
        const QString a = fileId(3);
        const DraftDocument typed = draft(project, {{pathOf(a), a, pathOf(a).toLower()}});
        auto r = make();
        QSignalSpy changed(r.get(), &DraftPathResolution::changed);
        r->update(typed);
        QVERIFY(changed.wait(Timeout));
        QCOMPARE(r->resolved(typed).groups.first().dataIds, QStringList{a});
        QVERIFY(!r->validate(typed).contains(IssueCode::DuplicateId));
    }

    void pendingPathsBlockUntilResolved() {
        const QString a = fileId(4);
        const QString b = fileId(5);
        const DraftDocument first = draft(project, {{pathOf(a)}});
        auto r = make();
        QSignalSpy changed(r.get(), &DraftPathResolution::changed);
        r->update(first);
        QVERIFY(r->isResolving());
        const ValidationIssue *pending = find(r->issues(first), IssueCode::PathsPending);
        QVERIFY(pending);
        QVERIFY(pending->isError());
        QCOMPARE(pending->message,
                 QStringLiteral("Looking up 1 path… submit waits until it is resolved."));
        QVERIFY(r->resolved(first).groups.first().dataIds.isEmpty());
        const ValidationReport waiting = r->validate(first);
        QVERIFY(waiting.contains(IssueCode::PathsPending));
        QVERIFY(!waiting.contains(IssueCode::EmptyGroup)); // the pending error says why

        // A path added while the first run is out waits for the next run.
        const DraftDocument second = draft(project, {{pathOf(a), pathOf(b)}, {pathOf(b)}});
        r->update(second);
        const QList<ValidationIssue> both = r->issues(second);
        QVERIFY(find(both, IssueCode::PathsPending, 0));
        QCOMPARE(find(both, IssueCode::PathsPending, 0)->message,
                 QStringLiteral("Looking up 2 paths… submit waits until they are resolved."));
        QVERIFY(find(both, IssueCode::PathsPending, 1));
        QTRY_VERIFY_WITH_TIMEOUT(!r->isResolving(), Timeout);
        QCOMPARE(changed.size(), 2); // one per run
        QVERIFY(r->issues(second).isEmpty());
        QCOMPARE(r->resolved(second).groups.at(0).dataIds, (QStringList{a, b}));
        QCOMPARE(r->resolved(second).groups.at(1).dataIds, QStringList{b});
        QVERIFY(!r->validate(second).hasErrors());
    }

    void aFailedLookupIsAnErrorRetriedAfterAChange() {
        const QString a = fileId(6);
        const DraftDocument typed = draft(project, {{pathOf(a)}});
        sim().faults().failNext(5, 500, QStringLiteral("/data")); // all five tries of the GET
        auto r = make();
        QSignalSpy changed(r.get(), &DraftPathResolution::changed);
        r->update(typed);
        QVERIFY(changed.wait(Timeout));
        const ValidationIssue *failed = find(r->issues(typed), IssueCode::PathLookupFailed);
        QVERIFY(failed);
        QVERIFY(failed->isError());
        QVERIFY2(failed->message.startsWith(QStringLiteral("Could not look up 1 path (")),
                 qPrintable(failed->message));
        QVERIFY(failed->message.contains(QStringLiteral("Change the draft to try again")));
        QVERIFY(r->resolved(typed).groups.first().dataIds.isEmpty());

        // The same draft again (as after changed()): no retry.
        world->nam.urls.clear();
        r->update(typed);
        QVERIFY(!r->isResolving());
        QVERIFY(world->nam.urls.isEmpty());

        // A change: looked up again, and found.
        DraftDocument edited = typed;
        edited.groups.first().userTags.addTags.append(QStringLiteral("more"));
        r->update(edited);
        QVERIFY(r->isResolving());
        QVERIFY(changed.wait(Timeout));
        QVERIFY(r->issues(edited).isEmpty());
        QCOMPARE(r->resolved(edited).groups.first().dataIds, QStringList{a});
    }

    void anotherProjectForgetsWhatWasLearned() {
        const QString a = fileId(7);
        DraftDocument typed = draft(project, {{pathOf(a)}});
        auto r = make();
        QSignalSpy changed(r.get(), &DraftPathResolution::changed);
        r->update(typed);
        QVERIFY(changed.wait(Timeout));
        QCOMPARE(r->resolved(typed).groups.first().dataIds, QStringList{a});

        typed.projectId = otherProject;
        r->setProjectId(otherProject);
        QVERIFY(r->resolved(typed).groups.first().dataIds.isEmpty());
        r->update(typed);
        QVERIFY(find(r->issues(typed), IssueCode::PathsPending));
        QVERIFY(changed.wait(Timeout));
        QVERIFY(find(r->issues(typed), IssueCode::PathsUnresolved));
    }

    void withoutAProjectNothingIsLookedUp() {
        DraftDocument typed = draft(QString(), {{pathOf(fileId(8))}});
        auto r = std::make_unique<DraftPathResolution>();
        r->setClient(client);
        world->nam.urls.clear();
        r->update(typed);
        QVERIFY(!r->isResolving());
        QVERIFY(world->nam.urls.isEmpty());
        const ValidationIssue *pending = find(r->issues(typed), IssueCode::PathsPending);
        QVERIFY(pending);
        QCOMPARE(pending->message, QStringLiteral("1 path is looked up once a project is chosen."));
    }
};

QTEST_GUILESS_MAIN(TstDraftPathResolution)
#include "tst_draftpathresolution.moc"
