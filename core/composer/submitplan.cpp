#include "core/composer/submitplan.h"

#include "core/composer/batchsplitter.h"

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

QString SubmitPlan::previewJson(const CreateBatchRequest &request, qsizetype idsPerGroup,
                                qsizetype *hiddenIds) {
    idsPerGroup = qMax<qsizetype>(0, idsPerGroup);
    // Each cut list ends in a marker string, replaced below by a line saying what is
    // left out (the JSON writer cannot write a comment).
    const auto marker = [](qsizetype group) {
        return QStringLiteral("@@ica-preview-more-%1@@").arg(group);
    };
    CreateBatchRequest shown = request;
    QList<qsizetype> hidden(shown.dataUpdateGroups.size(), 0);
    qsizetype hiddenTotal = 0;
    for (qsizetype g = 0; g < shown.dataUpdateGroups.size(); ++g) {
        QStringList &ids = shown.dataUpdateGroups[g].dataIds;
        if (ids.size() <= idsPerGroup)
            continue;
        hidden[g] = ids.size() - idsPerGroup;
        hiddenTotal += hidden[g];
        ids = ids.mid(0, idsPerGroup);
        ids.append(marker(g));
    }
    if (hiddenIds)
        *hiddenIds = hiddenTotal;
    QString text = QString::fromUtf8(bodyJson(shown));
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (qsizetype g = 0; g < hidden.size(); ++g)
        if (hidden.at(g) > 0)
            text.replace(
                QLatin1Char('"') + marker(g) + QLatin1Char('"'),
                QObject::tr("… %1 more data IDs").arg(english.toString(qlonglong(hidden.at(g)))));
    return text;
}

} // namespace ica
