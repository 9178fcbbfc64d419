// The real ica-tagger process (--demo, --test-control) on a store.sqlite that cannot
// be used as it is: garbage bytes are moved aside and the app starts on a fresh
// store, a file from a newer schema is left untouched and the app keeps this
// session's drafts in memory, and a disk that fills up (RLIMIT_FSIZE, set in the
// child before exec) fails a save with a clear message, without killing the app or
// leaving a half-written file. Each case says so on stderr in words a person can
// act on.
#include "simulator/authenticator.h"
#include "tests/app/appprocess.h"
#include "tests/support/secretscan.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using ica::test::AppProcess;

namespace {

QString str(const QJsonObject &o, const char *key) {
    return o[QLatin1String(key)].toString();
}

bool ready(const QJsonObject &state) {
    return state[QLatin1String("client")].toBool() && state[QLatin1String("storeOpen")].toBool();
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Runs `sql` on `path` through a plain connection; the first value of the first row.
QVariant rawQuery(const QString &path, const QString &sql, bool readOnly = false) {
    QVariant value;
    const QString name = QStringLiteral("storefaults-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TstStoreFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_output;

    QString folder(const char *name) const {
        const QString dir = m_dir.filePath(QLatin1String(name));
        QDir().mkpath(dir);
        return dir;
    }

private Q_SLOTS:
    void garbageStoreIsSetAsideAndTheAppWorks() {
        const QString dir = folder("garbage");
        const QByteArray garbage = QByteArray("definitely not SQLite ").repeated(1000);
        QFile f(dir + QStringLiteral("/store.sqlite"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
        f.close();

        AppProcess app;
        QVERIFY(app.start(dir));
        const auto store = app.waitEvent(QStringLiteral("store"));
        QVERIFY(store);
        QVERIFY((*store)[QLatin1String("ok")].toBool());
        QVERIFY((*store)[QLatin1String("persistent")].toBool());
        QVERIFY2(str(*store, "notice").contains(QStringLiteral("moved it aside")),
                 qPrintable(str(*store, "notice")));
        const QStringList aside =
            QDir(dir).entryList({QStringLiteral("store.sqlite.damaged-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(dir + QLatin1Char('/') + aside.first()), garbage);
        QTRY_VERIFY(app.errors().contains("ica-tagger: The local database"));

        // The fresh store keeps what is typed now.
        QVERIFY(app.waitState(ready));
        const qsizetype from = app.eventCount();
        app.send("type fil.fresh0001");
        QVERIFY(app.waitEvent(QStringLiteral("draft-saved"), from));
        app.kill9();
        m_output += app.output();
        QCOMPARE(rawQuery(dir + QStringLiteral("/store.sqlite"),
                          QStringLiteral("SELECT count(*) FROM drafts"), true)
                     .toInt(),
                 1);
    }

    void newerStoreIsLeftAloneAndDraftsLiveInMemory() {
        const QString dir = folder("newer");
        const QString path = dir + QStringLiteral("/store.sqlite");
        {
            AppProcess first; // creates a real store
            QVERIFY(first.start(dir));
            QVERIFY(first.waitEvent(QStringLiteral("store")));
            first.send("quit");
            QVERIFY(QTest::qWaitFor([&]() { return !first.isRunning(); }, 30000));
            m_output += first.output();
        }
        rawQuery(path, QStringLiteral("PRAGMA user_version = 99"));
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version"), true).toInt(), 99);

        AppProcess app;
        QVERIFY(app.start(dir));
        const auto store = app.waitEvent(QStringLiteral("store"));
        QVERIFY(store);
        QVERIFY((*store)[QLatin1String("ok")].toBool());
        QVERIFY(!(*store)[QLatin1String("persistent")].toBool());
        QVERIFY2(str(*store, "notice").contains(QStringLiteral("newer version of ICA Tagger")) &&
                     str(*store, "notice").contains(QStringLiteral("in memory only")),
                 qPrintable(str(*store, "notice")));
        QTRY_VERIFY(app.errors().contains("newer version of ICA Tagger"));
        QVERIFY(app.waitState(ready));
        const qsizetype from = app.eventCount();
        app.send("type fil.memory0001");
        QVERIFY(app.waitEvent(QStringLiteral("draft-saved"), from)); // in memory
        app.kill9();
        m_output += app.output();
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version"), true).toInt(), 99);
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT count(*) FROM drafts"), true).toInt(), 0);
        QVERIFY(QDir(dir).entryList({QStringLiteral("*.damaged-*")}, QDir::Files).isEmpty());
    }

    void fullDiskFailsTheSaveClearlyAndKeepsTheFileWhole() {
        const QString dir = folder("full");
        AppProcess app;
        // A file-size limit in the child stands in for a full disk (no root, no loop
        // device): writes past 160 KiB fail as on a full disk. The app ignores
        // SIGXFSZ, so it gets the error instead of dying.
        QVERIFY(app.start(dir, {}, [] {
            rlimit limit{};
            getrlimit(RLIMIT_FSIZE, &limit);
            limit.rlim_cur = 160 * 1024;
            setrlimit(RLIMIT_FSIZE, &limit);
        }));
        QVERIFY(app.waitState(ready));
        qsizetype from = app.eventCount();
        const QString small = QStringLiteral("fil.small0001 fil.small0002");
        app.send("type " + small.toUtf8());
        const auto saved =
            app.waitEvent(QStringLiteral("draft-saved"), from,
                          [&](const QJsonObject &e) { return str(e, "ids") == small; });
        QVERIFY(saved);
        // 5,000 IDs make a draft of about 200 KB: past the limit.
        from = app.eventCount();
        app.send("compose 5000 too-big");
        const auto failed = app.waitEvent(QStringLiteral("draft-save-failed"), from);
        QVERIFY2(failed, app.output().right(2000).constData());
        QVERIFY2(str(*failed, "message").contains(QStringLiteral("could not be saved")) &&
                     str(*failed, "message").contains(QStringLiteral("disk")),
                 qPrintable(str(*failed, "message")));
        QVERIFY(app.waitState(ready)); // still running and answering
        app.kill9();
        m_output += app.output();

        const QString path = dir + QStringLiteral("/store.sqlite");
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA integrity_check"), true).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT count(*) FROM drafts"), true).toInt(), 1);

        // Without the limit, the app starts again on the same file with the small draft.
        AppProcess again;
        QVERIFY(again.start(dir));
        QVERIFY(again.waitState([&](const QJsonObject &s) {
            return str(s, "draftId") == str(*saved, "id") && str(s, "ids") == small;
        }));
        again.kill9();
        m_output += again.output();
    }

    void nothingSecretWasWrittenOrPrinted() {
        const QList<QByteArray> known{ica::sim::Authenticator::defaultApiKey(7).toUtf8()};
        const QStringList files = ica::test::findSecrets({m_dir.path()}, known);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1Char('\n'))));
        QVERIFY(!m_output.isEmpty());
        const QStringList printed = ica::test::findSecretsInOutput(m_output, known);
        QVERIFY2(printed.isEmpty(), qPrintable(printed.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TstStoreFaults)
#include "tst_storefaults.moc"
