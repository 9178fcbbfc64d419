#pragma once

#include "core/api/apierror.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace ica {

class ApiClient;
class BatchMonitor;
class DataLister;

/// Closes the loop: when a batch has ended, the browser shows the tags it set.
/// touch() re-reads the browser's loaded rows among the batch's data IDs
/// (DataLister::refreshRows()). Because ICA applies a folder's changes to
/// everything inside it, the whole listing is refreshed instead (a diff, never a
/// reset) when the batch touched the folder being shown or one above it, or, for a
/// recursive listing, any folder above or below it. To tell folders from files
/// without a call per ID, IDs starting with "fil." (ICA's file IDs) are taken to be
/// files; other IDs that are not loaded are looked up.
class BatchTouchTracker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchTouchTracker)
public:
    /// Neither is owned; `client` must outlive the tracker.
    BatchTouchTracker(ApiClient *client, DataLister *lister, QObject *parent = nullptr);

    /// A batch that changed `dataIds` of `projectId` has ended. Nothing happens
    /// (but touched(0, false)) when the browser shows another project.
    void touch(const QString &projectId, const QStringList &dataIds);
    /// Same, reading the data IDs from the batch's items first.
    void touchBatch(const QString &projectId, const QString &batchId);
    /// Calls touchBatch() whenever `monitor` reports its batch finished. Not owned.
    void follow(BatchMonitor *monitor);

Q_SIGNALS:
    /// What was done: loaded rows re-read, and whether the whole listing was refreshed.
    void touched(int rowsRefreshed, bool wholeListing);
    void errorOccurred(const ica::ApiError &error);

private:
    void report(int rows, bool whole);
    void fail(const ApiError &error);

    ApiClient *m_client;
    QPointer<DataLister> m_lister;
};

} // namespace ica
