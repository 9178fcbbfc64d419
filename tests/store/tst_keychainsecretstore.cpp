// KeychainSecretStore against the real Secret Service (gnome-keyring in the
// private D-Bus session of scripts/with-keyring.sh): write, read, remove, per
// profile keys, FallbackSecretStore staying persistent, and no secret in the
// profiles' INI file.
#include "core/store/fallbacksecretstore.h"
#include "core/store/keychainsecretstore.h"
#include "core/store/profilestore.h"
#include "tests/support/secretwaiter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;
using namespace ica::test;
using Status = SecretResult::Status;

// Fails with the store's own message, so a broken keychain says why.
#define VERIFY_OK(call)                                                                            \
    do {                                                                                           \
        const SecretResult result_ = (call);                                                       \
        QVERIFY2(                                                                                  \
            result_.ok(),                                                                          \
            qPrintable(                                                                            \
                QStringLiteral("status %1: %2").arg(int(result_.status)).arg(result_.message)));   \
    } while (false)

class TstKeychainSecretStore : public QObject {
    Q_OBJECT

private:
    // A service name of this run only: nothing collides with other runs or the app.
    const QString m_service =
        QStringLiteral("ICA Tagger test %1").arg(QCoreApplication::applicationPid());
    QStringList m_profiles; // removed again in cleanupTestCase

    QString newProfileId() {
        m_profiles.append(Profile::newId());
        return m_profiles.last();
    }

private Q_SLOTS:
    void initTestCase() {
        if (qEnvironmentVariable("ICATAG_IN_KEYRING_SESSION") != QLatin1String("1"))
            QSKIP("needs the private Secret Service: run under scripts/with-keyring.sh");
    }

    void cleanupTestCase() {
        KeychainSecretStore store(m_service);
        for (const QString &id : std::as_const(m_profiles))
            removeSecrets(store, id);
    }

    void probeFindsTheKeychain() {
        KeychainSecretStore store(m_service);
        std::optional<bool> available;
        QString reason = QStringLiteral("unset");
        store.probe([&](bool ok, const QString &why) {
            available = ok;
            reason = why;
        });
        QTRY_VERIFY_WITH_TIMEOUT(available.has_value(), 15000);
        QVERIFY2(*available, qPrintable(reason));
        QVERIFY(reason.isEmpty());
        QVERIFY(store.isPersistent());
    }

    void writeReadRemoveRoundTrip() {
        KeychainSecretStore store(m_service);
        const QString id = newProfileId();
        const QString apiKey = QStringLiteral("ak-%1").arg(Profile::newId());
        const QString token = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.sig-%1").arg(id);

        QCOMPARE(readSecret(store, id, SecretKind::ApiKey).status, Status::NotFound);
        VERIFY_OK(writeSecret(store, id, SecretKind::ApiKey, apiKey));
        VERIFY_OK(writeSecret(store, id, SecretKind::AccessToken, token));

        // A fresh store (as after a restart) reads what the first one wrote.
        KeychainSecretStore again(m_service);
        const SecretResult key = readSecret(again, id, SecretKind::ApiKey);
        QVERIFY2(key.ok(), qPrintable(key.message));
        QCOMPARE(key.secret, apiKey);
        QCOMPARE(readSecret(again, id, SecretKind::AccessToken).secret, token);

        // Overwrite.
        VERIFY_OK(writeSecret(store, id, SecretKind::ApiKey, apiKey + QLatin1Char('2')));
        QCOMPARE(readSecret(again, id, SecretKind::ApiKey).secret, apiKey + QLatin1Char('2'));

        // An empty secret removes that kind only.
        VERIFY_OK(writeSecret(store, id, SecretKind::AccessToken, QString()));
        QCOMPARE(readSecret(store, id, SecretKind::AccessToken).status, Status::NotFound);
        QVERIFY(readSecret(store, id, SecretKind::ApiKey).ok());

        QVERIFY(removeSecrets(store, id).ok());
        const SecretResult gone = readSecret(store, id, SecretKind::ApiKey);
        QCOMPARE(gone.status, Status::NotFound);
        QVERIFY(gone.message.contains(QStringLiteral("No API key is stored")));
        QVERIFY2(removeSecrets(store, id).ok(), "removing what is not there succeeds");
    }

