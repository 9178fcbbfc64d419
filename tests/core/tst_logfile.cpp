// LogFile: lines with time, level and category; rotation at the size cap, keeping a
// fixed number of files; credentials masked before they reach the disk; the last
// warnings kept for "Copy diagnostics"; installed as Qt's message handler.
#include "core/diagnostics/logcategories.h"
#include "core/diagnostics/logfile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

namespace {

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLogFile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesOneLinePerMessage() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs/app.log"));
        LogFile log(path);
        log.write(QtInfoMsg, "ica.api", QStringLiteral("GET /api/projects -> 200 in 3 ms"));
        log.write(QtWarningMsg, "ica.store", QStringLiteral("disk full\nsecond line"));
        const QList<QByteArray> lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the final newline
        QVERIFY2(lines.at(0).endsWith(" INFO ica.api: GET /api/projects -> 200 in 3 ms"),
                 lines.at(0).constData());
        QVERIFY2(lines.at(1).endsWith(" WARNING ica.store: disk full | second line"),
                 lines.at(1).constData());
        QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    void rotatesAtTheCapAndKeepsAFixedNumberOfFiles() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.log"));
        const qint64 cap = 4096;
        LogFile log(path, cap, 3);
        for (int i = 0; i < 500; ++i)
            log.write(QtInfoMsg, "ica.api",
                      QStringLiteral("line %1 ").arg(i) + QString(60, QLatin1Char('x')));
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(QFile::exists(path + QStringLiteral(".2")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
        for (const QString &file :
             QStringList{path, path + QStringLiteral(".1"), path + QStringLiteral(".2")})
            QVERIFY2(QFileInfo(file).size() <= cap, qPrintable(file));
        QVERIFY(readAll(path).contains("line 499 "));
        QVERIFY(!readAll(path).contains("line 0 "));
        // Newest first: .1 holds lines just before the current file's.
        QVERIFY(readAll(path + QStringLiteral(".1")).contains("line 4"));
    }

    void masksCredentials() {
        const QString jwt = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        const QString text = LogFile::masked(
            QStringLiteral("Authorization: Bearer %1; X-API-Key: k3y-s3cret apiKey=abc123 token %1")
                .arg(jwt));
        QVERIFY2(!text.contains(jwt), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("k3y-s3cret")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("abc123")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Bearer ***")), qPrintable(text));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.log"));
        LogFile log(path);
        log.write(QtWarningMsg, "ica.session", QStringLiteral("sent X-API-Key: k3y-s3cret"));
        QVERIFY(!readAll(path).contains("k3y-s3cret"));
        QVERIFY(!log.recentProblems().constFirst().contains(QLatin1String("k3y-s3cret")));
    }

    void keepsTheLastWarningsForDiagnostics() {
        QTemporaryDir dir;
        LogFile log(dir.filePath(QStringLiteral("app.log")));
        log.write(QtInfoMsg, "ica.api", QStringLiteral("fine"));
        for (int i = 0; i < 30; ++i)
            log.write(QtWarningMsg, "ica.api", QStringLiteral("problem %1").arg(i));
        const QStringList problems = log.recentProblems();
        QCOMPARE(problems.size(), 20);
        QVERIFY(problems.constFirst().endsWith(QLatin1String("problem 10")));
        QVERIFY(problems.constLast().endsWith(QLatin1String("problem 29")));
    }

    void takesQtMessagesOnceInstalled() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.log"));
        {
            LogFile log(path);
            log.install();
            qCInfo(lcApi, "GET /api/x -> 200 in 1 ms");
            QTest::ignoreMessage(QtWarningMsg, "store said no");
            qCWarning(lcStore, "store said no");
            qCDebug(lcApi, "debug is off by default");
        }
        qCInfo(lcApi, "after the log went: not in it");
        const QByteArray text = readAll(path);
        QVERIFY2(text.contains("INFO ica.api: GET /api/x -> 200 in 1 ms"), text.constData());
        QVERIFY2(text.contains("WARNING ica.store: store said no"), text.constData());
        QVERIFY(!text.contains("debug is off"));
        QVERIFY(!text.contains("not in it"));
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
