#include "submitplan.h"

#include "batchsplitter.h"

#include <QJsonDocument>
#include <QLocale>
#include <QObject>
#include <QStringList>

namespace ica {

namespace {

QString count(qsizetype n, const char *one, const char *many) {
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    return QObject::tr(n == 1 ? one : many).arg(english.toString(qlonglong(n)));
}

} // namespace

QString SubmitCounts::describe() const {
    QStringList parts{count(batches, QT_TR_NOOP("%1 batch"), QT_TR_NOOP("%1 batches")),
                      count(groups, QT_TR_NOOP("%1 group"), QT_TR_NOOP("%1 groups")),
                      count(dataIds, QT_TR_NOOP("%1 data ID"), QT_TR_NOOP("%1 data IDs")),
                      count(tagChanges, QT_TR_NOOP("%1 tag change"), QT_TR_NOOP("%1 tag changes"))};
    if (dateChanges > 0)
        parts.append(
            count(dateChanges, QT_TR_NOOP("%1 date change"), QT_TR_NOOP("%1 date changes")));
    return parts.join(QStringLiteral(", "));
}

SubmitPlan SubmitPlan::of(const DraftDocument &draft) {
    SubmitPlan plan;
    plan.projectId = draft.projectId;
    plan.projectName = draft.projectName;
    plan.source = draft.toRequest();
    if (draft.splitAccepted)
        plan.requests = BatchSplitter::split(plan.source);
    else if (!plan.source.dataUpdateGroups.isEmpty())
        plan.requests = {plan.source};
    return plan;
}

SubmitCounts SubmitPlan::counts() const {
    SubmitCounts counts;
    counts.batches = requests.size();
    counts.groups = source.dataUpdateGroups.size();
    counts.dataIds = source.dataIdCount();
    for (const DataUpdateGroup &group : source.dataUpdateGroups) {
        counts.tagChanges += group.userTags.addTags.size() + group.userTags.removeTags.size() +
                             group.technicalTags.addTags.size() +
                             group.technicalTags.removeTags.size();
        counts.dateChanges += int(group.willBeArchivedAt.isValid()) +
                              int(group.willBeDeletedAt.isValid()) +
                              int(group.clearWillBeArchivedAt) + int(group.clearWillBeDeletedAt);
    }
    return counts;
}

QByteArray SubmitPlan::bodyJson(const CreateBatchRequest &request, bool pretty) {
    return QJsonDocument(request.toJson())
        .toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact);
}

} // namespace ica
