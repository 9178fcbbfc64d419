#include "core/data/tagrename.h"

#include "core/data/datalookup.h"
#include "core/data/pathresolver.h"

#include <QLocale>
#include <QMetaObject>

namespace ica {

namespace {

const QStringList &tagsOf(const ProjectData &d, TagKind kind) {
    return kind == TagKind::User ? d.tags.userTags : d.tags.technicalTags;
}

QString kindName(TagKind kind) {
    return kind == TagKind::User ? QObject::tr("user tag") : QObject::tr("technical tag");
}

} // namespace

QString TagRenameSpec::problem() const {
    if (from.trimmed().isEmpty())
        return QObject::tr("Give the tag to rename.");
    if (to.trimmed().isEmpty())
        return QObject::tr("Give the new name of the tag.");
    if (from.trimmed() == to.trimmed())
        return QObject::tr("The new name is the same as the old one: nothing would change.");
    if (!folderPath.trimmed().isEmpty() && folderPrefix().isEmpty() &&
        folderPath.trimmed() != QLatin1String("/"))
        return QObject::tr("The folder \"%1\" is not a project path: give it from the root, e.g. "
                           "/runs/2026-11/.")
            .arg(folderPath.trimmed());
    return {};
}

QString TagRenameSpec::folderPrefix() const {
    const QString path = folderPath.trimmed();
    if (path.isEmpty() || path == QLatin1String("/") || !PathResolver::looksLikePath(path))
        return {};
    QString normalized = PathResolver::normalizedPath(path);
    if (normalized.isEmpty())
        return {};
    if (!normalized.endsWith(QLatin1Char('/')))
        normalized.append(QLatin1Char('/'));
    return normalized;
}

DataQuery TagRenameSpec::query() const {
    DataQuery q;
    if (kind == TagKind::User) {
        q.userTags = {from.trimmed()};
        q.userTagMatch = MatchMode::Exact;
    } else {
        q.technicalTags = {from.trimmed()};
        q.technicalTagMatch = MatchMode::Exact;
    }
    const QString prefix = folderPrefix();
    if (!prefix.isEmpty()) {
        q.filePaths = {prefix};
        q.filePathMatch = DataQuery::PathMatch::StartsWith;
    }
    return q;
}

int TagRenamePlan::mergedCount() const {
    return int(std::count_if(items.cbegin(), items.cend(),
                             [](const TagRenameItem &i) { return i.hadTarget; }));
}

CreateBatchRequest TagRenamePlan::request() const {
    CreateBatchRequest request;
    if (items.isEmpty())
        return request;
    DataUpdateGroup group;
    group.dataIds.reserve(items.size());
    for (const TagRenameItem &item : items)
        group.dataIds.append(item.dataId);
    TagUpdate &update = spec.kind == TagKind::User ? group.userTags : group.technicalTags;
    update.removeTags = {spec.from.trimmed()};
    update.addTags = {spec.to.trimmed()};
    request.dataUpdateGroups.append(group);
    return request;
}

QString TagRenamePlan::summary() const {
    const QString where = spec.folderPrefix().isEmpty()
                              ? QObject::tr("in the project")
                              : QObject::tr("in %1 and its subfolders").arg(spec.folderPrefix());
    if (items.isEmpty())
        return QObject::tr("No item %1 carries the %2 \"%3\": nothing to rename.")
            .arg(where, kindName(spec.kind), spec.from.trimmed());
    const bool one = items.size() == 1;
    QString text =
        QObject::tr("%1 %2 %3 %4 the %5 \"%6\"; it becomes \"%7\".")
            .arg(QLocale().toString(items.size()), one ? QObject::tr("item") : QObject::tr("items"),
                 where, one ? QObject::tr("carries") : QObject::tr("carry"), kindName(spec.kind),
                 spec.from.trimmed(), spec.to.trimmed());
    if (const int merged = mergedCount(); merged > 0)
        text += QObject::tr(" %1 of them already carry \"%2\" and only lose \"%3\".")
                    .arg(QLocale().toString(merged), spec.to.trimmed(), spec.from.trimmed());
    return text;
}

TagRenamePlan TagRename::plan(const TagRenameSpec &spec, const QList<ProjectData> &items) {
    TagRenamePlan plan;
    plan.spec = spec;
    const QString from = spec.from.trimmed();
    const QString to = spec.to.trimmed();
    const QString prefix = spec.folderPrefix();
    QSet<QString> seen;
    for (const ProjectData &d : items) {
        const QStringList &now = tagsOf(d, spec.kind);
        if (!now.contains(from) || seen.contains(d.id))
            continue;
        if (!prefix.isEmpty() && !d.path.startsWith(prefix, Qt::CaseInsensitive))
            continue;
        seen.insert(d.id);
        TagRenameItem item;
        item.dataId = d.id;
        item.path = d.path;
        item.tagsNow = now;
        item.hadTarget = now.contains(to);
        for (const QString &tag : now) {
            if (tag == from) {
                if (!item.hadTarget)
                    item.tagsAfter.append(to);
            } else {
                item.tagsAfter.append(tag);
            }
        }
        plan.items.append(item);
    }
    return plan;
}

void TagRename::find(ApiClient *client, const QString &projectId, const TagRenameSpec &spec,
                     QObject *context, Done done) {
    if (const QString problem = spec.problem(); !problem.isEmpty()) {
        QMetaObject::invokeMethod(
            context,
            [done, problem]() { done(Result<TagRenamePlan>::failure(ApiError::usage(problem))); },
            Qt::QueuedConnection);
        return;
    }
    DataLookup::run(client, projectId, {spec.query()}, context,
                    [spec, done](const Result<QList<ProjectData>> &result) {
                        if (!result.ok()) {
                            done(Result<TagRenamePlan>::failure(result.error));
                            return;
                        }
                        done(Result<TagRenamePlan>::success(plan(spec, *result.value)));
                    });
}

} // namespace ica
