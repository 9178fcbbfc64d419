// StoreWorker: the database work runs on its own thread and every answer comes
// back on the caller's thread, later, in the order posted; change signals; a
// destroyed context silences its answer; a failed open is reported to every call;
// work posted before destruction is finished.
#include "core/store/sqlitedatabase.h"
#include "core/store/storeworker.h"
#include "tests/support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

namespace {

const QString ProfileA = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");

Draft sampleDraft(const QString &name) {
    Draft d;
    d.name = name;
    d.profileId = ProfileA;
    d.content = QJsonObject{{QStringLiteral("note"), name}};
    return d;
}

} // namespace

class TstStoreWorker : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void init() { m_path = ica::test::perTestPath(".sqlite"); }

    void opensOnItsOwnThread() {
        StoreWorker worker(m_path);
        QSignalSpy opened(&worker, &StoreWorker::opened);
        QVERIFY(!worker.isOpen());
        QVERIFY(opened.wait());
        QCOMPARE(opened.first().at(0).toBool(), true);
        QVERIFY(opened.first().at(1).toString().isEmpty());
        QVERIFY(worker.isOpen());
        QVERIFY(worker.workerThread()->isRunning());
        QVERIFY(worker.workerThread() != QThread::currentThread());
        QVERIFY(QFile::exists(m_path));
    }

    void defaultPathIsInAppData() {
        const QString path = StoreWorker::defaultDatabasePath();
        QVERIFY2(QDir::isAbsolutePath(path), qPrintable(path));
        QVERIFY(path.endsWith(QStringLiteral("/store.sqlite")));
        QVERIFY(path.contains(QCoreApplication::applicationName()));
    }

    void answersOnTheCallersThreadInOrder() {
        StoreWorker worker(m_path);
        QSignalSpy draftsChanged(&worker, &StoreWorker::draftsChanged);
        QStringList order;
        const QThread *callerThread = QThread::currentThread();
        bool allOnCaller = true;
        std::optional<Draft> saved;
        worker.saveDraft(sampleDraft(QStringLiteral("one")), this,
                         [&](const StoreResult<Draft> &r) {
                             allOnCaller = allOnCaller && QThread::currentThread() == callerThread;
                             order.append(QStringLiteral("save"));
                             if (r.ok())
                                 saved = r.value;
                         });
        QVERIFY2(order.isEmpty(), "the answer never comes inside the call");
        std::optional<QList<Draft>> listed;
        worker.listDrafts(ProfileA, this, [&](const StoreResult<QList<Draft>> &r) {
            allOnCaller = allOnCaller && QThread::currentThread() == callerThread;
            order.append(QStringLiteral("list"));
            listed = r.value;
        });
        QTRY_VERIFY(listed.has_value());
        QCOMPARE(order, (QStringList{QStringLiteral("save"), QStringLiteral("list")}));
        QVERIFY(allOnCaller);
        QVERIFY(saved.has_value());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().id, saved->id);
        QCOMPARE(draftsChanged.count(), 1);

        std::optional<std::optional<Draft>> loaded;
        worker.loadDraft(saved->id, this,
                         [&](const StoreResult<std::optional<Draft>> &r) { loaded = r.value; });
        QTRY_VERIFY(loaded.has_value());
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->content, sampleDraft(QStringLiteral("one")).content);

        bool renamed = false, discarded = false;
        worker.renameDraft(saved->id, QStringLiteral("renamed"), this,
                           [&](const StoreResult<bool> &r) { renamed = r.ok() && r.value; });
        worker.discardDraft(saved->id, this,
                            [&](const StoreResult<bool> &r) { discarded = r.ok() && r.value; });
        QTRY_VERIFY(discarded);
        QVERIFY(renamed);
        QCOMPARE(draftsChanged.count(), 3);
    }

    void historyThroughTheWorker() {
        StoreWorker worker(m_path);
        QSignalSpy historyChanged(&worker, &StoreWorker::historyChanged);
        BatchRecord r;
        r.profileId = ProfileA;
        r.projectId = QStringLiteral("proj");
        r.batchId = QStringLiteral("batch-1");
        r.origin = BatchOrigin::Opened;
        bool upserted = false, updated = false;
        worker.upsertBatch(r, this,
                           [&](const StoreResult<BatchRecord> &res) { upserted = res.ok(); });
        worker.updateBatchStatus(ProfileA, QStringLiteral("batch-1"), QStringLiteral("RUNNING"),
                                 {{QStringLiteral("UPDATING"), 2}}, this,
                                 [&](const StoreResult<bool> &res) { updated = res.value; });
        std::optional<std::optional<BatchRecord>> found;
        worker.findBatch(
            QStringLiteral("batch-1"), ProfileA, this,
            [&](const StoreResult<std::optional<BatchRecord>> &res) { found = res.value; });
        QTRY_VERIFY(found.has_value());
        QVERIFY(upserted);
        QVERIFY(updated);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->jobStatus, QStringLiteral("RUNNING"));
        QCOMPARE((*found)->itemCounts.value(QStringLiteral("UPDATING")), 2);
        std::optional<int> listed, removed;
        worker.listBatches(QString(), this, [&](const StoreResult<QList<BatchRecord>> &res) {
            listed = int(res.value.size());
        });
        worker.removeProfileBatches(ProfileA, this,
                                    [&](const StoreResult<int> &res) { removed = res.value; });
        QTRY_VERIFY(removed.has_value());
        QCOMPARE(*listed, 1);
        QCOMPARE(*removed, 1);
        QCOMPARE(historyChanged.count(), 3);
    }

    void destroyedContextGetsNoAnswer() {
        StoreWorker worker(m_path);
        bool silenced = false;
        auto *context = new QObject;
        worker.listDrafts(QString(), context,
                          [&](const StoreResult<QList<Draft>> &) { silenced = true; });
        delete context;
        bool later = false;
        worker.listDrafts(QString(), nullptr,
                          [&](const StoreResult<QList<Draft>> &) { later = true; });
        QTRY_VERIFY(later);
        QVERIFY2(!silenced, "the answer to a destroyed context must be dropped");
    }

    void failedOpenIsReportedToEveryCall() {
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        StoreWorker worker(blocker.fileName() + QStringLiteral("/store.sqlite"));
        QSignalSpy opened(&worker, &StoreWorker::opened);
        QVERIFY(opened.wait());
        QCOMPARE(opened.first().at(0).toBool(), false);
        QVERIFY(!worker.isOpen());
        QVERIFY2(worker.openError().contains(QStringLiteral("could not be created")),
                 qPrintable(worker.openError()));
        std::optional<QString> error;
        worker.saveDraft(sampleDraft(QStringLiteral("x")), this,
                         [&](const StoreResult<Draft> &r) { error = r.error; });
        QTRY_VERIFY(error.has_value());
        QCOMPARE(*error, worker.openError());
    }

    void pendingWorkFinishesBeforeDestruction() {
        {
            StoreWorker worker(m_path);
            for (int i = 0; i < 5; ++i)
                worker.saveDraft(sampleDraft(QStringLiteral("d%1").arg(i)), nullptr, {});
        } // no waiting: the destructor lets the posted saves finish
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        const auto listed = DraftStore(db).list();
        QVERIFY(listed.ok());
        QCOMPARE(listed.value.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TstStoreWorker)
#include "tst_storeworker.moc"
