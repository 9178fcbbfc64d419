#pragma once

#include "simulator/indexunion.h"
#include "simulator/model.h"
#include "simulator/rng.h"

#include <QHash>

#include <memory>
#include <vector>

namespace ica::sim {

class DataStore;

enum class ItemStatus : quint8 {
    Initialised,
    WaitingResources,
    Updating,
    Updated,
    PartiallyUpdated,
    Failed
};
enum class JobStatus : quint8 {
    Initialized,
    WaitingForResources,
    Running,
    Stopped,
    Succeeded,
    PartiallySucceeded,
    Failed
};
const char *itemStatusName(ItemStatus status);
bool parseItemStatus(const QString &name, ItemStatus *status);
const char *jobStatusName(JobStatus status);
bool parseJobStatus(const QString &name, JobStatus *status);

struct BatchItem {
    Uuid id;
    QString dataId;
    int group = 0;
    int node = -1;         ///< -1: the data id does not exist in the project
    TimeMs finishedAt = 0; ///< valid once processed
    ItemStatus finalStatus = ItemStatus::Initialised; ///< valid once processed
};

/// One data update batch and its job. Statuses before an item finishes are derived from
/// the time (see BatchEngine); finished items are stored, in creation order.
struct Batch {
    Uuid id;
    Uuid jobId;
    int project = 0;
    TimeMs created = 0;
    TimeMs waitingAt = 0; ///< INITIALIZED -> WAITING_FOR_RESOURCES
    TimeMs runningAt = 0; ///< -> RUNNING (timeStarted)
    int itemsPerSecond = 1;
    int chunkSize = 1; ///< items finished together; one chunk is UPDATING at a time
    std::vector<DataUpdate> groups;
    std::vector<BatchItem> items;
    QHash<Uuid, int> itemById;

    int processed = 0;        ///< items [0, processed) are finished
    std::vector<int> updated; ///< finished UPDATED items, ascending
    std::vector<int> failed;  ///< finished FAILED items, ascending
    TimeMs finishedAt = 0;
    JobStatus finalStatus = JobStatus::Running;

    int itemCount() const { return int(items.size()); }
    bool finished() const { return processed == itemCount(); }
    /// When chunk k (0-based) finishes.
    TimeMs chunkEnd(int chunk) const;
};

/// Creates batches and runs them in simulated time:
///   job   INITIALIZED -> WAITING_FOR_RESOURCES -> RUNNING -> SUCCEEDED | PARTIALLY_SUCCEEDED |
///   FAILED items INITIALISED -> WAITING_RESOURCES -> UPDATING -> UPDATED | FAILED
/// Items are processed in creation order, itemsPerSecond per simulated second, in chunks
/// of a tenth of a second; an item's data update is applied to the store when it finishes.
class BatchEngine {
public:
    BatchEngine(DataStore &store, quint64 seed, int itemsPerSecond, int initializeMs,
                int waitForResourcesMs);

    /// Creates a batch at the current time; dataIds[g] are group g's ids (deduplicated here).
    const Batch &create(int project, std::vector<DataUpdate> groups,
                        const std::vector<QStringList> &dataIds);

    /// Processes all batches up to now (interleaved in time order) and makes now current.
    /// Returns the batches that finished during this call.
    std::vector<const Batch *> processUntil(TimeMs now);
    TimeMs now() const { return m_now; }

    const Batch *find(int project, QStringView batchId) const;
    const Batch *findByJob(QStringView jobId) const;
    const std::vector<std::unique_ptr<Batch>> &batches() const { return m_batches; }

    // Derived state as of now().
    JobStatus jobStatus(const Batch &batch) const;
    ItemStatus itemStatus(const Batch &batch, int item) const;
    TimeMs itemTimeModified(const Batch &batch, int item) const;
    /// Items having any of statuses (all items if empty), as an index union.
    IndexUnion itemsWithStatus(const Batch &batch, const std::vector<ItemStatus> &statuses) const;

private:
    void processChunk(Batch &batch);

    DataStore &m_store;
    Rng m_rng; ///< batch, job and item ids: reproducible for a seed and call sequence
    int m_itemsPerSecond;
    int m_initializeMs;
    int m_waitMs;
    TimeMs m_now = 0;
    std::vector<std::unique_ptr<Batch>> m_batches;
    QHash<Uuid, int> m_byId;
    QHash<Uuid, int> m_byJob;
};

} // namespace ica::sim
