// SqliteDatabase on real files: WAL, schema version, migrations applied once and
// whole (a failing step leaves the previous version), newer and foreign files
// refused without being touched, separate connections per instance.
#include "core/store/sqlitedatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

namespace {

int count(const SqliteDatabase &db, const QString &sql) {
    QSqlQuery q(db.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool hasTable(const SqliteDatabase &db, const QString &table) {
    return count(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                    "name = '%1'")
                         .arg(table)) == 1;
}

/// Runs one statement on `path` through a plain connection of its own (no
/// migrations, no checks); returns the first column of the first row, or -1.
int rawExec(const QString &path, const QString &sql) {
    const QString name = QStringLiteral("raw-%1").arg(QLatin1String(QTest::currentTestFunction()));
    int value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql))
                value = q.next() ? q.value(0).toInt() : 0;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

const Migration StepOne{1, {QStringLiteral("CREATE TABLE IF NOT EXISTS t (a TEXT)")}};
const Migration StepTwo{2, {QStringLiteral("ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 7")}};

} // namespace

class TstSqliteDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void freshFileIsMigratedInWalMode() {
        const QString path = m_dir.filePath(QStringLiteral("sub/folder/store.sqlite"));
        SqliteDatabase db(path);
        QCOMPARE(db.schemaVersion(), -1);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QVERIFY(db.isOpen());
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(db.journalMode(), QStringLiteral("wal"));
        QCOMPARE(db.schemaVersion(), db.latestVersion());
        QVERIFY(db.latestVersion() >= 1);
        QVERIFY(hasTable(db, QStringLiteral("batch_history")));
        QVERIFY(hasTable(db, QStringLiteral("drafts")));
        QCOMPARE(count(db, QStringLiteral("PRAGMA synchronous")), 2); // FULL
    }

    void reopeningIsIdempotent() {
        const QString path = file("reopen.sqlite");
        {
            SqliteDatabase db(path);
            QVERIFY(db.open());
            QSqlQuery q(db.database());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO drafts (id, content_json, created_at, "
                                          "updated_at) VALUES ('d1', '{}', 1, 1)")));
        }
        for (int i = 0; i < 2; ++i) {
            SqliteDatabase db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QCOMPARE(db.schemaVersion(), db.latestVersion());
            QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM drafts")), 1);
        }
        // Even a step that is run again on tables that exist does no harm.
        QCOMPARE(rawExec(path, QStringLiteral("PRAGMA user_version = 0")), 0);
        SqliteDatabase db(path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), db.latestVersion());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM drafts")), 1);
    }

    void upgradesStepByStep() {
        const QString path = file("steps.sqlite");
        {
            SqliteDatabase v1(path, {StepOne});
            QVERIFY(v1.open());
            QCOMPARE(v1.schemaVersion(), 1);
            QSqlQuery q(v1.database());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO t (a) VALUES ('kept')")));
        }
        SqliteDatabase v2(path, {StepTwo, StepOne}); // order given does not matter
        QString error;
        QVERIFY2(v2.open(&error), qPrintable(error));
        QCOMPARE(v2.schemaVersion(), 2);
        QSqlQuery q(v2.database());
        QVERIFY(q.exec(QStringLiteral("SELECT a, b FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
        QCOMPARE(q.value(1).toInt(), 7);
    }

    void failingStepIsRolledBackWhole() {
        const QString path = file("failing.sqlite");
        {
            SqliteDatabase v1(path, {StepOne});
            QVERIFY(v1.open());
        }
        const Migration broken{
            2, {QStringLiteral("CREATE TABLE half (x)"), QStringLiteral("THIS IS NOT SQL")}};
        {
            SqliteDatabase db(path, {StepOne, broken});
            QString error;
            QVERIFY(!db.open(&error));
            QVERIFY(!db.isOpen());
            QVERIFY2(error.contains(QStringLiteral("could not be upgraded to schema version 2")) &&
                         error.contains(QStringLiteral("left at version 1")),
                     qPrintable(error));
        }
        SqliteDatabase check(path, {StepOne});
        QVERIFY(check.open());
        QCOMPARE(check.schemaVersion(), 1);
        QVERIFY2(!hasTable(check, QStringLiteral("half")), "nothing of the failed step remains");
    }

    void newerFileIsRefusedUntouched() {
        const QString path = file("newer.sqlite");
        QCOMPARE(rawExec(path, QStringLiteral("PRAGMA user_version = 99")), 0);
        {
            SqliteDatabase db(path);
            QString error;
            QVERIFY(!db.open(&error));
            QVERIFY2(error.contains(QStringLiteral("newer version of ICA Tagger")) &&
                         error.contains(QStringLiteral("schema 99")),
                     qPrintable(error));
        }
        QCOMPARE(rawExec(path, QStringLiteral("PRAGMA user_version")), 99);
    }

    void foreignFileIsRefused() {
        const QString path = file("notes.txt");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray junk =
            QByteArray("this is not a database, just some notes\n").repeated(200);
        f.write(junk);
        f.close();
        SqliteDatabase db(path);
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(QStringLiteral("move it away")) ||
                     error.contains(QStringLiteral("could not be read")),
                 qPrintable(error));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk);
    }

    void unwritableFolderIsExplained() {
        const QString blocker = file("blocker");
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        SqliteDatabase db(blocker + QStringLiteral("/store.sqlite"));
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(QStringLiteral("could not be created")), qPrintable(error));
    }

    void instancesHaveTheirOwnConnections() {
        const QString path = file("shared.sqlite");
        SqliteDatabase a(path);
        SqliteDatabase b(path);
        QVERIFY(a.connectionName() != b.connectionName());
        QVERIFY(a.open());
        QVERIFY(b.open());
        QSqlQuery q(a.database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO drafts (id, content_json, created_at, "
                                      "updated_at) VALUES ('x', '{}', 1, 1)")));
        QCOMPARE(count(b, QStringLiteral("SELECT count(*) FROM drafts")), 1);
        const QString name = a.connectionName();
        {
            SqliteDatabase c(path);
            QVERIFY(c.open());
        }
        QVERIFY(QSqlDatabase::contains(name));
        QVERIFY(a.isOpen());
    }

    void connectionNameIsReleased() {
        QString name;
        {
            SqliteDatabase db(file("released.sqlite"));
            QVERIFY(db.open());
            name = db.connectionName();
            QVERIFY(QSqlDatabase::contains(name));
        }
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void transactionRollsBackUnlessCommitted() {
        SqliteDatabase db(file("tx.sqlite"), {StepOne});
        QVERIFY(db.open());
        {
            SqlTransaction tx(db.database());
            QVERIFY(tx.isActive());
            QSqlQuery q(db.database());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO t (a) VALUES ('dropped')")));
        }
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM t")), 0);
        {
            SqlTransaction tx(db.database());
            QSqlQuery q(db.database());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO t (a) VALUES ('kept')")));
            QVERIFY(tx.commit());
            QVERIFY(!tx.isActive());
        }
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM t")), 1);
    }
};

QTEST_GUILESS_MAIN(TstSqliteDatabase)
#include "tst_sqlitedatabase.moc"
