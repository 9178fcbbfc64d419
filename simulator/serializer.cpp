#include "simulator/serializer.h"

namespace ica::sim {

Serializer::Serializer(const DataStore &store, const BatchEngine &engine)
    : m_store(store)
    , m_engine(engine) {
    m_region = buildRegion();
    m_user = buildUser();
    for (const DataFormatInfo &format : store.world().formats)
        m_formats.push_back(buildFormat(format));
    for (int p = 0; p < store.projectCount(); ++p)
        m_projects.push_back(buildProject(store.project(p)));
}

void Serializer::audit(JsonWriter &w, const EntityMeta &meta) const {
    const World &world = m_store.world();
    w.field("id", meta.id);
    w.timeField("timeCreated", meta.timeCreated);
    w.timeField("timeModified", meta.timeModified);
    w.field("ownerId", world.user.id);
    w.field("tenantId", world.tenantId);
    w.field("tenantName", world.tenantName);
}

QByteArray Serializer::buildCountry() const {
    JsonWriter w(512);
    w.beginObject();
    audit(w, m_store.world().country);
    w.field("code", QLatin1String("DE"));
    w.field("name", QLatin1String("Germany"));
    w.field("region", QLatin1String("EU"));
    w.endObject();
    return w.take();
}

QByteArray Serializer::buildRegion() const {
    JsonWriter w(1024);
    w.beginObject();
    audit(w, m_store.world().region);
    w.field("code", QLatin1String("EU"));
    w.key("country");
    w.raw(buildCountry());
    w.field("cityName", QLatin1String("Frankfurt"));
    w.endObject();
    return w.take();
}

QByteArray Serializer::buildUser() const {
    const World &world = m_store.world();
    JsonWriter w(1024);
    w.beginObject();
    audit(w, world.user);
    w.field("username", world.username);
    w.field("email", world.email);
    w.field("firstname", world.firstname);
    w.field("lastname", world.lastname);
    w.field("active", true);
    w.field("tenantAdministrator", true);
    w.field("emailVerified", true);
    w.field("twoFactorAuthentication", false);
    w.key("country");
    w.raw(buildCountry());
    w.endObject();
    return w.take();
}

QByteArray Serializer::buildFormat(const DataFormatInfo &format) const {
    JsonWriter w(512);
    w.beginObject();
    audit(w, format.meta);
    w.field("code", format.code);
    w.field("description", format.description);
    w.field("mimeType", format.mimeType);
    w.endObject();
    return w.take();
}

QByteArray Serializer::buildProject(const Project &project) const {
    const World &world = m_store.world();
    JsonWriter w(4096);
    w.beginObject();
    audit(w, project.meta);
    QByteArray urn = QByteArrayLiteral("urn:ilmn:ica:project:");
    project.meta.id.appendTo(urn);
    w.field("urn", QString(QString::fromLatin1(urn) + QLatin1Char('#') + project.name));
    w.field("name", project.name);
    w.field("active", true);
    w.field("baseEnabled", false);
    w.field("shortDescription", project.shortDescription);
    w.field("information", project.information);
    w.key("region");
    w.raw(m_region);
    w.field("billingMode", QLatin1String("PROJECT"));
    w.field("dataSharingEnabled", false);
    w.key("tags");
    w.beginObject();
    w.key("technicalTags");
    w.stringArray(project.technicalTags);
    w.key("userTags");
    w.stringArray(project.userTags);
    w.endObject();
    w.key("storageBundle");
    w.beginObject();
    audit(w, world.storageBundle);
    w.field("bundleName", QLatin1String("ICA-EU-Frankfurt-Standard"));
    w.field("entitlementName", QLatin1String("ICA Enterprise"));
    w.key("region");
    w.raw(m_region);
    w.endObject();
    w.field("analysisPriority", QLatin1String("MEDIUM"));
    w.field("projectOwner", world.user.id);
    w.endObject();
    return w.take();
}

void Serializer::project(JsonWriter &w, int projectIndex) const {
    w.raw(m_projects[size_t(projectIndex)]);
}

void Serializer::projectData(JsonWriter &w, int projectIndex, int nodeIndex) const {
    const World &world = m_store.world();
    const Project &project = m_store.project(projectIndex);
    const DataNode &node = project.nodes[size_t(nodeIndex)];
    w.beginObject();
    w.key("data");
    w.beginObject();
    w.field("id", node.id);
    QByteArray urn = QByteArrayLiteral("urn:ilmn:ica:region:");
    world.region.id.appendTo(urn);
    urn += ":data:";
    w.field("urn", QString(QString::fromLatin1(urn) + node.id + QLatin1Char('#') + node.path));
    w.key("details");
    w.beginObject();
    w.timeField("timeCreated", node.timeCreated);
    w.timeField("timeModified", node.timeModified);
    w.field("creatorId", world.user.id);
    w.field("tenantId", world.tenantId);
    w.field("tenantName", world.tenantName);
    w.field("owningProjectId", project.meta.id);
    w.field("owningProjectName", project.name);
    w.field("name", node.name);
    w.field("path", node.path);
    if (!node.folder)
        w.field("fileSizeInBytes", node.size);
    w.field("status", QLatin1String(dataStatusName(node.status)));
    w.key("tags");
    w.beginObject();
    w.key("technicalTags");
    w.stringArray(node.technicalTags);
    w.key("userTags");
    w.stringArray(node.userTags);
    w.key("connectorTags");
    w.stringArray(node.connectorTags);
    w.key("runInTags");
    w.stringArray({});
    w.key("runOutTags");
    w.stringArray({});
    w.key("referenceTags");
    w.stringArray({});
    w.endObject();
    if (!node.folder && node.format >= 0) {
        w.key("format");
        w.raw(m_formats[size_t(node.format)]);
    }
    w.field("dataType", node.folder ? QLatin1String("FOLDER") : QLatin1String("FILE"));
    if (!node.folder) {
        QByteArray etag;
        etag.reserve(32);
        appendHex(etag, node.etag, 8);
        appendHex(etag, node.etag * 0x9E3779B97F4A7C15ull, 8);
        w.field("objectETag", QLatin1String(etag));
        w.timeField("storedForTheFirstTimeAt", node.timeCreated);
    }
    w.key("region");
    w.raw(m_region);
    if (node.willBeArchivedAt) {
        w.timeField("willBeArchivedAt", node.willBeArchivedAt);
    }
    if (node.willBeDeletedAt) {
        w.timeField("willBeDeletedAt", node.willBeDeletedAt);
    }
    w.endObject(); // details
    if (node.folder) {
        w.key("folderDetails");
        w.beginObject();
        w.field("nonIndexed", false);
        w.endObject();
    }
    w.endObject(); // data
    w.field("projectId", project.meta.id);
    w.endObject();
}

void Serializer::job(JsonWriter &w, const Batch &batch) const {
    const JobStatus status = m_engine.jobStatus(batch);
    w.beginObject();
    w.field("id", batch.jobId);
    w.field("status", QLatin1String(jobStatusName(status)));
    if (batch.finished() && !batch.failed.empty())
        w.field("additionalStatusInformation", QStringLiteral("%1 of %2 items failed.")
                                                   .arg(batch.failed.size())
                                                   .arg(batch.items.size()));
    w.field("subjectType", QLatin1String("ProjectDataUpdateBatch"));
    w.field("subjectId", batch.id);
    w.timeField("timeCreated", batch.created);
    if (m_engine.now() >= batch.runningAt) {
        w.timeField("timeStarted", batch.runningAt);
    }
    if (batch.finished()) {
        w.timeField("timeFinished", batch.finishedAt);
    }
    w.key("owner");
    w.raw(m_user);
    w.key("project");
    w.raw(m_projects[size_t(batch.project)]);
    w.endObject();
}

void Serializer::batch(JsonWriter &w, const Batch &batch) const {
    w.beginObject();
    w.field("id", batch.id);
    w.key("job");
    job(w, batch);
    w.endObject();
}

const std::vector<QByteArray> &Serializer::groupFragments(const Batch &batch) const {
    auto it = m_groupFragments.find(&batch);
    if (it != m_groupFragments.end())
        return it->second;
    std::vector<QByteArray> fragments;
    for (const DataUpdate &group : batch.groups) {
        // Serialize the members into a throw-away object, then strip its braces.
        JsonWriter w(256);
        w.beginObject();
        const auto tagUpdate = [&](const char *name, const QStringList &add,
                                   const QStringList &remove) {
            w.key(name);
            w.beginObject();
            w.key("addTags");
            w.stringArray(add);
            w.key("removeTags");
            w.stringArray(remove);
            w.endObject();
        };
        if (group.hasUserTags)
            tagUpdate("userTags", group.addUserTags, group.removeUserTags);
        if (group.hasTechnicalTags)
            tagUpdate("technicalTags", group.addTechnicalTags, group.removeTechnicalTags);
        if (group.willBeArchivedAt) {
            w.timeField("willBeArchivedAt", group.willBeArchivedAt);
        }
        if (group.willBeDeletedAt) {
            w.timeField("willBeDeletedAt", group.willBeDeletedAt);
        }
        w.endObject();
        QByteArray members = w.take();
        fragments.push_back(members.mid(1, members.size() - 2));
    }
    return m_groupFragments.emplace(&batch, std::move(fragments)).first->second;
}

void Serializer::item(JsonWriter &w, const Batch &batch, int itemIndex) const {
    const BatchItem &item = batch.items[size_t(itemIndex)];
    const ItemStatus status = m_engine.itemStatus(batch, itemIndex);
    w.beginObject();
    w.field("id", item.id);
    w.key("request");
    w.beginObject();
    w.field("dataId", item.dataId);
    w.rawMembers(groupFragments(batch)[size_t(item.group)]);
    w.endObject();
    w.key("processing");
    w.beginObject();
    w.field("status", QLatin1String(itemStatusName(status)));
    if (status == ItemStatus::Failed && item.node < 0)
        w.field("additionalStatusInformation",
                QStringLiteral("Data with id '%1' was not found in project %2.")
                    .arg(item.dataId, m_store.project(batch.project).meta.id.toString()));
    w.endObject();
    w.endObject();
}

QByteArray Serializer::projectDocument(int projectIndex) const {
    return m_projects[size_t(projectIndex)];
}

QByteArray Serializer::projectDataDocument(int projectIndex, int nodeIndex) const {
    JsonWriter w(2048);
    projectData(w, projectIndex, nodeIndex);
    return w.take();
}

QByteArray Serializer::batchDocument(const Batch &batch) const {
    JsonWriter w(4096);
    this->batch(w, batch);
    return w.take();
}

QByteArray Serializer::jobDocument(const Batch &batch) const {
    JsonWriter w(4096);
    job(w, batch);
    return w.take();
}

QByteArray Serializer::itemDocument(const Batch &batch, int itemIndex) const {
    JsonWriter w(512);
    item(w, batch, itemIndex);
    return w.take();
}

} // namespace ica::sim
