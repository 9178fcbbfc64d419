#include "simulator/batchengine.h"

#include "simulator/datastore.h"

#include <QSet>

#include <algorithm>
#include <iterator>

namespace ica::sim {

namespace {
const char *const kItemStatusNames[] = {"INITIALISED", "WAITING_RESOURCES", "UPDATING",
                                        "UPDATED",     "PARTIALLY_UPDATED", "FAILED"};
const char *const kJobStatusNames[] = {"INITIALIZED", "WAITING_FOR_RESOURCES", "RUNNING", "STOPPED",
                                       "SUCCEEDED",   "PARTIALLY_SUCCEEDED",   "FAILED"};

template <typename Enum, size_t N>
bool parseName(const char *const (&names)[N], const QString &name, Enum *out) {
    for (size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i])) {
            *out = Enum(i);
            return true;
        }
    }
    return false;
}
} // namespace

const char *itemStatusName(ItemStatus status) {
    return kItemStatusNames[int(status)];
}

bool parseItemStatus(const QString &name, ItemStatus *status) {
    return parseName(kItemStatusNames, name, status);
}

const char *jobStatusName(JobStatus status) {
    return kJobStatusNames[int(status)];
}

bool parseJobStatus(const QString &name, JobStatus *status) {
    return parseName(kJobStatusNames, name, status);
}

TimeMs Batch::chunkEnd(int chunk) const {
    const qint64 itemsDone = qint64(chunk + 1) * chunkSize;
    return runningAt + (itemsDone * 1000 + itemsPerSecond - 1) / itemsPerSecond;
}

BatchEngine::BatchEngine(DataStore &store, quint64 seed, int itemsPerSecond, int initializeMs,
                         int waitForResourcesMs)
    : m_store(store)
    , m_rng(seed ^ 0xBA7C4E5ull)
    , m_itemsPerSecond(qMax(1, itemsPerSecond))
    , m_initializeMs(qMax(0, initializeMs))
    , m_waitMs(qMax(0, waitForResourcesMs)) {}

const Batch &BatchEngine::create(int project, std::vector<DataUpdate> groups,
                                 const std::vector<QStringList> &dataIds) {
    auto batch = std::make_unique<Batch>();
    batch->id = Uuid::generate(m_rng);
    batch->jobId = Uuid::generate(m_rng);
    batch->project = project;
    batch->created = m_now;
    batch->waitingAt = m_now + m_initializeMs;
    batch->runningAt = batch->waitingAt + m_waitMs;
    batch->itemsPerSecond = m_itemsPerSecond;
    batch->chunkSize = qMax(1, m_itemsPerSecond / 10);
    batch->groups = std::move(groups);
    for (int g = 0; g < int(dataIds.size()); ++g) {
        QSet<QString> seen;
        for (const QString &dataId : dataIds[size_t(g)]) {
            if (seen.contains(dataId))
                continue;
            seen.insert(dataId);
            BatchItem item;
            item.id = Uuid::generate(m_rng);
            item.dataId = dataId;
            item.group = g;
            item.node = m_store.nodeIndex(project, dataId);
            batch->items.push_back(std::move(item));
        }
    }
    batch->itemById.reserve(qsizetype(batch->items.size()));
    for (int i = 0; i < batch->itemCount(); ++i)
        batch->itemById.insert(batch->items[size_t(i)].id, i);
    const int index = int(m_batches.size());
    m_byId.insert(batch->id, index);
    m_byJob.insert(batch->jobId, index);
    m_batches.push_back(std::move(batch));
    return *m_batches.back();
}

void BatchEngine::processChunk(Batch &batch) {
    const TimeMs at = batch.chunkEnd(batch.processed / batch.chunkSize);
    const int end = qMin(batch.itemCount(), batch.processed + batch.chunkSize);
    for (int i = batch.processed; i < end; ++i) {
        BatchItem &item = batch.items[size_t(i)];
        item.finishedAt = at;
        if (item.node < 0) {
            item.finalStatus = ItemStatus::Failed;
            batch.failed.push_back(i);
        } else {
            m_store.applyUpdate(batch.project, item.node, batch.groups[size_t(item.group)], at);
            item.finalStatus = ItemStatus::Updated;
            batch.updated.push_back(i);
        }
    }
    batch.processed = end;
    if (batch.finished()) {
        batch.finishedAt = at;
        batch.finalStatus = batch.failed.empty()    ? JobStatus::Succeeded
                            : batch.updated.empty() ? JobStatus::Failed
                                                    : JobStatus::PartiallySucceeded;
    }
}

