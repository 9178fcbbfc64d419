#include "core/browser/batchtouchtracker.h"

#include "core/api/batchapi.h"
#include "core/api/pagecollector.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/data/datalookup.h"
#include "core/data/folderpath.h"
#include "core/diagnostics/statusnotices.h"
#include "core/monitor/batchmonitor.h"
#include "core/monitor/itemspager.h" // batchmonitor.h needs it complete

#include <QMetaObject>
#include <QSet>

namespace ica {

BatchTouchTracker::BatchTouchTracker(ApiClient *client, DataLister *lister, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_lister(lister) {}

void BatchTouchTracker::follow(BatchMonitor *monitor) {
    connect(monitor, &BatchMonitor::finished, this,
            [this, monitor]() { touchBatch(monitor->projectId(), monitor->batchId()); });
}

void BatchTouchTracker::touch(const QString &projectId, const QStringList &dataIds) {
    DataBrowserModel *model = m_lister ? m_lister->model() : nullptr;
    if (!model || projectId.isEmpty() || projectId != m_lister->projectId()) {
        report(0, false);
        return;
    }
    QStringList loaded;
    QStringList maybeFolders;
    bool loadedFolder = false;
    QSet<QString> seen;
    for (const QString &id : dataIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const int row = model->rowOf(id);
        if (row >= 0) {
            loaded.append(id);
            loadedFolder = loadedFolder || model->itemAt(row).isFolder();
        } else if (!id.startsWith(QLatin1String("fil."))) {
            maybeFolders.append(id);
        }
    }
    const bool recursive = m_lister->isRecursiveListing();
    if (recursive && loadedFolder) {
        // Rows below that folder are shown too and changed with it.
        m_lister->refresh();
        report(int(loaded.size()), true);
        return;
    }
    if (!loaded.isEmpty())
        m_lister->refreshRows(loaded);
    const QString folder = m_lister->folderPath();
    if (maybeFolders.isEmpty() || (!recursive && folder == QLatin1String("/"))) {
        report(int(loaded.size()), false);
        return;
    }
    DataQuery folders;
    folders.type = DataQuery::Type::Folder;
    const int rows = int(loaded.size());
    DataLookup::byIds(
        m_client, projectId, folders, maybeFolders, this,
        [this, rows, projectId, folder, recursive](const Result<QList<ProjectData>> &result) {
            if (!result.ok()) {
                fail(result.error);
                report(rows, false);
                return;
            }
            if (!m_lister || m_lister->projectId() != projectId ||
                m_lister->folderPath() != folder) {
                report(rows, false); // the browser moved on and reads afresh anyway
                return;
            }
            bool affects = false;
            for (const ProjectData &touched : *result.value) {
                // Above (or at) the folder shown: every row changed. Below it: only
                // a recursive listing shows what is inside.
                if (folderpath::contains(touched.path, folder) ||
                    (recursive && folderpath::contains(folder, touched.path)))
                    affects = true;
            }
            if (affects)
                m_lister->refresh();
            report(rows, affects);
        });
}

void BatchTouchTracker::touchBatch(const QString &projectId, const QString &batchId) {
    PageFetcher<BatchItem> fetch = [this, projectId, batchId](const PageRequest &page,
                                                              QObject *context,
                                                              ResultCallback<BatchItemPage> cb) {
        ItemsQuery query;
        query.page = page;
        return BatchApi(m_client).listItems(projectId, batchId, query, context, std::move(cb));
    };
    CollectOptions options;
    options.mode = PageRequest::Mode::Cursor;
    collectAllPages<BatchItem>(fetch, options, this,
                               [this, projectId](const Result<QList<BatchItem>> &result) {
                                   if (!result.ok()) {
                                       fail(result.error);
                                       report(0, false);
                                       return;
                                   }
                                   QStringList ids;
                                   for (const BatchItem &item : *result.value)
                                       ids.append(item.request.dataId);
                                   touch(projectId, ids);
                               });
}

void BatchTouchTracker::report(int rows, bool whole) {
    // Always later, so callers see one behaviour whether or not a call was needed.
    QMetaObject::invokeMethod(
        this,
        [this, rows, whole]() {
            if (whole)
                StatusNotices::post(tr("The batch changed this folder: refreshing the listing"));
            else if (rows > 0)
                StatusNotices::post(rows == 1 ? tr("Showing the new tags of 1 item")
                                              : tr("Showing the new tags of %L1 items").arg(rows));
            Q_EMIT touched(rows, whole);
        },
        Qt::QueuedConnection);
}

void BatchTouchTracker::fail(const ApiError &error) {
    Q_EMIT errorOccurred(error);
    StatusNotices::post(
        tr("Could not check which folders the batch changed: %1").arg(error.toString()));
}

} // namespace ica
