// One ica-tagger per data folder (app/singleinstance.h), with the real executable:
// a second launch hands --open-batch to the first and exits 0, and the first opens
// the batch; a lock left by a killed instance does not keep the next one out.
#include "tests/app/appprocess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestSingleInstance final : public QObject {
    Q_OBJECT

    /// Runs a second ica-tagger on `dataDir` to its end; its exit code, -1 if it
    /// did not end within the bound.
    static int launchAgain(const QString &dataDir, const QStringList &extra, QByteArray *err) {
        QProcess second;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(ICA_TAGGER_EXECUTABLE),
                     QStringList{QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir} +
                         extra);
        if (!second.waitForFinished(30000)) {
            second.kill();
            second.waitForFinished();
            return -1;
        }
        *err = second.readAllStandardError();
        return second.exitStatus() == QProcess::NormalExit ? second.exitCode() : -1;
    }

private Q_SLOTS:
    void secondLaunchOpensTheBatchInTheFirst() {
        QTemporaryDir dir;
        ica::test::AppProcess first;
        QVERIFY(first.start(dir.path()));
        QVERIFY(first.waitState(
            [](const QJsonObject &s) { return s.value(QStringLiteral("client")).toBool(); }));

        const QString batch = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString project = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QByteArray err;
        QCOMPARE(launchAgain(
                     dir.path(),
                     {QStringLiteral("--open-batch"), batch, QStringLiteral("--project"), project},
                     &err),
                 0);
        QVERIFY2(err.isEmpty() || !err.contains("ica-tagger:"), err.constData());
        QVERIFY(first.isRunning());
        QVERIFY(first.waitState([&batch](const QJsonObject &s) {
            return s.value(QStringLiteral("monitorBatch")).toString() == batch;
        }));
    }

    void aKilledInstanceDoesNotKeepTheNextOut() {
        QTemporaryDir dir;
        {
            ica::test::AppProcess first;
            QVERIFY(first.start(dir.path()));
            QVERIFY(first.waitEvent(QStringLiteral("store")));
            first.kill9(); // its lock file and socket stay behind
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("instance.lock"))));
        ica::test::AppProcess next;
        QVERIFY(next.start(dir.path()));
        // It runs (it did not hand over to the dead one and exit).
        QVERIFY(next.waitState(
            [](const QJsonObject &s) { return s.value(QStringLiteral("client")).toBool(); }));
        QVERIFY(next.isRunning());
        // And it, in turn, takes later launches.
        QByteArray err;
        const QString batch = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(launchAgain(dir.path(),
                             {QStringLiteral("--open-batch"), batch, QStringLiteral("--project"),
                              QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             &err),
                 0);
        QVERIFY(next.waitState([&batch](const QJsonObject &s) {
            return s.value(QStringLiteral("monitorBatch")).toString() == batch;
        }));
    }

    void otherDataFoldersRunSideBySide() {
        QTemporaryDir one;
        QTemporaryDir two;
        ica::test::AppProcess first;
        ica::test::AppProcess second;
        QVERIFY(first.start(one.path()));
        QVERIFY(second.start(two.path()));
        QVERIFY(first.waitEvent(QStringLiteral("store")));
        QVERIFY(second.waitEvent(QStringLiteral("store")));
        QVERIFY(first.isRunning());
        QVERIFY(second.isRunning());
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
