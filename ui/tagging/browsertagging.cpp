#include "ui/tagging/browsertagging.h"

#include "core/api/apiclient.h"
#include "core/browser/batchtouchtracker.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/data/tagcatalog.h"
#include "core/diagnostics/statusnotices.h"
#include "core/monitor/batchendwatcher.h"
#include "ui/browser/browserwidget.h"
#include "ui/composer/composerwidget.h"
#include "ui/tagging/tagselecteddialog.h"

#include <QLocale>

namespace ica::ui {

BrowserTagging::BrowserTagging(BrowserWidget *browser, ComposerWidget *composer,
                               TagCatalog *catalog, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_browser(browser)
    , m_composer(composer)
    , m_catalog(catalog)
    , m_dialogParent(dialogParent) {
    connect(browser, &BrowserWidget::tagRequested, this, &BrowserTagging::openDialog);
    connect(composer, &ComposerWidget::batchCreated, this,
            [this](const QString &projectId, const QString &batchId) {
                if (m_watcher)
                    m_watcher->watch(projectId, batchId);
            });
}

BrowserTagging::~BrowserTagging() = default;

void BrowserTagging::setClient(ApiClient *client) {
    // The same client again (the session re-announcing it): keep watching.
    DataLister *lister = m_browser ? m_browser->lister() : nullptr;
    if (client == m_client && m_tracker && lister == m_trackedLister)
        return;
    m_client = client;
    m_trackedLister = lister;
    delete m_watcher;
    delete m_tracker;
    m_watcher = nullptr;
    m_tracker = nullptr;
    if (!client || !lister)
        return;
    m_watcher = new BatchEndWatcher(client, this);
    m_tracker = new BatchTouchTracker(client, lister, this);
    connect(m_watcher, &BatchEndWatcher::batchEnded, this, &BrowserTagging::onBatchEnded);
}

TagSelectedDialog *BrowserTagging::dialog() const {
    return m_dialog;
}

TagSelectedDialog *BrowserTagging::openDialog(const QString &projectId,
                                              const QList<ProjectData> &items) {
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new TagSelectedDialog(
        projectId, m_browser ? m_browser->projectName() : QString(), items, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_composer)
        dialog->setDraft(m_composer->document());
    dialog->setTagCatalog(m_catalog);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, projectId]() { apply(dialog, projectId); });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

void BrowserTagging::apply(TagSelectedDialog *dialog, const QString &projectId) {
    if (!m_composer)
        return;
    const QStringList ids = dialog->dataIds();
    int index = -1;
    if (dialog->target() == TagSelectedDialog::Target::ExistingGroup) {
        index = dialog->existingGroup();
        if (!m_composer->addIdsToGroup(index, ids))
            index = -1;
    } else {
        const DataUpdateGroup group = dialog->newGroup();
        if (m_catalog) {
            m_catalog->learnInput(TagKind::User,
                                  group.userTags.addTags + group.userTags.removeTags);
            m_catalog->learnInput(TagKind::Technical,
                                  group.technicalTags.addTags + group.technicalTags.removeTags);
        }
        index = m_composer->addGroupForProject(
            projectId, m_browser ? m_browser->projectName() : QString(), group);
    }
    if (index < 0) {
        StatusNotices::post(
            tr("The draft could not take the items while a batch is being sent: try again "
               "once it is sent."));
        return;
    }
    StatusNotices::post(tr("%1 items are in group %2 of the draft: check it and submit.")
                            .arg(QLocale().toString(qlonglong(ids.size())))
                            .arg(index + 1));
    Q_EMIT composerRequested();
}

void BrowserTagging::onBatchEnded(const QString &projectId, const QString &batchId,
                                  const JobStatus &status) {
    StatusNotices::post(tr("Batch %1 ended (%2): the data browser shows its changes.")
                            .arg(batchId, status.toString()));
    if (m_tracker)
        m_tracker->touchBatch(projectId, batchId);
    Q_EMIT batchEnded(projectId, batchId);
}

} // namespace ica::ui
