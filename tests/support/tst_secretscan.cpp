// The secret scanner itself: it must find a planted secret wherever the app could
// write one (a settings file, a SQLite value split across pages, the -wal of an open
// database, captured output), name the kind without printing the secret, and stay
// quiet on clean files and masked headers.
#include "tests/support/secretscan.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using ica::test::findSecrets;
using ica::test::findSecretsInOutput;

namespace {

const QByteArray ApiKey = "k3y-0123456789abcdefABCDEF-secret";
// A JWT's shape (header {"alg":"HS256","typ":"JWT"}); not one the scanner is told about.
const QByteArray Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZXN0In0."
                       "c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

bool write(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString joined(const QStringList &findings) {
    return findings.join(QLatin1Char('\n'));
}

} // namespace

class TstSecretScan : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void cleanFilesAreClean() {
        const QString dir = m_dir.filePath(QStringLiteral("clean"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/sub")));
        QVERIFY(write(dir + QStringLiteral("/settings.ini"),
                      "[profiles]\nname=Lab\nserver=https://ica.example\n"
                      "note=Authorization: ***\nheader=X-API-Key: <redacted>\n"));
        QVERIFY(write(dir + QStringLiteral("/sub/.hidden"), "eyJ not a token"));
        const QStringList findings = findSecrets({dir}, {ApiKey});
        QVERIFY2(findings.isEmpty(), qPrintable(joined(findings)));
    }

    void plantedKeyInASettingsFileIsFound() {
        const QString dir = m_dir.filePath(QStringLiteral("ini"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/deep/er")));
        QVERIFY(write(dir + QStringLiteral("/deep/er/.settings.ini"), "[p]\nkey=" + ApiKey + "\n"));
        const QStringList findings = findSecrets({dir}, {ApiKey});
        QCOMPARE(findings.size(), 1);
        QVERIFY(findings.first().contains(QStringLiteral("known secret #1")));
        QVERIFY2(!findings.first().toUtf8().contains(ApiKey), "a finding never shows the secret");
    }

    void jwtAndHeadersAreFoundWithoutBeingKnown() {
        const QString dir = m_dir.filePath(QStringLiteral("shapes"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(write(dir + QStringLiteral("/a.log"), "token " + Jwt + " end"));
        QVERIFY(write(dir + QStringLiteral("/b.log"),
                      "GET /x\nAuthorization: Bearer abcdef0123456789\n"));
        QVERIFY(write(dir + QStringLiteral("/c.log"), "x-api-key: " + ApiKey));
        const QString all = joined(findSecrets({dir}, {}));
        QVERIFY2(all.contains(QStringLiteral("a.log: a JWT")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("b.log: a Authorization header")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("c.log: a x-api-key header")), qPrintable(all));
    }

    void secretInSqliteIsFoundAcrossPagesAndInTheWal() {
        const QString dir = m_dir.filePath(QStringLiteral("sqlite"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/store.sqlite");
        const QString name = QStringLiteral("plant");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size=1024")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (v TEXT)")));
            // The key straddles page boundaries: an overflow chain cuts it in pieces,
            // which only reading the value through SQLite puts together again.
            QByteArray value;
            for (int i = 0; i < 40; ++i)
                value += QByteArray(1000 - ApiKey.size() / 2, 'x') + ApiKey;
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES (?)")));
            q.addBindValue(QString::fromLatin1(value));
            QVERIFY(q.exec());
            // The connection stays open: the row is in the -wal, not yet in the file.
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            const QString all = joined(findSecrets({dir}, {ApiKey}));
            QVERIFY2(all.contains(QStringLiteral("store.sqlite (table t): known secret #1")),
                     qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("store.sqlite-wal: known secret #1")),
                     qPrintable(all));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    void capturedOutputIsScanned() {
        QVERIFY(
            findSecretsInOutput("icatag: > GET https://ica/api/projects\n", {ApiKey}).isEmpty());
        QCOMPARE(findSecretsInOutput("oops " + ApiKey, {ApiKey}, QStringLiteral("stderr")),
                 QStringList{QStringLiteral("stderr: known secret #1")});
        QVERIFY(!findSecretsInOutput("Bearer " + Jwt, {}).isEmpty());
    }

    void unreadableFileIsAFinding() {
        QVERIFY(!findSecrets({m_dir.filePath(QStringLiteral("missing/file"))}, {}).isEmpty());
    }
};

QTEST_MAIN(TstSecretScan)
#include "tst_secretscan.moc"
