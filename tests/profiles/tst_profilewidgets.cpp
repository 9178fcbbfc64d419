// The profile widgets of the main window driven with QTest on the offscreen
// platform, against the real Secret Service, a real INI file and the real
// simulator: the switcher re-targeting the client, the secret prompt, the token
// status label, and the icav2 import offer on first start.
#include "tests/profiles/profilesfixture.h"

#include "core/store/profilestore.h"
#include "tests/support/statusspy.h"
#include "ui/profiles/icav2importdialog.h"
#include "ui/profiles/icav2importoffer.h"
#include "ui/profiles/profilemanagerdialog.h"
#include "ui/profiles/profileswitcher.h"
#include "ui/profiles/secretpromptdialog.h"
#include "ui/profiles/tokenstatuslabel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace ica;
using namespace ica::ui;
using namespace profilestest;
using ica::test::SimFixture;

class TstProfileWidgets : public ProfilesFixture {
    Q_OBJECT

public:
    TstProfileWidgets()
        : ProfilesFixture(QStringLiteral("ICA Tagger test widgets")) {}

private Q_SLOTS:
    void initTestCase() { startLog(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void cleanupTestCase() { checkLog(); }

    void switcherRetargetsTheClient() {
        ica::sim::SimulatorOptions options = SimFixture::smallWorld();
        options.seed = 5;
        SimFixture other(options);
        QVERIFY(other.startError.isEmpty());
        m_secrets.append(other.sim->apiKey());
        const Profile a = saveProfile(QStringLiteral("Here"), f->sim->baseUrl(), f->sim->apiKey());
        const Profile b =
            saveProfile(QStringLiteral("There"), other.sim->baseUrl(), other.sim->apiKey());
        QVERIFY(m_session->activateProfile(a.id));
        QTRY_VERIFY(m_session->client());

        QWidget window;
        auto *switcher = new ProfileSwitcher(m_session.get(), &window);
        window.show();
        ica::test::StatusSpy status;
        QComboBox *combo = child<QComboBox>(switcher, "profileCombo");
        QVERIFY(combo);
        QCOMPARE(combo->count(), 4); // two profiles, a separator, "Manage profiles..."
        QCOMPARE(combo->currentText(), QStringLiteral("Here"));
        QCOMPARE(combo->itemText(3), QStringLiteral("Manage profiles..."));

        QSignalSpy clients(m_session.get(), &Session::clientChanged);
        QTest::keyClick(combo, Qt::Key_Down); // the user picks "There"
        QCOMPARE(m_session->currentProfile()->id, b.id);
        QTRY_VERIFY(clients.count() >= 2 && clients.last().first().value<ApiClient *>());
        QCOMPARE(clients.last().first().value<ApiClient *>()->serverUrl(), other.sim->baseUrl());
        QCOMPARE(combo->currentText(), QStringLiteral("There"));
        QVERIFY(status.count() >= 1);

        // The last entry is a command: it opens the manager and the choice stays.
        QTest::keyClick(combo, Qt::Key_Down);
        QTRY_VERIFY(switcher->managerDialog() != nullptr);
        QVERIFY(switcher->managerDialog()->isVisible());
        QCOMPARE(combo->currentText(), QStringLiteral("There"));
        QCOMPARE(m_session->currentProfile()->id, b.id);
        switcher->managerDialog()->close();
        QTRY_VERIFY(switcher->managerDialog() == nullptr);
        QAction *manage = switcher->manageAction();
        QCOMPARE(manage->objectName(), QStringLiteral("manageProfilesAction"));
        QVERIFY(!manage->shortcut().isEmpty());
        manage->trigger();
        QVERIFY(switcher->managerDialog() != nullptr);

        // A profile added elsewhere shows up.
        saveProfile(QStringLiteral("Third"), f->sim->baseUrl(), f->sim->apiKey());
        QTRY_COMPARE(combo->count(), 5);
    }

    void missingSecretIsAskedFor() {
        Profile p;
        p.name = QStringLiteral("Keyless");
        p.serverUrl = f->sim->baseUrl().toString();
        const auto added = m_session->profileStore()->add(p);
        QVERIFY(added.ok());
        QWidget window;
        auto *switcher = new ProfileSwitcher(m_session.get(), &window);
        window.show();
        QVERIFY(m_session->activateProfile(added.value.id));
        QTRY_VERIFY(switcher->secretPrompt() != nullptr);
        SecretPromptDialog *prompt = switcher->secretPrompt();
        QVERIFY(prompt->isVisible());
        QVERIFY(child<QLabel>(prompt, "secretPromptReason")
                    ->text()
                    .contains(QStringLiteral("No API key")));
        click(prompt, "connectButton");
        QVERIFY(child<ica::ui::MessageBar>(prompt, "secretPromptMessage")
                    ->text()
                    .contains(QStringLiteral("Enter the API key")));
        QVERIFY(prompt->isVisible());
        QTest::keyClicks(child<QLineEdit>(prompt, "secretEdit"), f->sim->apiKey());
        QPointer<SecretPromptDialog> guard(prompt);
        click(prompt, "connectButton");
        QTRY_VERIFY(m_session->client() != nullptr);
        QTRY_VERIFY(guard.isNull());
        QVERIFY(storedSecret(added.value.id).secret == f->sim->apiKey());
    }

    void tokenStatusLabelText() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(TokenStatusLabel::describe(Session::State::Ready, AuthKind::ApiKey, {}, now),
                 QStringLiteral("API key"));
        QCOMPARE(TokenStatusLabel::describe(Session::State::Ready, AuthKind::AccessToken,
                                            now.addSecs(-5), now),
                 QStringLiteral("Token expired — paste a new one"));
        const QDateTime exp = now.addSecs(30 * 60 + 20);
        QCOMPARE(
            TokenStatusLabel::describe(Session::State::Ready, AuthKind::ApiKeyExchange, exp, now),
            QStringLiteral("Token valid until %1 (in 30 min)")
                .arg(exp.toLocalTime().toString(QStringLiteral("HH:mm"))));
        QCOMPARE(TokenStatusLabel::describe(Session::State::None, AuthKind::ApiKey, {}, now),
                 QStringLiteral("No profile"));

        // The real label follows the session.
        TokenStatusLabel label(m_session.get());
        QCOMPARE(label.objectName(), QStringLiteral("tokenStatusLabel"));
        QCOMPARE(label.text(), QStringLiteral("No profile"));
        const Profile exchange =
            saveProfile(QStringLiteral("Exchange"), f->sim->baseUrl(), f->sim->apiKey());
        QVERIFY(m_session->activateProfile(exchange.id));
        QTRY_VERIFY2(label.text().startsWith(QStringLiteral("Token valid until")),
                     qPrintable(label.text()));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^Token valid until \\d\\d:\\d\\d \\(in (59|60) min\\)$"))
                     .match(label.text())
                     .hasMatch(),
                 qPrintable(label.text()));
        // Two hours on, the exchanged token is renewed (not pasted again).
        label.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(7200); });
        QCOMPARE(label.text(), QStringLiteral("Token expired — renewing..."));
        QVERIFY(!label.isExpired());
        label.setClock({});

        const Profile key = saveProfile(QStringLiteral("Key"), f->sim->baseUrl(), f->sim->apiKey(),
                                        AuthKind::ApiKey);
        QVERIFY(m_session->activateProfile(key.id));
        QTRY_COMPARE(label.text(), QStringLiteral("API key"));

        const QString expired = fakeJwt(now.addSecs(-60), QStringLiteral("pasted-lab"));
        m_secrets.append(expired);
        const Profile pasted = saveProfile(QStringLiteral("Pasted"), f->sim->baseUrl(), expired,
                                           AuthKind::AccessToken);
        QVERIFY(m_session->activateProfile(pasted.id));
        QTRY_COMPARE(label.text(), QStringLiteral("Token expired — paste a new one"));
        QVERIFY(label.isExpired());
        QSignalSpy missing(m_session.get(), &Session::secretMissing);
        label.show();
        QTest::mouseClick(&label, Qt::LeftButton);
        QCOMPARE(missing.count(), 1);
        QCOMPARE(missing.first().first().value<Profile>().id, pasted.id);
    }

    void icav2ImportIsOfferedOnFirstStart() {
        const QString config = m_dir.filePath(QStringLiteral("config.yaml"));
        const QString fileKey = QStringLiteral("key-in-the-file-0000");
        m_secrets.append(fileKey);
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("server-url: " + f->sim->baseUrl().toString().toUtf8() +
                       "\nx-api-key: " + fileKey.toUtf8() + "\n");
        }
        // The variable wins over the file, as in the icav2 CLI.
        qputenv("ICAV2_X_API_KEY", f->sim->apiKey().toUtf8());
        const Icav2ConfigImporter importer(config, QString());
        const Icav2Import found = importer.run();
        QVERIFY(found.apiKey == f->sim->apiKey());
        QVERIFY(Icav2ImportOffer::shouldOffer(*m_session->profileStore(), found));
        QVERIFY(!Icav2ImportOffer::shouldOffer(*m_session->profileStore(), Icav2Import()));

        QWidget window;
        window.show();
        std::optional<Icav2ImportDialog *> opened;
        Icav2ImportOffer::offerAtStart(m_session.get(), &window, importer,
                                       [&opened](Icav2ImportDialog *d) { opened = d; });
        QTRY_VERIFY(opened.has_value());
        Icav2ImportDialog *dialog = *opened;
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString shown = allLabelText(dialog);
        QVERIFY(shown.contains(QStringLiteral("icav2 (127.0.0.1)")));
        QVERIFY(shown.contains(QStringLiteral("ICAV2_X_API_KEY")));
        QVERIFY(!shown.contains(f->sim->apiKey()));
        QVERIFY(!shown.contains(fileKey));

        QSignalSpy imported(dialog, &Icav2ImportDialog::imported);
        click(dialog, "importButton");
        QTRY_COMPARE(imported.count(), 1);
        const Profile profile = imported.first().first().value<Profile>();
        QCOMPARE(m_session->profileStore()->profiles().size(), 1);
        QCOMPARE(profile.serverUrl, f->sim->baseUrl().toString());
        QVERIFY(storedSecret(profile.id).secret == f->sim->apiKey());
        QTRY_VERIFY(m_session->client() != nullptr); // nothing was in use: it is now
        m_settings->sync();
        QVERIFY(!profilestest::fileText(ini()).contains(f->sim->apiKey()));

        // Once a profile exists, nothing is offered.
        std::optional<Icav2ImportDialog *> again;
        Icav2ImportOffer::offerAtStart(m_session.get(), &window, importer,
                                       [&again](Icav2ImportDialog *d) { again = d; });
        QTRY_VERIFY(again.has_value());
        QCOMPARE(*again, nullptr);

        // From the manager it is always available; Skip adds nothing.
        ProfileManagerDialog manager(m_session.get());
        manager.setIcav2Importer(importer);
        manager.show();
        click(&manager, "importIcav2Button");
        QTRY_VERIFY(manager.importDialog() != nullptr);
        QPointer<Icav2ImportDialog> guard(manager.importDialog());
        click(manager.importDialog(), "skipButton");
        QTRY_VERIFY(guard.isNull());
        QCOMPARE(m_session->profileStore()->profiles().size(), 1);

        // Nothing found: said plainly.
        manager.setIcav2Importer(
            Icav2ConfigImporter(m_dir.filePath(QStringLiteral("none.yaml")), QString()));
        qunsetenv("ICAV2_X_API_KEY");
        click(&manager, "importIcav2Button");
        QTRY_VERIFY(manager.message().startsWith(QStringLiteral("No icav2 settings were found")));
        QVERIFY(manager.importDialog() == nullptr);
    }
};

QTEST_MAIN(TstProfileWidgets)
#include "tst_profilewidgets.moc"
