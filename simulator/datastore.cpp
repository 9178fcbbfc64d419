#include "simulator/datastore.h"

#include "simulator/datagenerator.h"

namespace ica::sim {

namespace {
void applyTags(QStringList &tags, const QStringList &add, const QStringList &remove) {
    for (const QString &tag : remove)
        tags.removeAll(tag);
    for (const QString &tag : add) {
        if (!tags.contains(tag))
            tags.append(tag);
    }
}
} // namespace

void DataStore::generate(quint64 seed, int projectCount, int filesInFirstProject,
                         int filesInOtherProjects) {
    DataGenerator(seed).generate(projectCount, filesInFirstProject, filesInOtherProjects, &m_world,
                                 &m_projects);
    m_projectById.clear();
    for (int i = 0; i < int(m_projects.size()); ++i)
        m_projectById.insert(m_projects[size_t(i)].meta.id, i);
}

int DataStore::projectIndex(QStringView projectId) const {
    const std::optional<Uuid> id = Uuid::parse(projectId);
    return id ? m_projectById.value(*id, -1) : -1;
}

int DataStore::nodeIndex(int project, const QString &dataId) const {
    return m_projects[size_t(project)].nodeById.value(dataId, -1);
}

void DataStore::applyToNode(DataNode &node, const DataUpdate &update, TimeMs now) {
    applyTags(node.userTags, update.addUserTags, update.removeUserTags);
    applyTags(node.technicalTags, update.addTechnicalTags, update.removeTechnicalTags);
    if (!node.folder) {
        if (update.clearWillBeArchivedAt)
            node.willBeArchivedAt = 0;
        else if (update.willBeArchivedAt)
            node.willBeArchivedAt = update.willBeArchivedAt;
        if (update.clearWillBeDeletedAt)
            node.willBeDeletedAt = 0;
        else if (update.willBeDeletedAt)
            node.willBeDeletedAt = update.willBeDeletedAt;
    }
    node.timeModified = now;
}

int DataStore::applyUpdate(int project, int node, const DataUpdate &update, TimeMs now) {
    Project &p = m_projects[size_t(project)];
    int changed = 0;
    std::vector<int> stack{node};
    while (!stack.empty()) {
        const int index = stack.back();
        stack.pop_back();
        DataNode &n = p.nodes[size_t(index)];
        applyToNode(n, update, now);
        ++changed;
        stack.insert(stack.end(), n.children.begin(), n.children.end());
    }
    return changed;
}

} // namespace ica::sim
