#include "ui/monitor/monitorwidget.h"

#include "core/api/batchapi.h"
#include "core/diagnostics/statusnotices.h"
#include "core/history/batchhistoryfeed.h"
#include "core/history/batchhistorymodel.h"
#include "core/monitor/batchprogresstracker.h"
#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
#include "core/store/storeworker.h"
#include "ui/monitor/batchlistpanel.h"
#include "ui/monitor/batchview.h"
#include "ui/monitor/openbatchdialog.h"
#include "ui/monitor/progresspanel.h"
#include "ui/widgets/confirmation.h"

#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

namespace ica::ui {

MonitorWidget::MonitorWidget(StoreWorker *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_history(new BatchHistoryModel(this))
    , m_feed(new BatchHistoryFeed(store, m_history, this))
    , m_list(new BatchListPanel(m_history, this))
    , m_view(new BatchView(this))
    , m_progress(new BatchProgressTracker(store, this))
    , m_stack(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("monitorWidget"));
    m_view->setStore(store);
    m_history->setObjectName(QStringLiteral("batchHistoryModel"));

    auto *placeholder = new QLabel(tr("Select a batch in the list, or open one by its ID."), this);
    placeholder->setObjectName(QStringLiteral("batchPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    m_stack->addWidget(placeholder);
    m_stack->addWidget(m_view);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("monitorSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list, &BatchListPanel::currentBatchChanged, this,
            &MonitorWidget::onCurrentBatchChanged);
    connect(m_list, &BatchListPanel::openByIdRequested, this, &MonitorWidget::showOpenDialog);
    connect(m_list, &BatchListPanel::removeRequested, this, &MonitorWidget::confirmRemove);
    connect(m_feed, &BatchHistoryFeed::pageApplied, this, &MonitorWidget::onHistoryLoaded);
    connect(m_feed, &BatchHistoryFeed::errorOccurred, this, &StatusNotices::post);
    connect(m_view, &BatchView::newDraftRequested, this, &MonitorWidget::newDraftRequested);
    connect(m_view, &BatchView::batchRefreshed, m_feed, &BatchHistoryFeed::recordStatus);
    m_progress->setObjectName(QStringLiteral("progressTracker"));
    m_view->progressPanel()->setTracker(m_progress);
    connect(m_view, &BatchView::batchRefreshed, m_progress,
            [this](const QString &, const Batch &batch, const ItemStatusCounts &counts) {
                m_progress->record(batch.id, counts, batch.job.status.isTerminal());
            });
    // F5 wherever the focus is in the monitor, the batches list included.
    addAction(m_view->refreshAction());
}

MonitorWidget::~MonitorWidget() = default;

void MonitorWidget::setClient(ApiClient *client) {
    if (client == m_client)
        return;
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    if (client) {
        // Whoever owns the client may delete it first: stop using it then.
        connect(client, &QObject::destroyed, this, [this]() { setClient(nullptr); });
    }
    m_view->setClient(client);
    if (m_openDialog)
        m_openDialog->setClient(client);
}

void MonitorWidget::setProjectCatalog(ProjectCatalog *catalog) {
    disconnect(m_catalogConnection);
    m_catalog = catalog;
    const auto fill = [this]() {
        QHash<QString, QString> names;
        if (m_catalog) {
            for (const Project &project : m_catalog->model()->projects())
                names.insert(project.id, project.name);
        }
        m_history->setProjectNames(names);
    };
    if (catalog)
        m_catalogConnection = connect(catalog, &ProjectCatalog::loaded, this, fill);
    fill();
}

void MonitorWidget::setProfileId(const QString &profileId) {
    if (profileId == m_feed->profileId())
        return;
    m_wantedBatch.clear();
    showBatch(QString(), QString());
    m_progress->setProfileId(profileId);
    m_feed->setProfileId(profileId);
    m_view->setProfileId(profileId);
}

QString MonitorWidget::profileId() const {
    return m_feed->profileId();
}

void MonitorWidget::openBatch(const QString &projectId, const QString &batchId) {
    if (batchId.isEmpty())
        return;
    if (m_list->selectBatch(profileId(), batchId)) {
        m_wantedBatch.clear();
    } else {
        m_wantedBatch = batchId;
    }
    // Shown directly too: the row selected above announces nothing when it was
    // current already, and an unlisted batch has no row yet.
    showBatch(projectId, batchId);
}

OpenBatchDialog *MonitorWidget::openDialog() const {
    return m_openDialog;
}

void MonitorWidget::setWindowMinimized(bool minimized) {
    m_view->setPaused(minimized);
}

void MonitorWidget::onCurrentBatchChanged(const QString &, const QString &projectId,
                                          const QString &batchId) {
    if (!batchId.isEmpty() && batchId != m_wantedBatch)
        m_wantedBatch.clear();
    showBatch(projectId, batchId);
}

void MonitorWidget::onHistoryLoaded() {
    if (m_wantedBatch.isEmpty())
        return;
    if (m_history->rowOf(profileId(), m_wantedBatch) < 0)
        return;
    const QString batchId = std::exchange(m_wantedBatch, QString());
    if (m_view->batchId() == batchId)
        m_list->selectBatch(profileId(), batchId);
}

void MonitorWidget::showBatch(const QString &projectId, const QString &batchId) {
    m_progress->setBatch(batchId);
    m_view->showBatch(projectId, batchId);
    m_stack->setCurrentIndex(batchId.isEmpty() ? 0 : 1);
    if (!batchId.isEmpty())
        Q_EMIT batchShown(projectId, batchId);
}

void MonitorWidget::showOpenDialog() {
    if (m_openDialog) {
        m_openDialog->raise();
        m_openDialog->activateWindow();
        return;
    }
    if (!m_client) {
        StatusNotices::post(tr("Not connected: choose a profile before opening a batch."));
        return;
    }
    m_openDialog = new OpenBatchDialog(this);
    m_openDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_openDialog->setClient(m_client);
    if (!m_view->projectId().isEmpty())
        m_openDialog->setProjectId(m_view->projectId());
    connect(m_openDialog, &OpenBatchDialog::openRequested, this, &MonitorWidget::openFromDialog);
    m_openDialog->open();
}

void MonitorWidget::openFromDialog(const QString &projectId, const QString &projectName,
                                   const QString &batchId) {
    if (!m_client) {
        if (m_openDialog)
            m_openDialog->finishOpen(tr("Not connected: choose a profile first."));
        return;
    }
    const quint64 serial = ++m_openSerial;
    StatusNotices::post(tr("Opening batch %1…").arg(batchId));
    BatchApi(m_client).get(
        projectId, batchId, this,
        [this, serial, projectId, projectName, batchId](const Result<Batch> &result) {
            if (serial != m_openSerial)
                return;
            if (!result.ok()) {
                const QString error =
                    result.error.httpStatus == 404
                        ? tr("No batch %1 was found in that project. Check the batch ID, and "
                             "that the batch belongs to the project chosen.")
                              .arg(batchId)
                        : tr("The batch could not be fetched: %1").arg(result.error.toString());
                if (m_openDialog)
                    m_openDialog->finishOpen(error);
                StatusNotices::post(error);
                return;
            }
            m_feed->recordOpened(projectId, projectName, *result.value);
            if (m_openDialog)
                m_openDialog->finishOpen(QString());
            openBatch(projectId, batchId);
            StatusNotices::post(tr("Batch %1 opened and added to the list.").arg(batchId));
        });
}

void MonitorWidget::confirmRemove(const QString &profileId, const QString &batchId) {
    if (batchId.isEmpty())
        return;
    Confirmation::ask(
        this, tr("Remove Batch from List"), tr("Remove batch %1 from the list?").arg(batchId),
        tr("The batch stays in ICA: only this app's record of it is forgotten. "
           "You can open it again by its ID."),
        tr("&Remove"), [this, profileId, batchId](bool remove) {
            if (!remove)
                return;
            // Stop watching first, or its next refresh re-adds it.
            if (m_view->batchId() == batchId)
                showBatch(QString(), QString());
            m_feed->remove(profileId, batchId, [this, batchId](const QString &error) {
                if (error.isEmpty())
                    StatusNotices::post(tr("Batch %1 removed from the list.").arg(batchId));
            });
        });
}

} // namespace ica::ui
