// StoreWorker with Recovery::SetAsideOrMemory (what the app uses) on real files
// that cannot be used as they are: garbage bytes and a truncated file are moved
// aside (renamed, byte for byte, never deleted) and a fresh store starts; a file
// from a newer schema is left untouched and a read-only or blocked folder gives a
// store in memory, each with a notice that says what happened and what to do. A
// disk that fills up (RLIMIT_FSIZE) fails the save with a clear message and
// leaves the file whole.
#include "core/store/sqlitedatabase.h"
#include "core/store/storeworker.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace ica;

namespace {

const QString Profile = QStringLiteral("aaaaaaaa-0000-4000-8000-0000000000aa");

Draft draftOf(const QString &name, const QString &payload = QString()) {
    Draft d;
    d.name = name;
    d.profileId = Profile;
    d.content = QJsonObject{{QStringLiteral("note"), name}, {QStringLiteral("payload"), payload}};
    return d;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Files beside `path` whose names start with "<name>.damaged-".
QStringList setAside(const QString &path) {
    const QFileInfo info(path);
    return info.dir().entryList({info.fileName() + QStringLiteral(".damaged-*")}, QDir::Files);
}

/// Opens a worker and waits for opened().
std::unique_ptr<StoreWorker>
openWorker(const QString &path,
           StoreWorker::Recovery recovery = StoreWorker::Recovery::SetAsideOrMemory) {
    auto worker = std::make_unique<StoreWorker>(path, nullptr, recovery);
    QSignalSpy opened(worker.get(), &StoreWorker::opened);
    if (!opened.wait(20000))
        qFatal("the store did not open");
    return worker;
}

StoreResult<Draft> save(StoreWorker &worker, const Draft &draft) {
    std::optional<StoreResult<Draft>> answer;
    worker.saveDraft(draft, nullptr, [&](const StoreResult<Draft> &r) { answer = r; });
    if (!QTest::qWaitFor([&]() { return answer.has_value(); }, 20000))
        return StoreResult<Draft>::failure(QStringLiteral("no answer"));
    return *answer;
}

QList<Draft> drafts(StoreWorker &worker) {
    std::optional<QList<Draft>> answer;
    worker.listDrafts(Profile, nullptr,
                      [&](const StoreResult<QList<Draft>> &r) { answer = r.value; });
    (void)QTest::qWaitFor([&]() { return answer.has_value(); }, 20000);
    return answer.value_or(QList<Draft>());
}

/// PRAGMA integrity_check through a connection of its own: "ok" for a whole file.
QString integrity(const QString &path) {
    QString result;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ic"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                result = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ic"));
    return result;
}

/// A real store with `count` drafts, closed (checkpointed into the main file).
void makeStore(const QString &path, int count) {
    auto worker = openWorker(path, StoreWorker::Recovery::None);
    for (int i = 0; i < count; ++i)
        QVERIFY(
            save(*worker, draftOf(QStringLiteral("d%1").arg(i), QString(3000, QLatin1Char('p'))))
                .ok());
}

} // namespace

class TstStoreRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    int m_case = 0;

