#include "ui/monitor/batchview.h"

#include "core/api/apiclient.h"
#include "core/data/datanames.h"
#include "core/diagnostics/statusnotices.h"
#include "core/export/exportsources.h"
#include "core/history/batchhistorymodel.h"
#include "core/history/faileditemsdraft.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/batchmonitor.h"
#include "core/monitor/failuresummary.h"
#include "core/monitor/itemspager.h"
#include "ui/export/exportbar.h"
#include "ui/monitor/batchsummarypanel.h"
#include "ui/monitor/batchundocontroller.h"
#include "ui/monitor/failuresummarypanel.h"
#include "ui/monitor/itemdetailspanel.h"
#include "ui/monitor/itemspanel.h"
#include "ui/monitor/progresspanel.h"
#include "ui/monitor/refreshbar.h"
#include "ui/style/icons.h"
#include "ui/style/palettefollower.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace ica::ui {

BatchView::BatchView(QWidget *parent)
    : QWidget(parent)
    , m_model(new BatchItemsModel(this))
    , m_names(new DataNameCache(this))
    , m_refreshAction(new QAction(this))
    , m_error(new MessageBar(this))
    , m_summary(new BatchSummaryPanel(this))
    , m_progress(new ProgressPanel(this))
    , m_refreshBar(nullptr)
    , m_items(new ItemsPanel(m_model, this))
    , m_details(new ItemDetailsPanel(this))
    , m_failures(new FailureSummaryPanel(this))
    , m_exportBar(new ExportBar(this))
    , m_undo(new BatchUndoController(this)) {
    setObjectName(QStringLiteral("batchView"));
    m_model->setObjectName(QStringLiteral("batchItemsModel"));
    m_names->setObjectName(QStringLiteral("dataNameCache"));
    m_model->setNameSource(m_names, QString());
    m_details->setNameCache(m_names);
    connect(m_failures, &FailureSummaryPanel::reasonChosen, this, &BatchView::showFailureReason);
    m_failuresLater.setSingleShot(true);
    connect(&m_failuresLater, &QTimer::timeout, this, [this]() { refreshFailures(false); });
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setText(tr("&Refresh now"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(tr("Refresh the batch, its counts and the items shown (F5)"));
    addAction(m_refreshAction);
    connect(m_refreshAction, &QAction::triggered, this, &BatchView::refreshNow);
    m_refreshBar = new RefreshBar(m_refreshAction, this);

    m_error->setObjectName(QStringLiteral("batchMessage"));
    PaletteFollower::follow(
        this, [this]() { m_refreshAction->setIcon(actionIcon(ActionIcon::Reload, palette())); });

    connect(m_summary, &BatchSummaryPanel::statusFilterToggled, this,
            &BatchView::onStatusFilterToggled);
    connect(m_items, &ItemsPanel::newDraftRequested, this, &BatchView::newDraftFromFailed);
    connect(m_items, &ItemsPanel::exportRequested, this, &BatchView::exportItems);
    connect(m_items, &ItemsPanel::undoRequested, m_undo, &BatchUndoController::trigger);
    connect(m_undo, &BatchUndoController::stateChanged, m_items, &ItemsPanel::setUndoEnabled);
    connect(m_undo, &BatchUndoController::draftRequested, this, &BatchView::newDraftRequested);
    connect(m_undo, &BatchUndoController::failed, this, [this](const QString &message) {
        m_error->showMessage(MessageBar::Kind::Error, message);
        StatusNotices::post(message);
    });
    connect(m_exportBar, &ExportBar::finished, this, &BatchView::onExportFinished);
    connect(m_items, &ItemsPanel::currentItemChanged, this,
            [this](const QString &itemId) { m_details->showItem(m_projectId, m_batchId, itemId); });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("itemsSplitter"));
    auto *side = new QSplitter(Qt::Vertical, this);
    side->setObjectName(QStringLiteral("detailsSplitter"));
    side->addWidget(m_details);
    side->addWidget(m_failures);
    side->setChildrenCollapsible(false);
    splitter->addWidget(m_items);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_refreshBar);
    layout->addWidget(m_error);
    layout->addWidget(m_exportBar);
    layout->addWidget(splitter, 1);
    buildEngine();
}

BatchView::~BatchView() {
    // The monitor refers to the pager: let it go first.
    delete m_monitor;
    delete m_pager;
}

