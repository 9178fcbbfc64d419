#include "ui/notifications/desktopnotifier.h"

#include "ui/appicon.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>

namespace ica::ui {

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString DefaultAction = QStringLiteral("default");

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                SLOT(onNotificationClosed(uint, uint)));
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::show(const QString &summary, const QString &body, const QString &key) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        showInTray(summary, body, key);
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), AppId},
                            {QStringLiteral("category"), QStringLiteral("transfer.complete")}};
    call << QCoreApplication::applicationName() << uint(0) << AppId << summary << body
         << QStringList{DefaultAction, tr("Open")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, summary, body, key]() {
                watcher->deleteLater();
                const QDBusPendingReply<uint> reply = *watcher;
                if (reply.isError()) {
                    // No notification service on this desktop: the tray, if any.
                    showInTray(summary, body, key);
                    return;
                }
                m_keys.insert(reply.value(), key);
                Q_EMIT shown(reply.value());
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey) {
    Q_UNUSED(actionKey) // "default" (a click) or our "Open" button: both open it
    const auto found = m_keys.constFind(id);
    if (found != m_keys.constEnd())
        Q_EMIT activated(*found);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason) {
    Q_UNUSED(reason)
    m_keys.remove(id);
}

void DesktopNotifier::showInTray(const QString &summary, const QString &body, const QString &key) {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(appIcon(), this);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                [this]() { Q_EMIT activated(m_trayKey); });
    }
    m_trayKey = key;
    m_tray->show();
    m_tray->showMessage(summary, body, appIcon());
    Q_EMIT shown(0);
}

} // namespace ica::ui
