#pragma once

#include <QLabel>
#include <QPointer>

namespace ica {
class SecretStore;
}

namespace ica::ui {

/// The plain sentence a secret store gives when it cannot keep secrets beyond this
/// session (no system keychain answered); hidden while secrets are persistent.
/// Follows the store's persistenceChanged(). objectName "keychainNote".
class KeychainNote final : public QLabel {
    Q_OBJECT
public:
    explicit KeychainNote(QWidget *parent = nullptr);
    /// Watches `store` (not owned; null hides the note).
    void setStore(SecretStore *store);

private:
    void refresh();

    QPointer<SecretStore> m_store;
    QMetaObject::Connection m_connection;
};

} // namespace ica::ui
