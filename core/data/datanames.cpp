#include "core/data/datanames.h"

#include "core/api/apiclient.h"
#include "core/data/datalookup.h"

namespace ica {

void resolveDataNames(ApiClient *client, const QString &projectId, const QStringList &ids,
                      QObject *context, std::function<void(const Result<DataNames> &)> done) {
    DataLookup::byIds(
        client, projectId, DataQuery(), ids, context,
        [ids, done](const Result<QList<ProjectData>> &result) {
            if (!result.ok()) {
                done(Result<DataNames>::failure(result.error));
                return;
            }
            DataNames names;
            names.reserve(ids.size());
            for (const ProjectData &data : *result.value)
                names.insert(data.id, DataName{DataName::State::Found, data.name, data.path});
            // What ICA did not list does not exist in the project.
            for (const QString &id : ids) {
                if (!names.contains(id))
                    names.insert(id, DataName{DataName::State::NotFound, {}, {}});
            }
            done(Result<DataNames>::success(names));
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

DataName DataNameCache::name(const QString &projectId, const QString &dataId) const {
    const QString key = keyOf(projectId, dataId);
    const auto it = m_names.constFind(key);
    if (it != m_names.cend())
        return *it;
    DataName unknown;
    if (m_pending.contains(key))
        unknown.state = DataName::State::Pending;
    return unknown;
}

void DataNameCache::resolve(const QString &projectId, const QStringList &dataIds) {
    if (!m_client || projectId.isEmpty())
        return;
    QStringList wanted;
    QSet<QString> seen;
    for (const QString &id : dataIds) {
        if (id.isEmpty())
            continue;
        const QString key = keyOf(projectId, id);
        if (m_names.contains(key) || m_pending.contains(key) || seen.contains(key))
            continue;
        seen.insert(key);
        wanted.append(id);
    }
    for (qsizetype from = 0; from < wanted.size(); from += IdsPerLookup) {
        const QStringList part = wanted.mid(from, IdsPerLookup);
        for (const QString &id : part)
            m_pending.insert(keyOf(projectId, id));
        ++m_lookups;
        const quint64 generation = m_generation;
        resolveDataNames(m_client, projectId, part, this,
                         [this, projectId, part, generation](const Result<DataNames> &result) {
                             if (generation != m_generation)
                                 return; // another profile, or cleared
                             if (!result.ok()) {
                                 for (const QString &id : part)
                                     m_pending.remove(keyOf(projectId, id));
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
    for (const QString &id : asked) {
        const QString key = keyOf(projectId, id);
        m_pending.remove(key);
        const auto it = names.constFind(id);
        if (it == names.cend())
            continue;
        if (!m_names.contains(key))
            m_order.append(key);
        m_names.insert(key, *it);
    }
    trim();
}

void DataNameCache::trim() {
    while (m_names.size() > m_maxEntries && m_orderStart < m_order.size())
        m_names.remove(m_order.at(m_orderStart++));
    // Drop the forgotten keys once they are half the list: amortised O(1) per key.
    if (m_orderStart > 0 && m_orderStart * 2 >= m_order.size()) {
        m_order.remove(0, m_orderStart);
        m_orderStart = 0;
    }
}

void DataNameCache::clear() {
    ++m_generation;
    m_names.clear();
    m_order.clear();
    m_orderStart = 0;
    m_pending.clear();
}

} // namespace ica
