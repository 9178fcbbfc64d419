#pragma once

#include "core/domain/statuses.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QSettings;

namespace ica {
class ApiClient;
class BatchEndWatcher;
class ItemStatusCounts;
} // namespace ica

namespace ica::ui {

class DesktopNotifier;

/// Says on the desktop when a batch ends while the app is not the active window:
/// every batch created here and every batch opened in the monitor is watched
/// (BatchEndWatcher, which keeps polling while the window is minimised) until its job
/// ends; then its final item counts are read and a notification shows the batch, its
/// project and e.g. "4,995 updated, 5 failed". Clicking it asks for the batch to be
/// shown (openRequested()). A setting turns it off.
class BatchEndNotifier final : public QObject {
    Q_OBJECT
public:
    /// Gives a project's name for its ID (empty when unknown).
    using ProjectNamer = std::function<QString(const QString &projectId)>;
    /// True while the app is the one the user works in (then nothing is shown).
    using ActiveCheck = std::function<bool()>;

    /// Neither is owned; both must outlive the notifier.
    BatchEndNotifier(QSettings *settings, DesktopNotifier *desktop, QObject *parent = nullptr);
    ~BatchEndNotifier() override;

    /// The client batches are read with; another client forgets what was watched.
    void setClient(ApiClient *client);
    void setProjectNamer(ProjectNamer namer) { m_namer = std::move(namer); }
    /// Default: some window of the application is active.
    void setActiveCheck(ActiveCheck check) { m_isActive = std::move(check); }
    /// How often watched batches are read (tests use a short one).
    void setPollInterval(std::chrono::milliseconds interval);

    /// Watches the batch until it ends (again: nothing new).
    void watch(const QString &projectId, const QString &batchId);

    /// The user's setting (default on), kept in the settings.
    [[nodiscard]] bool isEnabled() const;
    void setEnabled(bool enabled);

    /// "4,995 updated, 5 failed": the terminal counts, biggest first by kind.
    [[nodiscard]] static QString countsText(const ItemStatusCounts &counts);
    /// "Batch succeeded", "Batch partly succeeded", "Batch failed", "Batch stopped".
    [[nodiscard]] static QString summaryText(const JobStatus &status);

Q_SIGNALS:
    /// A watched batch ended; `announced`: a notification was asked for (not when the
    /// app was active or notifications are off).
    void batchEnded(const QString &projectId, const QString &batchId, bool announced);
    /// The user clicked a notification: show this batch.
    void openRequested(const QString &projectId, const QString &batchId);

private:
    void onBatchEnded(const QString &projectId, const QString &batchId, const JobStatus &status);
    void announce(const QString &projectId, const QString &batchId, const JobStatus &status,
                  const QString &counts);

    QSettings *m_settings;
    DesktopNotifier *m_desktop;
    QPointer<ApiClient> m_client;
    QPointer<BatchEndWatcher> m_watcher;
    std::chrono::milliseconds m_interval;
    ProjectNamer m_namer;
    ActiveCheck m_isActive;
};

} // namespace ica::ui
