// FallbackSecretStore when no keychain answers: the session bus points nowhere,
// so QtKeychain cannot reach a Secret Service. The store must say so in a plain
// sentence, stay usable in memory, and switch later if the keychain goes away.
#include "core/store/fallbacksecretstore.h"
#include "core/store/keychainsecretstore.h"
#include "core/store/sessionsecretstore.h"
#include "tests/support/secretwaiter.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace ica;
using namespace ica::test;
using Status = SecretResult::Status;

namespace {

/// A keychain that answers the probe but is gone by the time a secret is written
/// (the Secret Service stopped mid-session); reads and writes say Unavailable.
class VanishingKeychain final : public SecretStore {
public:
    int calls = 0;
    void read(const QString &, SecretKind, Callback done) override { fail(std::move(done)); }
    void write(const QString &, SecretKind, const QString &, Callback done) override {
        fail(std::move(done));
    }
    void remove(const QString &, Callback done) override { fail(std::move(done)); }
    [[nodiscard]] bool isPersistent() const override { return true; }

private:
    void fail(Callback done) {
        ++calls;
        QTimer::singleShot(0, this, [done = std::move(done)] {
            SecretResult r = SecretResult::error(Status::Unavailable,
                                                 QStringLiteral("The API key could not be saved."));
            r.detail = QStringLiteral("The name org.freedesktop.secrets was not provided");
            if (done)
                done(r);
        });
    }
};

} // namespace

class TstSecretFallback : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // Before any keychain call in this process: libsecret keeps its connection.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ica-tagger-test-bus");
    }

    void keychainAloneReportsUnavailable() {
        KeychainSecretStore store(QStringLiteral("ICA Tagger test"));
        const SecretResult r = readSecret(store, Profile::newId(), SecretKind::ApiKey);
        QCOMPARE(r.status, Status::Unavailable);
        QVERIFY(!r.detail.isEmpty());
        QVERIFY(r.message.contains(QStringLiteral("could not be read from the system keychain")));
    }

    void fallsBackToMemoryWithAPlainSentence() {
        FallbackSecretStore store(
            std::make_unique<KeychainSecretStore>(QStringLiteral("ICA Tagger test")));
        QSignalSpy persistence(&store, &SecretStore::persistenceChanged);
        QVERIFY(store.isProbing());
        const QString id = Profile::newId();
        // Made while the probe runs: answered once it is decided, in memory.
        const SecretResult written =
            writeSecret(store, id, SecretKind::ApiKey, QStringLiteral("session-only-key"));
        QVERIFY2(written.ok(), qPrintable(written.message));
        QVERIFY(!store.isProbing());
        QCOMPARE(persistence.count(), 1);
        QCOMPARE(persistence.first().first().toBool(), false);
        QVERIFY(!store.isPersistent());
        const QString note = store.persistenceNote();
        qInfo().noquote() << "The profile dialog would show:" << note;
        QVERIFY2(note.startsWith(QStringLiteral("No system keychain is available (")),
                 qPrintable(note));
        QVERIFY2(note.endsWith(QStringLiteral("; the secret is kept for this session only and "
                                              "you will be asked again next time.")),
                 qPrintable(note));
        QVERIFY2(!note.contains(QStringLiteral("session-only-key")), "no secret in the note");

        QCOMPARE(readSecret(store, id, SecretKind::ApiKey).secret,
                 QStringLiteral("session-only-key"));
        QCOMPARE(readSecret(store, id, SecretKind::AccessToken).status, Status::NotFound);
        QVERIFY(writeSecret(store, id, SecretKind::AccessToken, QStringLiteral("jwt")).ok());
        QVERIFY(removeSecrets(store, id).ok());
        QCOMPARE(readSecret(store, id, SecretKind::ApiKey).status, Status::NotFound);
        QCOMPARE(readSecret(store, id, SecretKind::AccessToken).status, Status::NotFound);

        std::optional<bool> available;
        store.probe([&available](bool ok, const QString &) { available = ok; });
        QVERIFY(!available.has_value()); // asynchronous even when decided
        QTRY_VERIFY(available.has_value());
        QCOMPARE(*available, false);
    }

    void switchesWhenTheKeychainVanishesLater() {
        auto primary = std::make_unique<VanishingKeychain>();
        VanishingKeychain *keychain = primary.get();
        FallbackSecretStore store(std::move(primary));
        QSignalSpy persistence(&store, &SecretStore::persistenceChanged);
        QTRY_VERIFY(!store.isProbing());
        QVERIFY(store.isPersistent());
        QCOMPARE(persistence.count(), 1);

        const QString id = Profile::newId();
        QVERIFY(writeSecret(store, id, SecretKind::ApiKey, QStringLiteral("kept")).ok());
        QCOMPARE(keychain->calls, 1);
        QVERIFY(!store.isPersistent());
        QCOMPARE(persistence.count(), 2);
        QCOMPARE(persistence.last().first().toBool(), false);
        QCOMPARE(store.persistenceNote(),
                 FallbackSecretStore::noKeychainNote(
                     QStringLiteral("The name org.freedesktop.secrets was not provided")));
        // From now on memory only: the keychain is not asked again.
        QCOMPARE(readSecret(store, id, SecretKind::ApiKey).secret, QStringLiteral("kept"));
        QCOMPARE(keychain->calls, 1);
    }

    void sessionStoreAloneIsNotPersistent() {
        SessionSecretStore store;
        QVERIFY(!store.isPersistent());
        QVERIFY(store.persistenceNote().contains(QStringLiteral("this session only")));
        QVERIFY(
            writeSecret(store, QStringLiteral("p"), SecretKind::ApiKey, QStringLiteral("k")).ok());
        QCOMPARE(readSecret(store, QStringLiteral("p"), SecretKind::ApiKey).secret,
                 QStringLiteral("k"));
        QCOMPARE(readSecret(store, QStringLiteral("q"), SecretKind::ApiKey).status,
                 Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TstSecretFallback)
#include "tst_secretfallback.moc"