std::vector<const Batch *> BatchEngine::processUntil(TimeMs now) {
    std::vector<const Batch *> finished;
    std::vector<Batch *> active;
    for (const auto &batch : m_batches) {
        if (!batch->finished())
            active.push_back(batch.get());
    }
    // Interleave chunks of concurrent batches in time order, so two batches touching the
    // same data apply their changes in the order they happen.
    for (;;) {
        Batch *next = nullptr;
        TimeMs nextAt = 0;
        for (Batch *batch : active) {
            if (batch->finished())
                continue;
            const TimeMs at = batch->chunkEnd(batch->processed / batch->chunkSize);
            if (at <= now && (!next || at < nextAt)) {
                next = batch;
                nextAt = at;
            }
        }
        if (!next)
            break;
        processChunk(*next);
        if (next->finished())
            finished.push_back(next);
    }
    m_now = qMax(m_now, now);
    return finished;
}

const Batch *BatchEngine::find(int project, QStringView batchId) const {
    const std::optional<Uuid> id = Uuid::parse(batchId);
    if (!id)
        return nullptr;
    const int index = m_byId.value(*id, -1);
    if (index < 0 || m_batches[size_t(index)]->project != project)
        return nullptr;
    return m_batches[size_t(index)].get();
}

const Batch *BatchEngine::findByJob(QStringView jobId) const {
    const std::optional<Uuid> id = Uuid::parse(jobId);
    const int index = id ? m_byJob.value(*id, -1) : -1;
    return index < 0 ? nullptr : m_batches[size_t(index)].get();
}

JobStatus BatchEngine::jobStatus(const Batch &batch) const {
    if (batch.finished())
        return batch.finalStatus;
    if (m_now < batch.waitingAt)
        return JobStatus::Initialized;
    if (m_now < batch.runningAt)
        return JobStatus::WaitingForResources;
    return JobStatus::Running;
}

ItemStatus BatchEngine::itemStatus(const Batch &batch, int item) const {
    if (item < batch.processed)
        return batch.items[size_t(item)].finalStatus;
    if (m_now < batch.waitingAt)
        return ItemStatus::Initialised;
    if (m_now < batch.runningAt)
        return ItemStatus::WaitingResources;
    return item < batch.processed + batch.chunkSize ? ItemStatus::Updating
                                                    : ItemStatus::WaitingResources;
}

TimeMs BatchEngine::itemTimeModified(const Batch &batch, int item) const {
    switch (itemStatus(batch, item)) {
    case ItemStatus::Initialised:
        return batch.created;
    case ItemStatus::WaitingResources:
        return batch.waitingAt;
    case ItemStatus::Updating: {
        const int chunk = batch.processed / batch.chunkSize;
        return chunk == 0 ? batch.runningAt : batch.chunkEnd(chunk - 1);
    }
    default:
        return batch.items[size_t(item)].finishedAt;
    }
}

IndexUnion BatchEngine::itemsWithStatus(const Batch &batch,
                                        const std::vector<ItemStatus> &statuses) const {
    IndexUnion result;
    const int n = batch.itemCount();
    const auto wanted = [&](ItemStatus s) {
        return statuses.empty() || std::find(statuses.begin(), statuses.end(), s) != statuses.end();
    };
    if (statuses.empty()) {
        result.addRange(0, n);
        return result;
    }
    if (wanted(ItemStatus::Updated))
        result.addSorted(&batch.updated);
    if (wanted(ItemStatus::Failed))
        result.addSorted(&batch.failed);
    if (batch.finished())
        return result;
    if (m_now < batch.waitingAt) {
        if (wanted(ItemStatus::Initialised))
            result.addRange(0, n);
    } else if (m_now < batch.runningAt) {
        if (wanted(ItemStatus::WaitingResources))
            result.addRange(0, n);
    } else {
        const int updatingEnd = qMin(n, batch.processed + batch.chunkSize);
        if (wanted(ItemStatus::Updating))
            result.addRange(batch.processed, updatingEnd);
        if (wanted(ItemStatus::WaitingResources))
            result.addRange(updatingEnd, n);
    }
    return result;
}

} // namespace ica::sim
