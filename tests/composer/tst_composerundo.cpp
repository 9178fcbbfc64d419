// "Undo this batch…" through the app's real parts: a batch of 2,000 files (5 unknown
// IDs, tags removed and added, dates set and cleared) submitted from the composer
// records its undo snapshot in a real SQLite file; once it ended, the monitor's
// "Undo this batch…" shows the before/after preview and makes a draft whose
// submission restores every file's user tags, technical tags and dates, read back
// with data GETs through the real client. A batch without a snapshot cannot be
// undone (and says why); a snapshot that cannot be read lets the user cancel
// (nothing sent) or submit without undo.
#include "core/api/backgroundpool.h"
#include "core/data/datalookup.h"
#include "core/history/snapshottaker.h"
#include "core/store/storeworker.h"
#include "simulator/icasimulator.h"
#include "tests/support/callwaiter.h"
#include "tests/support/storeanswers.h"
#include "tests/support/testworld.h"
#include "ui/composer/composerwidget.h"
#include "ui/monitor/batchundocontroller.h"
#include "ui/monitor/batchview.h"
#include "ui/monitor/monitorwidget.h"
#include "ui/monitor/undopreviewdialog.h"
#include "ui/widgets/confirmation.h"

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using ica::ui::Confirmation;

namespace {

const QString Profile = QStringLiteral("cccccccc-0000-4000-8000-0000000000d0");

/// What a batch may change on a file, as the API shows it (tags compared as sets).
struct Fields {
    QSet<QString> userTags;
    QSet<QString> technicalTags;
    QDateTime archiveAt;
    QDateTime deleteAt;
    friend bool operator==(const Fields &a, const Fields &b) {
        return a.userTags == b.userTags && a.technicalTags == b.technicalTags &&
               a.archiveAt == b.archiveAt && a.deleteAt == b.deleteAt;
    }
};

ica::DataUpdateGroup group(const QStringList &ids, const QStringList &addUser,
                           const QStringList &removeUser, const QStringList &addTech = {},
                           const QStringList &removeTech = {}) {
    ica::DataUpdateGroup g;
    g.dataIds = ids;
    g.userTags = {addUser, removeUser};
    g.technicalTags = {addTech, removeTech};
    return g;
}

QDateTime utc(const char *text) {
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
}

} // namespace

class TestComposerUndo final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::TestWorld> m_world;
    QTemporaryDir m_dir;
    std::unique_ptr<ica::StoreWorker> m_store;
    std::unique_ptr<ica::ui::ComposerWidget> m_composer;
    std::unique_ptr<ica::ui::MonitorWidget> m_monitor;
    int m_nextFile = 0;

    QString project() const { return m_world->projectId; }
    QStringList files(int count) {
        const QStringList out = m_world->fileIds.mid(m_nextFile, count);
        m_nextFile += count;
        return out;
    }

    QHash<QString, Fields> read(const QStringList &ids) {
        ica::test::CallWaiter<QList<ica::ProjectData>> w;
        ica::DataLookup::byIds(m_world->client, project(), {}, ids, &w, w.callback());
        if (!w.wait(60000) || !w.ok())
            return {};
        QHash<QString, Fields> out;
        for (const ica::ProjectData &d : w.value())
            out.insert(d.id,
                       {QSet<QString>(d.tags.userTags.begin(), d.tags.userTags.end()),
                        QSet<QString>(d.tags.technicalTags.begin(), d.tags.technicalTags.end()),
                        d.willBeArchivedAt, d.willBeDeletedAt});
        return out;
    }

    /// Puts `request` into a new draft and submits it from the composer (answering
    /// the confirmation with yes); the created batches' IDs.
    QStringList submit(const ica::CreateBatchRequest &request, bool fromMonitor = false) {
        if (!fromMonitor)
            m_composer->newDraftFrom(project(), request);
        auto *button = m_composer->findChild<QPushButton *>(QStringLiteral("submitButton"));
        if (!QTest::qWaitFor([&]() { return button->isEnabled(); }, 20000)) {
            qWarning("the submit button stayed disabled");
            return {};
        }
        QSignalSpy created(m_composer.get(), &ica::ui::ComposerWidget::batchCreated);
        Confirmation::setNextAnswer(true);
        m_composer->submit();
        if (!QTest::qWaitFor([&]() { return !created.isEmpty() && !m_composer->isSending(); },
                             60000)) {
            qWarning("no batch was created");
            return {};
        }
        QStringList ids;
        for (const QList<QVariant> &args : created)
            ids.append(args.at(1).toString());
        return ids;
    }

    std::optional<bool> hasSnapshot(const QString &batchId) {
        std::optional<bool> answer;
        m_store->hasSnapshot(Profile, batchId, m_composer.get(),
                             [&](const ica::StoreResult<bool> &r) { answer = r.ok() && r.value; });
        if (!QTest::qWaitFor([&]() { return answer.has_value(); }, 10000))
            return std::nullopt;
        return answer;
    }

    /// The "Submit without undo?" question while it is shown.
    QMessageBox *undoQuestion() const {
        for (QMessageBox *box : m_composer->findChildren<QMessageBox *>()) {
            if (box->isVisible() && box->text().contains(QLatin1String("could not be read")))
                return box;
        }
        return nullptr;
    }

    QToolButton *undoButton() const {
        return m_monitor->findChild<QToolButton *>(QStringLiteral("undoBatchButton"));
    }

