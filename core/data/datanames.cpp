#include "core/data/datanames.h"

#include "core/api/apiclient.h"
#include "core/data/datalookup.h"
#include "core/rows/offthread.h"

#include <utility>

namespace ica {

namespace {

/// What each of `ids` names, from the rows the lookup found.
DataNames namesOf(const QStringList &ids, const QList<QList<ProjectData>> &parts) {
    DataNames names;
    names.reserve(ids.size());
    for (const QList<ProjectData> &part : parts)
        for (const ProjectData &data : part)
            names.insert(data.id, DataName{DataName::State::Found, data.name, data.path});
    // What ICA did not list does not exist in the project.
    for (const QString &id : ids) {
        if (!names.contains(id))
            names.insert(id, DataName{DataName::State::NotFound, {}, {}});
    }
    return names;
}

} // namespace

void resolveDataNames(ApiClient *client, const QString &projectId, const QStringList &ids,
                      QObject *context, std::function<void(const Result<DataNames> &)> done) {
    // The rows stay in their parts and become names on a worker: with ten lookups of
    // 2,000 answering together, joining and hashing them here stalled the GUI thread.
    DataLookup::runParts(client, projectId, DataLookup::idQueries(DataQuery(), ids), context,
                         [ids, context, done](Result<QList<QList<ProjectData>>> parts) {
                             if (!parts.ok()) {
                                 done(Result<DataNames>::failure(parts.error));
                                 return;
                             }
                             runOffThread(
                                 context,
                                 [ids, parts = std::move(parts)]() mutable {
                                     const QList<QList<ProjectData>> rows =
                                         std::exchange(*parts.value, {});
                                     return namesOf(ids, rows);
                                 },
                                 [done](DataNames names) {
                                     done(Result<DataNames>::success(names));
                                     destroyOffThread(std::move(names)); // what `done` did not keep
                                 });
                         });
}

DataNameCache::DataNameCache(QObject *parent)
    : QObject(parent) {}

DataNameCache::~DataNameCache() = default;

void DataNameCache::setClient(ApiClient *client) {
    if (client == m_client)
        return;
    clear();
    m_client = client;
}

ApiClient *DataNameCache::client() const {
    return m_client;
}

const DataName *DataNameCache::find(const QString &projectId, const QString &dataId) const {
    const auto project = m_names.constFind(projectId);
    if (project == m_names.cend())
        return nullptr;
    const auto it = project->constFind(dataId);
    return it == project->cend() ? nullptr : &*it;
}

bool DataNameCache::isPending(const QString &projectId, const QString &dataId) const {
    const auto project = m_pending.constFind(projectId);
    return project != m_pending.cend() && project->contains(dataId);
}

DataName DataNameCache::name(const QString &projectId, const QString &dataId) const {
    if (const DataName *known = find(projectId, dataId))
        return *known;
    DataName unknown;
    if (isPending(projectId, dataId))
        unknown.state = DataName::State::Pending;
    return unknown;
}

void DataNameCache::resolve(const QString &projectId, const QStringList &dataIds) {
    if (!m_client || projectId.isEmpty())
        return;
    QStringList wanted;
    QSet<QString> seen;
    for (const QString &id : dataIds) {
        if (id.isEmpty() || find(projectId, id) || isPending(projectId, id) || seen.contains(id))
            continue;
        seen.insert(id);
        wanted.append(id);
    }
    if (!wanted.isEmpty()) {
        // Grown once for every answer to come, not rehashed as each one is stored.
        DataNames &known = m_names[projectId];
        known.reserve(known.size() + wanted.size());
    }
    for (qsizetype from = 0; from < wanted.size(); from += IdsPerLookup) {
        const QStringList part = wanted.mid(from, IdsPerLookup);
        QSet<QString> &pending = m_pending[projectId];
        for (const QString &id : part)
            pending.insert(id);
        m_pendingCount += part.size();
        ++m_lookups;
        const quint64 generation = m_generation;
        resolveDataNames(m_client, projectId, part, this,
                         [this, projectId, part, generation](const Result<DataNames> &result) {
                             if (generation != m_generation)
                                 return; // another profile, or cleared
                             if (!result.ok()) {
                                 store(projectId, part, {});
                                 Q_EMIT lookupFailed(projectId, result.error.toString());
                                 return;
                             }
                             store(projectId, part, *result.value);
                             Q_EMIT namesResolved(projectId);
                         });
    }
}

void DataNameCache::store(const QString &projectId, const QStringList &asked,
                          const DataNames &names) {
    QSet<QString> &pending = m_pending[projectId];
    DataNames &known = m_names[projectId];
    for (const QString &id : asked) {
        if (pending.remove(id))
            --m_pendingCount;
        const auto it = names.constFind(id);
        if (it == names.cend()) {
            ++m_forgetCount; // a failed lookup: stays Unknown, asked again later
            continue;
        }
        if (!known.contains(id)) {
            m_order.append(Key{projectId, id});
            ++m_size;
        }
        known.insert(id, *it);
    }
    if (pending.isEmpty())
        m_pending.remove(projectId);
    trim();
}

void DataNameCache::trim() {
    while (m_size > m_maxEntries && m_orderStart < m_order.size()) {
        const Key &oldest = m_order.at(m_orderStart++);
        auto project = m_names.find(oldest.projectId);
        if (project != m_names.end() && project->remove(oldest.dataId)) {
            --m_size;
            ++m_forgetCount;
            if (project->isEmpty())
                m_names.erase(project);
        }
    }
    // Drop the forgotten keys once they are half the list: amortised O(1) per key.
    if (m_orderStart > 0 && m_orderStart * 2 >= m_order.size()) {
        m_order.remove(0, m_orderStart);
        m_orderStart = 0;
    }
}

void DataNameCache::clear() {
    ++m_generation;
    ++m_forgetCount;
    m_names.clear();
    m_size = 0;
    m_order.clear();
    m_orderStart = 0;
    m_pending.clear();
    m_pendingCount = 0;
}

} // namespace ica
