#pragma once

// The fixture of the profile widget suites: a simulator, a session over a fresh INI
// file per test function and the test keychain, helpers that drive widgets by
// objectName, and a check at the end that no secret reached the log.

#include "tests/profiles/profilestestutil.h"
#include "tests/support/simfixture.h"

#include "core/session/profileactions.h"
#include "core/session/session.h"
#include "core/store/fallbacksecretstore.h"
#include "core/store/keychainsecretstore.h"
#include "tests/support/testsupport.h"
#include "ui/widgets/messagebar.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace profilestest {

template <typename T> T *child(QObject *parent, const char *name) {
    return parent ? parent->findChild<T *>(QLatin1String(name)) : nullptr;
}

/// Replaces the text of a line edit by typing, as a user would.
inline void typeInto(QWidget *dialog, const char *name, const QString &text) {
    auto *edit = child<QLineEdit>(dialog, name);
    QVERIFY2(edit, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

inline void click(QWidget *parent, const char *name) {
    auto *button = child<QPushButton>(parent, name);
    QVERIFY2(button, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

/// Every label text under `root`, to look for a secret in what is shown.
inline QString allLabelText(QWidget *root) {
    QStringList texts;
    for (const QLabel *label : root->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

/// The base of a suite: call setUp() in init(), tearDown() in cleanup(),
/// checkLog() in cleanupTestCase().
class ProfilesFixture : public QObject {
protected:
    /// `service`: the test keychain's service name for this suite.
    explicit ProfilesFixture(const QString &service)
        : m_service(service) {}

    void setUp() {
        for (const char *name : Icav2Variables)
            qunsetenv(name);
        QVERIFY(m_dir.isValid());
        f = std::make_unique<ica::test::SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        m_secrets.append(f->sim->apiKey());
        m_settings = std::make_unique<QSettings>(ini(), QSettings::IniFormat);
        m_session = std::make_unique<ica::Session>(
            m_settings.get(), ica::FallbackSecretStore::overSystemKeychain(m_service));
        m_actions = std::make_unique<ica::ProfileActions>(m_session.get());
    }

    void tearDown() {
        for (const char *name : Icav2Variables)
            qunsetenv(name);
        m_actions.reset();
        m_session.reset();
        m_settings.reset();
        f.reset();
    }

    /// Installs the log capture and proves it works.
    static void startLog() {
        LogCapture::install();
        qInfo("profiles suite: log capture installed");
        QVERIFY(
            LogCapture::lines().contains(QStringLiteral("profiles suite: log capture installed")));
    }

    void checkLog() {
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(LogCapture::clean(secret), "a secret reached the log");
    }

    QString ini() const { return ica::test::perTestPath(".ini"); }

    /// Stores a profile with its secret, as the dialog would.
    ica::Profile saveProfile(const QString &name, const QUrl &server, const QString &secret,
                             ica::AuthKind kind = ica::AuthKind::ApiKeyExchange) {
        return profilestest::saveProfile(*m_actions, name, server, secret, kind);
    }

    ica::SecretResult storedSecret(const QString &id,
                                   ica::SecretKind kind = ica::SecretKind::ApiKey) {
        ica::KeychainSecretStore keychain(m_service);
        return profilestest::readSecret(keychain, id, kind);
    }

    static constexpr const char *Icav2Variables[] = {"ICAV2_SERVER_URL", "ICAV2_X_API_KEY",
                                                     "ICAV2_ACCESS_TOKEN"};

    QString m_service;
    QTemporaryDir m_dir;
    std::unique_ptr<ica::test::SimFixture> f;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ica::Session> m_session;
    std::unique_ptr<ica::ProfileActions> m_actions;
    QStringList m_secrets; ///< every secret used, looked for in the log at the end
};

} // namespace profilestest
