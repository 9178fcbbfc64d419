// Icav2ConfigImporter on real files in a temporary folder and real environment
// variables: what is read from where, env over file over session, bare hosts,
// malformed files reported by line without quoting them, and no secret in any
// finding or problem.
#include "core/store/icav2configimporter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

namespace {

const char *const Variables[] = {"ICAV2_SERVER_URL", "ICAV2_X_API_KEY", "ICAV2_ACCESS_TOKEN"};

QString jwt(const QJsonObject &payload) {
    const auto part = [](const QByteArray &bytes) {
        return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return part(R"({"alg":"RS256"})") + QLatin1Char('.') +
           part(QJsonDocument(payload).toJson(QJsonDocument::Compact)) +
           QStringLiteral(".c2lnbmF0dXJl");
}

bool mentions(const QStringList &lines, const QString &text) {
    for (const QString &line : lines)
        if (line.contains(text))
            return true;
    return false;
}

} // namespace

class TstIcav2Import : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString m_session;

    void writeFile(const QString &path, const QByteArray &bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    /// No finding or problem may contain any of `secrets`.
    static void verifyNoSecret(const Icav2Import &r, const QStringList &secrets) {
        for (const QString &line : r.findings + r.problems)
            for (const QString &secret : secrets)
                QVERIFY2(!line.contains(secret), qPrintable(QStringLiteral("leaked in: ") + line));
    }

private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        for (const char *name : Variables)
            qunsetenv(name);
        m_config = m_dir.filePath(QStringLiteral("config.yaml"));
        m_session = m_dir.filePath(QStringLiteral(".session.ica.yaml"));
        QFile::remove(m_config);
        QFile::remove(m_session);
    }

    void cleanup() {
        for (const char *name : Variables)
            qunsetenv(name);
    }

