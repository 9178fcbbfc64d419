// The ica-sim executable: start-up lines, serving, options, signals, bad options.

#include "tests/simulator/simtestutil.h"

#include <QElapsedTimer>
#include <QProcess>

#include <csignal>

using simtest::Client;

class TstSimCli : public QObject {
    Q_OBJECT

private:
    // Starts ica-sim and reads its two start-up lines.
    static bool startSimulator(QProcess &process, const QStringList &arguments, QUrl *url,
                               QString *key) {
        process.start(QStringLiteral(ICA_SIM_EXECUTABLE), arguments);
        if (!process.waitForStarted(10000))
            return false;
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && out.count('\n') < 2) {
            process.waitForReadyRead(200);
            out += process.readAllStandardOutput();
        }
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("ICA_SIM_URL="))
                *url = QUrl(QString::fromUtf8(line.mid(12).trimmed()));
            else if (line.startsWith("ICA_SIM_API_KEY="))
                *key = QString::fromUtf8(line.mid(16).trimmed());
        }
        return url->isValid() && !key->isEmpty();
    }

    static int exitCodeFor(const QStringList &arguments, QByteArray *stderrText) {
        QProcess process;
        process.start(QStringLiteral(ICA_SIM_EXECUTABLE), arguments);
        if (!process.waitForFinished(20000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        *stderrText = process.readAllStandardError();
        return process.exitCode();
    }

private Q_SLOTS:
    void startsServesAndStopsOnSigterm() {
        QProcess process;
        QUrl url;
        QString key;
        QVERIFY(startSimulator(
            process,
            {QStringLiteral("--files"), QStringLiteral("500"), QStringLiteral("--projects"),
             QStringLiteral("2"), QStringLiteral("--manual-clock"), QStringLiteral("--seed"),
             QStringLiteral("5"), QStringLiteral("--fail-next"), QStringLiteral("1"),
             QStringLiteral("--fail-status"), QStringLiteral("503")},
            &url, &key));
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(url.path(), QStringLiteral("/ica/rest"));
        QVERIFY(url.port() > 0);

        Client client(url, key);
        QCOMPARE(client.get(QStringLiteral("/api/projects")).status, 503); // --fail-next 1
        const auto projects = client.get(QStringLiteral("/api/projects"));
        QCOMPARE(projects.status, 200);
        QCOMPARE(projects.items().size(), 2);
        const QString project =
            projects.items().first().toObject().value(QLatin1String("id")).toString();
        const auto files =
            client.get(QStringLiteral("/api/projects/") + project + QStringLiteral("/data"),
                       {{QStringLiteral("type"), QStringLiteral("FILE")},
                        {QStringLiteral("pageOffset"), QStringLiteral("0")}});
        QCOMPARE(files.json().value(QLatin1String("totalItemCount")).toInt(), 500);

        // --manual-clock: only the control surface moves time.
        QUrl control = url;
        control.setPath(QString());
        Client controlClient(control, QString());
        const qint64 t0 = qint64(controlClient.get(QStringLiteral("/_sim/info"))
                                     .json()
                                     .value(QLatin1String("nowMs"))
                                     .toDouble());
        QTest::qWait(300);
        const qint64 t1 = qint64(controlClient.get(QStringLiteral("/_sim/info"))
                                     .json()
                                     .value(QLatin1String("nowMs"))
                                     .toDouble());
        QCOMPARE(t1, t0);

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void sameSeedSameKeyAndConfiguredKeys() {
        QProcess a;
        QProcess b;
        QUrl urlA, urlB;
        QString keyA, keyB;
        QVERIFY(startSimulator(a,
                               {QStringLiteral("--files"), QStringLiteral("50"),
                                QStringLiteral("--seed"), QStringLiteral("9")},
                               &urlA, &keyA));
        QVERIFY(startSimulator(b,
                               {QStringLiteral("--files"), QStringLiteral("50"),
                                QStringLiteral("--api-key"), QStringLiteral("k-one"),
                                QStringLiteral("--api-key"), QStringLiteral("k-two")},
                               &urlB, &keyB));
        QVERIFY(keyA.startsWith(QLatin1String("icasim_")));
        QCOMPARE(keyB, QStringLiteral("k-one"));
        Client second(urlB, QStringLiteral("k-two"));
        QCOMPARE(second.get(QStringLiteral("/api/projects")).status, 200);
        Client wrong(urlB, keyA);
        QCOMPARE(wrong.get(QStringLiteral("/api/projects")).status, 401);
        a.terminate();
        b.terminate();
        QVERIFY(a.waitForFinished(10000));
        QVERIFY(b.waitForFinished(10000));
        QCOMPARE(a.exitCode(), 0);
    }

    void badOptionsExitWithTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")};
        QTest::newRow("speed not a number")
            << QStringList{QStringLiteral("--speed"), QStringLiteral("fast")};
        QTest::newRow("negative files")
            << QStringList{QStringLiteral("--files"), QStringLiteral("-3")};
        QTest::newRow("fail status")
            << QStringList{QStringLiteral("--fail-status"), QStringLiteral("404")};
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")};
        QTest::newRow("missing value") << QStringList{QStringLiteral("--seed")};
    }

    void badOptionsExitWithTwo() {
        QFETCH(QStringList, arguments);
        QByteArray err;
        QCOMPARE(exitCodeFor(arguments, &err), 2);
        QVERIFY(err.startsWith("ica-sim: "));
    }
};

QTEST_GUILESS_MAIN(TstSimCli)
#include "tst_simcli.moc"