void BatchView::setClient(ApiClient *client) {
    if (client == m_client)
        return;
    // The export's calls belong to the old client: stop it (nothing is saved).
    m_exportBar->job()->cancel();
    m_client = client;
    m_undo->setClient(client);
    buildEngine();
}

void BatchView::buildEngine() {
    const ItemsQueryState state = m_pager ? m_pager->queryState() : ItemsQueryState();
    delete m_monitor;
    m_monitor = nullptr;
    delete m_pager;
    m_pager = nullptr;
    m_model->clear();
    m_names->setClient(m_client); // another profile: its names are not these
    m_details->setClient(m_client);
    m_details->showItem(QString(), QString(), QString());
    if (m_client) {
        m_pager = new ItemsPager(m_client, m_model, this);
        m_pager->setObjectName(QStringLiteral("itemsPager"));
        m_pager->setQueryState(state); // no request: there is no batch yet
        m_monitor = new BatchMonitor(m_client, this);
        m_monitor->setObjectName(QStringLiteral("batchMonitor"));
        m_monitor->setItemsPager(m_pager);
        m_monitor->setPaused(m_paused);

        connect(m_monitor, &BatchMonitor::batchChanged, this, [this](const Batch &batch) {
            m_summary->setBatch(batch);
            m_undo->setEnded(batch.job.status.isTerminal());
            onCounts();
        });
        connect(m_monitor, &BatchMonitor::countsChanged, this, &BatchView::onCounts);
        connect(m_monitor, &BatchMonitor::refreshed, this, [this]() {
            if (m_error->hasMessage())
                m_error->clearMessage();
            Q_EMIT batchRefreshed(m_projectId, m_monitor->batch(), m_monitor->counts());
        });
        connect(m_monitor, &BatchMonitor::finished, this, [this](const JobStatus &status) {
            StatusNotices::post(tr("Batch %1 finished: %2.")
                                    .arg(m_batchId, BatchHistoryModel::jobStatusLabel(status)));
        });
        connect(m_monitor, &BatchMonitor::errorOccurred, this, [this](const ApiError &error) {
            showError(error, tr("The batch could not be refreshed"));
        });
        // The client's retries of this batch's calls, told in the status text: a
        // slow refresh then says why.
        connect(
            m_client, &ApiClient::retryScheduled, m_monitor,
            [this](const ApiRequest &request, int attempt, qint64 delayMs, const ApiError &error) {
                if (m_batchId.isEmpty() || !request.path.contains(m_batchId))
                    return;
                StatusNotices::post(tr("Batch %1: %2; trying again in %3 s (try %4 of %5).")
                                        .arg(m_batchId, error.shortReason())
                                        .arg(double(delayMs) / 1000.0)
                                        .arg(attempt)
                                        .arg(m_client->retryPolicy().delays.size() + 1));
            });
        connect(m_pager, &ItemsPager::errorOccurred, this, [this](const ApiError &error) {
            showError(error, tr("The items could not be loaded"));
        });
        connect(m_pager, &ItemsPager::queryStateChanged, this,
                [this]() { m_summary->setStatusFilter(m_pager->queryState().statusFilter()); });
        connect(m_pager, &ItemsPager::pageApplied, this, &BatchView::onPageApplied);
    }
    m_items->setPager(m_pager);
    m_refreshBar->setMonitor(m_monitor);
    m_summary->setStatusFilter(state.statusFilter());
    m_refreshAction->setEnabled(m_client && !m_batchId.isEmpty());
    if (m_monitor && !m_batchId.isEmpty())
        m_monitor->setBatch(m_projectId, m_batchId);
    updateDraftButton();
}

void BatchView::showBatch(const QString &projectId, const QString &batchId) {
    if (projectId == m_projectId && batchId == m_batchId)
        return;
    m_projectId = projectId;
    m_batchId = batchId;
    m_undo->setBatch(projectId, batchId);
    ++m_draftSerial; // a draft being fetched belongs to the other batch
    m_draftBusy = false;
    m_error->clearMessage();
    m_summary->setBatchId(batchId);
    m_model->setNameSource(m_names, projectId);
    m_items->setReasonFilter(false);
    m_failures->clear();
    m_failuresCounted = -1;
    ++m_failuresSerial;
    m_failuresBusy = false;
    m_failuresLater.stop();
    m_failuresReadAt.invalidate();
    m_details->showItem(QString(), QString(), QString());
    if (m_pager && m_pager->queryState().isFiltered()) {
        // Drop the filter without asking the old batch again: detach, clear, re-attach.
        m_pager->setBatch(QString(), QString());
        m_pager->setStatusFilter({});
    }
    if (m_monitor)
        m_monitor->setBatch(projectId, batchId);
    else if (!batchId.isEmpty())
        StatusNotices::post(tr("Not connected: choose a profile to monitor batches."));
    m_refreshAction->setEnabled(m_client && !m_batchId.isEmpty());
    m_refreshBar->updateLabels();
    updateDraftButton();
}

