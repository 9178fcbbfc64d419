#pragma once

#include "core/domain/batch.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace ica {
class ApiClient;
struct ApiError;
class StoreWorker;
struct UndoPlan;
} // namespace ica

namespace ica::ui {

class UndoPreviewDialog;

/// "Undo this batch…" for the batch shown in the monitor: enabled once the batch
/// has ended and the store holds its undo snapshot (recorded when it was submitted
/// from this app); the tooltip says why not otherwise. trigger() loads the snapshot
/// (store thread), builds the inverse (UndoBuilder: the items' statuses and the
/// data's current state), shows it in an UndoPreviewDialog and, when accepted, emits
/// draftRequested() with the inverse request.
class BatchUndoController final : public QObject {
    Q_OBJECT
public:
    /// `dialogParent` parents the preview.
    explicit BatchUndoController(QWidget *dialogParent);

    void setStore(StoreWorker *store);
    void setProfileId(const QString &profileId);
    void setClient(ApiClient *client);
    /// The batch shown, and whether its job has ended.
    void setBatch(const QString &projectId, const QString &batchId);
    void setEnded(bool ended);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    [[nodiscard]] QString toolTip() const { return m_toolTip; }
    /// The preview shown now, if any.
    [[nodiscard]] UndoPreviewDialog *preview() const;

public Q_SLOTS:
    void trigger();

Q_SIGNALS:
    /// Enabled state or tooltip changed.
    void stateChanged(bool enabled, const QString &toolTip);
    void draftRequested(const QString &projectId, const ica::CreateBatchRequest &request);
    /// Something went wrong; `message` says what and what to do.
    void failed(const QString &message);

private:
    void lookUpSnapshot();
    void update();
    void showPreview(const QString &projectId, const QString &batchId, const UndoPlan &plan);

    QPointer<QWidget> m_parent;
    QPointer<StoreWorker> m_store;
    QPointer<ApiClient> m_client;
    QPointer<UndoPreviewDialog> m_preview;
    QString m_profileId;
    QString m_projectId;
    QString m_batchId;
    bool m_ended = false;
    enum class Snapshot { Unknown, Present, Absent } m_snapshot = Snapshot::Unknown;
    bool m_busy = false;
    quint64 m_serial = 0; ///< answers about another batch are dropped
    bool m_enabled = false;
    QString m_toolTip;
};

} // namespace ica::ui
