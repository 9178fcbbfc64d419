#pragma once

#include "core/domain/batch.h"

#include <QPointer>
#include <QWidget>

class QStackedWidget;

namespace ica {
class ApiClient;
class BatchHistoryFeed;
class BatchHistoryModel;
class BatchProgressTracker;
class ProjectCatalog;
class StoreWorker;
} // namespace ica

namespace ica::ui {

class BatchListPanel;
class BatchView;
class OpenBatchDialog;

/// The batch monitor: the batches list (history of the current profile, from the
/// store) beside the batch view of the selected batch. Every batch watched keeps
/// its last status and counts in the history as it refreshes.
///
/// The main window calls setClient() and setProfileId() when the profile changes,
/// openBatch() after creating a batch, and setWindowMinimized() from its
/// changeEvent(); it turns newDraftRequested() into a
/// composer draft.
///
/// objectNames: monitorWidget (this), monitorSplitter, batchPlaceholder,
/// confirmationBox (the removal question, a Confirmation, while open), and those of
/// BatchListPanel, OpenBatchDialog and BatchView.
class MonitorWidget final : public QWidget {
    Q_OBJECT
public:
    /// `store` is not owned and must outlive this widget.
    explicit MonitorWidget(StoreWorker *store, QWidget *parent = nullptr);
    ~MonitorWidget() override;

    /// The client batches are fetched with (not owned); null: none.
    void setClient(ApiClient *client);
    /// The project catalog (not owned; null: none) whose names fill the history's
    /// Project column where a batch has no project name of its own.
    void setProjectCatalog(ProjectCatalog *catalog);
    /// Shows that profile's batches (and stops watching the batch shown).
    void setProfileId(const QString &profileId);
    [[nodiscard]] QString profileId() const;
    /// Selects the batch in the list, shows it and starts live refresh. A batch not
    /// in the history yet is shown at once and added with its first refresh.
    void openBatch(const QString &projectId, const QString &batchId);
    /// Pauses live refresh while the window is minimised.
    void setWindowMinimized(bool minimized);

    [[nodiscard]] BatchHistoryModel *historyModel() const { return m_history; }
    [[nodiscard]] BatchHistoryFeed *historyFeed() const { return m_feed; }
    [[nodiscard]] BatchListPanel *listPanel() const { return m_list; }
    [[nodiscard]] BatchView *batchView() const { return m_view; }
    /// The shown batch's progress curve, kept in the store per profile.
    [[nodiscard]] BatchProgressTracker *progressTracker() const { return m_progress; }
    /// The "Open batch by ID" dialog while it is open; null otherwise.
    [[nodiscard]] OpenBatchDialog *openDialog() const;

public Q_SLOTS:
    /// Shows the "Open batch by ID" dialog (non-blocking).
    void showOpenDialog();
    /// Asks (non-blocking) whether to forget a batch, then removes it from the history.
    void confirmRemove(const QString &profileId, const QString &batchId);

Q_SIGNALS:
    void newDraftRequested(const QString &projectId, const ica::CreateBatchRequest &request);
    /// The batch view now shows this batch (from the list, a dialog or openBatch()).
    void batchShown(const QString &projectId, const QString &batchId);

private:
    void onCurrentBatchChanged(const QString &profileId, const QString &projectId,
                               const QString &batchId);
    void onHistoryLoaded();
    void openFromDialog(const QString &projectId, const QString &projectName,
                        const QString &batchId);
    void showBatch(const QString &projectId, const QString &batchId);

    QPointer<StoreWorker> m_store;
    QPointer<ApiClient> m_client;
    QPointer<ProjectCatalog> m_catalog;
    QMetaObject::Connection m_catalogConnection;
    BatchHistoryModel *m_history;
    BatchHistoryFeed *m_feed;
    BatchListPanel *m_list;
    BatchView *m_view;
    BatchProgressTracker *m_progress;
    QStackedWidget *m_stack;
    QPointer<OpenBatchDialog> m_openDialog;
    QString m_wantedBatch; ///< opened by openBatch() and not listed yet: select it once listed
    quint64 m_openSerial = 0;
};

} // namespace ica::ui