private Q_SLOTS:
    void initTestCase() {
        ica::sim::SimulatorOptions options = ica::test::TestWorld::smallWorld();
        options.filesInFirstProject = 2200;
        m_world = ica::test::TestWorld::start(options);
        QVERIFY2(m_world->isUp(), qPrintable(m_world->startError()));
        m_store =
            std::make_unique<ica::StoreWorker>(m_dir.filePath(QStringLiteral("store.sqlite")));
        m_composer = std::make_unique<ica::ui::ComposerWidget>(m_store.get());
        m_composer->setClient(m_world->client);
        m_composer->setProfileId(Profile);
        m_composer->resize(1200, 900);
        m_composer->show();
        m_monitor = std::make_unique<ica::ui::MonitorWidget>(m_store.get());
        m_monitor->setClient(m_world->client);
        m_monitor->setProfileId(Profile);
        m_monitor->resize(1200, 800);
        m_monitor->show();
        // As the main window does: a draft from the monitor opens in the composer.
        connect(m_monitor.get(), &ica::ui::MonitorWidget::newDraftRequested, m_composer.get(),
                &ica::ui::ComposerWidget::newDraftFrom);
        QVERIFY(QTest::qWaitForWindowExposed(m_composer.get()));
    }

    void init() { Confirmation::setNextAnswer(std::nullopt); }

    void bulkWorkRunsOnOneLowPriorityThread() {
        QCOMPARE(ica::BackgroundPool::instance()->maxThreadCount(), 1);
        const int ownNice = ica::BackgroundPool::currentNice();
        QFuture<int> nice =
            ica::BackgroundPool::run([]() { return ica::BackgroundPool::currentNice(); });
        nice.waitForFinished();
#ifdef Q_OS_LINUX
        QVERIFY2(nice.result() >= qMax(ownNice, ica::BackgroundPool::Nice),
                 qPrintable(QString::number(nice.result())));
#endif
        QCOMPARE(ica::BackgroundPool::currentNice(), ownNice); // this thread is left alone
    }

    void snapshotIsTakenWholeOnTheBackgroundPool() {
        // 1,500 IDs (8 lookups of up to 200) and 3 unknown ones: every step but the
        // calls runs on the background pool, and the snapshot still holds them all.
        QStringList ids = m_world->fileIds.mid(0, 1500);
        for (int i = 0; i < 3; ++i)
            ids.append(ica::test::TestWorld::unknownId(950 + i));
        ica::CreateBatchRequest request;
        request.dataUpdateGroups = {group(ids, {QStringLiteral("x")}, {})};
        const quint64 before = ica::BackgroundPool::tasksStarted();
        std::optional<ica::Result<ica::UndoSnapshot>> taken;
        ica::SnapshotTaker::take(m_world->client, project(), QStringLiteral("P"), request,
                                 m_composer.get(),
                                 [&](const ica::Result<ica::UndoSnapshot> &r) { taken = r; });
        QTRY_VERIFY_WITH_TIMEOUT(taken.has_value(), 60000);
        QVERIFY(taken->ok());
        QCOMPARE(taken->value->items.size(), 1500);
        QCOMPARE(taken->value->missing.size(), 3);
        for (qsizetype i = 0; i < 1500; i += 250)
            QCOMPARE(taken->value->items.at(i).id, ids.at(i)); // in request order
        // Chunking and assembling at least (large pages are decoded there too).
        QVERIFY(ica::BackgroundPool::tasksStarted() - before >= 2);
    }

    void undoRestoresEveryFileThroughTheApp() {
        const QStringList ids = files(2000);
        // State to restore: tags and dates on the first 800 files (not through undo).
        ica::DataUpdateGroup setup =
            group(ids.mid(0, 800), {QStringLiteral("keep")}, {}, {QStringLiteral("t:old")});
        setup.willBeArchivedAt = utc("2031-01-01T00:00:00Z");
        setup.willBeDeletedAt = utc("2032-02-02T00:00:00Z");
        QVERIFY(!m_world->createBatch({setup}).isEmpty());
        m_world->advance(std::chrono::minutes(10));
        const QHash<QString, Fields> before = read(ids);
        QCOMPARE(before.size(), 2000);

        QStringList withUnknown = ids.mid(0, 600);
        for (int i = 0; i < 5; ++i)
            withUnknown.insert(i * 100, ica::test::TestWorld::unknownId(900 + i));
        ica::CreateBatchRequest request;
        ica::DataUpdateGroup g1 = group(withUnknown, {QStringLiteral("new")},
                                        {QStringLiteral("keep")}, {}, {QStringLiteral("t:old")});
        g1.willBeArchivedAt = utc("2040-01-01T00:00:00Z");
        ica::DataUpdateGroup g2 = group(ids.mid(600, 400), {}, {QStringLiteral("keep")});
        g2.clearWillBeDeletedAt = true;
        ica::DataUpdateGroup g3 =
            group(ids.mid(1000), {QStringLiteral("keep")}, {}, {QStringLiteral("t:new")});
        g3.willBeDeletedAt = utc("2041-01-01T00:00:00Z");
        request.dataUpdateGroups = {g1, g2, g3};

        const QStringList created = submit(request);
        QCOMPARE(created.size(), 1);
        const QString batchId = created.first();
        QCOMPARE(hasSnapshot(batchId), std::optional<bool>(true));

        // While it runs, undo is not offered yet.
        m_monitor->openBatch(project(), batchId);
        QTRY_VERIFY(m_monitor->batchView()->batchId() == batchId);
        QTRY_VERIFY(undoButton()->toolTip().contains(QLatin1String("not ended")));
        QVERIFY(!undoButton()->isEnabled());
        m_world->advance(std::chrono::minutes(10));
        m_monitor->batchView()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(undoButton()->isEnabled(), 20000);
        QCOMPARE(m_world->sim().batch(project(), batchId)->jobStatus,
                 QStringLiteral("PARTIALLY_SUCCEEDED"));

        // Someone else removes "new" from five files meanwhile: partly reverted, noted.
        QVERIFY(
            !m_world->createBatch({group(ids.mid(0, 5), {}, {QStringLiteral("new")})}).isEmpty());
        m_world->advance(std::chrono::minutes(1));

        QTest::mouseClick(undoButton(), Qt::LeftButton);
        ica::ui::BatchUndoController *undo = m_monitor->batchView()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(undo->preview() != nullptr, 30000);
        ica::ui::UndoPreviewDialog *preview = undo->preview();
        const ica::UndoPlan &plan = preview->plan();
        QCOMPARE(plan.count(ica::UndoSkip::Reason::FailedInBatch), 5);
        // Files 800-999 had no "keep" and no delete date: the batch changed nothing there.
        QVERIFY(plan.count(ica::UndoSkip::Reason::NothingChanged) >= 190);
        QCOMPARE(plan.count(ica::UndoSkip::Reason::ChangedSince), 0);
        QCOMPARE(plan.request.dataIdCount() + plan.count(ica::UndoSkip::Reason::NothingChanged),
                 2000);
        QCOMPARE(preview->model()->rowCount(), 2000 + 5);
        const QString summary = preview->findChild<QLabel *>(QStringLiteral("undoSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("%1 items to restore")
                                      .arg(QLocale().toString(plan.request.dataIdCount()))) &&
                     summary.contains(QLatin1String("5 failed in the batch")),
                 qPrintable(summary));
        int noted = 0;
        for (const ica::UndoRow &row : plan.rows)
            noted += row.note.contains(QLatin1String("\"new\" was already removed")) ? 1 : 0;
        QCOMPARE(noted, 5);
        // Each row: now and after undo as the preview shows them.
        const QModelIndex now = preview->model()->index(0, ica::ui::UndoPlanModel::Now);
        const QModelIndex after = preview->model()->index(0, ica::ui::UndoPlanModel::After);
        QVERIFY(now.data().toString() != after.data().toString());

        QSignalSpy drafted(m_monitor.get(), &ica::ui::MonitorWidget::newDraftRequested);
        QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("undoMakeDraftButton")),
                          Qt::LeftButton);
        QCOMPARE(drafted.size(), 1);
        QCOMPARE(m_composer->document().projectId, project());

        const QStringList undone = submit({}, true);
        QCOMPARE(undone.size(), 1);
        m_world->advance(std::chrono::minutes(10));
        QCOMPARE(m_world->sim().batch(project(), undone.first())->jobStatus,
                 QStringLiteral("SUCCEEDED"));
        const QHash<QString, Fields> restored = read(ids);
        QCOMPARE(restored.size(), 2000);
        int differing = 0;
        for (const QString &id : ids)
            differing += restored.value(id) == before.value(id) ? 0 : 1;
        QCOMPARE(differing, 0);
    }

    void aBatchWithoutSnapshotCannotBeUndone() {
        const QString batchId = m_world->createBatch(files(3)); // not through the app
        QVERIFY(!batchId.isEmpty());
        m_world->advance(std::chrono::minutes(1));
        m_monitor->openBatch(project(), batchId);
        QTRY_VERIFY(undoButton()->toolTip().contains(QLatin1String("No undo record")));
        QVERIFY(!undoButton()->isEnabled());
    }

    void anUnreadableStateLetsTheUserChoose() {
        // Only the composer talks to the server now: the faults below are for it.
        m_monitor->setClient(nullptr);
        ica::CreateBatchRequest request;
        request.dataUpdateGroups = {group(files(3), {QStringLiteral("maybe")}, {})};
        m_composer->newDraftFrom(project(), request);
        auto *button = m_composer->findChild<QPushButton *>(QStringLiteral("submitButton"));
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 20000);
        const int batches = m_world->sim().batchCount();

        // The state cannot be read (every data listing fails while the question is
        // open). The question is a real message box here: the test answers it by its
        // buttons once the faults are lifted, so nothing else can take its answer.
        m_world->sim().faults().failNext(100000, 400, QStringLiteral("/data"));
        Confirmation::setNextAnswer(true); // "Create batch?"
        m_composer->submit();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = undoQuestion()) != nullptr, 20000);
        QVERIFY(box->text().contains(QLatin1String("could not be read")));
        m_world->sim().faults().reset();
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_composer->isSending(), 20000);
        QCOMPARE(m_world->sim().batchCount(), batches); // cancelled: nothing sent

        // Submit without undo: sent once, with no snapshot.
        QSignalSpy created(m_composer.get(), &ica::ui::ComposerWidget::batchCreated);
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 20000);
        m_world->sim().faults().failNext(100000, 400, QStringLiteral("/data"));
        Confirmation::setNextAnswer(true);
        m_composer->submit();
        QTRY_VERIFY_WITH_TIMEOUT((box = undoQuestion()) != nullptr, 20000);
        m_world->sim().faults().reset();
        QAbstractButton *without = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (b->text() == QLatin1String("Submit without undo"))
                without = b;
        }
        QVERIFY(without);
        QTest::mouseClick(without, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(created.size() == 1, 20000);
        QTRY_VERIFY(!m_composer->isSending());
        QCOMPARE(m_world->sim().batchCount(), batches + 1);
        QCOMPARE(hasSnapshot(created.first().at(1).toString()), std::optional<bool>(false));
    }

    void cleanupTestCase() {
        m_monitor.reset();
        m_composer.reset();
        m_store.reset();
        m_world.reset();
    }
};

QTEST_MAIN(TestComposerUndo)
#include "tst_composerundo.moc"
