#include "core/domain/batch.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ica {

namespace {

QJsonArray toArray(const QStringList &list) {
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

TagUpdate optionalTagUpdate(const QJsonObject &o, QLatin1String key, DecodeContext &ctx) {
    const QJsonObject object = ctx.optionalObject(o, key);
    DecodeContext::Scope scope(ctx, key);
    return TagUpdate::fromJson(object, ctx);
}

void insertDate(QJsonObject &o, QLatin1String key, const QDateTime &value) {
    if (value.isValid())
        o.insert(key, formatDateTime(value));
}

/// A text member, left out when empty (as ICA leaves out what it does not know).
void insertText(QJsonObject &o, QLatin1String key, const QString &text) {
    if (!text.isEmpty())
        o.insert(key, text);
}

/// The changes a group and an item's request both carry (the tag updates and the
/// dates), each left out when not asked for.
template <typename Changes> void insertChanges(QJsonObject &o, const Changes &changes) {
    if (!changes.userTags.isEmpty())
        o.insert(QStringLiteral("userTags"), changes.userTags.toJson());
    if (!changes.technicalTags.isEmpty())
        o.insert(QStringLiteral("technicalTags"), changes.technicalTags.toJson());
    insertDate(o, QLatin1String("willBeArchivedAt"), changes.willBeArchivedAt);
    insertDate(o, QLatin1String("willBeDeletedAt"), changes.willBeDeletedAt);
}

/// Reads what insertChanges() writes.
template <typename Changes>
void readChanges(const QJsonObject &o, DecodeContext &ctx, Changes &changes) {
    changes.userTags = optionalTagUpdate(o, QLatin1String("userTags"), ctx);
    changes.technicalTags = optionalTagUpdate(o, QLatin1String("technicalTags"), ctx);
    changes.willBeArchivedAt = ctx.optionalDateTime(o, QLatin1String("willBeArchivedAt"));
    changes.willBeDeletedAt = ctx.optionalDateTime(o, QLatin1String("willBeDeletedAt"));
}

} // namespace

TagUpdate TagUpdate::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    TagUpdate update;
    update.addTags = ctx.optionalStringList(o, QLatin1String("addTags"));
    update.removeTags = ctx.optionalStringList(o, QLatin1String("removeTags"));
    return update;
}

QJsonObject TagUpdate::toJson() const {
    QJsonObject o;
    if (!addTags.isEmpty())
        o.insert(QStringLiteral("addTags"), toArray(addTags));
    if (!removeTags.isEmpty())
        o.insert(QStringLiteral("removeTags"), toArray(removeTags));
    return o;
}

bool DataUpdateGroup::changesNothing() const {
    return userTags.isEmpty() && technicalTags.isEmpty() && !willBeArchivedAt.isValid() &&
           !willBeDeletedAt.isValid() && !clearWillBeArchivedAt && !clearWillBeDeletedAt;
}

DataUpdateGroup DataUpdateGroup::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    DataUpdateGroup group;
    group.dataIds = ctx.requiredStringList(o, QLatin1String("dataIds"));
    readChanges(o, ctx, group);
    group.clearWillBeArchivedAt =
        ctx.optionalBool(o, QLatin1String("clearWillBeArchivedAt")).value_or(false);
    group.clearWillBeDeletedAt =
        ctx.optionalBool(o, QLatin1String("clearWillBeDeletedAt")).value_or(false);
    return group;
}

QJsonObject DataUpdateGroup::toJson() const {
    QJsonObject o{{QStringLiteral("dataIds"), toArray(dataIds)}};
    insertChanges(o, *this);
    if (clearWillBeArchivedAt)
        o.insert(QStringLiteral("clearWillBeArchivedAt"), true);
    if (clearWillBeDeletedAt)
        o.insert(QStringLiteral("clearWillBeDeletedAt"), true);
    return o;
}

bool operator==(const DataUpdateGroup &a, const DataUpdateGroup &b) {
    return a.dataIds == b.dataIds && a.userTags == b.userTags &&
           a.technicalTags == b.technicalTags && a.willBeArchivedAt == b.willBeArchivedAt &&
           a.willBeDeletedAt == b.willBeDeletedAt &&
           a.clearWillBeArchivedAt == b.clearWillBeArchivedAt &&
           a.clearWillBeDeletedAt == b.clearWillBeDeletedAt;
}

qsizetype CreateBatchRequest::dataIdCount() const {
    qsizetype count = 0;
    for (const DataUpdateGroup &group : dataUpdateGroups)
        count += group.dataIds.size();
    return count;
}

CreateBatchRequest CreateBatchRequest::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    CreateBatchRequest request;
    const QJsonArray groups = ctx.requiredArray(o, QLatin1String("dataUpdateGroups"));
    DecodeContext::Scope scope(ctx, QLatin1String("dataUpdateGroups"));
    for (qsizetype i = 0; i < groups.size() && ctx.ok(); ++i) {
        DecodeContext::Scope at(ctx, i);
        if (!groups.at(i).isObject()) {
            ctx.fail(QCoreApplication::translate("ica::Batch", "expected an object"));
            break;
        }
        request.dataUpdateGroups.append(DataUpdateGroup::fromJson(groups.at(i).toObject(), ctx));
    }
    return request;
}

