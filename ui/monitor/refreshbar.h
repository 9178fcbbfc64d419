#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;

namespace ica {
class BatchMonitor;
}

namespace ica::ui {

/// Live refresh controls of the batch view: the interval (off, 2, 5, 10, 30 s),
/// "refresh now" (the F5 action the view owns) and "updated N s ago", re-read
/// from the monitor every second, with a line saying whether refresh is live,
/// paused or stopped and why.
///
/// objectNames: refreshIntervalCombo, refreshButton, updatedLabel, liveStateLabel.
class RefreshBar final : public QWidget {
    Q_OBJECT
public:
    /// `refreshAction` (not owned) is shown as the refresh button.
    RefreshBar(QAction *refreshAction, QWidget *parent = nullptr);

    /// The monitor the controls drive (not owned); null: none.
    void setMonitor(BatchMonitor *monitor);
    /// The interval chosen in the combo box.
    [[nodiscard]] std::chrono::milliseconds interval() const;
    /// Selects an interval of BatchMonitor::refreshIntervals() (and applies it).
    void setInterval(std::chrono::milliseconds interval);
    /// Stops the once-a-second label update while nobody can see it.
    void setTicking(bool ticking);

public Q_SLOTS:
    /// Re-reads the monitor into the labels.
    void updateLabels();

private:
    void onIntervalChosen(int index);

    QPointer<BatchMonitor> m_monitor;
    QComboBox *m_interval;
    QToolButton *m_refresh;
    QLabel *m_updated;
    QLabel *m_liveState;
    QTimer m_tick;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace ica::ui
