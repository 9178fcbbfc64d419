#include "ui/monitor/batchundocontroller.h"

#include "core/api/apiclient.h"
#include "core/diagnostics/statusnotices.h"
#include "core/history/undobuilder.h"
#include "core/store/storeworker.h"
#include "ui/monitor/undopreviewdialog.h"

#include <QWidget>

namespace ica::ui {

BatchUndoController::BatchUndoController(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_parent(dialogParent) {
    update();
}

UndoPreviewDialog *BatchUndoController::preview() const {
    return m_preview;
}

void BatchUndoController::setStore(StoreWorker *store) {
    m_store = store;
    lookUpSnapshot();
}

void BatchUndoController::setClient(ApiClient *client) {
    m_client = client;
    update();
}

void BatchUndoController::setProfileId(const QString &profileId) {
    if (profileId == m_profileId)
        return;
    m_profileId = profileId;
    lookUpSnapshot();
}

void BatchUndoController::setBatch(const QString &projectId, const QString &batchId) {
    if (projectId == m_projectId && batchId == m_batchId)
        return;
    m_projectId = projectId;
    m_batchId = batchId;
    m_ended = false;
    m_busy = false;
    lookUpSnapshot();
}

void BatchUndoController::setEnded(bool ended) {
    if (ended == m_ended)
        return;
    m_ended = ended;
    // The snapshot is saved right after the batch is created: look again once it ended.
    if (ended && m_snapshot != Snapshot::Present)
        lookUpSnapshot();
    else
        update();
}

void BatchUndoController::lookUpSnapshot() {
    const quint64 serial = ++m_serial;
    m_snapshot = Snapshot::Unknown;
    update();
    if (!m_store || m_batchId.isEmpty())
        return;
    m_store->hasSnapshot(
        m_profileId, m_batchId, this, [this, serial](const StoreResult<bool> &result) {
            if (serial != m_serial)
                return;
            m_snapshot = result.ok() && result.value ? Snapshot::Present : Snapshot::Absent;
            update();
        });
}

void BatchUndoController::update() {
    bool enabled = false;
    QString tip;
    if (m_batchId.isEmpty())
        tip = tr("Open a batch to undo it");
    else if (m_snapshot == Snapshot::Absent)
        tip = tr("No undo record for this batch: only batches submitted from this app (since "
                 "undo exists) record the data's state before they are sent. Batches made by "
                 "another tool or opened by ID cannot be undone here.");
    else if (m_snapshot == Snapshot::Unknown)
        tip = tr("Looking for this batch's undo record…");
    else if (!m_ended)
        tip = tr("The batch has not ended yet: it can be undone once it has");
    else if (m_busy)
        tip = tr("Reading the batch's items and the data's current state…");
    else if (!m_client)
        tip = tr("Not connected: choose the profile the batch was sent with");
    else {
        enabled = true;
        tip = tr("Show what reverting this batch would change, then put the inverse into a new "
                 "draft");
    }
    if (enabled == m_enabled && tip == m_toolTip)
        return;
    m_enabled = enabled;
    m_toolTip = tip;
    Q_EMIT stateChanged(enabled, tip);
}

void BatchUndoController::trigger() {
    if (!m_enabled || !m_store)
        return;
    m_busy = true;
    update();
    const quint64 serial = m_serial;
    const QString projectId = m_projectId;
    const QString batchId = m_batchId;
    StatusNotices::post(tr("Preparing the undo of batch %1…").arg(batchId));
    m_store->loadSnapshot(
        m_profileId, batchId, this,
        [this, serial, projectId, batchId](const StoreResult<std::optional<UndoSnapshot>> &r) {
            if (serial != m_serial)
                return;
            if (!r.ok() || !r.value || !m_client) {
                m_busy = false;
                update();
                Q_EMIT failed(!r.ok()    ? r.error
                              : !r.value ? tr("Batch %1 has no undo record.").arg(batchId)
                                         : tr("Not connected: sign in, then undo again."));
                return;
            }
            UndoBuilder::build(
                m_client, *r.value, this,
                [this, serial, projectId, batchId](const Result<UndoPlan> &plan) {
                    if (serial != m_serial)
                        return;
                    m_busy = false;
                    update();
                    if (!plan.ok()) {
                        Q_EMIT failed(
                            tr("The undo could not be prepared: %1").arg(plan.error.toString()));
                        return;
                    }
                    showPreview(projectId, batchId, *plan.value);
                });
        });
}

void BatchUndoController::showPreview(const QString &projectId, const QString &batchId,
                                      const UndoPlan &plan) {
    if (m_preview)
        m_preview->deleteLater();
    m_preview = new UndoPreviewDialog(batchId, plan, m_parent);
    m_preview->setAttribute(Qt::WA_DeleteOnClose);
    const CreateBatchRequest request = plan.request;
    connect(m_preview, &QDialog::accepted, this, [this, projectId, request]() {
        StatusNotices::post(tr("New draft undoing %1 items (%2 groups of changes).")
                                .arg(request.dataIdCount())
                                .arg(request.dataUpdateGroups.size()));
        Q_EMIT draftRequested(projectId, request);
    });
    m_preview->open();
}

} // namespace ica::ui
