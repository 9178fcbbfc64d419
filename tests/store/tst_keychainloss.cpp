// The Secret Service going away mid-session, for real: this test starts a D-Bus
// session bus and a gnome-keyring-daemon of its own (a bus without service files, so
// nothing restarts the keyring behind the test's back), stores a secret in it through
// the app's Session and FallbackSecretStore, then kills that daemon (its own child,
// by pid). The next save and read must answer promptly from session memory, say so in
// a sentence (persistenceNote), never crash, and write no secret to the settings or
// the data folder.
#include "core/session/session.h"
#include "core/store/fallbacksecretstore.h"
#include "core/store/keychainsecretstore.h"
#include "core/store/profilestore.h"
#include "tests/support/secretscan.h"
#include "tests/support/secretwaiter.h"
#include "tests/support/statusspy.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ica;
using Status = SecretResult::Status;

namespace {

const QString Service = QStringLiteral("ICA Tagger keychain-loss test");
const QString SecretBefore = QStringLiteral("key-before-loss-0123456789abcdef");
const QString SecretAfter = QStringLiteral("key-after-loss-fedcba9876543210");

/// A session bus that only knows the names its clients own: no activation.
const char *BusConfig = "<busconfig>\n"
                        "  <type>session</type>\n"
                        "  <listen>unix:tmpdir=%1</listen>\n"
                        "  <auth>EXTERNAL</auth>\n"
                        "  <policy context=\"default\">\n"
                        "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                        "    <allow eavesdrop=\"true\"/>\n"
                        "    <allow own=\"*\"/>\n"
                        "  </policy>\n"
                        "</busconfig>\n";

} // namespace

class TstKeychainLoss : public QObject {
    Q_OBJECT

    QTemporaryDir m_keyringHome; ///< the bus socket and the keyring's own files
    QTemporaryDir m_data;        ///< what the app writes: scanned for secrets
    QProcess m_bus;
    QProcess m_keyring;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    void killKeyring() {
        if (m_keyring.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_keyring.processId()), SIGKILL);
        m_keyring.waitForFinished(20000);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_keyringHome.isValid() && m_data.isValid());
        const QString home = m_keyringHome.path();
        QVERIFY(QDir().mkpath(home + QStringLiteral("/data")));
        QVERIFY(QDir().mkpath(home + QStringLiteral("/run")));
        QFile::setPermissions(home + QStringLiteral("/run"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile config(home + QStringLiteral("/bus.conf"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QString::fromLatin1(BusConfig).arg(home).toUtf8());
        config.close();

        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--config-file=") + config.fileName(),
                     QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY2(m_bus.waitForStarted(20000), "dbus-daemon is needed (package dbus)");
        QVERIFY(QTest::qWaitFor([&]() { return m_bus.canReadLine(); }, 20000));
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY(address.startsWith("unix:"));
        // Before any keychain call in this process: libsecret keeps its first connection.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromLatin1(address));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run"));

        // --unlock reads the login password from stdin and creates the keyring with it;
        // --foreground keeps the daemon this test's own child, so it can be killed by pid.
        m_keyring.setProcessEnvironment(m_env);
        m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                        {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                         QStringLiteral("--components=secrets")});
        QVERIFY2(m_keyring.waitForStarted(20000), "gnome-keyring-daemon is needed");
        m_keyring.write("icatag-test\n");
        m_keyring.closeWriteChannel();
    }

    void cleanupTestCase() {
        killKeyring();
        m_bus.kill();
        m_bus.waitForFinished(20000);
    }

    void keychainLossFallsBackToSessionMemory() {
        // The daemon takes a moment to claim its name on the bus: wait for a probe
        // that finds it (bounded), each probe through a store of its own.
        bool available = false;
        QElapsedTimer waited;
        waited.start();
        while (!available && waited.elapsed() < 20000) {
            FallbackSecretStore probe(std::make_unique<KeychainSecretStore>(Service));
            QVERIFY(QTest::qWaitFor([&]() { return !probe.isProbing(); }, 20000));
            available = probe.isPersistent();
            if (!available)
                QTest::qWait(200);
        }
        QVERIFY2(available, "the test's own keyring never answered");

        // The app's parts, over the keychain that works.
        QSettings settings(m_data.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Session session(&settings, FallbackSecretStore::overSystemKeychain(Service));
        auto *secrets = static_cast<FallbackSecretStore *>(session.secretStore());
        QVERIFY(QTest::qWaitFor([&]() { return !secrets->isProbing(); }, 20000));
        QVERIFY(secrets->isPersistent());

        Profile lab;
        lab.name = QStringLiteral("Lab");
        lab.serverUrl = QStringLiteral("https://ica.example.invalid");
        const StoreResult<Profile> added = session.profileStore()->add(lab);
        QVERIFY2(added.ok(), qPrintable(added.error));
        const QString id = added.value.id;
        const SecretResult stored = ica::test::waitFor(
            [&](SecretStore::Callback done) { session.setSecret(id, SecretBefore, done); });
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QVERIFY(secrets->isPersistent());
        QCOMPARE(ica::test::readSecret(*secrets, id, SecretKind::ApiKey).secret, SecretBefore);

        // The Secret Service ends mid-session.
        QSignalSpy persistence(secrets, &SecretStore::persistenceChanged);
        ica::test::StatusSpy status;
        killKeyring();
        QElapsedTimer timer;
        timer.start();
        const SecretResult after = ica::test::waitFor(
            [&](SecretStore::Callback done) { session.setSecret(id, SecretAfter, done); });
        QVERIFY2(after.ok(), qPrintable(after.message + QLatin1Char(' ') + after.detail));
        QVERIFY2(timer.elapsed() < 15000, "the loss must be noticed promptly, not hang");
        QVERIFY(!secrets->isPersistent());
        QCOMPARE(persistence.size(), 1);
        QCOMPARE(persistence.first().first().toBool(), false);
        const QString note = secrets->persistenceNote();
        QVERIFY2(note.contains(QStringLiteral("kept for this session only")), qPrintable(note));
        QVERIFY2(!note.contains(SecretBefore) && !note.contains(SecretAfter), "no secret in notes");
        // The window's status bar hears of it too (posted to StatusNotices).
        bool told = false;
        for (const QList<QVariant> &message : std::as_const(status))
            told = told || message.first().toString() == note;
        QVERIFY2(told, "the session reports the switch to memory");
        QCOMPARE(ica::test::readSecret(*secrets, id, SecretKind::ApiKey).secret, SecretAfter);

        // Activating the profile now works from memory.
        QSignalSpy client(&session, &Session::clientChanged);
        QVERIFY(session.activateProfile(id));
        QTRY_VERIFY_WITH_TIMEOUT(session.state() == Session::State::Ready, 15000);

        // No secret went anywhere else.
        settings.sync();
        const QStringList found =
            ica::test::findSecrets({m_data.path()}, {SecretBefore.toUtf8(), SecretAfter.toUtf8()});
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY(QFile::exists(m_data.filePath(QStringLiteral("settings.ini"))));
    }
};

QTEST_MAIN(TstKeychainLoss)
#include "tst_keychainloss.moc"
