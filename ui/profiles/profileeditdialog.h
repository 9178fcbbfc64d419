#pragma once

#include "core/store/profile.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace ica {
class ConnectionTest;
class ProfileActions;
class Session;
struct ConnectionTestResult;
} // namespace ica

namespace ica::ui {

namespace Ui {
class ProfileEditDialog;
}

/// Adds or edits one profile: name, server URL (checked as you type, the message
/// beside the field), auth kind, secret (password echo with a Show toggle), tenant
/// name, default project id and "default profile". "Test connection" makes one
/// real call without blocking (busy bar, Cancel) and shows the tenant reached or
/// the problem's title and detail. Save stores the fields and the secret together;
/// on a refusal the dialog stays open with everything typed kept.
///
/// Open it with open(): it is window-modal without blocking the caller.
/// The form is profileeditdialog.ui. objectNames: profileNameEdit, serverUrlEdit,
/// serverUrlMessage, authKindCombo, secretEdit, showSecretCheck, tenantNameEdit,
/// defaultProjectEdit, defaultProfileCheck, keychainNote, testConnectionButton, cancelTestButton,
/// testBusyIndicator, testResultMessage, formMessage, saveButton, cancelButton.
class ProfileEditDialog final : public QDialog {
    Q_OBJECT
public:
    /// Adds a profile when `profile.id` is empty (its fields are the initial
    /// values), else edits the stored profile with that id.
    ProfileEditDialog(Session *session, const Profile &profile, QWidget *parent = nullptr);
    ~ProfileEditDialog() override;

    [[nodiscard]] bool isAdding() const { return m_original.id.isEmpty(); }
    /// The profile as the fields describe it (id kept when editing).
    [[nodiscard]] Profile profileFromFields() const;
    /// Puts the cursor in the secret field and shows `message` above the buttons.
    void askForSecret(const QString &message);
    /// True while a connection test runs.
    [[nodiscard]] bool isTesting() const;

Q_SIGNALS:
    /// The profile was stored (with its secret when one was typed).
    void saved(const ica::Profile &profile);

public Q_SLOTS:
    void testConnection();
    void cancelTest();
    /// Checks the fields and stores the profile; closes the dialog when done.
    void save();

private:
    void setUpForm();
    void fill(const Profile &profile);
    void updateServerUrlMessage();
    void updateSecretLabels();
    void showTestResult(const ConnectionTestResult &result);
    void setBusy(bool busy);
    void showError(const QString &message);
    [[nodiscard]] QString localProblem() const;

    QPointer<Session> m_session;
    ProfileActions *m_actions;
    Profile m_original;
    QPointer<ConnectionTest> m_test;
    bool m_saving = false;
    std::unique_ptr<Ui::ProfileEditDialog> m_ui;
};

} // namespace ica::ui
