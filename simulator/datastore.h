#pragma once

#include "simulator/model.h"

#include <QStringView>

#include <vector>

namespace ica::sim {

/// Owns the tenant's projects and data trees and applies data updates to them.
/// Not thread-safe: it lives in the simulator's thread like everything it serves.
class DataStore {
public:
    /// Generates the seeded content (see DataGenerator).
    void generate(quint64 seed, int projectCount, int filesInFirstProject,
                  int filesInOtherProjects);

    const World &world() const { return m_world; }
    int projectCount() const { return int(m_projects.size()); }
    const Project &project(int index) const { return m_projects[size_t(index)]; }
    /// Index of the project with this id; -1 if there is none.
    int projectIndex(QStringView projectId) const;
    /// Index of the data node with this id in a project; -1 if there is none.
    int nodeIndex(int project, const QString &dataId) const;

    /// Applies update to the node and, for a folder, to every descendant; timeModified = now.
    /// Archive/delete dates are only set on files (the API refuses them for folder ids).
    /// Returns the number of nodes changed.
    int applyUpdate(int project, int node, const DataUpdate &update, TimeMs now);

private:
    void applyToNode(DataNode &node, const DataUpdate &update, TimeMs now);

    World m_world;
    std::vector<Project> m_projects;
    QHash<Uuid, int> m_projectById;
};

} // namespace ica::sim
