#include "core/domain/undosnapshot.h"

#include "core/domain/jsonlimits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace ica {

namespace {

const QString FormatName = QStringLiteral("icatag-undo");

QJsonArray toArray(const QStringList &list) {
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QString tr(const char *text) {
    return QCoreApplication::translate("ica::UndoSnapshot", text);
}

// Short keys: a snapshot of 100,000 items is written and read whole.
QJsonObject stateToJson(const DataState &s) {
    QJsonObject o{{QStringLiteral("id"), s.id}};
    if (!s.name.isEmpty())
        o.insert(QStringLiteral("n"), s.name);
    if (!s.path.isEmpty())
        o.insert(QStringLiteral("p"), s.path);
    if (s.folder)
        o.insert(QStringLiteral("f"), true);
    if (!s.userTags.isEmpty())
        o.insert(QStringLiteral("u"), toArray(s.userTags));
    if (!s.technicalTags.isEmpty())
        o.insert(QStringLiteral("t"), toArray(s.technicalTags));
    if (s.willBeArchivedAt.isValid())
        o.insert(QStringLiteral("a"), formatDateTime(s.willBeArchivedAt));
    if (s.willBeDeletedAt.isValid())
        o.insert(QStringLiteral("d"), formatDateTime(s.willBeDeletedAt));
    if (!s.viaFolder.isEmpty())
        o.insert(QStringLiteral("in"), s.viaFolder);
    return o;
}

DataState stateFromJson(const QJsonObject &o, DecodeContext &ctx) {
    DataState s;
    s.id = ctx.requiredString(o, QLatin1String("id"));
    s.name = ctx.optionalString(o, QLatin1String("n"));
    s.path = ctx.optionalString(o, QLatin1String("p"));
    s.folder = ctx.optionalBool(o, QLatin1String("f")).value_or(false);
    s.userTags = ctx.optionalStringList(o, QLatin1String("u"));
    s.technicalTags = ctx.optionalStringList(o, QLatin1String("t"));
    s.willBeArchivedAt = ctx.optionalDateTime(o, QLatin1String("a"));
    s.willBeDeletedAt = ctx.optionalDateTime(o, QLatin1String("d"));
    s.viaFolder = ctx.optionalString(o, QLatin1String("in"));
    return s;
}

} // namespace

DataState DataState::of(const ProjectData &data) {
    DataState s;
    s.id = data.id;
    s.name = data.name;
    s.path = data.path;
    s.folder = data.isFolder();
    s.userTags = data.tags.userTags;
    s.technicalTags = data.tags.technicalTags;
    s.willBeArchivedAt = data.willBeArchivedAt;
    s.willBeDeletedAt = data.willBeDeletedAt;
    return s;
}

bool operator==(const DataState &a, const DataState &b) {
    return a.id == b.id && a.name == b.name && a.path == b.path && a.folder == b.folder &&
           a.userTags == b.userTags && a.technicalTags == b.technicalTags &&
           a.willBeArchivedAt == b.willBeArchivedAt && a.willBeDeletedAt == b.willBeDeletedAt &&
           a.viaFolder == b.viaFolder;
}

QHash<QString, qsizetype> UndoSnapshot::index() const {
    QHash<QString, qsizetype> byId;
    byId.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i)
        byId.insert(items.at(i).id, i);
    return byId;
}

QJsonObject UndoSnapshot::toJson() const {
    QJsonArray states;
    for (const DataState &s : items)
        states.append(stateToJson(s));
    QJsonObject o{{QStringLiteral("format"), FormatName},
                  {QStringLiteral("version"), FormatVersion},
                  {QStringLiteral("projectId"), projectId},
                  {QStringLiteral("takenAt"), formatDateTime(takenAt)},
                  {QStringLiteral("batchIds"), toArray(batchIds)},
                  {QStringLiteral("request"), request.toJson()},
                  {QStringLiteral("items"), states}};
    if (!projectName.isEmpty())
        o.insert(QStringLiteral("projectName"), projectName);
    if (!missing.isEmpty())
        o.insert(QStringLiteral("missing"), toArray(missing));
    if (!foldersNotListed.isEmpty())
        o.insert(QStringLiteral("foldersNotListed"), toArray(foldersNotListed));
    return o;
}

