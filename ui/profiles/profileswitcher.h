#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;

namespace ica {
class Session;
struct Profile;
} // namespace ica

namespace ica::ui {

class ProfileManagerDialog;
class SecretPromptDialog;

/// The toolbar's profile chooser: a combo box of the profiles and a last entry
/// "Manage profiles...". Choosing a profile calls Session::activateProfile(), which
/// re-targets every view. It also asks for a secret when the session reports one
/// missing or refused (SecretPromptDialog, opened with open()).
/// objectNames: profileSwitcher, profileCombo; manageAction() is
/// "manageProfilesAction" (Ctrl+Shift+P), for the main window's menu.
class ProfileSwitcher final : public QWidget {
    Q_OBJECT
public:
    explicit ProfileSwitcher(Session *session, QWidget *parent = nullptr);
    ~ProfileSwitcher() override;

    [[nodiscard]] QComboBox *comboBox() const { return m_combo; }
    /// "Manage profiles...": opens the profile manager.
    [[nodiscard]] QAction *manageAction() const { return m_manageAction; }
    /// The manager while it is open.
    [[nodiscard]] ProfileManagerDialog *managerDialog() const;
    /// The secret prompt while it is open.
    [[nodiscard]] SecretPromptDialog *secretPrompt() const;
    /// Whether secretMissing() opens the prompt (default true).
    void setPromptsForSecrets(bool prompt) { m_promptForSecrets = prompt; }

public Q_SLOTS:
    /// Opens (or raises) the profile manager, non-blocking.
    ProfileManagerDialog *openManager();

private:
    void rebuild();
    void selectCurrent();
    void onActivated(int index);
    void askForSecret(const Profile &profile, const QString &reason);

    QPointer<Session> m_session;
    QComboBox *m_combo;
    QAction *m_manageAction;
    QPointer<ProfileManagerDialog> m_manager;
    QPointer<SecretPromptDialog> m_prompt;
    bool m_promptForSecrets = true;
    bool m_rebuilding = false;
};

} // namespace ica::ui