void BatchView::setStore(StoreWorker *store) {
    m_undo->setStore(store);
}

void BatchView::setProfileId(const QString &profileId) {
    m_undo->setProfileId(profileId);
}

void BatchView::clearBatch() {
    showBatch(QString(), QString());
}

void BatchView::setPaused(bool paused) {
    m_paused = paused;
    if (m_monitor)
        m_monitor->setPaused(paused);
    m_refreshBar->setTicking(!paused);
}

void BatchView::refreshNow() {
    if (!m_monitor || m_batchId.isEmpty())
        return;
    // Asked for now: the failures too, not spaced (counts already moved may be waiting).
    m_failuresReadAt.invalidate();
    refreshFailures(false);
    if (!m_monitor->refreshNow())
        StatusNotices::post(tr("A refresh is already running."));
}

void BatchView::onStatusFilterToggled(ItemStatus::Value status, bool on) {
    if (!m_pager)
        return;
    ItemsQueryState state = m_pager->queryState();
    if (state.setStatusFiltered(status, on))
        m_pager->setQueryState(state);
}

void BatchView::onCounts() {
    if (!m_monitor)
        return;
    m_summary->setCounts(m_monitor->counts(), m_monitor->progress());
    updateDraftButton();
    refreshFailures(false);
}

void BatchView::refreshFailures(bool force) {
    if (!m_client || m_batchId.isEmpty() || !m_monitor)
        return;
    const ItemStatusCounts counts = m_monitor->counts();
    const qint64 failed =
        counts.count(ItemStatus::Failed) + counts.count(ItemStatus::PartiallyUpdated);
    if (failed <= 0) {
        if (m_failuresCounted != 0)
            m_failures->clear();
        m_failuresCounted = 0;
        return;
    }
    if (m_failuresBusy || (!force && failed == m_failuresCounted))
        return;
    if (!force && m_failuresReadAt.isValid()) {
        const qint64 gap = qMax(qint64(m_failuresGap.count()), 4 * m_failuresReadMs);
        const qint64 waited = m_failuresReadAt.elapsed();
        if (waited < gap) {
            if (!m_failuresLater.isActive())
                m_failuresLater.start(int(gap - waited));
            return;
        }
    }
    m_failuresLater.stop();
    m_failuresBusy = true;
    m_failures->setLoading();
    const quint64 serial = ++m_failuresSerial;
    QElapsedTimer reading;
    reading.start();
    FailureSummary::fetch(m_client, m_projectId, m_batchId, this,
                          [this, serial, failed, reading](const Result<FailureSummary> &result) {
                              if (serial != m_failuresSerial)
                                  return; // another batch is shown now
                              m_failuresBusy = false;
                              m_failuresReadMs = reading.elapsed();
                              m_failuresReadAt.start();
                              if (!result.ok()) {
                                  m_failures->setError(result.error.toString());
                                  return; // asked again on the next refresh
                              }
                              m_failuresCounted = failed;
                              m_failures->setSummary(*result.value);
                              // Counts that moved while reading: read again.
                              refreshFailures(false);
                          });
}

void BatchView::showFailureReason(const QString &reason) {
    if (m_pager) {
        ItemsQueryState state = m_pager->queryState();
        bool changed = false;
        for (int i = 0; i < ItemStatus::KnownCount; ++i) {
            const ItemStatus::Value status = ItemStatus::knownValues()[i];
            const bool wanted =
                status == ItemStatus::Failed || status == ItemStatus::PartiallyUpdated;
            changed = state.setStatusFiltered(status, wanted) || changed;
        }
        if (changed)
            m_pager->setQueryState(state);
    }
    m_items->setReasonFilter(true, reason);
}

