#pragma once

#include "app/appoptions.h"
#include "app/appparts.h"
#include "app/demoenvironment.h"
#include "app/singleinstance.h"

#include "core/diagnostics/statusnotices.h"

#include <QObject>

#include <memory>

class QSettings;

namespace ica::app {

/// Puts the application together from its options: the data folder, the demo
/// simulator (--demo), settings, the SQLite store, the session with the system
/// keychain, the main window; then picks the starting profile (--profile, the demo,
/// the last one used, the default) and opens --open-batch.
class AppRunner final : public QObject {
    Q_OBJECT
public:
    explicit AppRunner(AppOptions options, QObject *parent = nullptr);
    ~AppRunner() override;

    /// False with a message when the app cannot start (demo server, data folder, an
    /// instance that holds the folder and does not answer). True and handedOver() when
    /// an instance already runs with this data folder and took the arguments.
    bool start(QString *error);
    /// This launch gave its arguments to the running instance: exit 0.
    [[nodiscard]] bool handedOver() const { return m_handedOver; }
    [[nodiscard]] ui::MainWindow *window() const { return m_window.get(); }
    /// The --demo simulator (not running without --demo).
    [[nodiscard]] const DemoEnvironment &demo() const { return m_demo; }
    /// The session (profiles, the current client); null before start().
    [[nodiscard]] Session *session() const { return m_session.get(); }

private:
    QString dataDirectory() const;
    /// Shows the store's notice (a recovery) or error, if any.
    void reportStore(bool ok, const QString &error);
    void chooseProfile();
    /// Opens `batchId` in the monitor; its project from `projectId`, else the history,
    /// else the profile's default project.
    void openBatch(const QString &batchId, const QString &projectId);
    /// A later launch's arguments: the window comes up and opens its --open-batch.
    void onLaunched(const QStringList &arguments);

    AppOptions m_options;
    // The one route for status texts (the window's status bar listens), installed for
    // the app's whole run: first made, last gone, so every part can post while it goes.
    StatusNotices m_notices;
    StatusNotices::Installer m_noticesInstalled{&m_notices};
    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<LogFile> m_log;
    bool m_handedOver = false;
    DemoEnvironment m_demo;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<StoreWorker> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace ica::app
