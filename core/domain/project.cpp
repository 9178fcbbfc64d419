#include "core/domain/project.h"

#include <QJsonArray>

namespace ica {

Project Project::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    Project p;
    p.id = ctx.requiredString(o, QLatin1String("id"));
    p.name = ctx.requiredString(o, QLatin1String("name"));
    p.shortDescription = ctx.optionalString(o, QLatin1String("shortDescription"));
    p.information = ctx.optionalString(o, QLatin1String("information"));
    p.tenantId = ctx.optionalString(o, QLatin1String("tenantId"));
    p.tenantName = ctx.optionalString(o, QLatin1String("tenantName"));
    p.billingMode = ctx.optionalString(o, QLatin1String("billingMode"));
    p.active = ctx.optionalBool(o, QLatin1String("active")).value_or(true);
    p.timeCreated = ctx.optionalDateTime(o, QLatin1String("timeCreated"));
    p.timeModified = ctx.optionalDateTime(o, QLatin1String("timeModified"));
    const QJsonObject region = ctx.optionalObject(o, QLatin1String("region"));
    {
        DecodeContext::Scope scope(ctx, QLatin1String("region"));
        p.regionCode = ctx.optionalString(region, QLatin1String("code"));
    }
    const QJsonObject tags = ctx.optionalObject(o, QLatin1String("tags"));
    {
        DecodeContext::Scope scope(ctx, QLatin1String("tags"));
        p.userTags = ctx.optionalStringList(tags, QLatin1String("userTags"));
        p.technicalTags = ctx.optionalStringList(tags, QLatin1String("technicalTags"));
    }
    return p;
}

QJsonObject Project::toJson() const {
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("active"), active},
        {QStringLiteral("tags"),
         QJsonObject{{QStringLiteral("userTags"), QJsonArray::fromStringList(userTags)},
                     {QStringLiteral("technicalTags"), QJsonArray::fromStringList(technicalTags)}}},
    };
    const auto insertIfSet = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    insertIfSet("shortDescription", shortDescription);
    insertIfSet("information", information);
    insertIfSet("tenantId", tenantId);
    insertIfSet("tenantName", tenantName);
    insertIfSet("billingMode", billingMode);
    insertIfSet("timeCreated", formatDateTime(timeCreated));
    insertIfSet("timeModified", formatDateTime(timeModified));
    if (!regionCode.isEmpty())
        o.insert(QStringLiteral("region"), QJsonObject{{QStringLiteral("code"), regionCode}});
    return o;
}

bool operator==(const Project &a, const Project &b) {
    return a.id == b.id && a.name == b.name && a.shortDescription == b.shortDescription &&
           a.information == b.information && a.tenantId == b.tenantId &&
           a.tenantName == b.tenantName && a.regionCode == b.regionCode &&
           a.billingMode == b.billingMode && a.active == b.active && a.userTags == b.userTags &&
           a.technicalTags == b.technicalTags && a.timeCreated == b.timeCreated &&
           a.timeModified == b.timeModified;
}

} // namespace ica
