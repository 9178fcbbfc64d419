#pragma once

#include "core/store/icav2configimporter.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QLabel;
class QListWidget;
class QMessageBox;
class QPushButton;

namespace ica {
class ProfileActions;
class Session;
struct Profile;
} // namespace ica

namespace ica::ui {

class Icav2ImportDialog;
class KeychainNote;
class ProfileEditDialog;

/// The list of profiles with add, edit, duplicate (the secret is copied through
/// the store, then the copy opens for editing), delete (confirmed; its secrets go
/// too), make default, use now, and import from the icav2 CLI. Nothing here blocks:
/// the edit, import and confirmation dialogs are opened with open().
///
/// objectNames: profileList, addProfileButton, editProfileButton,
/// duplicateProfileButton, deleteProfileButton, defaultProfileButton,
/// useProfileButton, importIcav2Button, closeButton, managerMessage, keychainNote;
/// the delete confirmation (a Confirmation box) is "confirmDeleteBox".
class ProfileManagerDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ProfileManagerDialog(Session *session, QWidget *parent = nullptr);
    ~ProfileManagerDialog() override;

    /// Where "Import from icav2..." looks (tests pass temporary paths).
    void setIcav2Importer(const Icav2ConfigImporter &importer) { m_importer = importer; }

    [[nodiscard]] QString selectedProfileId() const;
    void selectProfile(const QString &id);
    /// The add/edit dialog while one is open.
    [[nodiscard]] ProfileEditDialog *editDialog() const;
    [[nodiscard]] Icav2ImportDialog *importDialog() const;
    /// The delete confirmation while it is shown (null when a test answered it
    /// through Confirmation::setNextAnswer()).
    [[nodiscard]] QMessageBox *confirmationBox() const;
    /// The last message shown under the list.
    [[nodiscard]] QString message() const;

public Q_SLOTS:
    void addProfile();
    void editProfile();
    void duplicateProfile();
    void deleteProfile();
    void makeDefault();
    void useProfile();
    void importFromIcav2();

private:
    void rebuildList();
    void updateButtons();
    void openEditor(const Profile &profile, const QString &secretMessage = {});
    void confirm(const QString &question, std::function<void()> onYes);
    void showMessage(const QString &message);

    QPointer<Session> m_session;
    ProfileActions *m_actions;
    Icav2ConfigImporter m_importer;
    QPointer<ProfileEditDialog> m_editDialog;
    QPointer<Icav2ImportDialog> m_importDialog;
    QPointer<QMessageBox> m_confirmBox;
    bool m_importing = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_default = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_import = nullptr;
    QLabel *m_message = nullptr;
    KeychainNote *m_keychainNote = nullptr;
};

} // namespace ica::ui
