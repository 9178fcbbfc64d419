// kill -9 of the real ica-tagger process (--demo, driven through --test-control):
// while typing, right after an autosave and right after a submit. After each kill
// the SQLite file is read directly (read-only) and the app is started again on the
// same folder: a draft loses at most what was typed since the last autosave (and
// autosaves come at least once a second during steady typing), the batch history
// loses nothing. Everything the processes printed and wrote is scanned for secrets.
#include "core/composer/draftdocument.h"
#include "simulator/authenticator.h"
#include "tests/app/appprocess.h"
#include "tests/support/secretscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using ica::test::AppProcess;

namespace {

/// What the file holds, read as another program would after the crash.
struct OnDisk {
    QString draftId;
    QString ids; ///< the newest draft's data IDs, joined by spaces
    QStringList batchIds;
    QString integrity;
};

OnDisk readStore(const QString &dataDir) {
    OnDisk disk;
    const QString name = QStringLiteral("crash-reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/store.sqlite"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                disk.integrity = q.value(0).toString();
            if (q.exec(QStringLiteral(
                    "SELECT id, content_json FROM drafts ORDER BY updated_at DESC LIMIT 1")) &&
                q.next()) {
                disk.draftId = q.value(0).toString();
                const ica::DraftDocument doc = ica::DraftDocument::fromJson(
                    QJsonDocument::fromJson(q.value(1).toByteArray()).object());
                QStringList ids;
                for (const ica::DataUpdateGroup &g : doc.groups)
                    ids += g.dataIds;
                disk.ids = ids.join(QLatin1Char(' '));
            }
            if (q.exec(QStringLiteral("SELECT batch_id FROM batch_history"))) {
                while (q.next())
                    disk.batchIds.append(q.value(0).toString());
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return disk;
}

QString str(const QJsonObject &o, const char *key) {
    return o[QLatin1String(key)].toString();
}

bool clientReady(const QJsonObject &state) {
    return state[QLatin1String("client")].toBool() && state[QLatin1String("storeOpen")].toBool();
}

bool historyHas(const QJsonObject &state, const QString &batchId) {
    for (const QJsonValue &row : state[QLatin1String("history")].toArray()) {
        if (row.toString().contains(batchId))
            return true;
    }
    return false;
}

} // namespace

class TstCrashRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_output; ///< everything every app process printed, scanned at the end
    QList<QByteArray> m_secrets{ica::sim::Authenticator::defaultApiKey(7).toUtf8()};

    QString dataDir(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    /// Starts the app and waits until it can be typed into (profile active, store open).
    bool startReady(AppProcess &app, const QString &dir) {
        return app.start(dir) && app.waitState(clientReady).has_value();
    }

    void finish(AppProcess &app) {
        if (app.isRunning())
            app.kill9();
        m_output += app.output();
    }

private Q_SLOTS:
    void killWhileTypingLosesAtMostTheLastSecond() {
        const QString dir = dataDir("typing");
        AppProcess app;
        QVERIFY(startReady(app, dir));
        // A person typing IDs, one character every 30 ms: never a 500 ms pause, so
        // only the one-second maximum delay makes autosaves happen. Type until two
        // have landed (bounded: 1,000 characters, about 30 s), then a few more.
        QString typed;
        int n = 0;
        while (app.events(QStringLiteral("draft-saved")).size() < 2 && typed.size() < 1000) {
            const QString token = QStringLiteral("fil.type%1 ").arg(++n, 4, 10, QLatin1Char('0'));
            for (const QChar c : token) {
                app.send(QByteArray("type ") + QString(c).toUtf8());
                typed += c;
                QTest::qWait(30); // the typing rhythm, not a wait for something
            }
        }
        QVERIFY2(app.events(QStringLiteral("draft-saved")).size() >= 2,
                 "steady typing must still be saved (at least once a second)");
        app.send("type x");
        typed += QLatin1Char('x');
        QVERIFY(app.waitEvent(QStringLiteral("typed"), app.eventCount() - 1).has_value());
        app.kill9();
        const QList<QJsonObject> saves = app.events(QStringLiteral("draft-saved"));
        const QString lastSaved = str(saves.last(), "ids");
        finish(app);

        const OnDisk disk = readStore(dir);
        QCOMPARE(disk.integrity, QStringLiteral("ok"));
        QCOMPARE(disk.draftId, str(saves.last(), "id"));
        // What the disk holds is what was typed, up to a point no earlier than the
        // last autosave the app reported.
        QVERIFY2(typed.startsWith(disk.ids), qPrintable(disk.ids));
        QVERIFY2(disk.ids.startsWith(lastSaved) && !lastSaved.isEmpty(), qPrintable(lastSaved));

        AppProcess again;
        QVERIFY(again.start(dir));
        QVERIFY(again.waitState([&](const QJsonObject &s) {
            return str(s, "draftId") == disk.draftId && str(s, "ids") == disk.ids;
        }));
        finish(again);
    }

    void killRightAfterAnAutosaveLosesNothing() {
        const QString dir = dataDir("autosave");
        AppProcess app;
        QVERIFY(startReady(app, dir));
        const QString ids = QStringLiteral("fil.save0001 fil.save0002 fil.save0003");
        const qsizetype from = app.eventCount();
        app.send("type " + ids.toUtf8());
        const auto saved =
            app.waitEvent(QStringLiteral("draft-saved"), from,
                          [&](const QJsonObject &e) { return str(e, "ids") == ids; });
        QVERIFY(saved);
        app.kill9();
        finish(app);

        const OnDisk disk = readStore(dir);
        QCOMPARE(disk.integrity, QStringLiteral("ok"));
        QCOMPARE(disk.ids, ids);
        QCOMPARE(disk.draftId, str(*saved, "id"));
        AppProcess again;
        QVERIFY(again.start(dir));
        QVERIFY(again.waitState([&](const QJsonObject &s) {
            return str(s, "draftId") == disk.draftId && str(s, "ids") == ids;
        }));
        finish(again);
    }

    void killRightAfterASubmitKeepsTheBatch() {
        const QString dir = dataDir("submit");
        AppProcess app;
        QVERIFY(startReady(app, dir));
        qsizetype from = app.eventCount();
        app.send("compose 25 crash-test");
        QVERIFY(app.waitEvent(QStringLiteral("composed"), from));
        // The composer validates and shows the preview before submit is allowed.
        QVERIFY(app.waitEvent(QStringLiteral("draft-saved"), from));
        from = app.eventCount();
        app.send("submit");
        const auto created = app.waitEvent(QStringLiteral("batch-created"), from);
        QVERIFY2(created, app.output().right(2000).constData());
        const QString batchId = str(*created, "id");
        QVERIFY(!batchId.isEmpty());
        app.kill9();
        finish(app);

        const OnDisk disk = readStore(dir);
        QCOMPARE(disk.integrity, QStringLiteral("ok"));
        QCOMPARE(disk.batchIds, QStringList{batchId});
        AppProcess again;
        QVERIFY(again.start(dir));
        const auto state =
            again.waitState([&](const QJsonObject &s) { return historyHas(s, batchId); });
        QVERIFY(state);
        QCOMPARE((*state)[QLatin1String("history")].toArray().size(), 1);
        // Restarting sent nothing again: the demo server's journal (one line per
        // create request) holds exactly the one create.
        QFile journal(dir + QStringLiteral("/demo-batches.jsonl"));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QByteArray lines = journal.readAll().trimmed();
        QCOMPARE(lines.count('\n') + 1, 1);
        QVERIFY(lines.contains("crash-test"));
        finish(again);
    }

    void nothingSecretWasWrittenOrPrinted() {
        const QStringList files = ica::test::findSecrets({m_dir.path()}, m_secrets);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1Char('\n'))));
        QVERIFY(!m_output.isEmpty());
        const QStringList printed = ica::test::findSecretsInOutput(m_output, m_secrets);
        QVERIFY2(printed.isEmpty(), qPrintable(printed.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TstCrashRecovery)
#include "tst_crashrecovery.moc"
