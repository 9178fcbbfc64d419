#include "core/store/batchrecord.h"

#include <QCoreApplication>
#include <QStringList>

namespace ica {

namespace {

constexpr qsizetype MaxTagsShown = 8;

/// Adds `value` to `list` unless it is there already (keeps first-seen order).
void addUnique(QStringList &list, const QString &value) {
    if (!list.contains(value))
        list.append(value);
}

QString plural(qsizetype n, const char *one, const char *many) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QString describeTags(const QString &label, const QStringList &added, const QStringList &removed) {
    QStringList changes;
    for (const QString &tag : added)
        changes.append(QLatin1Char('+') + tag);
    for (const QString &tag : removed)
        changes.append(QLatin1Char('-') + tag);
    if (changes.isEmpty())
        return {};
    const qsizetype more = changes.size() - MaxTagsShown;
    if (more > 0) {
        changes = changes.mid(0, MaxTagsShown);
        changes.append(QCoreApplication::translate("ica::BatchRecord", "and %1 more").arg(more));
    }
    return label + QLatin1Char(' ') + changes.join(QStringLiteral(", "));
}

/// "archive on DATE" when every group that sets it agrees, else "archive dates set (N groups)".
QString describeDate(const QString &what, const QList<QDateTime> &dates) {
    if (dates.isEmpty())
        return {};
    for (const QDateTime &d : dates)
        if (d != dates.first())
            return QCoreApplication::translate("ica::BatchRecord", "%1 dates set (%2)")
                .arg(what, plural(dates.size(), "group", "groups"));
    return QCoreApplication::translate("ica::BatchRecord", "%1 on %2")
        .arg(what, dates.first().toUTC().toString(Qt::ISODate));
}

} // namespace

BatchRecord BatchRecord::fromCreated(const QString &profileId, const QString &projectId,
                                     const QString &projectName, const CreateBatchRequest &request,
                                     const Batch &created) {
    BatchRecord r = fromOpened(profileId, projectId, projectName, created);
    r.origin = BatchOrigin::Created;
    if (!r.createdAt.isValid())
        r.createdAt = QDateTime::currentDateTimeUtc();
    r.summary = summarizeRequest(request);
    r.request = request.toJson();
    return r;
}

BatchRecord BatchRecord::fromOpened(const QString &profileId, const QString &projectId,
                                    const QString &projectName, const Batch &batch) {
    BatchRecord r;
    r.profileId = profileId;
    r.projectId = projectId;
    r.projectName = projectName;
    r.batchId = batch.id;
    r.origin = BatchOrigin::Opened;
    r.createdAt = batch.job.timeCreated.toUTC();
    r.jobStatus = batch.job.status.toString();
    r.lastRefreshedAt = QDateTime::currentDateTimeUtc();
    return r;
}

qint64 BatchRecord::itemTotal() const {
    qint64 total = 0;
    for (const qint64 n : itemCounts)
        total += n;
    return total;
}

bool operator==(const BatchRecord &a, const BatchRecord &b) {
    return a.profileId == b.profileId && a.projectId == b.projectId &&
           a.projectName == b.projectName && a.batchId == b.batchId && a.origin == b.origin &&
           a.createdAt == b.createdAt && a.summary == b.summary && a.request == b.request &&
           a.jobStatus == b.jobStatus && a.itemCounts == b.itemCounts &&
           a.lastRefreshedAt == b.lastRefreshedAt;
}

QString summarizeRequest(const CreateBatchRequest &request) {
    QStringList userAdded, userRemoved, technicalAdded, technicalRemoved;
    QList<QDateTime> archiveDates, deleteDates;
    bool clearArchive = false, clearDelete = false;
    for (const DataUpdateGroup &g : request.dataUpdateGroups) {
        for (const QString &t : g.userTags.addTags)
            addUnique(userAdded, t);
        for (const QString &t : g.userTags.removeTags)
            addUnique(userRemoved, t);
        for (const QString &t : g.technicalTags.addTags)
            addUnique(technicalAdded, t);
        for (const QString &t : g.technicalTags.removeTags)
            addUnique(technicalRemoved, t);
        if (g.willBeArchivedAt.isValid())
            archiveDates.append(g.willBeArchivedAt);
        if (g.willBeDeletedAt.isValid())
            deleteDates.append(g.willBeDeletedAt);
        clearArchive = clearArchive || g.clearWillBeArchivedAt;
        clearDelete = clearDelete || g.clearWillBeDeletedAt;
    }
    QStringList parts{plural(request.dataUpdateGroups.size(), "group", "groups") +
                      QStringLiteral(", ") + plural(request.dataIdCount(), "data ID", "data IDs")};
    for (const QString &part :
         {describeTags(QCoreApplication::translate("ica::BatchRecord", "user tags"), userAdded,
                       userRemoved),
          describeTags(QCoreApplication::translate("ica::BatchRecord", "technical tags"),
                       technicalAdded, technicalRemoved),
          describeDate(QStringLiteral("archive"), archiveDates),
          describeDate(QStringLiteral("delete"), deleteDates),
          clearArchive ? QCoreApplication::translate("ica::BatchRecord", "archive date cleared")
                       : QString(),
          clearDelete ? QCoreApplication::translate("ica::BatchRecord", "deletion date cleared")
                      : QString()})
        if (!part.isEmpty())
            parts.append(part);
    return parts.join(QStringLiteral("; "));
}

QString batchOriginToString(BatchOrigin origin) {
    return origin == BatchOrigin::Created ? QStringLiteral("created") : QStringLiteral("opened");
}

BatchOrigin batchOriginFromString(const QString &text) {
    return text == QLatin1String("opened") ? BatchOrigin::Opened : BatchOrigin::Created;
}

} // namespace ica
