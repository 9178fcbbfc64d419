#pragma once

#include "core/domain/batch.h"
#include "core/export/listingexport.h"
#include "core/monitor/itemstatuscounts.h"

#include <QPointer>
#include <QWidget>

class QAction;

namespace ica {
class ApiClient;
struct ApiError;
class BatchItemsModel;
class BatchMonitor;
class ItemsPager;
class StoreWorker;
} // namespace ica

namespace ica::ui {

class BatchSummaryPanel;
class BatchUndoController;
class ExportBar;
class ItemDetailsPanel;
class ItemsPanel;
class MessageBar;
class ProgressPanel;
class RefreshBar;

/// One batch, watched live: the summary (status, times, progress, counts), live
/// refresh controls, the items table with filters and paging, and the details of
/// the selected item. Owns the BatchItemsModel and, per client, the ItemsPager
/// and BatchMonitor that feed it (rebuilt by setClient(); the filter, sort and
/// paging choices carry over).
///
/// Exports the batch's items (all, or those of the status filter, in the table's
/// sort) to CSV or JSON with an inline progress bar (ExportBar); a failed export
/// is reported in batchMessage.
///
/// objectNames: batchView (this), batchMessage, refreshAction (F5), and those
/// of BatchSummaryPanel, RefreshBar, ItemsPanel, PagingBar, ItemDetailsPanel and
/// ExportBar.
class BatchView final : public QWidget {
    Q_OBJECT
public:
    explicit BatchView(QWidget *parent = nullptr);
    ~BatchView() override;

    /// Not owned; null: nothing is fetched (the batch shown stays chosen).
    void setClient(ApiClient *client);
    /// Where the undo snapshots are (not owned), and whose: for "Undo this batch…".
    void setStore(StoreWorker *store);
    void setProfileId(const QString &profileId);
    /// "Undo this batch…" (its button is undoBatchButton in the ItemsPanel).
    [[nodiscard]] BatchUndoController *undo() const { return m_undo; }
    /// Watches a batch: shows it at once and starts live refresh. The status filter
    /// is cleared for another batch; sort, page size and paging mode stay.
    void showBatch(const QString &projectId, const QString &batchId);
    /// Watches nothing.
    void clearBatch();
    [[nodiscard]] QString projectId() const { return m_projectId; }
    [[nodiscard]] QString batchId() const { return m_batchId; }
    /// Paused while the window is minimised: no live refresh, no label ticks.
    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const { return m_paused; }

    [[nodiscard]] BatchItemsModel *itemsModel() const { return m_model; }
    /// Null without a client.
    [[nodiscard]] ItemsPager *pager() const { return m_pager; }
    /// Null without a client.
    [[nodiscard]] BatchMonitor *monitor() const { return m_monitor; }
    [[nodiscard]] BatchSummaryPanel *summary() const { return m_summary; }
    /// The pace and the progress chart; its tracker is set by whoever keeps curves.
    [[nodiscard]] ProgressPanel *progressPanel() const { return m_progress; }
    [[nodiscard]] RefreshBar *refreshBar() const { return m_refreshBar; }
    [[nodiscard]] ItemsPanel *itemsPanel() const { return m_items; }
    [[nodiscard]] ItemDetailsPanel *details() const { return m_details; }
    [[nodiscard]] ExportBar *exportBar() const { return m_exportBar; }
    /// "Refresh now" (F5, while focus is in the monitor).
    [[nodiscard]] QAction *refreshAction() const { return m_refreshAction; }

public Q_SLOTS:
    /// Refreshes the batch, its counts and the items shown now.
    void refreshNow();
    /// Fetches every FAILED item and emits newDraftRequested() with their requests.
    void newDraftFromFailed();
    /// Asks for a file and exports the batch's items to it: all, or (`filtered`)
    /// those with the statuses the filter shows. Says why when it cannot.
    void exportItems(bool filtered);

Q_SIGNALS:
    void newDraftRequested(const QString &projectId, const ica::CreateBatchRequest &request);
    /// A refresh round completed: the batch and its counts as the server has them.
    void batchRefreshed(const QString &projectId, const ica::Batch &batch,
                        const ica::ItemStatusCounts &counts);

private:
    void buildEngine();
    void onStatusFilterToggled(ItemStatus::Value status, bool on);
    void onCounts();
    void onPageApplied();
    void showError(const ApiError &error, const QString &what);
    void updateDraftButton();
    void onExportFinished(ListingExport::Outcome outcome, const QString &message);

    QPointer<ApiClient> m_client;
    BatchItemsModel *m_model;
    ItemsPager *m_pager = nullptr;
    BatchMonitor *m_monitor = nullptr;
    QString m_projectId;
    QString m_batchId;
    bool m_paused = false;
    bool m_draftBusy = false;
    quint64 m_draftSerial = 0;

    QAction *m_refreshAction;
    MessageBar *m_error;
    BatchSummaryPanel *m_summary;
    ProgressPanel *m_progress;
    RefreshBar *m_refreshBar;
    ItemsPanel *m_items;
    ItemDetailsPanel *m_details;
    ExportBar *m_exportBar;
    BatchUndoController *m_undo;
};

} // namespace ica::ui
