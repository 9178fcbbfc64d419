#include "core/composer/draftdocument.h"

#include <QJsonArray>
#include <QObject>

namespace ica {

namespace {

const QLatin1String FormatKey("format");
const QLatin1String ProjectIdKey("projectId");
const QLatin1String ProjectNameKey("projectName");
const QLatin1String GroupsKey("dataUpdateGroups");
const QLatin1String ComposerKey("composer");
const QLatin1String SplitKey("splitAccepted");

} // namespace

bool DraftDocument::isBlank() const {
    for (const DataUpdateGroup &group : groups)
        if (!group.dataIds.isEmpty() || !group.changesNothing())
            return false;
    return true;
}

DraftDocument DraftDocument::detached() const {
    DraftDocument copy = *this;
    for (DataUpdateGroup &group : copy.groups)
        group.dataIds = QStringList(group.dataIds.cbegin(), group.dataIds.cend());
    return copy;
}

qsizetype DraftDocument::dataIdCount() const {
    qsizetype count = 0;
    for (const DataUpdateGroup &group : groups)
        count += group.dataIds.size();
    return count;
}

CreateBatchRequest DraftDocument::toRequest() const {
    CreateBatchRequest request;
    request.dataUpdateGroups = groups;
    return request;
}

DraftDocument DraftDocument::fromRequest(const QString &projectId, const QString &projectName,
                                         const CreateBatchRequest &request) {
    DraftDocument document;
    document.projectId = projectId;
    document.projectName = projectName;
    document.groups = request.dataUpdateGroups;
    return document;
}

QJsonObject DraftDocument::toJson() const {
    QJsonObject o = toRequest().toJson();
    o.insert(FormatKey, FormatVersion);
    o.insert(ProjectIdKey, projectId);
    o.insert(ProjectNameKey, projectName);
    o.insert(ComposerKey, QJsonObject{{SplitKey, splitAccepted}});
    return o;
}

DraftDocument DraftDocument::fromJson(const QJsonObject &o, QString *error) {
    DraftDocument document;
    document.projectId = o.value(ProjectIdKey).toString();
    document.projectName = o.value(ProjectNameKey).toString();
    document.splitAccepted = o.value(ComposerKey).toObject().value(SplitKey).toBool();
    QStringList problems;
    if (o.value(FormatKey).toInt(FormatVersion) > FormatVersion)
        problems.append(QObject::tr("it was saved by a newer version of ICA Tagger"));
    // Group by group, so one damaged group does not lose the others.
    const QJsonArray groups = o.value(GroupsKey).toArray();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        DecodeContext ctx;
        DataUpdateGroup group = DataUpdateGroup::fromJson(groups.at(i).toObject(), ctx);
        if (!ctx.ok())
            problems.append(
                QObject::tr("group %1: %2 %3").arg(i + 1).arg(ctx.errorPath(), ctx.errorMessage()));
        document.groups.append(group);
    }
    if (error)
        *error = problems.isEmpty()
                     ? QString()
                     : QObject::tr("Parts of this draft could not be read (%1); check it before "
                                   "submitting.")
                           .arg(problems.join(QStringLiteral("; ")));
    return document;
}

} // namespace ica