QJsonObject CreateBatchRequest::toJson() const {
    QJsonArray groups;
    for (const DataUpdateGroup &group : dataUpdateGroups)
        groups.append(group.toJson());
    return QJsonObject{{QStringLiteral("dataUpdateGroups"), groups}};
}

QString UserRef::displayName() const {
    const QString full = QString(firstname + QLatin1Char(' ') + lastname).trimmed();
    if (!full.isEmpty())
        return full;
    if (!username.isEmpty())
        return username;
    if (!email.isEmpty())
        return email;
    return id;
}

UserRef UserRef::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    UserRef user;
    user.id = ctx.requiredString(o, QLatin1String("id"));
    user.username = ctx.optionalString(o, QLatin1String("username"));
    user.email = ctx.optionalString(o, QLatin1String("email"));
    user.firstname = ctx.optionalString(o, QLatin1String("firstname"));
    user.lastname = ctx.optionalString(o, QLatin1String("lastname"));
    return user;
}

QJsonObject UserRef::toJson() const {
    QJsonObject o{{QStringLiteral("id"), id}};
    insertText(o, QLatin1String("username"), username);
    insertText(o, QLatin1String("email"), email);
    insertText(o, QLatin1String("firstname"), firstname);
    insertText(o, QLatin1String("lastname"), lastname);
    return o;
}

Job Job::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    Job job;
    job.id = ctx.requiredString(o, QLatin1String("id"));
    job.status = JobStatus::fromString(ctx.requiredString(o, QLatin1String("status")));
    job.additionalStatusInformation =
        ctx.optionalString(o, QLatin1String("additionalStatusInformation"));
    job.subjectType = ctx.requiredString(o, QLatin1String("subjectType"));
    job.subjectId = ctx.requiredString(o, QLatin1String("subjectId"));
    job.timeCreated = ctx.requiredDateTime(o, QLatin1String("timeCreated"));
    job.timeStarted = ctx.optionalDateTime(o, QLatin1String("timeStarted"));
    job.timeFinished = ctx.optionalDateTime(o, QLatin1String("timeFinished"));
    job.owner = ctx.requiredNested<UserRef>(o, QLatin1String("owner"));
    return job;
}

QJsonObject Job::toJson() const {
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), status.toString()},
        {QStringLiteral("subjectType"), subjectType},
        {QStringLiteral("subjectId"), subjectId},
        {QStringLiteral("timeCreated"), formatDateTime(timeCreated)},
        {QStringLiteral("owner"), owner.toJson()},
    };
    insertText(o, QLatin1String("additionalStatusInformation"), additionalStatusInformation);
    insertDate(o, QLatin1String("timeStarted"), timeStarted);
    insertDate(o, QLatin1String("timeFinished"), timeFinished);
    return o;
}

bool operator==(const Job &a, const Job &b) {
    return a.id == b.id && a.status == b.status &&
           a.additionalStatusInformation == b.additionalStatusInformation &&
           a.subjectType == b.subjectType && a.subjectId == b.subjectId &&
           a.timeCreated == b.timeCreated && a.timeStarted == b.timeStarted &&
           a.timeFinished == b.timeFinished && a.owner == b.owner;
}

Batch Batch::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    Batch batch;
    batch.id = ctx.requiredString(o, QLatin1String("id"));
    batch.job = ctx.requiredNested<Job>(o, QLatin1String("job"));
    return batch;
}

QJsonObject Batch::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("job"), job.toJson()}};
}

BatchItemRequest BatchItemRequest::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    BatchItemRequest request;
    request.dataId = ctx.requiredString(o, QLatin1String("dataId"));
    readChanges(o, ctx, request);
    return request;
}

QJsonObject BatchItemRequest::toJson() const {
    QJsonObject o{{QStringLiteral("dataId"), dataId}};
    insertChanges(o, *this);
    return o;
}

bool operator==(const BatchItemRequest &a, const BatchItemRequest &b) {
    return a.dataId == b.dataId && a.userTags == b.userTags && a.technicalTags == b.technicalTags &&
           a.willBeArchivedAt == b.willBeArchivedAt && a.willBeDeletedAt == b.willBeDeletedAt;
}

BatchItem BatchItem::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    BatchItem item;
    item.id = ctx.requiredString(o, QLatin1String("id"));
    item.request = ctx.requiredNested<BatchItemRequest>(o, QLatin1String("request"));
    const QJsonObject processing = ctx.requiredObject(o, QLatin1String("processing"));
    if (ctx.ok()) {
        DecodeContext::Scope scope(ctx, QLatin1String("processing"));
        item.status =
            ItemStatus::fromString(ctx.requiredString(processing, QLatin1String("status")));
        item.additionalStatusInformation =
            ctx.optionalString(processing, QLatin1String("additionalStatusInformation"));
    }
    return item;
}

QJsonObject BatchItem::toJson() const {
    QJsonObject processing{{QStringLiteral("status"), status.toString()}};
    if (!additionalStatusInformation.isEmpty())
        processing.insert(QStringLiteral("additionalStatusInformation"),
                          additionalStatusInformation);
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("request"), request.toJson()},
                       {QStringLiteral("processing"), processing}};
}

} // namespace ica
