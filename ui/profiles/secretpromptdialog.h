#pragma once

#include "core/store/profile.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QPushButton;

namespace ica {
class Session;
}

namespace ica::ui {

namespace Ui {
class SecretPromptDialog;
}

/// Asks for the API key or token of a profile whose secret could not be read or
/// was refused, stores it through the session (the keychain, or memory with the
/// keychain note shown) and reconnects. Open with open().
/// The form is secretpromptdialog.ui. objectNames: secretPromptDialog, secretPromptReason,
/// secretEdit, showSecretCheck, secretPromptMessage, keychainNote, connectButton, cancelButton.
class SecretPromptDialog final : public QDialog {
    Q_OBJECT
public:
    SecretPromptDialog(Session *session, const Profile &profile, const QString &reason,
                       QWidget *parent = nullptr);
    ~SecretPromptDialog() override;

    [[nodiscard]] QString profileId() const { return m_profile.id; }
    /// Shows another reason (the dialog is reused while open).
    void setReason(const QString &reason);

public Q_SLOTS:
    /// Stores the typed secret and closes; an empty field is refused with a message.
    void submit();

private:
    QPointer<Session> m_session;
    Profile m_profile;
    std::unique_ptr<Ui::SecretPromptDialog> m_ui;
    QPushButton *m_connect;
};

} // namespace ica::ui
