// Core dumps are off (a crash must not write the API keys and JWTs in memory to
// disk): disableCoreDumps() in this process (RLIMIT_CORE 0, not dumpable), and the
// limit as the kernel shows it in /proc/PID/limits of the real icatag and ica-tagger
// processes while they run.
#include "core/store/coredumps.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace {

/// The "Max core file size" line of /proc/PID/limits, soft and hard, e.g. "0 0".
QString coreLimitOf(qint64 pid) {
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size")) {
            const QStringList fields =
                QString::fromLatin1(line.mid(18))
                    .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            return fields.mid(0, 2).join(QLatin1Char(' '));
        }
    }
    return {};
}

/// Starts `program` and waits until the kernel shows its core limit as "0 0".
bool coreLimitBecomesZero(QProcess &process, const QString &program, const QStringList &args) {
    process.start(program, args);
    if (!process.waitForStarted(20000))
        return false;
    // main() sets the limit first thing; poll until it did (bounded), or the process ended.
    return QTest::qWaitFor(
               [&]() {
                   return process.state() != QProcess::Running ||
                          coreLimitOf(process.processId()) == QLatin1String("0 0");
               },
               20000) &&
           process.state() == QProcess::Running;
}

} // namespace

class TstCoreDumps : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void disableCoreDumpsTurnsThemOff() {
        // Make sure there is something to turn off, then turn it off.
        rlimit some{};
        QVERIFY(getrlimit(RLIMIT_CORE, &some) == 0);
        some.rlim_cur = some.rlim_max;
        QVERIFY(setrlimit(RLIMIT_CORE, &some) == 0);
        QVERIFY(prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) == 0);
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);

        QString error;
        QVERIFY2(ica::disableCoreDumps(&error), qPrintable(error));
        QVERIFY(error.isEmpty());
        rlimit now{};
        QVERIFY(getrlimit(RLIMIT_CORE, &now) == 0);
        QCOMPARE(now.rlim_cur, rlim_t(0));
        QCOMPARE(now.rlim_max, rlim_t(0));
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        QCOMPARE(coreLimitOf(QCoreApplication::applicationPid()), QStringLiteral("0 0"));
    }

    void icatagRunsWithoutCoreDumps() {
        // Reading the IDs from stdin keeps icatag waiting while the test looks at it.
        QProcess icatag;
        icatag.setProcessEnvironment(QProcessEnvironment());
        QVERIFY(coreLimitBecomesZero(
            icatag, QStringLiteral(ICATAG_EXECUTABLE),
            {QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--project"),
             QStringLiteral("0d6c7b0e-1111-4222-8333-444455556666"), QStringLiteral("--ids-file"),
             QStringLiteral("-"), QStringLiteral("--add-user-tag"), QStringLiteral("x"),
             QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
             QStringLiteral("--api-key"), QStringLiteral("not-a-real-key")}));
        icatag.closeWriteChannel(); // no IDs: it ends with a usage error
        QVERIFY(icatag.waitForFinished(20000));
    }

    void appRunsWithoutCoreDumps() {
        QTemporaryDir dir;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        QVERIFY(coreLimitBecomesZero(app, QStringLiteral(ICA_TAGGER_EXECUTABLE),
                                     {QStringLiteral("--data-dir"), dir.path()}));
        app.kill();
        QVERIFY(app.waitForFinished(20000));
    }
};

QTEST_MAIN(TstCoreDumps)
#include "tst_coredumps.moc"
