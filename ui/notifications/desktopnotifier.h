#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;

namespace ica::ui {

/// Shows desktop notifications with one "open" action. On Linux it speaks the
/// freedesktop notification protocol over the session D-Bus
/// (org.freedesktop.Notifications: Notify, ActionInvoked); where no such service
/// answers it falls back to a tray icon's balloon message, and where there is no tray
/// either the notification is dropped (the window's status bar still says it).
/// Calls are asynchronous: nothing here waits for the bus.
class DesktopNotifier final : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    /// Shows `summary` and `body`; clicking it (or its "Open" action) emits
    /// activated(key).
    void show(const QString &summary, const QString &body, const QString &key);

Q_SIGNALS:
    /// The user clicked the notification shown with `key`.
    void activated(const QString &key);
    /// A notification was handed to the desktop (D-Bus: with the service's ID; the
    /// tray: 0). For tests and logs.
    void shown(uint id);

private Q_SLOTS:
    // Slots for the D-Bus signals (QDBusConnection::connect needs a named slot).
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void showInTray(const QString &summary, const QString &body, const QString &key);

    QHash<uint, QString> m_keys; ///< D-Bus notification ID -> key
    QPointer<QSystemTrayIcon> m_tray;
    QString m_trayKey; ///< the key of the tray's last message
};

} // namespace ica::ui