QByteArray UndoSnapshot::toJsonBytes() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

bool UndoSnapshot::fromJson(const QByteArray &json, UndoSnapshot *out, QString *error) {
    QJsonObject o;
    JsonIssue issue;
    if (!parseJsonObject(json, &o, &issue)) {
        *error = tr("not valid JSON (%1)")
                     .arg(issue.path.isEmpty() ? issue.message
                                               : issue.path + QStringLiteral(": ") + issue.message);
        return false;
    }
    if (o.value(QStringLiteral("format")).toString() != FormatName) {
        *error = tr("not an ICA Tagger undo record (no \"format\": \"icatag-undo\")");
        return false;
    }
    DecodeContext ctx;
    const qint64 version = ctx.optionalInt(o, QLatin1String("version"), 1, 1000000).value_or(0);
    if (ctx.ok() && version > FormatVersion) {
        *error = tr("undo record version %1 is newer than this ICA Tagger reads (%2): use a newer "
                    "version")
                     .arg(version)
                     .arg(FormatVersion);
        return false;
    }
    UndoSnapshot s;
    s.projectId = ctx.requiredString(o, QLatin1String("projectId"));
    s.projectName = ctx.optionalString(o, QLatin1String("projectName"));
    s.takenAt = ctx.requiredDateTime(o, QLatin1String("takenAt"));
    s.batchIds = ctx.optionalStringList(o, QLatin1String("batchIds"));
    s.request = ctx.requiredNested<CreateBatchRequest>(o, QLatin1String("request"));
    s.missing = ctx.optionalStringList(o, QLatin1String("missing"));
    s.foldersNotListed = ctx.optionalStringList(o, QLatin1String("foldersNotListed"));
    const QJsonArray states = ctx.requiredArray(o, QLatin1String("items"));
    {
        DecodeContext::Scope scope(ctx, QLatin1String("items"));
        s.items.reserve(states.size());
        for (qsizetype i = 0; i < states.size() && ctx.ok(); ++i) {
            DecodeContext::Scope at(ctx, i);
            if (!states.at(i).isObject()) {
                ctx.fail(tr("expected an object"));
                break;
            }
            s.items.append(stateFromJson(states.at(i).toObject(), ctx));
        }
    }
    if (ctx.ok() && version < 1)
        ctx.fail(tr("required field is missing"), QLatin1String("version"));
    if (!ctx.ok()) {
        *error = ctx.errorPath().isEmpty()
                     ? ctx.errorMessage()
                     : ctx.errorPath() + QStringLiteral(": ") + ctx.errorMessage();
        return false;
    }
    *out = std::move(s);
    return true;
}

QByteArray UndoSnapshot::compressed() const {
    return qCompress(toJsonBytes(), 6);
}

bool UndoSnapshot::fromCompressed(const QByteArray &blob, UndoSnapshot *out, QString *error) {
    const QByteArray json = qUncompress(blob);
    if (json.isEmpty()) {
        *error = tr("the stored snapshot is damaged (it does not uncompress)");
        return false;
    }
    return fromJson(json, out, error);
}

UndoSnapshot UndoSnapshot::partFor(const CreateBatchRequest &part) const {
    const UndoSnapshot &whole = *this;
    UndoSnapshot s;
    s.projectId = whole.projectId;
    s.projectName = whole.projectName;
    s.takenAt = whole.takenAt;
    s.request = part;
    QSet<QString> ids;
    for (const DataUpdateGroup &g : part.dataUpdateGroups) {
        for (const QString &id : g.dataIds)
            ids.insert(id);
    }
    for (const DataState &d : whole.items) {
        if (ids.contains(d.id) || (!d.viaFolder.isEmpty() && ids.contains(d.viaFolder)))
            s.items.append(d);
    }
    for (const QString &id : whole.missing) {
        if (ids.contains(id))
            s.missing.append(id);
    }
    for (const QString &id : whole.foldersNotListed) {
        if (ids.contains(id))
            s.foldersNotListed.append(id);
    }
    return s;
}

} // namespace ica
