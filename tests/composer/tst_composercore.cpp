// The composer's logic against real parts: ProjectCatalog/ProjectListModel against
// the simulator (all pages, smallest model changes), DraftSession autosaving into
// a real SQLite StoreWorker, BatchSubmitter creating batches in the simulator and
// recording them in the history, with failures that are never retried.
#include "core/api/createdbatchfinder.h"
#include "core/composer/batchsubmitter.h"
#include "core/composer/draftsession.h"
#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
#include "core/store/storeworker.h"
#include "tests/composer/composertestutil.h"
#include "tests/support/storeanswers.h"
#include "tests/support/testsupport.h"
#include "tests/support/testworld.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ica;
using composertest::countPosts;
using composertest::fil;
using composertest::fils;

namespace {

const QString Profile = QStringLiteral("aaaaaaaa-0000-4000-8000-00000000000c");

Project project(const QString &id, const QString &name) {
    Project p;
    p.id = id;
    p.name = name;
    return p;
}

QString names(const ProjectListModel &model) {
    QStringList list;
    for (int r = 0; r < model.rowCount(); ++r)
        list.append(model.index(r).data().toString());
    return list.join(QLatin1Char(','));
}

CreateBatchRequest requestFor(const QStringList &ids, const QString &tag) {
    CreateBatchRequest r;
    DataUpdateGroup g;
    g.dataIds = ids;
    g.userTags.addTags = {tag};
    r.dataUpdateGroups = {g};
    return r;
}

} // namespace

class TstComposerCore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ica::test::TestWorld> m_world;
    std::unique_ptr<StoreWorker> m_store;

    QString dbPath() const { return ica::test::perTestPath(".sqlite"); }

    std::optional<Draft> storedDraft(const QString &id) {
        return ica::test::storedDraft(m_store.get(), id, this);
    }
    QList<BatchRecord> history() { return ica::test::storedBatches(m_store.get(), Profile, this); }