    void readsTheConfigFile() {
        writeFile(m_config, "# written by icav2\n"
                            "server-url: ica.illumina.com\n"
                            "x-api-key: \"key-from-file-123\"   # the key\n"
                            "output-format: table\n"
                            "colormode: none\n");
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        QVERIFY(r.foundAnything());
        QVERIFY(r.serverUrlFound);
        QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(QLatin1Char('\n'))));
        QCOMPARE(r.profile.serverUrl, QStringLiteral("https://ica.illumina.com/ica/rest"));
        QCOMPARE(r.profile.name, QStringLiteral("icav2 (ica.illumina.com)"));
        QCOMPARE(r.profile.authKind, AuthKind::ApiKeyExchange);
        QVERIFY(!r.profile.id.isEmpty());
        QCOMPARE(r.apiKey, QStringLiteral("key-from-file-123"));
        QVERIFY(r.accessToken.isEmpty());
        QVERIFY(mentions(r.findings, QStringLiteral("API key: found in ") + m_config));
        QVERIFY(mentions(r.findings, QStringLiteral("\"ica.illumina.com\" from ") + m_config));
        QVERIFY(mentions(r.findings, QStringLiteral("No file at ") + m_session));
        verifyNoSecret(r, {QStringLiteral("key-from-file-123")});
    }

    void environmentWinsOverTheFile() {
        writeFile(m_config, "server-url: ica.illumina.com\n"
                            "x-api-key: key-from-file\n"
                            "access-token: token-from-file\n");
        qputenv("ICAV2_SERVER_URL", "use1.example.org");
        qputenv("ICAV2_X_API_KEY", "key-from-env");
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        QCOMPARE(r.profile.serverUrl, QStringLiteral("https://use1.example.org/ica/rest"));
        QCOMPARE(r.apiKey, QStringLiteral("key-from-env"));
        QCOMPARE(r.accessToken, QStringLiteral("token-from-file"));
        QCOMPARE(r.profile.authKind, AuthKind::ApiKeyExchange);
        QVERIFY(mentions(r.findings, QStringLiteral("API key: found in the environment variable "
                                                    "ICAV2_X_API_KEY (overrides the one in ") +
                                         m_config));
        QVERIFY(mentions(r.findings, QStringLiteral("from the environment variable "
                                                    "ICAV2_SERVER_URL (overrides")));
        verifyNoSecret(r, {QStringLiteral("key-from-env"), QStringLiteral("key-from-file"),
                           QStringLiteral("token-from-file")});
    }

    void environmentAloneIsEnough() {
        qputenv("ICAV2_ACCESS_TOKEN", "env-token");
        qputenv("ICAV2_SERVER_URL", "http://127.0.0.1:4010");
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        QVERIFY(r.foundAnything());
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(r.profile.serverUrl, QStringLiteral("http://127.0.0.1:4010"));
        QCOMPARE(r.profile.authKind, AuthKind::AccessToken);
        QCOMPARE(r.accessToken, QStringLiteral("env-token"));
        QVERIFY(mentions(r.findings, QStringLiteral("No file at ") + m_config));
        verifyNoSecret(r, {QStringLiteral("env-token")});
    }

    void sessionFileGivesTokenAndProject() {
        const QString token =
            jwt({{QStringLiteral("tns"), QStringLiteral("acme-tenant")},
                 {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 3600}});
        writeFile(m_session, "access-token: " + token.toLatin1() +
                                 "\nproject-id: 0c8a1f00-1111-4222-8333-444455556666\n");
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        QCOMPARE(r.accessToken, token);
        QCOMPARE(r.profile.authKind, AuthKind::AccessToken);
        QCOMPARE(r.profile.tenantName, QStringLiteral("acme-tenant"));
        QCOMPARE(r.profile.defaultProjectId,
                 QStringLiteral("0c8a1f00-1111-4222-8333-444455556666"));
        QVERIFY(!r.serverUrlFound);
        QCOMPARE(r.profile.serverUrl, QString::fromLatin1(DefaultServerUrl));
        QVERIFY(mentions(r.findings, QStringLiteral("No server given")));
        QVERIFY(r.problems.isEmpty());
        verifyNoSecret(r, {token});

        // config.yaml wins over the session file for the token.
        writeFile(m_config, "access-token: 'config-token'\n");
        QCOMPARE(Icav2ConfigImporter(m_config, m_session).run().accessToken,
                 QStringLiteral("config-token"));
    }

    void expiredTokenIsReported() {
        const QString token = jwt({{QStringLiteral("exp"), 1000000000}});
        qputenv("ICAV2_ACCESS_TOKEN", token.toLatin1());
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        QVERIFY2(mentions(r.problems, QStringLiteral("expired on 2001-09-09")),
                 qPrintable(r.problems.join(QLatin1Char('\n'))));
        verifyNoSecret(r, {token});
    }

    void badServerUrlIsKeptAndExplained() {
        writeFile(m_config, "server-url: http://ica.example.com/ica/rest\n");
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        QCOMPARE(r.profile.serverUrl, QStringLiteral("http://ica.example.com/ica/rest"));
        QCOMPARE(r.problems.size(), 1);
        QVERIFY2(r.problems.first().contains(QStringLiteral("use https")),
                 qPrintable(r.problems.first()));
        QVERIFY(r.problems.first().contains(m_config));
    }

    void malformedFileIsReportedByLineAndLeftAlone() {
        const QByteArray bytes = "server-url: ica.illumina.com\n"
                                 "this line has no colon secret-abc\n"
                                 "x-api-key: \"unterminated-secret-def\n"
                                 "  nested: secret-ghi\n"
                                 "access-token: |\n"
                                 "colormode: none\n";
        writeFile(m_config, bytes);
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        // What could be read is kept.
        QCOMPARE(r.profile.serverUrl, QStringLiteral("https://ica.illumina.com/ica/rest"));
        QVERIFY(r.apiKey.isEmpty());
        QVERIFY(r.accessToken.isEmpty());
        QCOMPARE(r.problems.size(), 4);
        QVERIFY(
            r.problems.at(0).contains(QStringLiteral("line 2: it is not a \"key: value\" line")));
        QVERIFY(r.problems.at(1).contains(QStringLiteral("line 3: a quoted value has no closing "
                                                         "quote (key \"x-api-key\")")));
        QVERIFY(r.problems.at(2).contains(QStringLiteral("line 4: it is indented")));
        QVERIFY(r.problems.at(3).contains(QStringLiteral("line 5: block and list values")));
        for (const QString &p : r.problems)
            QVERIFY2(p.startsWith(m_config) && p.endsWith(QStringLiteral("the line was skipped.")),
                     qPrintable(p));
        verifyNoSecret(r, {QStringLiteral("secret-abc"), QStringLiteral("unterminated-secret-def"),
                           QStringLiteral("secret-ghi")});
        // Never written: the file is byte for byte what it was.
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
    }

    void nothingFound() {
        const Icav2Import r = Icav2ConfigImporter(m_config, m_session).run();
        QVERIFY(!r.foundAnything());
        QVERIFY(r.problems.isEmpty());
        QVERIFY(mentions(r.findings, QStringLiteral("Neither an API key nor an access token")));
    }

    void unreadableFileIsAProblem() {
        // A folder where the file should be cannot be opened as a file.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("dir.yaml")));
        const Icav2Import r =
            Icav2ConfigImporter(m_dir.filePath(QStringLiteral("dir.yaml")), QString()).run();
        QCOMPARE(r.problems.size(), 1);
        QVERIFY2(r.problems.first().contains(QStringLiteral("could not be read")),
                 qPrintable(r.problems.first()));
    }

    void parsesQuotesCommentsAndLineEnds() {
        const SimpleYaml y = Icav2ConfigImporter::parseSimpleYaml(
            "\xEF\xBB\xBF---\r\n"
            "a: plain value # comment\r\n"
            "b: \"double \\\"quoted\\\" # not a comment\"  # comment\n"
            "c: 'it''s single'\n"
            "d:\n"
            "e: url#with-hash\n"
            "f: \"x\" trailing\n"
            "g: https://host:8443/ica/rest\n");
        QCOMPARE(y.values.value(QStringLiteral("a")), QStringLiteral("plain value"));
        QCOMPARE(y.values.value(QStringLiteral("b")),
                 QStringLiteral("double \"quoted\" # not a comment"));
        QCOMPARE(y.values.value(QStringLiteral("c")), QStringLiteral("it's single"));
        QVERIFY(y.values.contains(QStringLiteral("d")));
        QVERIFY(y.values.value(QStringLiteral("d")).isEmpty());
        QCOMPARE(y.values.value(QStringLiteral("e")), QStringLiteral("url#with-hash"));
        QVERIFY(!y.values.contains(QStringLiteral("f")));
        QCOMPARE(y.values.value(QStringLiteral("g")), QStringLiteral("https://host:8443/ica/rest"));
        QCOMPARE(y.problems.size(), 1);
        QVERIFY(y.problems.first().startsWith(QStringLiteral("line 7: there is text after")));
    }
};

QTEST_GUILESS_MAIN(TstIcav2Import)
#include "tst_icav2import.moc"
