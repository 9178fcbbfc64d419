#include "core/history/batchhistorymodel.h"

#include "core/history/historycounts.h"

#include <QStringList>

namespace ica {

namespace {

QString recordKey(const QString &profileId, const QString &batchId) {
    return profileId + QLatin1Char('\n') + batchId;
}

QVariant localTime(const QDateTime &when) {
    return when.isValid() ? QVariant(when.toLocalTime()) : QVariant();
}

QString utcText(const QDateTime &when) {
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

BatchHistoryModel::BatchHistoryModel(QObject *parent)
    : KeyedTableModel({QT_TR_NOOP("Status"), QT_TR_NOOP("Project"), QT_TR_NOOP("Created"),
                       QT_TR_NOOP("Changes"), QT_TR_NOOP("Items"), QT_TR_NOOP("Batch ID"),
                       QT_TR_NOOP("Origin"), QT_TR_NOOP("Last checked")},
                      {{SortRole, "sortValue"},
                       {JobStatusRole, "jobStatus"},
                       {BatchIdRole, "batchId"},
                       {ProjectIdRole, "projectId"},
                       {ProfileIdRole, "profileId"}},
                      parent) {}

QString BatchHistoryModel::keyOf(const BatchRecord &record) {
    return recordKey(record.profileId, record.batchId);
}

QVariant BatchHistoryModel::rowData(const BatchRecord &record, int column, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(record, column);
    case Qt::ToolTipRole:
        return toolTip(record, column);
    case SortRole:
        return sortValue(record, column);
    case JobStatusRole:
        return column == StatusColumn ? QVariant(int(record.jobStatusValue().value())) : QVariant();
    case BatchIdRole:
        return record.batchId;
    case ProjectIdRole:
        return record.projectId;
    case ProfileIdRole:
        return record.profileId;
    default:
        return {};
    }
}

QVariant BatchHistoryModel::displayValue(const BatchRecord &record, int column) const {
    switch (column) {
    case StatusColumn:
        return jobStatusLabel(record.jobStatusValue());
    case ProjectColumn:
        return projectNameOf(record);
    case CreatedColumn:
        return localTime(record.createdAt);
    case SummaryColumn:
        if (!record.summary.isEmpty())
            return record.summary;
        return record.origin == BatchOrigin::Opened ? tr("Opened by ID (changes not known)")
                                                    : QString();
    case ItemsColumn:
        return itemsText(record);
    case BatchIdColumn:
        return record.batchId;
    case OriginColumn:
        return record.origin == BatchOrigin::Created ? tr("Created here") : tr("Opened by ID");
    case LastCheckedColumn:
        return localTime(record.lastRefreshedAt);
    default:
        return {};
    }
}

QVariant BatchHistoryModel::sortValue(const BatchRecord &record, int column) const {
    switch (column) {
    case StatusColumn:
        return int(record.jobStatusValue().value());
    case CreatedColumn:
        return record.createdAt;
    case LastCheckedColumn:
        return record.lastRefreshedAt;
    case ItemsColumn: {
        const ItemStatusCounts counts = countsFromRecordMap(record.itemCounts);
        return counts.total() > 0 ? counts.doneFraction() : -1.0;
    }
    default:
        return displayValue(record, column);
    }
}

QVariant BatchHistoryModel::toolTip(const BatchRecord &record, int column) const {
    switch (column) {
    case StatusColumn:
        return record.jobStatus.isEmpty() ? tr("Not checked yet") : record.jobStatus;
    case ProjectColumn:
        return tr("Project ID: %1").arg(record.projectId);
    case CreatedColumn:
        return record.createdAt.isValid() ? tr("%1 UTC").arg(utcText(record.createdAt))
                                          : QVariant();
    case LastCheckedColumn:
        return record.lastRefreshedAt.isValid() ? tr("%1 UTC").arg(utcText(record.lastRefreshedAt))
                                                : QVariant();
    case SummaryColumn:
        return displayValue(record, column);
    case ItemsColumn: {
        QStringList parts;
        for (auto it = record.itemCounts.cbegin(); it != record.itemCounts.cend(); ++it)
            if (it.value() > 0)
                parts.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
        return parts.isEmpty() ? QVariant() : QVariant(parts.join(QLatin1Char('\n')));
    }
    default:
        return {};
    }
}

void BatchHistoryModel::setRecords(const QList<BatchRecord> &records) {
    m_rows.setTargetKeepingOrder(records); // the history never reorders its rows
}

void BatchHistoryModel::resetRecords(const QList<BatchRecord> &records) {
    m_rows.reset(records);
}

int BatchHistoryModel::rowOf(const QString &profileId, const QString &batchId) const {
    return m_rows.rowOf(recordKey(profileId, batchId));
}

QString BatchHistoryModel::jobStatusLabel(const JobStatus &status) {
    switch (status.value()) {
    case JobStatus::Initialized:
        return tr("Initialized");
    case JobStatus::WaitingForResources:
        return tr("Waiting for resources");
    case JobStatus::Running:
        return tr("Running");
    case JobStatus::Stopped:
        return tr("Stopped");
    case JobStatus::Succeeded:
        return tr("Succeeded");
    case JobStatus::PartiallySucceeded:
        return tr("Partially succeeded");
    case JobStatus::Failed:
        return tr("Failed");
    case JobStatus::Unknown:
        break;
    }
    return status.toString().isEmpty() ? tr("Not checked yet") : status.toString();
}

void BatchHistoryModel::setProjectNames(const QHash<QString, QString> &names) {
    if (names == m_projectNames)
        return;
    m_projectNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ProjectColumn), index(rowCount() - 1, ProjectColumn),
                           {Qt::DisplayRole, SortRole});
}

QString BatchHistoryModel::projectNameOf(const BatchRecord &record) const {
    if (!record.projectName.isEmpty())
        return record.projectName;
    return m_projectNames.value(record.projectId, record.projectId);
}

QString BatchHistoryModel::itemsText(const BatchRecord &record) {
    if (record.itemCounts.isEmpty())
        return {};
    const ItemStatusCounts counts = countsFromRecordMap(record.itemCounts);
    QString text = tr("%1 of %2 done").arg(counts.terminal()).arg(counts.total());
    if (counts.count(ItemStatus::Failed) > 0)
        text += tr(", %1 failed").arg(counts.count(ItemStatus::Failed));
    return text;
}

quint32 BatchHistoryModel::changedColumns(const BatchRecord &a, const BatchRecord &b) {
    ColumnMask mask;
    mask.mark(a.jobStatus != b.jobStatus, StatusColumn);
    mask.mark(a.projectName != b.projectName || a.projectId != b.projectId, ProjectColumn);
    mask.mark(a.createdAt != b.createdAt, CreatedColumn);
    mask.mark(a.summary != b.summary || a.origin != b.origin, SummaryColumn);
    mask.mark(a.itemCounts != b.itemCounts, ItemsColumn);
    mask.mark(a.batchId != b.batchId, BatchIdColumn);
    mask.mark(a.origin != b.origin, OriginColumn);
    mask.mark(a.lastRefreshedAt != b.lastRefreshedAt, LastCheckedColumn);
    return mask.bits();
}

} // namespace ica