private Q_SLOTS:
    void init() {
        ica::sim::SimulatorOptions options = ica::test::TestWorld::smallWorld();
        options.projectCount = 5;
        options.filesInOtherProjects = 20;
        m_world = std::make_unique<ica::test::TestWorld>(options);
        QVERIFY2(m_world->startError().isEmpty(), qPrintable(m_world->startError()));
        m_store = std::make_unique<StoreWorker>(dbPath());
        QSignalSpy opened(m_store.get(), &StoreWorker::opened);
        QVERIFY(m_store->isOpen() || opened.wait());
    }

    void cleanup() {
        m_store.reset();
        m_world.reset();
    }

    void listModelAppliesSmallestChanges() {
        ProjectListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setProjects({project(QStringLiteral("3"), QStringLiteral("gamma")),
                           project(QStringLiteral("1"), QStringLiteral("Alpha")),
                           project(QStringLiteral("2"), QStringLiteral("beta"))});
        QCOMPARE(names(model), QStringLiteral("Alpha,beta,gamma")); // by name, any case
        QCOMPARE(inserted.size(), 1);                               // one block
        QCOMPARE(model.rowOf(QStringLiteral("2")), 1);

        // Renamed (moves), removed, added, changed: no reset.
        model.setProjects({project(QStringLiteral("3"), QStringLiteral("aardvark")),
                           project(QStringLiteral("2"), QStringLiteral("beta")),
                           project(QStringLiteral("4"), QStringLiteral("delta"))});
        QCOMPARE(names(model), QStringLiteral("aardvark,beta,delta"));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QVERIFY(moved.size() >= 1);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(model.rowOf(QStringLiteral("1")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("4")), 2);
        QCOMPARE(model.index(0).data(ProjectListModel::IdRole).toString(), QStringLiteral("3"));

        // The same list again: no signal at all.
        const int before = int(inserted.size() + removed.size() + moved.size() + changed.size());
        model.setProjects(model.projects());
        QCOMPARE(int(inserted.size() + removed.size() + moved.size() + changed.size()), before);

        model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void catalogLoadsEveryProject() {
        ProjectCatalog catalog;
        QAbstractItemModelTester tester(catalog.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&catalog, &ProjectCatalog::loaded);
        catalog.setClient(m_world->client);
        QVERIFY(catalog.isLoading());
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.first().first().toInt(), 5);
        QCOMPARE(catalog.model()->rowCount(), 5);
        for (const QString &id : m_world->sim().projectIds())
            QVERIFY(catalog.model()->rowOf(id) >= 0);
        QVERIFY(!catalog.isLoading());

        // A reload of the same list changes nothing and never resets.
        QSignalSpy reset(catalog.model(), &QAbstractItemModel::modelReset);
        catalog.reload();
        QVERIFY(loaded.wait());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(catalog.model()->rowCount(), 5);

        // No client: no projects.
        catalog.setClient(nullptr);
        QCOMPARE(catalog.model()->rowCount(), 0);
    }

    void catalogReportsFailures() {
        ProjectCatalog catalog;
        QSignalSpy failed(&catalog, &ProjectCatalog::failed);
        m_world->sim().faults().failNext(20, 500, QStringLiteral("/api/projects"));
        catalog.setClient(m_world->client);
        QVERIFY(failed.wait());
        QVERIFY(catalog.lastError().isError());
        QCOMPARE(catalog.lastError().httpStatus, 500);
        QVERIFY(!catalog.isLoading());
    }

    void sessionSavesAfterAPauseAndNotBlankDrafts() {
        DraftSession session(m_store.get());
        session.setProfileId(Profile);
        QSignalSpy saved(&session, &DraftSession::saved);
        DraftDocument blank;
        blank.projectId = QStringLiteral("p"); // a project alone is not a draft yet
        session.setDocument(blank);
        QVERIFY(session.hasPendingSave());
        QTRY_VERIFY(!session.hasPendingSave());
        QVERIFY(!QTest::qWaitFor([&]() { return !saved.isEmpty(); }, 200));
        QVERIFY(!session.isStored());

        DraftDocument doc = DraftDocument::fromRequest(QStringLiteral("p"), QStringLiteral("P"),
                                                       requestFor({fil(1)}, QStringLiteral("a")));
        QElapsedTimer timer;
        timer.start();
        session.setDocument(doc);
        doc.groups.first().dataIds.append(fil(2)); // typing on: the pause restarts
        session.setDocument(doc);
        QVERIFY(saved.wait(5000));
        QVERIFY2(timer.elapsed() >= 450, "saved before the pause was over");
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().toString(), session.draftId());
        const std::optional<Draft> stored = storedDraft(session.draftId());
        QVERIFY(stored);
        QCOMPARE(stored->profileId, Profile);
        QCOMPARE(stored->projectId, QStringLiteral("p"));
        QVERIFY(DraftDocument::fromJson(stored->content) == doc);
    }

    void sessionSavesDuringSteadyTyping() {
        // A change every 50 ms never leaves a 500 ms pause, yet a save must come at
        // least once a second: that bounds what a kill -9 can lose.
        DraftSession session(m_store.get());
        session.setProfileId(Profile);
        QSignalSpy saved(&session, &DraftSession::saved);
        DraftDocument doc = DraftDocument::fromRequest(QStringLiteral("p"), QString(),
                                                       requestFor({fil(1)}, QStringLiteral("a")));
        QElapsedTimer timer;
        timer.start();
        QTimer typist;
        typist.setInterval(50);
        int keystrokes = 0;
        connect(&typist, &QTimer::timeout, this, [&]() {
            doc.groups.first().dataIds.append(fil(100 + ++keystrokes));
            session.setDocument(doc);
        });
        typist.start();
        // Bounded: 15 s (15x the maximum delay) is plenty even on a loaded machine.
        QVERIFY(QTest::qWaitFor([&]() { return !saved.isEmpty(); }, 15000));
        const qint64 firstSaveMs = timer.elapsed();
        typist.stop();
        QVERIFY2(firstSaveMs >= 900, qPrintable(QString::number(firstSaveMs)));
        QVERIFY(keystrokes >= 2);
        const std::optional<Draft> stored = storedDraft(session.draftId());
        QVERIFY(stored);
        QVERIFY(DraftDocument::fromJson(stored->content).dataIdCount() >= 2);
    }

    void sessionSavesPendingChangesWhenDestroyed() {
        QString id;
        const DraftDocument doc = DraftDocument::fromRequest(
            QStringLiteral("p"), QString(), requestFor({fil(7)}, QStringLiteral("late")));
        {
            DraftSession session(m_store.get());
            session.setProfileId(Profile);
            session.setName(QStringLiteral("closing time"));
            session.setDocument(doc);
            id = session.draftId();
        }
        const std::optional<Draft> stored = storedDraft(id);
        QVERIFY(stored);
        QCOMPARE(stored->name, QStringLiteral("closing time"));
        QVERIFY(DraftDocument::fromJson(stored->content) == doc);
    }

    void sessionHoldsItsOwnCopyAndNeverAnOlderOne() {
        // A save converts the draft on a worker, which also hands back a copy of it
        // holding lists of its own, so that the editors' lists are not shared (else the
        // next keystroke copies 100,000 IDs). A copy of an older document never
        // replaces a newer one set meanwhile.
        DraftDocument current = DraftDocument::fromRequest(
            QStringLiteral("p"), QString(), requestFor(fils(3000), QStringLiteral("a")));
        DraftSession session(m_store.get());
        session.setProfileId(Profile);
        session.setDocumentSource([&current]() { return current; });
        QSignalSpy saved(&session, &DraftSession::saved);
        session.touch();
        session.saveNow(); // converting on a worker now
        QVERIFY(saved.wait(5000));
        QVERIFY(session.document() == current);
        QVERIFY(session.document().groups.first().dataIds.constData() !=
                current.groups.first().dataIds.constData());
        session.setDocumentSource({});

        // The result of a conversion arrives through the event loop: a document set
        // before it is handled is newer, and stays.
        const DraftDocument older = current;
        DraftDocument newer = current;
        newer.groups.first().dataIds.append(fil(99999));
        session.setDocument(older.detached()); // equal: nothing to save
        QVERIFY(!session.hasPendingSave());
        newer.groups.first().userTags.addTags = {QStringLiteral("b")};
        DraftDocument between = older;
        between.groups.first().userTags.addTags = {QStringLiteral("between")};
        session.setDocument(between);
        session.saveNow();
        session.setDocument(newer);
        QVERIFY(saved.wait(5000)); // the save of `between`
        QVERIFY(session.document() == newer);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                const std::optional<Draft> stored = storedDraft(session.draftId());
                return !session.hasPendingSave() && stored &&
                       DraftDocument::fromJson(stored->content) == newer;
            }(),
            10000);
        QVERIFY(session.document() == newer);
    }

    void sessionOpensStartsAndDiscards() {
        DraftSession session(m_store.get());
        session.setProfileId(Profile);
        session.setSaveDelay(std::chrono::milliseconds(10));
        QSignalSpy saved(&session, &DraftSession::saved);
        QSignalSpy replaced(&session, &DraftSession::documentReplaced);
        QSignalSpy idChanged(&session, &DraftSession::draftIdChanged);
        const DraftDocument first = DraftDocument::fromRequest(
            QStringLiteral("p"), QString(), requestFor({fil(1)}, QStringLiteral("one")));
        session.setDocument(first);
        QVERIFY(saved.wait());
        const QString firstId = session.draftId();

        session.startNew();
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(idChanged.size(), 1);
        QVERIFY(session.draftId() != firstId);
        QVERIFY(session.document().isBlank());

        session.open(firstId);
        QVERIFY(replaced.wait());
        QCOMPARE(session.draftId(), firstId);
        QVERIFY(session.document() == first);
        QVERIFY(session.isStored());

        QSignalSpy failed(&session, &DraftSession::openFailed);
        session.open(QStringLiteral("no-such-draft"));
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("no longer exists")));
        QCOMPARE(session.draftId(), firstId); // the current one stays

        session.discard();
        QVERIFY(session.draftId() != firstId);
        QTRY_VERIFY(!storedDraft(firstId).has_value());

        const DraftDocument from = DraftDocument::fromRequest(
            QStringLiteral("q"), QString(), requestFor({fil(9)}, QStringLiteral("from")));
        session.startFrom(from);
        QVERIFY(session.document() == from);
        QVERIFY(saved.wait());
        QVERIFY(storedDraft(session.draftId()).has_value());
    }

    void submitterCreatesAndRecords() {
        const QString projectId = m_world->sim().projectIds().first();
        const QStringList ids = m_world->sim().fileIds(projectId).mid(0, 3);
        SubmitPlan plan = SubmitPlan::of(DraftDocument::fromRequest(
            projectId, QStringLiteral("First"), requestFor(ids, QStringLiteral("t"))));
        BatchSubmitter submitter;
        QSignalSpy created(&submitter, &BatchSubmitter::batchCreated);
        QSignalSpy finished(&submitter, &BatchSubmitter::finished);
        QVERIFY(submitter.start(m_world->client, m_store.get(), Profile, plan));
        QVERIFY(submitter.isRunning());
        QVERIFY(!submitter.start(m_world->client, m_store.get(), Profile, plan)); // one at a time
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(created.size(), 1);
        const QString batchId = created.first().at(1).toString();
        QCOMPARE(created.first().at(0).toString(), projectId);
        QCOMPARE(m_world->sim().batchCount(), 1);
        const std::optional<ica::sim::BatchSnapshot> batch =
            m_world->sim().batch(projectId, batchId);
        QVERIFY(batch);
        QCOMPARE(batch->itemCount, 3);
        const QList<BatchRecord> records = history();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().batchId, batchId);
        QCOMPARE(records.first().projectName, QStringLiteral("First"));
        QCOMPARE(records.first().origin, BatchOrigin::Created);
        std::optional<std::optional<BatchRecord>> found; // list() leaves the request out
        m_store->findBatch(
            batchId, Profile, this,
            [&](const StoreResult<std::optional<BatchRecord>> &r) { found = r.value; });
        QTRY_VERIFY(found.has_value());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->request, plan.requests.first().toJson());
        QVERIFY(!records.first().summary.isEmpty());
        QVERIFY(!records.first().jobStatus.isEmpty());
        QVERIFY(submitter.remaining().isEmpty());
        QVERIFY(submitter.failureSummary().isEmpty());
    }

    void submitterNeverRepeatsAFailedCreate() {
        const QString projectId = m_world->sim().projectIds().first();
        SubmitPlan plan = SubmitPlan::of(DraftDocument::fromRequest(
            projectId, QString(),
            requestFor(m_world->sim().fileIds(projectId).mid(0, 2), QStringLiteral("t"))));
        QSignalSpy served(&m_world->sim(), &ica::sim::IcaSimulator::requestServed);
        m_world->sim().faults().failNext(1, 500, QStringLiteral("dataUpdateBatch"));
        BatchSubmitter submitter;
        QSignalSpy finished(&submitter, &BatchSubmitter::finished);
        QVERIFY(submitter.start(m_world->client, m_store.get(), Profile, plan));
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(submitter.failedIndex(), 0);
        QCOMPARE(submitter.error().httpStatus, 500);
        // A retry would go out within 10 ms (the fixture's policy): watch for one.
        QVERIFY(!QTest::qWaitFor([&]() { return countPosts(served) > 1; }, 300));
        QCOMPARE(countPosts(served), 1);
        QCOMPARE(m_world->sim().batchCount(), 0);
        QCOMPARE(submitter.remaining().size(), 1);
        QVERIFY(history().isEmpty());
        const QString summary = submitter.failureSummary();
        QVERIFY2(summary.contains(submitter.error().title()), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("draft is unchanged")), qPrintable(summary));
    }

    void submitterStopsAtTheFirstFailedBatch() {
        const QString projectId = m_world->sim().projectIds().first();
        const QStringList files = m_world->sim().fileIds(projectId);
        SubmitPlan plan;
        plan.projectId = projectId;
        // The second create is refused by ICA itself (a 400 problem: an archive time
        // set and cleared at once), the one kind of failure that means "not created".
        CreateBatchRequest refused = requestFor(files.mid(2, 2), QStringLiteral("b"));
        refused.dataUpdateGroups.first().willBeArchivedAt =
            QDateTime::currentDateTimeUtc().addDays(30);
        refused.dataUpdateGroups.first().clearWillBeArchivedAt = true;
        plan.requests = {requestFor(files.mid(0, 2), QStringLiteral("a")), refused,
                         requestFor(files.mid(4, 2), QStringLiteral("c"))};
        plan.source = BatchSplitterJoin(plan.requests);
        BatchSubmitter submitter;
        QSignalSpy served(&m_world->sim(), &ica::sim::IcaSimulator::requestServed);
        QSignalSpy finished(&submitter, &BatchSubmitter::finished);
        QVERIFY(submitter.start(m_world->client, m_store.get(), Profile, plan));
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(submitter.created().size(), 1);
        QCOMPARE(submitter.failedIndex(), 1);
        QCOMPARE(submitter.remaining().size(), 2);
        QVERIFY(submitter.remaining().first() == plan.requests.at(1));
        // A retry would go out within 10 ms (the fixture's policy): watch for one.
        QVERIFY(!QTest::qWaitFor([&]() { return countPosts(served) > 2; }, 300));
        QCOMPARE(countPosts(served), 2); // the 400 was not retried: a POST never is
        QVERIFY(!submitter.outcomeUnknown());
        QCOMPARE(m_world->sim().batchCount(), 1);
        QCOMPARE(history().size(), 1);
        const QString summary = submitter.failureSummary();
        QVERIFY2(summary.contains(QStringLiteral("Batch 2 of 3")), qPrintable(summary));
        QVERIFY2(summary.contains(submitter.created().first().id), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("2 batches not created")), qPrintable(summary));
    }

    void submitterWarnsWhenTheOutcomeIsUnknown() {
        const QString projectId = m_world->sim().projectIds().first();
        SubmitPlan plan = SubmitPlan::of(DraftDocument::fromRequest(
            projectId, QString(),
            requestFor(m_world->sim().fileIds(projectId).mid(0, 2), QStringLiteral("t"))));
        QSignalSpy served(&m_world->sim(), &ica::sim::IcaSimulator::requestServed);
        // The server takes the call, then the connection breaks before the answer.
        m_world->sim().faults().dropNext(1, QStringLiteral("dataUpdateBatch"));
        BatchSubmitter submitter;
        QSignalSpy finished(&submitter, &BatchSubmitter::finished);
        QVERIFY(submitter.start(m_world->client, m_store.get(), Profile, plan));
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(submitter.outcomeUnknown());
        // A retry would go out within 10 ms (the fixture's policy): watch for one.
        QVERIFY(!QTest::qWaitFor([&]() { return countPosts(served) > 1; }, 300));
        QCOMPARE(countPosts(served), 1); // never sent twice, even after a dropped connection
        QCOMPARE(m_world->sim().batchCount(), 1); // ... which is why: ICA did create it
        const QString summary = submitter.failureSummary();
        QVERIFY2(summary.contains(QStringLiteral("may or may not have created the batch")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Check whether it was created")),
                 qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("not created")), qPrintable(summary));
    }

    void gateway504AfterACreateIsAnUnknownOutcome() {
        const QString projectId = m_world->sim().projectIds().first();
        SubmitPlan plan = SubmitPlan::of(DraftDocument::fromRequest(
            projectId, QString(),
            requestFor(m_world->sim().fileIds(projectId).mid(10, 7), QStringLiteral("gw"))));
        const int before = m_world->sim().batchCount();
        // ICA takes the call; the gateway in front answers 504 with its HTML page.
        m_world->sim().faults().gatewayNext(1, 504, QStringLiteral("dataUpdateBatch"));
        BatchSubmitter submitter;
        QSignalSpy finished(&submitter, &BatchSubmitter::finished);
        QVERIFY(submitter.start(m_world->client, m_store.get(), Profile, plan));
        QVERIFY(finished.wait());
        QVERIFY(submitter.outcomeUnknown());
        QCOMPARE(submitter.error().httpStatus, 504);
        QVERIFY(!QTest::qWaitFor([&]() { return m_world->sim().batchCount() > before + 1; }, 300));
        QCOMPARE(m_world->sim().batchCount(), before + 1);
        QVERIFY(submitter.failedSentAt().isValid());

        // The check finds exactly that batch, with the count sent.
        CreatedBatchFinder finder(m_world->client);
        std::optional<QList<CreatedBatchCandidate>> candidates;
        connect(&finder, &CreatedBatchFinder::finished, this,
                [&candidates](const QList<CreatedBatchCandidate> &list, const ApiError &error) {
                    QVERIFY2(!error.isError(), qPrintable(error.toString()));
                    candidates = list;
                });
        QVERIFY(finder.start(
            projectId, submitter.failedSentAt().addSecs(-CreatedBatchFinder::ClockSkewSeconds)));
        QTRY_VERIFY(candidates.has_value());
        int withSevenItems = 0; // the other batches of this suite hold 2 or 3 items
        for (const CreatedBatchCandidate &c : *candidates)
            withSevenItems += c.itemCount == 7 ? 1 : 0;
        QCOMPARE(withSevenItems, 1);
    }

private:
    static CreateBatchRequest BatchSplitterJoin(const QList<CreateBatchRequest> &requests) {
        CreateBatchRequest joined;
        for (const CreateBatchRequest &r : requests)
            joined.dataUpdateGroups.append(r.dataUpdateGroups);
        return joined;
    }
};

QTEST_GUILESS_MAIN(TstComposerCore)
#include "tst_composercore.moc"