void BatchView::onPageApplied() {
    const QString shown = m_details->itemId();
    const int row = shown.isEmpty() ? -1 : m_model->rowOf(shown);
    if (row >= 0)
        m_details->refreshIfChanged(m_model->itemAt(row));
    m_model->requestNames(); // the page's IDs not known yet, in bulk
}

void BatchView::showError(const ApiError &error, const QString &what) {
    QString message = QStringLiteral("%1: %2").arg(what, error.toString());
    if (m_monitor && m_monitor->isStoppedByError()) {
        message += QLatin1Char(' ') +
                   (error.isPermanent()
                        ? tr("Live refresh stopped: press Refresh to try again.")
                        : tr("Live refresh stopped after %n minute(s) of failures: check the "
                             "connection, then press Refresh.",
                             nullptr, int(m_monitor->giveUpAfter().count() / 60000)));
    } else if (!error.isPermanent()) {
        message += QLatin1Char(' ') + tr("This is usually temporary: the monitor tries again on "
                                         "its next refresh.");
    }
    m_error->showMessage(MessageBar::Kind::Error, message);
    StatusNotices::post(message);
}

void BatchView::exportItems(bool filtered) {
    if (m_exportBar->isRunning()) {
        StatusNotices::post(tr("An export is running: wait for it or cancel it first."));
        return;
    }
    if (!m_client || m_batchId.isEmpty()) {
        StatusNotices::post(tr("Open a batch (and sign in) to export its items."));
        return;
    }
    const ItemsQueryState state = m_pager ? m_pager->queryState() : ItemsQueryState();
    ItemsExportQuestion question;
    question.projectId = m_projectId;
    question.batchId = m_batchId;
    if (filtered)
        question.statuses = state.query().statuses;
    question.sort = state.sortParameter();
    question.pageSize = m_exportBar->pageSize();
    const QString suggested =
        QStringLiteral("batch-%1%2.csv")
            .arg(m_batchId.left(8), filtered ? QStringLiteral("-filtered") : QString());
    const QString path = m_exportBar->choosePath(suggested);
    if (path.isEmpty())
        return;
    startItemsExport(m_exportBar->job(), m_client, question, path);
    m_exportBar->shown();
}

void BatchView::onExportFinished(ListingExport::Outcome outcome, const QString &message) {
    switch (outcome) {
    case ListingExport::Outcome::Written:
        StatusNotices::post(message);
        break;
    case ListingExport::Outcome::Cancelled:
        StatusNotices::post(tr("Export cancelled; nothing was saved."));
        break;
    case ListingExport::Outcome::Failed:
        m_error->showMessage(MessageBar::Kind::Error, message);
        StatusNotices::post(message);
        break;
    }
}

void BatchView::updateDraftButton() {
    const qint64 failed = m_monitor ? m_monitor->counts().count(ItemStatus::Failed) : 0;
    if (m_draftBusy)
        m_items->setDraftEnabled(false, tr("Fetching the failed items…"));
    else if (failed > 0)
        m_items->setDraftEnabled(true, tr("Put the %1 failed items into a new draft, grouped "
                                          "by their changes, to try them again")
                                           .arg(failed));
    else
        m_items->setDraftEnabled(false, tr("The batch has no failed items"));
}

void BatchView::newDraftFromFailed() {
    if (!m_client || m_batchId.isEmpty() || m_draftBusy)
        return;
    m_draftBusy = true;
    updateDraftButton();
    StatusNotices::post(tr("Fetching the failed items of batch %1…").arg(m_batchId));
    const quint64 serial = ++m_draftSerial;
    const QString projectId = m_projectId;
    fetchFailedItems(m_client, m_projectId, m_batchId, this,
                     [this, serial, projectId](const Result<QList<BatchItem>> &result) {
                         if (serial != m_draftSerial)
                             return; // another batch is shown now
                         m_draftBusy = false;
                         updateDraftButton();
                         if (!result.ok()) {
                             showError(result.error, tr("The failed items could not be fetched"));
                             return;
                         }
                         const CreateBatchRequest request = requestFromItems(*result.value);
                         if (request.dataUpdateGroups.isEmpty()) {
                             StatusNotices::post(tr("The batch has no failed items."));
                             return;
                         }
                         StatusNotices::post(
                             tr("New draft from %1 failed items (%2 groups of changes).")
                                 .arg(request.dataIdCount())
                                 .arg(request.dataUpdateGroups.size()));
                         Q_EMIT newDraftRequested(projectId, request);
                     });
}

} // namespace ica::ui
