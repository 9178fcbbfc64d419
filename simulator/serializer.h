#pragma once

#include "simulator/batchengine.h"
#include "simulator/datastore.h"
#include "simulator/jsonwriter.h"

#include <unordered_map>

namespace ica::sim {

/// Writes the ICA v3 JSON shapes (Project, ProjectData, ProjectDataUpdateBatch, Job,
/// ProjectDataUpdateBatchItem...) with every field the spec marks required. Objects that
/// never change (region, owner, formats, projects) are serialized once and spliced in.
class Serializer {
public:
    Serializer(const DataStore &store, const BatchEngine &engine);

    void project(JsonWriter &w, int projectIndex) const;
    void projectData(JsonWriter &w, int projectIndex, int nodeIndex) const;
    void batch(JsonWriter &w, const Batch &batch) const;
    void job(JsonWriter &w, const Batch &batch) const;
    void item(JsonWriter &w, const Batch &batch, int itemIndex) const;

    /// A stand-alone document for one entity.
    QByteArray projectDocument(int projectIndex) const;
    QByteArray projectDataDocument(int projectIndex, int nodeIndex) const;
    QByteArray batchDocument(const Batch &batch) const;
    QByteArray jobDocument(const Batch &batch) const;
    QByteArray itemDocument(const Batch &batch, int itemIndex) const;

private:
    void audit(JsonWriter &w, const EntityMeta &meta) const;
    QByteArray buildCountry() const;
    QByteArray buildRegion() const;
    QByteArray buildUser() const;
    QByteArray buildFormat(const DataFormatInfo &format) const;
    QByteArray buildProject(const Project &project) const;
    const std::vector<QByteArray> &groupFragments(const Batch &batch) const;

    const DataStore &m_store;
    const BatchEngine &m_engine;
    QByteArray m_region;
    QByteArray m_user;
    std::vector<QByteArray> m_formats;
    std::vector<QByteArray> m_projects;
    mutable std::unordered_map<const Batch *, std::vector<QByteArray>> m_groupFragments;
};

} // namespace ica::sim
