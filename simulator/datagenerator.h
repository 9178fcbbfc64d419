#pragma once

#include "simulator/model.h"

#include <vector>

namespace ica::sim {

/// Builds the seeded tenant: catalogues, projects and their folder trees with realistic
/// sequencing-lab content (runs with FASTQ, analysis outputs, a reference bundle).
/// Deterministic: the same seed and sizes give identical data, ids and times.
class DataGenerator {
public:
    explicit DataGenerator(quint64 seed)
        : m_seed(seed) {}

    /// Fills world and projects. The first project holds exactly filesInFirstProject files,
    /// including one folder with a fifth of them; other projects hold filesInOtherProjects
    /// files each (0: a seeded size between 300 and 1,800).
    void generate(int projectCount, int filesInFirstProject, int filesInOtherProjects, World *world,
                  std::vector<Project> *projects) const;

    /// The newest data timestamp any seed can produce; the clock never starts before it.
    static TimeMs dataHorizon();

private:
    void generateWorld(World *world) const;

    quint64 m_seed;
};

} // namespace ica::sim
