#include "core/domain/projectdata.h"
#include "core/domain/jsonlimits.h"

#include <QJsonArray>

namespace ica {

DataTags DataTags::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    DataTags t;
    t.userTags = ctx.optionalStringList(o, QLatin1String("userTags"));
    t.technicalTags = ctx.optionalStringList(o, QLatin1String("technicalTags"));
    t.connectorTags = ctx.optionalStringList(o, QLatin1String("connectorTags"));
    t.runInTags = ctx.optionalStringList(o, QLatin1String("runInTags"));
    t.runOutTags = ctx.optionalStringList(o, QLatin1String("runOutTags"));
    t.referenceTags = ctx.optionalStringList(o, QLatin1String("referenceTags"));
    return t;
}

QJsonObject DataTags::toJson() const {
    return QJsonObject{
        {QStringLiteral("userTags"), QJsonArray::fromStringList(userTags)},
        {QStringLiteral("technicalTags"), QJsonArray::fromStringList(technicalTags)},
        {QStringLiteral("connectorTags"), QJsonArray::fromStringList(connectorTags)},
        {QStringLiteral("runInTags"), QJsonArray::fromStringList(runInTags)},
        {QStringLiteral("runOutTags"), QJsonArray::fromStringList(runOutTags)},
        {QStringLiteral("referenceTags"), QJsonArray::fromStringList(referenceTags)},
    };
}

bool operator==(const DataTags &a, const DataTags &b) {
    return a.userTags == b.userTags && a.technicalTags == b.technicalTags &&
           a.connectorTags == b.connectorTags && a.runInTags == b.runInTags &&
           a.runOutTags == b.runOutTags && a.referenceTags == b.referenceTags;
}

namespace {

ProjectData::Type typeFromString(const QString &text) {
    if (text == QLatin1String("FILE"))
        return ProjectData::Type::File;
    if (text == QLatin1String("FOLDER"))
        return ProjectData::Type::Folder;
    return ProjectData::Type::Unknown;
}

} // namespace

ProjectData ProjectData::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    ProjectData d;
    d.projectId = ctx.requiredString(o, QLatin1String("projectId"));
    const QJsonObject data = ctx.requiredObject(o, QLatin1String("data"));
    if (!ctx.ok())
        return d;
    DecodeContext::Scope dataScope(ctx, QLatin1String("data"));
    d.id = ctx.requiredString(data, QLatin1String("id"));
    d.urn = ctx.optionalString(data, QLatin1String("urn"));
    bool hasDetails = false;
    const QJsonObject details = ctx.optionalObject(data, QLatin1String("details"), &hasDetails);
    if (!hasDetails)
        return d;
    DecodeContext::Scope detailsScope(ctx, QLatin1String("details"));
    d.name = ctx.requiredString(details, QLatin1String("name"));
    d.path = ctx.optionalString(details, QLatin1String("path"));
    d.typeText = ctx.requiredString(details, QLatin1String("dataType"));
    d.type = typeFromString(d.typeText);
    d.status = ctx.requiredString(details, QLatin1String("status"));
    d.owningProjectId = ctx.optionalString(details, QLatin1String("owningProjectId"));
    d.sizeInBytes =
        ctx.optionalInt(details, QLatin1String("fileSizeInBytes"), 0, JsonLimits::MaxFileSize);
    d.timeCreated = ctx.requiredDateTime(details, QLatin1String("timeCreated"));
    d.timeModified = ctx.requiredDateTime(details, QLatin1String("timeModified"));
    d.willBeArchivedAt = ctx.optionalDateTime(details, QLatin1String("willBeArchivedAt"));
    d.willBeDeletedAt = ctx.optionalDateTime(details, QLatin1String("willBeDeletedAt"));
    const QJsonObject format = ctx.optionalObject(details, QLatin1String("format"));
    {
        DecodeContext::Scope scope(ctx, QLatin1String("format"));
        d.formatCode = ctx.optionalString(format, QLatin1String("code"));
    }
    const QJsonObject tags = ctx.optionalObject(details, QLatin1String("tags"));
    DecodeContext::Scope tagsScope(ctx, QLatin1String("tags"));
    d.tags = DataTags::fromJson(tags, ctx);
    return d;
}

QJsonObject ProjectData::toJson() const {
    QJsonObject details{
        {QStringLiteral("name"), name},
        {QStringLiteral("dataType"), typeText},
        {QStringLiteral("status"), status},
        {QStringLiteral("tags"), tags.toJson()},
        {QStringLiteral("timeCreated"), formatDateTime(timeCreated)},
        {QStringLiteral("timeModified"), formatDateTime(timeModified)},
    };
    if (!path.isEmpty())
        details.insert(QStringLiteral("path"), path);
    if (!owningProjectId.isEmpty())
        details.insert(QStringLiteral("owningProjectId"), owningProjectId);
    if (sizeInBytes)
        details.insert(QStringLiteral("fileSizeInBytes"), *sizeInBytes);
    if (!formatCode.isEmpty())
        details.insert(QStringLiteral("format"), QJsonObject{{QStringLiteral("code"), formatCode}});
    if (willBeArchivedAt.isValid())
        details.insert(QStringLiteral("willBeArchivedAt"), formatDateTime(willBeArchivedAt));
    if (willBeDeletedAt.isValid())
        details.insert(QStringLiteral("willBeDeletedAt"), formatDateTime(willBeDeletedAt));
    QJsonObject data{{QStringLiteral("id"), id}, {QStringLiteral("details"), details}};
    if (!urn.isEmpty())
        data.insert(QStringLiteral("urn"), urn);
    return QJsonObject{{QStringLiteral("projectId"), projectId}, {QStringLiteral("data"), data}};
}

bool operator==(const ProjectData &a, const ProjectData &b) {
    return a.projectId == b.projectId && a.id == b.id && a.urn == b.urn && a.name == b.name &&
           a.path == b.path && a.type == b.type && a.typeText == b.typeText &&
           a.status == b.status && a.formatCode == b.formatCode && a.sizeInBytes == b.sizeInBytes &&
           a.tags == b.tags && a.owningProjectId == b.owningProjectId &&
           a.timeCreated == b.timeCreated && a.timeModified == b.timeModified &&
           a.willBeArchivedAt == b.willBeArchivedAt && a.willBeDeletedAt == b.willBeDeletedAt;
}

} // namespace ica
