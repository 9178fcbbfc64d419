#pragma once

#include "core/domain/batch.h"
#include "core/export/listingexport.h"
#include "core/monitor/itemstatuscounts.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QAction;

namespace ica {
class ApiClient;
struct ApiError;
class BatchItemsModel;
class BatchMonitor;
class DataNameCache;
class FailureSummary;
class ItemsPager;
class StoreWorker;
} // namespace ica

namespace ica::ui {

class BatchSummaryPanel;
class BatchUndoController;
class ExportBar;
class FailureSummaryPanel;
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
/// Data IDs are shown with the data's name and path, resolved in bulk through one
/// DataNameCache (per profile: another client forgets it) shared by the table and
/// the details. Beside the details, a failure summary (FailureSummaryPanel) says why
/// items failed, read again whenever the failed counts change; choosing a reason
/// shows the FAILED and PARTIALLY_UPDATED items with that reason.
///
/// objectNames: batchView (this), batchMessage, refreshAction (F5), dataNameCache,
/// and those of FailureSummaryPanel, BatchSummaryPanel, RefreshBar, ItemsPanel, PagingBar,
/// ItemDetailsPanel and ExportBar.
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
    [[nodiscard]] FailureSummaryPanel *failureSummary() const { return m_failures; }
    [[nodiscard]] DataNameCache *nameCache() const { return m_names; }
    /// True while the failure summary is being read.
    [[nodiscard]] bool isReadingFailures() const { return m_failuresBusy; }
    /// "Refresh now" (F5, while focus is in the monitor).
    [[nodiscard]] QAction *refreshAction() const { return m_refreshAction; }
    /// The least time between two reads of a running batch's failure summary (2 s by
    /// default; "Refresh now" reads at once). Tests set a long one.
    void setFailuresGap(std::chrono::milliseconds gap) { m_failuresGap = gap; }

public Q_SLOTS:
    /// Refreshes the batch, its counts and the items shown now.
    void refreshNow();
    /// Fetches every FAILED item and emits newDraftRequested() with their requests.
    void newDraftFromFailed();
    /// Shows the items that failed for `reason` (a FailureSummary group): the status
    /// filter set to FAILED and PARTIALLY_UPDATED, the reason as a client-side filter.
    void showFailureReason(const QString &reason);
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
    /// Reads the failure summary again when the failed counts moved (or `force`). A
    /// running batch's failures are read again at most every few seconds (4 times as
    /// long as the last read took, at least m_failuresGap): each read is every failed
    /// item, and thousands may fail while it runs.
    void refreshFailures(bool force);
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
    DataNameCache *m_names;
    quint64 m_failuresSerial = 0;
    bool m_failuresBusy = false;
    qint64 m_failuresCounted = -1; ///< failed items when the summary was last read
    /// Re-reads of a running batch's failures are spaced (see refreshFailures()).
    QTimer m_failuresLater;
    QElapsedTimer m_failuresReadAt; ///< since the last read ended; invalid: none yet
    qint64 m_failuresReadMs = 0;    ///< how long the last read took
    std::chrono::milliseconds m_failuresGap{2000};

    QAction *m_refreshAction;
    MessageBar *m_error;
    BatchSummaryPanel *m_summary;
    ProgressPanel *m_progress;
    RefreshBar *m_refreshBar;
    ItemsPanel *m_items;
    ItemDetailsPanel *m_details;
    FailureSummaryPanel *m_failures;
    ExportBar *m_exportBar;
    BatchUndoController *m_undo;
};

} // namespace ica::ui
