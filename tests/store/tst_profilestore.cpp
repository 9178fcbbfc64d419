// ProfileStore over a real INI file: add, edit, duplicate, remove and default
// survive a fresh store on the same file; validation messages; no secret in the file.
#include "core/store/profilestore.h"
#include "core/store/sessionsecretstore.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

class TstProfileStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ini;

    static Profile named(const QString &name) {
        Profile p;
        p.name = name;
        return p;
    }

private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        m_ini = ica::test::perTestPath(".ini");
        QFile::remove(m_ini);
    }

    void addAssignsIdDefaultAndNormalizes() {
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);
        Profile p = named(QStringLiteral("  Production  "));
        p.serverUrl = QStringLiteral("ica.illumina.com");
        const auto added = store.add(p);
        QVERIFY2(added.ok(), qPrintable(added.error));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!added.value.id.isEmpty());
        QCOMPARE(added.value.name, QStringLiteral("Production"));
        QCOMPARE(added.value.serverUrl, QStringLiteral("https://ica.illumina.com/ica/rest"));
        QVERIFY2(added.value.isDefault, "the first profile becomes the default");

        const auto second = store.add(named(QStringLiteral("Staging")));
        QVERIFY(second.ok());
        QVERIFY(!second.value.isDefault);
        QCOMPARE(store.defaultProfile()->id, added.value.id);
        QCOMPARE(store.profiles().size(), 2);
        QCOMPARE(store.byName(QStringLiteral("staging"))->id, second.value.id);
        QCOMPARE(store.byId(second.value.id)->name, QStringLiteral("Staging"));
        QVERIFY(!store.byId(QStringLiteral("nope")));
    }

    void roundTripThroughFreshStore() {
        QString prodId, devId, copyId;
        {
            QSettings settings(m_ini, QSettings::IniFormat);
            ProfileStore store(&settings);
            Profile prod = named(QStringLiteral("Production"));
            prod.tenantName = QStringLiteral("acme");
            prod.defaultProjectId = QStringLiteral("11111111-2222-4333-8444-555555555555");
            prodId = store.add(prod).value.id;
            Profile dev = named(QStringLiteral("Local"));
            dev.serverUrl = QStringLiteral("http://127.0.0.1:4010/");
            dev.authKind = AuthKind::AccessToken;
            devId = store.add(dev).value.id;
            Profile demo = named(QStringLiteral("Demo"));
            demo.demo = true;
            demo.serverUrl.clear();
            demo.authKind = AuthKind::ApiKey;
            QVERIFY(store.add(demo).ok());

            // Edit, duplicate, remove, default.
            Profile edited = *store.byId(prodId);
            edited.tenantName = QStringLiteral("acme-eu");
            QVERIFY(store.update(edited).ok());
            const auto copy = store.duplicate(prodId);
            QVERIFY2(copy.ok(), qPrintable(copy.error));
            copyId = copy.value.id;
            QCOMPARE(copy.value.name, QStringLiteral("Production (copy)"));
            QVERIFY(copyId != prodId);
            QCOMPARE(copy.value.tenantName, QStringLiteral("acme-eu"));
            QVERIFY(!copy.value.isDefault);
            QCOMPARE(store.duplicate(prodId).value.name, QStringLiteral("Production (copy 2)"));
            QVERIFY(store.remove(store.byName(QStringLiteral("Demo"))->id).value);
            QVERIFY(store.setDefault(devId).value);
        }
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        const QList<Profile> profiles = store.profiles();
        QCOMPARE(profiles.size(), 4);
        QCOMPARE(profiles.at(0).id, prodId);
        QCOMPARE(profiles.at(0).tenantName, QStringLiteral("acme-eu"));
        QCOMPARE(profiles.at(0).defaultProjectId,
                 QStringLiteral("11111111-2222-4333-8444-555555555555"));
        QCOMPARE(profiles.at(0).authKind, AuthKind::ApiKeyExchange);
        QCOMPARE(profiles.at(1).id, devId);
        QCOMPARE(profiles.at(1).serverUrl, QStringLiteral("http://127.0.0.1:4010"));
        QCOMPARE(profiles.at(1).authKind, AuthKind::AccessToken);
        QCOMPARE(profiles.at(2).id, copyId);
        QVERIFY(!store.byName(QStringLiteral("Demo")));
        QCOMPARE(store.defaultProfile()->id, devId);
        int defaults = 0;
        for (const Profile &p : profiles)
            defaults += p.isDefault ? 1 : 0;
        QCOMPARE(defaults, 1);
    }

    void demoFlagSurvives() {
        QString id;
        {
            QSettings settings(m_ini, QSettings::IniFormat);
            ProfileStore store(&settings);
            Profile demo = named(QStringLiteral("Demo"));
            demo.demo = true;
            demo.serverUrl.clear(); // the simulator picks its port at run time
            const auto added = store.add(demo);
            QVERIFY2(added.ok(), qPrintable(added.error));
            id = added.value.id;
        }
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.byId(id)->demo);
    }

    void removingTheDefaultPromotesAnother() {
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        const QString a = store.add(named(QStringLiteral("A"))).value.id;
        const QString b = store.add(named(QStringLiteral("B"))).value.id;
        QVERIFY(store.byId(a)->isDefault);
        QVERIFY(store.remove(a).value);
        QVERIFY(store.byId(b)->isDefault);
        QCOMPARE(store.remove(a).value, false); // already gone: nothing to do
        QVERIFY(store.remove(b).value);
        QVERIFY(!store.defaultProfile());
        QVERIFY(store.profiles().isEmpty());
    }

    void updateIsDefaultTrueMovesTheDefault() {
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        store.add(named(QStringLiteral("A")));
        Profile b = store.add(named(QStringLiteral("B"))).value;
        b.isDefault = true;
        QVERIFY(store.update(b).ok());
        QCOMPARE(store.defaultProfile()->name, QStringLiteral("B"));
        // isDefault = false on the default is ignored: there is always one.
        b.isDefault = false;
        QVERIFY(store.update(b).ok());
        QCOMPARE(store.defaultProfile()->name, QStringLiteral("B"));
    }

    void validationMessages() {
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);

        const auto empty = store.add(named(QStringLiteral("   ")));
        QVERIFY(!empty.ok());
        QVERIFY2(empty.error.contains(QStringLiteral("needs a name")), qPrintable(empty.error));

        QVERIFY(store.add(named(QStringLiteral("Production"))).ok());
        const auto dup = store.add(named(QStringLiteral("production ")));
        QVERIFY(!dup.ok());
        QVERIFY2(dup.error.contains(QStringLiteral("\"Production\" already exists")) &&
                     dup.error.contains(QStringLiteral("choose another name")),
                 qPrintable(dup.error));

        Profile http = named(QStringLiteral("Plain"));
        http.serverUrl = QStringLiteral("http://ica.example.com/ica/rest");
        const auto plain = store.add(http);
        QVERIFY(!plain.ok());
        QString expected;
        normalizeServerUrl(http.serverUrl, &expected);
        QCOMPARE(plain.error, expected);
        QVERIFY(plain.error.contains(QStringLiteral("use https")));

        Profile ftp = named(QStringLiteral("Ftp"));
        ftp.serverUrl = QStringLiteral("ftp://ica.example.com");
        QVERIFY(store.validate(ftp).contains(QStringLiteral("must start with https://")));

        // Renaming a profile to its own name is fine; to another's is not.
        Profile other = store.add(named(QStringLiteral("Other"))).value;
        QVERIFY(store.validate(other, other.id).isEmpty());
        other.name = QStringLiteral("PRODUCTION");
        QVERIFY(!store.update(other).ok());
        Profile ghost = named(QStringLiteral("Ghost"));
        ghost.id = QStringLiteral("not-there");
        QVERIFY(store.update(ghost).error.contains(QStringLiteral("no longer exists")));
        QCOMPARE(changed.count(), 2); // only the two successful adds
        QCOMPARE(store.profiles().size(), 2);
    }

    void iniHoldsNoSecret() {
        const QString secret = QStringLiteral("apikey-DO-NOT-STORE-7f3a9c");
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        SessionSecretStore secrets;
        const Profile p = store.add(named(QStringLiteral("Production"))).value;
        bool written = false;
        secrets.write(p.id, SecretKind::ApiKey, secret,
                      [&written](const SecretResult &r) { written = r.ok(); });
        QTRY_VERIFY(written);
        Profile edited = p;
        edited.tenantName = QStringLiteral("acme");
        QVERIFY(store.update(edited).ok());
        QVERIFY(store.duplicate(p.id).ok());
        settings.sync();
        QFile file(m_ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains(p.id.toUtf8()), "the profile is in the file");
        QVERIFY2(bytes.contains("acme"), "the edit is in the file");
        QVERIFY2(!bytes.contains(secret.toUtf8()), "the secret must never reach the INI file");
    }

    void unwritableFileIsReported() {
        // A settings file in a folder that does not exist and cannot be created.
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QSettings settings(m_dir.filePath(QStringLiteral("blocker/sub/profiles.ini")),
                           QSettings::IniFormat);
        ProfileStore store(&settings);
        const auto added = store.add(named(QStringLiteral("Production")));
        QVERIFY(!added.ok());
        QVERIFY2(added.error.contains(QStringLiteral("could not be saved")),
                 qPrintable(added.error));
        QVERIFY2(store.profiles().isEmpty(), "a failed save leaves the list as it was");
    }

    void damagedEntriesAreSkipped() {
        {
            QSettings raw(m_ini, QSettings::IniFormat);
            raw.beginGroup(QStringLiteral("Profiles"));
            raw.beginWriteArray(QStringLiteral("list"), 2);
            raw.setArrayIndex(0);
            raw.setValue(QStringLiteral("name"), QStringLiteral("No id"));
            raw.setArrayIndex(1);
            raw.setValue(QStringLiteral("id"), QStringLiteral("abc"));
            raw.setValue(QStringLiteral("name"), QStringLiteral("Good"));
            raw.setValue(QStringLiteral("authKind"), QStringLiteral("somethingNew"));
            raw.endArray();
            raw.endGroup();
        }
        QSettings settings(m_ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.profiles().first().name, QStringLiteral("Good"));
        QCOMPARE(store.profiles().first().authKind, AuthKind::ApiKeyExchange);
        QVERIFY(store.profiles().first().isDefault);
    }

    void authKindSpellings() {
        for (const AuthKind kind :
             {AuthKind::ApiKeyExchange, AuthKind::ApiKey, AuthKind::AccessToken})
            QCOMPARE(authKindFromString(authKindToString(kind)), kind);
        QVERIFY(!authKindFromString(QStringLiteral("password")));
        QVERIFY(authKindLabel(AuthKind::ApiKeyExchange).contains(QStringLiteral("recommended")));
    }
};

QTEST_GUILESS_MAIN(TstProfileStore)
#include "tst_profilestore.moc"
