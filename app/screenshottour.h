#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace ica::sim {
class SimulatorThread;
}

namespace ica {
class Session;
}

namespace ica::ui {
class MainWindow;
}

namespace ica::app {

/// --screenshots DIR: walks the main views of a running app (demo mode), saves a
/// PNG of each (composer empty and with a draft, monitor while a batch runs and when
/// it ended, the profile manager), then quits. scripts/screenshots.sh runs it under
/// Xvfb so the pictures come from a real X server.
class ScreenshotTour final : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(ui::MainWindow *window, Session *session, ica::sim::SimulatorThread *simulator,
                   QString directory, QObject *parent = nullptr);
    void start();

private:
    struct Step {
        QString name;
        std::function<bool()> ready; ///< polled until true (or the step times out)
        std::function<void()> run;
    };
    void next();
    void save(QWidget *widget, const QString &file);

    ui::MainWindow *m_window;
    Session *m_session;
    ica::sim::SimulatorThread *m_simulator;
    QString m_directory;
    QList<Step> m_steps;
    QTimer m_poll;
    int m_waitedMs = 0;
    QString m_projectId;
    QString m_batchId;
};

} // namespace ica::app
