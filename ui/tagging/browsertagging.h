#pragma once

#include "core/domain/batch.h"
#include "core/domain/projectdata.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace ica {
class ApiClient;
class BatchEndWatcher;
class BatchTouchTracker;
class DataBrowserModel;
class DataLister;
class TagCatalog;
} // namespace ica

namespace ica::ui {

class BrowserWidget;
class ComposerWidget;
class TagSelectedDialog;

/// Connects the data browser to the composer and back: "Tag selected…" opens a
/// TagSelectedDialog and puts its answer into the draft; every batch the composer
/// creates is watched until it ends (BatchEndWatcher), and then the browser re-reads
/// the rows it touched (BatchTouchTracker), so the new tags show without a reload.
class BrowserTagging final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserTagging)
public:
    /// None is owned; the dialog opens over `dialogParent`.
    BrowserTagging(BrowserWidget *browser, ComposerWidget *composer, TagCatalog *catalog,
                   QWidget *dialogParent, QObject *parent = nullptr);
    ~BrowserTagging() override;

    /// Call after BrowserWidget::setClient(): watches and refreshes through `client`
    /// (not owned; null: nothing is watched).
    void setClient(ApiClient *client);

    /// Opens the dialog for `items` of `projectId` (non-modal; deleted when closed).
    TagSelectedDialog *openDialog(const QString &projectId, const QList<ProjectData> &items);
    /// The dialog while one is open.
    [[nodiscard]] TagSelectedDialog *dialog() const;
    [[nodiscard]] BatchEndWatcher *watcher() const { return m_watcher; }
    [[nodiscard]] BatchTouchTracker *tracker() const { return m_tracker; }

Q_SIGNALS:
    /// The draft received the selection: the main window shows the composer.
    void composerRequested();
    /// A batch from this app ended and the browser re-read what it touched.
    void batchEnded(const QString &projectId, const QString &batchId);

private:
    void apply(TagSelectedDialog *dialog, const QString &projectId);
    void onBatchEnded(const QString &projectId, const QString &batchId, const JobStatus &status);

    QPointer<BrowserWidget> m_browser;
    QPointer<ComposerWidget> m_composer;
    QPointer<TagCatalog> m_catalog;
    QWidget *m_dialogParent;
    QPointer<ApiClient> m_client;
    QPointer<DataLister> m_trackedLister; ///< the lister m_tracker refreshes
    BatchEndWatcher *m_watcher = nullptr;
    BatchTouchTracker *m_tracker = nullptr;
    QPointer<TagSelectedDialog> m_dialog;
};

} // namespace ica::ui