private Q_SLOTS:
    void init() {
        m_path = m_dir.filePath(QStringLiteral("case%1/store.sqlite").arg(++m_case));
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    }

    void garbageIsSetAsideAndAFreshStoreStarts() {
        QByteArray garbage;
        for (int i = 0; i < 20000; ++i)
            garbage += char((i * 7919) % 251);
        QVERIFY(writeAll(m_path, garbage));
        auto worker = openWorker(m_path);
        QVERIFY(worker->isOpen());
        QVERIFY(worker->isPersistent());
        const QStringList aside = setAside(m_path);
        QCOMPARE(aside.size(), 1);
        const QString moved = QFileInfo(m_path).dir().filePath(aside.first());
        QCOMPARE(readAll(moved), garbage); // kept byte for byte
        const QString notice = worker->notice();
        QVERIFY2(notice.contains(QStringLiteral("damaged or is not a database")) &&
                     notice.contains(QDir::toNativeSeparators(moved)) &&
                     notice.contains(QStringLiteral("nothing was deleted")),
                 qPrintable(notice));
        // The fresh store works and is a real file.
        QVERIFY(save(*worker, draftOf(QStringLiteral("after"))).ok());
        QCOMPARE(drafts(*worker).size(), 1);
        worker.reset();
        QCOMPARE(integrity(m_path), QStringLiteral("ok"));
    }

    void truncatedFileIsSetAside() {
        makeStore(m_path, 30);
        const QByteArray whole = readAll(m_path);
        QVERIFY2(whole.size() > 64 * 1024, "enough pages to lose some");
        const QByteArray half = whole.left(whole.size() / 2);
        QVERIFY(writeAll(m_path, half));
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        auto worker = openWorker(m_path);
        QVERIFY(worker->isOpen());
        QVERIFY2(worker->notice().contains(QStringLiteral("moved it aside")),
                 qPrintable(worker->notice()));
        const QStringList aside = setAside(m_path);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(QFileInfo(m_path).dir().filePath(aside.first())), half);
        QCOMPARE(drafts(*worker).size(), 0);
    }

    void everyDamagedFileIsKeptUnderItsOwnName() {
        QVERIFY(writeAll(m_path, QByteArray(5000, 'a')));
        openWorker(m_path).reset();
        QVERIFY(writeAll(m_path, QByteArray(5000, 'b')));
        openWorker(m_path).reset();
        const QStringList aside = setAside(m_path);
        QCOMPARE(aside.size(), 2);
        QSet<QByteArray> contents;
        for (const QString &name : aside)
            contents.insert(readAll(QFileInfo(m_path).dir().filePath(name)));
        QCOMPARE(contents, (QSet<QByteArray>{QByteArray(5000, 'a'), QByteArray(5000, 'b')}));
    }

    void newerSchemaIsLeftAloneAndTheStoreLivesInMemory() {
        makeStore(m_path, 1);
        {
            SqliteDatabase raw(m_path);
            QVERIFY(raw.open());
            QSqlQuery q(raw.database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        const QByteArray before = readAll(m_path);
        auto worker = openWorker(m_path);
        QVERIFY(worker->isOpen());
        QVERIFY(!worker->isPersistent());
        const QString notice = worker->notice();
        QVERIFY2(notice.contains(QStringLiteral("newer version of ICA Tagger")) &&
                     notice.contains(QStringLiteral("in memory only")),
                 qPrintable(notice));
        QVERIFY(save(*worker, draftOf(QStringLiteral("session only"))).ok());
        QCOMPARE(drafts(*worker).size(), 1);
        worker.reset();
        QCOMPARE(readAll(m_path), before); // untouched
        QVERIFY(setAside(m_path).isEmpty());
    }

    void blockedFolderGivesAStoreInMemory() {
        const QString blocker = QFileInfo(m_path).absolutePath() + QStringLiteral("/blocker");
        QVERIFY(writeAll(blocker, "a file where the folder should be"));
        auto worker = openWorker(blocker + QStringLiteral("/store.sqlite"));
        QVERIFY(worker->isOpen());
        QVERIFY(!worker->isPersistent());
        QVERIFY2(worker->notice().contains(QStringLiteral("could not be created")) &&
                     worker->notice().contains(QStringLiteral("in memory only")),
                 qPrintable(worker->notice()));
        QVERIFY(save(*worker, draftOf(QStringLiteral("kept in memory"))).ok());
        QCOMPARE(readAll(blocker), QByteArray("a file where the folder should be"));
    }

    void readOnlyFolderGivesAStoreInMemory() {
        if (::geteuid() == 0)
            QSKIP("root writes into read-only folders; blockedFolderGivesAStoreInMemory covers "
                  "the same path");
        makeStore(m_path, 2);
        const QString folder = QFileInfo(m_path).absolutePath();
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        const QByteArray before = readAll(m_path);
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        auto worker = openWorker(m_path);
        const bool persistent = worker->isPersistent();
        const QString notice = worker->notice();
        worker.reset();
        QVERIFY(
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(!persistent);
        QVERIFY2(notice.contains(QStringLiteral("writable")), qPrintable(notice));
        QCOMPARE(readAll(m_path), before);
        QVERIFY(setAside(m_path).isEmpty());
    }

    void fullDiskFailsTheSaveAndKeepsTheFileWhole() {
        auto worker = openWorker(m_path);
        QVERIFY(worker->notice().isEmpty());
        const StoreResult<Draft> first = save(*worker, draftOf(QStringLiteral("small")));
        QVERIFY(first.ok());
        // A file-size limit stands in for a full disk (no root, no loop device):
        // writes past it fail with EFBIG, as on a full disk with ENOSPC. SIGXFSZ is
        // ignored, as the app does, so the limit fails the write instead of killing us.
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &old) == 0);
        rlimit small = old;
        small.rlim_cur = 256 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &small) == 0);
        const StoreResult<Draft> big = save(
            *worker, draftOf(QStringLiteral("big"), QString(2 * 1024 * 1024, QLatin1Char('b'))));
        QVERIFY(setrlimit(RLIMIT_FSIZE, &old) == 0);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(!big.ok());
        QVERIFY2(big.error.contains(QStringLiteral("could not be saved")) &&
                     big.error.contains(QStringLiteral("disk")),
                 qPrintable(big.error));
        // Nothing half-written: the earlier draft is there, the big one is not, and
        // the store takes the next save.
        const QList<Draft> listed = drafts(*worker);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().id, first.value.id);
        QVERIFY(save(*worker, draftOf(QStringLiteral("after"))).ok());
        worker.reset();
        QCOMPARE(integrity(m_path), QStringLiteral("ok"));
    }
};

QTEST_MAIN(TstStoreRecovery)
#include "tst_storerecovery.moc"
