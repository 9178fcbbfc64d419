// Profiles when no system keychain answers: the session bus points nowhere, so the
// secret store falls back to memory. The dialogs say so in a plain sentence, and
// a profile typed into the dialog still works for this session.
#include "tests/profiles/profilestestutil.h"
#include "tests/support/simfixture.h"

#include "core/session/session.h"
#include "core/store/fallbacksecretstore.h"
#include "core/store/profilestore.h"
#include "ui/profiles/profileeditdialog.h"
#include "ui/profiles/profilemanagerdialog.h"
#include "ui/profiles/secretpromptdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;
using namespace ica::ui;
using ica::test::SimFixture;
using profilestest::LogCapture;

class TstProfilesNoKeychain : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        // Before any keychain call in this process: libsecret keeps its connection.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ica-tagger-profiles-bus");
        LogCapture::install();
        QVERIFY(m_dir.isValid());
    }

    void dialogSaysSoAndTheSessionStillWorks() {
        SimFixture f;
        QVERIFY2(f.startError.isEmpty(), qPrintable(f.startError));
        const QString ini = m_dir.filePath(QStringLiteral("nokeychain.ini"));
        QSettings settings(ini, QSettings::IniFormat);
        Session session(&settings, FallbackSecretStore::overSystemKeychain(
                                       QStringLiteral("ICA Tagger test no keychain")));

        ProfileManagerDialog manager(&session);
        manager.show();
        QTest::mouseClick(manager.findChild<QPushButton *>(QStringLiteral("addProfileButton")),
                          Qt::LeftButton);
        ProfileEditDialog *dialog = manager.editDialog();
        QVERIFY(dialog);
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("keychainNote"));
        QVERIFY(note);
        // Shown once the store found out (its probe is asynchronous).
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 15000);
        QVERIFY(!session.secretStore()->isPersistent());
        QVERIFY2(note->text().startsWith(QStringLiteral("No system keychain is available (")),
                 qPrintable(note->text()));
        QVERIFY2(note->text().endsWith(QStringLiteral("; the secret is kept for this session only "
                                                      "and you will be asked again next time.")),
                 qPrintable(note->text()));
        // The manager says it too.
        QVERIFY(manager.findChild<QLabel *>(QStringLiteral("keychainNote"))->isVisible());

        const auto type = [dialog](const char *name, const QString &text) {
            auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(name));
            QVERIFY2(edit, name);
            edit->selectAll();
            QTest::keyClick(edit, Qt::Key_Backspace);
            QTest::keyClicks(edit, text);
        };
        type("profileNameEdit", QStringLiteral("Session only"));
        type("serverUrlEdit", f.sim->baseUrl().toString());
        type("secretEdit", f.sim->apiKey());
        QPointer<ProfileEditDialog> guard(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(guard.isNull());

        // It works for this session: the first profile is connected at once.
        QTRY_VERIFY_WITH_TIMEOUT(session.client() != nullptr, 15000);
        QTRY_VERIFY(session.tokenExpiry().isValid()); // the key was exchanged
        QCOMPARE(session.tenantName(), f.sim->tenantName());
        settings.sync();
        QVERIFY(!profilestest::fileText(ini).contains(f.sim->apiKey()));
        QVERIFY(LogCapture::clean(f.sim->apiKey()));

        // The next start (a fresh store) has the profile but not the secret: asked again.
        QSettings again(ini, QSettings::IniFormat);
        Session next(&again, FallbackSecretStore::overSystemKeychain(
                                 QStringLiteral("ICA Tagger test no keychain")));
        QSignalSpy missing(&next, &Session::secretMissing);
        QVERIFY(next.activateDefaultProfile());
        QTRY_VERIFY_WITH_TIMEOUT(missing.count() == 1, 15000);
        QCOMPARE(next.client(), nullptr);
        SecretPromptDialog prompt(&next, *next.currentProfile(), missing.first().at(1).toString());
        prompt.show();
        QTRY_VERIFY(prompt.findChild<QLabel *>(QStringLiteral("keychainNote"))->isVisible());
    }
};

QTEST_MAIN(TstProfilesNoKeychain)
#include "tst_profilesnokeychain.moc"