    void keysAreSeparatedPerProfileAndService() {
        KeychainSecretStore store(m_service);
        const QString a = newProfileId();
        const QString b = newProfileId();
        VERIFY_OK(writeSecret(store, a, SecretKind::ApiKey, QStringLiteral("key-of-a")));
        VERIFY_OK(writeSecret(store, b, SecretKind::ApiKey, QStringLiteral("key-of-b")));
        QCOMPARE(readSecret(store, a, SecretKind::ApiKey).secret, QStringLiteral("key-of-a"));
        QCOMPARE(readSecret(store, b, SecretKind::ApiKey).secret, QStringLiteral("key-of-b"));
        QVERIFY(removeSecrets(store, a).ok());
        QCOMPARE(readSecret(store, a, SecretKind::ApiKey).status, Status::NotFound);
        QCOMPARE(readSecret(store, b, SecretKind::ApiKey).secret, QStringLiteral("key-of-b"));

        KeychainSecretStore otherService(m_service + QStringLiteral(" other"));
        QCOMPARE(readSecret(otherService, b, SecretKind::ApiKey).status, Status::NotFound);
    }

    void callbackNotCalledAfterStoreIsGone() {
        const QString id = newProfileId();
        bool called = false;
        {
            KeychainSecretStore store(m_service);
            store.read(id, SecretKind::ApiKey, [&called](const SecretResult &) { called = true; });
        }
        // Let the keychain job finish; its answer must find no one to call.
        KeychainSecretStore probeStore(m_service);
        QCOMPARE(readSecret(probeStore, id, SecretKind::ApiKey).status, Status::NotFound);
        QVERIFY(!called);
    }

    void fallbackStaysOnTheKeychain() {
        const auto owned = FallbackSecretStore::overSystemKeychain(m_service);
        FallbackSecretStore &store = *owned;
        QSignalSpy persistence(&store, &SecretStore::persistenceChanged);
        QVERIFY(store.isProbing());
        const QString id = newProfileId();
        // Called during the probe: waits for it, then goes to the keychain.
        VERIFY_OK(writeSecret(store, id, SecretKind::ApiKey, QStringLiteral("through-fallback")));
        QVERIFY(!store.isProbing());
        QCOMPARE(persistence.count(), 1);
        QCOMPARE(persistence.first().first().toBool(), true);
        QVERIFY(store.isPersistent());
        QVERIFY(store.persistenceNote().isEmpty());
        KeychainSecretStore direct(m_service);
        QCOMPARE(readSecret(direct, id, SecretKind::ApiKey).secret,
                 QStringLiteral("through-fallback"));
    }

    void profileAndSecretTogetherKeepTheIniClean() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        const QString secret = QStringLiteral("sk-live-%1").arg(Profile::newId());
        QString id;
        {
            QSettings settings(ini, QSettings::IniFormat);
            ProfileStore profiles(&settings);
            Profile p;
            p.name = QStringLiteral("Production");
            p.tenantName = QStringLiteral("acme");
            id = profiles.add(p).value.id;
            m_profiles.append(id);
            KeychainSecretStore secrets(m_service);
            VERIFY_OK(writeSecret(secrets, id, SecretKind::ApiKey, secret));
        }
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains(id.toUtf8()));
        QVERIFY2(!bytes.contains(secret.toUtf8()), "the secret must not be in the INI file");
        KeychainSecretStore secrets(m_service);
        QCOMPARE(readSecret(secrets, id, SecretKind::ApiKey).secret, secret);
    }

    void messagesNeverCarryTheSecret() {
        QCOMPARE(withoutSecret(QStringLiteral("bad key abc123 given"), QStringLiteral("abc123")),
                 QStringLiteral("bad key [hidden] given"));
        QCOMPARE(withoutSecret(QStringLiteral("nothing here"), QString()),
                 QStringLiteral("nothing here"));
    }
};

QTEST_GUILESS_MAIN(TstKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
