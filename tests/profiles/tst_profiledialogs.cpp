// The profile manager and edit dialogs driven with QTest on the offscreen platform,
// against the real Secret Service, a real INI file and the real simulator: a profile
// typed into the dialog, the connection test (tenant, 401 title, cancel), the server
// URL checked as you type, bad input refused with nothing lost, keyboard order, and
// edit / duplicate / delete (confirmed) / default.
#include "tests/profiles/profilesfixture.h"

#include "core/api/projectapi.h"
#include "core/store/profilestore.h"
#include "tests/support/callwaiter.h"
#include "tests/support/statusspy.h"
#include "ui/profiles/profileeditdialog.h"
#include "ui/profiles/profilemanagerdialog.h"
#include "ui/widgets/confirmation.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QSignalSpy>

using namespace ica;
using namespace ica::ui;
using namespace profilestest;
using ica::test::CallWaiter;

class TstProfileDialogs : public ProfilesFixture {
    Q_OBJECT

public:
    TstProfileDialogs()
        : ProfilesFixture(QStringLiteral("ICA Tagger test dialogs")) {}

private:
    /// Opens the add dialog of `manager` and fills it for the simulator.
    ProfileEditDialog *openFilledAddDialog(ProfileManagerDialog &manager, const QString &name,
                                           const QString &secret) {
        click(&manager, "addProfileButton");
        ProfileEditDialog *dialog = manager.editDialog();
        if (!dialog)
            return nullptr;
        typeInto(dialog, "profileNameEdit", name);
        typeInto(dialog, "serverUrlEdit", f->sim->baseUrl().toString());
        typeInto(dialog, "secretEdit", secret);
        return dialog;
    }

private Q_SLOTS:
    void initTestCase() { startLog(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void cleanupTestCase() { checkLog(); }

    void createProfileByTyping() {
        ProfileManagerDialog manager(m_session.get());
        manager.show();
        ica::test::StatusSpy status;
        ProfileEditDialog *dialog =
            openFilledAddDialog(manager, QStringLiteral("Simulator"), f->sim->apiKey());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->isAdding());
        QCOMPARE(child<QLineEdit>(dialog, "secretEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(child<QLabel>(dialog, "serverUrlMessage")
                    ->text()
                    .startsWith(QStringLiteral("Calls go to http://127.0.0.1:")));

        click(dialog, "testConnectionButton");
        QVERIFY(child<QProgressBar>(dialog, "testBusyIndicator")->isVisible());
        QVERIFY(!child<QPushButton>(dialog, "testConnectionButton")->isEnabled());
        auto *result = child<ica::ui::MessageBar>(dialog, "testResultMessage");
        QTRY_COMPARE(result->text(),
                     QStringLiteral("Connected to tenant %1.").arg(f->sim->tenantName()));
        QCOMPARE(result->kind(), ica::ui::MessageBar::Kind::Success);
        QVERIFY(!child<QProgressBar>(dialog, "testBusyIndicator")->isVisible());
        QCOMPARE(child<QLineEdit>(dialog, "tenantNameEdit")->text(), f->sim->tenantName());
        QVERIFY(!allLabelText(dialog).contains(f->sim->apiKey()));

        QPointer<ProfileEditDialog> guard(dialog);
        click(dialog, "saveButton");
        QTRY_VERIFY(guard.isNull()); // closed and deleted
        const auto saved = m_session->profileStore()->byName(QStringLiteral("Simulator"));
        QVERIFY(saved.has_value());
        QCOMPARE(saved->serverUrl, f->sim->baseUrl().toString());
        QCOMPARE(saved->tenantName, f->sim->tenantName());
        QVERIFY(saved->isDefault);
        QVERIFY(manager.message().contains(QStringLiteral("Saved")));
        for (const QList<QVariant> &args : std::as_const(status))
            QVERIFY(!args.first().toString().contains(f->sim->apiKey()));

        // The first profile is put to work at once.
        QTRY_VERIFY(m_session->client() != nullptr);
        QCOMPARE(m_session->currentProfile()->id, saved->id);

        // The secret went to the keychain, not the INI; a fresh session reads it back.
        const SecretResult stored = storedSecret(saved->id);
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QVERIFY(stored.secret == f->sim->apiKey());
        m_settings->sync();
        QVERIFY(!profilestest::fileText(ini()).contains(f->sim->apiKey()));
        QVERIFY(profilestest::fileText(ini()).contains(QStringLiteral("Simulator")));

        QSettings again(ini(), QSettings::IniFormat);
        Session fresh(&again, FallbackSecretStore::overSystemKeychain(m_service));
        QVERIFY(fresh.activateDefaultProfile());
        QTRY_VERIFY(fresh.client() != nullptr);
        CallWaiter<ProjectPage> call;
        ProjectApi(fresh.client())
            .list(ProjectsQuery{{}, PageRequest::atOffset(0, 1), {}}, &call, call.callback());
        QVERIFY(call.wait());
        QVERIFY2(call.ok(), qPrintable(call.error().toString()));
    }

    void wrongKeyShowsTheProblemTitle() {
        const QString wrongKey = QStringLiteral("definitely-not-the-key-42");
        m_secrets.append(wrongKey);
        ProfileManagerDialog manager(m_session.get());
        manager.show();
        ProfileEditDialog *dialog = openFilledAddDialog(manager, QStringLiteral("Wrong"), wrongKey);
        QVERIFY(dialog);
        ica::test::StatusSpy status;
        click(dialog, "testConnectionButton");
        auto *result = child<ica::ui::MessageBar>(dialog, "testResultMessage");
        QTRY_VERIFY(result->text().startsWith(QStringLiteral("Connection failed.")));
        QCOMPARE(result->kind(), ica::ui::MessageBar::Kind::Error);
        QVERIFY2(result->text().contains(QStringLiteral("Unauthorized")),
                 qPrintable(result->text()));
        QVERIFY(!allLabelText(dialog).contains(wrongKey));
        QVERIFY(status.count() >= 2);
        for (const QList<QVariant> &args : std::as_const(status))
            QVERIFY(!args.first().toString().contains(wrongKey));
        // Showing the secret is the user's choice, and only in its own field.
        auto *secret = child<QLineEdit>(dialog, "secretEdit");
        QTest::mouseClick(child<QCheckBox>(dialog, "showSecretCheck"), Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(child<QCheckBox>(dialog, "showSecretCheck"), Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
    }

    void connectionTestIsCancellable() {
        f->sim->faults().setLatency(5000);
        ProfileManagerDialog manager(m_session.get());
        manager.show();
        ProfileEditDialog *dialog =
            openFilledAddDialog(manager, QStringLiteral("Slow"), f->sim->apiKey());
        QVERIFY(dialog);
        click(dialog, "testConnectionButton");
        QVERIFY(dialog->isTesting());
        auto *cancel = child<QPushButton>(dialog, "cancelTestButton");
        QVERIFY(cancel->isVisible());
        // The dialog stays responsive while the call waits: typing still works.
        QTest::keyClicks(child<QLineEdit>(dialog, "tenantNameEdit"), QStringLiteral("x"));
        QCOMPARE(child<QLineEdit>(dialog, "tenantNameEdit")->text(), QStringLiteral("x"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting(), 2000); // long before the 5 s answer
        QVERIFY(child<ica::ui::MessageBar>(dialog, "testResultMessage")
                    ->text()
                    .contains(QStringLiteral("cancelled")));
        QVERIFY(!cancel->isVisible());
        QVERIFY(child<QPushButton>(dialog, "testConnectionButton")->isEnabled());
    }

    void serverUrlIsCheckedAsYouType() {
        ProfileManagerDialog manager(m_session.get());
        manager.show();
        click(&manager, "addProfileButton");
        ProfileEditDialog *dialog = manager.editDialog();
        QVERIFY(dialog);
        auto *message = child<QLabel>(dialog, "serverUrlMessage");
        // The default server is offered and fine.
        QCOMPARE(child<QLineEdit>(dialog, "serverUrlEdit")->text(),
                 QString::fromLatin1(DefaultServerUrl));
        QVERIFY(message->text().startsWith(QStringLiteral("Calls go to https://")));
        typeInto(dialog, "serverUrlEdit", QStringLiteral("http://ica.example.com/ica/rest"));
        QVERIFY2(!message->text().startsWith(QStringLiteral("Calls go to")),
                 qPrintable(message->text()));
        QVERIFY2(message->text().contains(QStringLiteral("https")), qPrintable(message->text()));
        QCOMPARE(message->property("invalid").toBool(), true);
        typeInto(dialog, "serverUrlEdit", QStringLiteral("ica.illumina.com"));
        QCOMPARE(message->text(), QStringLiteral("Calls go to https://ica.illumina.com/ica/rest"));
        QCOMPARE(message->property("invalid").toBool(), false);
    }

    void badInputIsRefusedAndNothingIsLost() {
        const Profile existing =
            saveProfile(QStringLiteral("Existing"), f->sim->baseUrl(), f->sim->apiKey());
        QVERIFY(!existing.id.isEmpty());
        ProfileManagerDialog manager(m_session.get());
        manager.show();
        ProfileEditDialog *dialog = openFilledAddDialog(manager, QString(), f->sim->apiKey());
        QVERIFY(dialog);
        auto *error = child<ica::ui::MessageBar>(dialog, "formMessage");
        click(dialog, "saveButton");
        QVERIFY2(error->text().contains(QStringLiteral("needs a name")), qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLineEdit>(dialog, "secretEdit")->text() == f->sim->apiKey()); // kept

        typeInto(dialog, "profileNameEdit", QStringLiteral("existing"));
        QVERIFY(error->text().isEmpty()); // editing clears the stale message
        click(dialog, "saveButton");
        QVERIFY2(error->text().contains(QStringLiteral("already exists")),
                 qPrintable(error->text()));

        typeInto(dialog, "profileNameEdit", QStringLiteral("Fresh"));
        typeInto(dialog, "secretEdit", QString());
        click(dialog, "saveButton");
        QVERIFY2(error->text().contains(QStringLiteral("Enter the API key")),
                 qPrintable(error->text()));
        QCOMPARE(m_session->profileStore()->profiles().size(), 1);
        QCOMPARE(child<QLineEdit>(dialog, "profileNameEdit")->text(), QStringLiteral("Fresh"));
        QCOMPARE(child<QLineEdit>(dialog, "serverUrlEdit")->text(), f->sim->baseUrl().toString());
    }

    void fieldsAreReachableByKeyboard() {
        ProfileManagerDialog manager(m_session.get());
        manager.show();
        click(&manager, "addProfileButton");
        ProfileEditDialog *dialog = manager.editDialog();
        QVERIFY(dialog);
        QApplication::setActiveWindow(dialog);
        auto *name = child<QLineEdit>(dialog, "profileNameEdit");
        name->setFocus();
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("serverUrlEdit"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("authKindCombo"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("secretEdit"));
        // Every control says what it does.
        for (const char *name :
             {"profileNameEdit", "serverUrlEdit", "authKindCombo", "secretEdit", "showSecretCheck",
              "tenantNameEdit", "defaultProjectEdit", "testConnectionButton", "saveButton"})
            QVERIFY2(!child<QWidget>(dialog, name)->toolTip().isEmpty(), name);
        // Choosing the token kind relabels the secret.
        auto *kind = child<QComboBox>(dialog, "authKindCombo");
        kind->setCurrentIndex(kind->findData(int(AuthKind::AccessToken)));
        QVERIFY(child<QLineEdit>(dialog, "secretEdit")
                    ->placeholderText()
                    .contains(QStringLiteral("JWT")));
    }

    void editDuplicateDeleteAndDefault() {
        const Profile a = saveProfile(QStringLiteral("Alpha"), f->sim->baseUrl(), f->sim->apiKey());
        const QString betaKey = QStringLiteral("beta-key-not-valid-anywhere");
        m_secrets.append(betaKey);
        const Profile b =
            saveProfile(QStringLiteral("Beta"), f->sim->baseUrl(), betaKey, AuthKind::ApiKey);
        QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());
        ProfileManagerDialog manager(m_session.get());
        manager.show();
        auto *list = child<QListWidget>(&manager, "profileList");
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("default")));

        // Edit: rename, leave the secret empty (kept).
        manager.selectProfile(a.id);
        click(&manager, "editProfileButton");
        ProfileEditDialog *edit = manager.editDialog();
        QVERIFY(edit);
        QVERIFY(!edit->isAdding());
        QVERIFY(child<QLineEdit>(edit, "secretEdit")->text().isEmpty()); // never shown back
        typeInto(edit, "profileNameEdit", QStringLiteral("Alpha renamed"));
        typeInto(edit, "defaultProjectEdit", QStringLiteral("project-1"));
        QPointer<ProfileEditDialog> editGuard(edit);
        click(edit, "saveButton");
        QTRY_VERIFY(editGuard.isNull());
        QCOMPARE(m_session->profileStore()->byId(a.id)->name, QStringLiteral("Alpha renamed"));
        QCOMPARE(m_session->profileStore()->byId(a.id)->defaultProjectId,
                 QStringLiteral("project-1"));
        QVERIFY(storedSecret(a.id).secret == f->sim->apiKey());
        QVERIFY(list->currentItem()->text().startsWith(QStringLiteral("Alpha renamed")));

        // Duplicate: the secret is copied through the store, the copy opens.
        manager.selectProfile(a.id);
        click(&manager, "duplicateProfileButton");
        QTRY_VERIFY(manager.editDialog() != nullptr);
        const auto copy = m_session->profileStore()->byName(QStringLiteral("Alpha renamed (copy)"));
        QVERIFY(copy.has_value());
        QVERIFY(copy->id != a.id);
        QCOMPARE(child<QLineEdit>(manager.editDialog(), "profileNameEdit")->text(), copy->name);
        QVERIFY(storedSecret(copy->id).secret == f->sim->apiKey());
        QPointer<ProfileEditDialog> copyGuard(manager.editDialog());
        click(manager.editDialog(), "cancelButton");
        QTRY_VERIFY(copyGuard.isNull());
        QCOMPARE(list->count(), 3);

        // Default.
        manager.selectProfile(b.id);
        click(&manager, "defaultProfileButton");
        QCOMPARE(m_session->profileStore()->defaultProfile()->id, b.id);
        QVERIFY(!child<QPushButton>(&manager, "defaultProfileButton")->isEnabled());
        QVERIFY(manager.message().contains(QStringLiteral("Beta")));

        // Delete answered through Confirmation: "no" keeps it, "yes" removes it and its
        // secret.
        const int asked = Confirmation::askCount();
        const int answered = Confirmation::answerCount();
        Confirmation::setNextAnswer(false);
        manager.selectProfile(copy->id);
        click(&manager, "deleteProfileButton");
        QCOMPARE(Confirmation::askCount(), asked + 1);
        QVERIFY(Confirmation::lastQuestion().contains(copy->name));
        QTRY_COMPARE(Confirmation::answerCount(), answered + 1);
        QVERIFY(m_session->profileStore()->byId(copy->id).has_value());
        Confirmation::setNextAnswer(true);
        click(&manager, "deleteProfileButton");
        QCOMPARE(Confirmation::askCount(), asked + 2);
        QTRY_VERIFY(!m_session->profileStore()->byId(copy->id).has_value());
        QTRY_COMPARE(storedSecret(copy->id).status, SecretResult::Status::NotFound);
        QTRY_COMPARE(list->count(), 2);

        // Delete through the real (non-blocking) message box.
        manager.selectProfile(b.id);
        click(&manager, "deleteProfileButton");
        QTRY_VERIFY(manager.confirmationBox() != nullptr);
        QCOMPARE(manager.confirmationBox()->objectName(), QStringLiteral("confirmDeleteBox"));
        const auto button = [&manager](const char *name) {
            return manager.confirmationBox()->findChild<QPushButton *>(QLatin1String(name));
        };
        QCOMPARE(manager.confirmationBox()->defaultButton(), button("confirmationCancelButton"));
        QTest::mouseClick(button("confirmationCancelButton"), Qt::LeftButton);
        QTRY_VERIFY(manager.confirmationBox() == nullptr);
        QVERIFY(m_session->profileStore()->byId(b.id).has_value());
        click(&manager, "deleteProfileButton");
        QTRY_VERIFY(manager.confirmationBox() != nullptr);
        QTest::mouseClick(button("confirmationAcceptButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_session->profileStore()->byId(b.id).has_value());
        QCOMPARE(m_session->profileStore()->defaultProfile()->id, a.id);
        QTRY_COMPARE(storedSecret(b.id).status, SecretResult::Status::NotFound);
    }
};

QTEST_MAIN(TstProfileDialogs)
#include "tst_profiledialogs.moc"
