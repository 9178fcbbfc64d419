#pragma once

#include "app/appparts.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QSettings;
class QTemporaryDir;

namespace ica::app {

/// --screenshots DIR: walks the main views of a running app (demo mode), saves a
/// PNG of each, then quits: the app icon, the first start (a window of its own with
/// no profile: the welcome panel), the composer empty and with a draft, the monitor
/// while a batch runs and once it has finished, the finished batch with the dark
/// palette, the profile manager, the data browser and its "Tag selected" dialog.
/// Each shot waits for the state it shows (a client, a finished batch, a listing),
/// never for a fixed time alone. scripts/screenshots.sh runs it under Xvfb so the
/// pictures come from a real X server.
class ScreenshotTour final : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(ui::MainWindow *window, Session *session, ica::sim::SimulatorThread *simulator,
                   QString directory, QObject *parent = nullptr);
    ~ScreenshotTour() override;
    void start();
    /// The PNG files a tour writes, in order (the AppStream metainfo names some).
    [[nodiscard]] static QStringList shotFiles();

private:
    struct Step {
        QString name;
        std::function<bool()> ready; ///< polled until true (or the step times out)
        std::function<void()> run;
    };
    void next();
    void save(QWidget *widget, const QString &file);
    void saveIcon(const QString &file);
    /// A second main window over an empty data folder: what a first start shows.
    void openFirstRunWindow();
    void closeFirstRunWindow();
    /// The batch shown has finished and the monitor shows it so: a terminal job,
    /// every item counted terminal, and the items page reloaded since.
    [[nodiscard]] bool monitorShowsFinishedBatch() const;

    ui::MainWindow *m_window;
    Session *m_session;
    ica::sim::SimulatorThread *m_simulator;
    QString m_directory;
    QList<Step> m_steps;
    QTimer m_poll;
    int m_waitedMs = 0;
    QString m_projectId;
    QString m_batchId;
    // The first-run window's own world: settings, store and secrets in a temporary
    // folder, never the demo's.
    std::unique_ptr<QTemporaryDir> m_firstRunDir;
    std::unique_ptr<QSettings> m_firstRunSettings;
    std::unique_ptr<StoreWorker> m_firstRunStore;
    std::unique_ptr<Session> m_firstRunSession;
    std::unique_ptr<ui::MainWindow> m_firstRunWindow;
};

} // namespace ica::app
