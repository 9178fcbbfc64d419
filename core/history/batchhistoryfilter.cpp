#include "core/history/batchhistoryfilter.h"

#include "core/history/batchhistorymodel.h"

namespace ica {

BatchHistoryFilterModel::BatchHistoryFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(BatchHistoryModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void BatchHistoryFilterModel::setSourceModel(QAbstractItemModel *model) {
    m_history = qobject_cast<BatchHistoryModel *>(model);
    Q_ASSERT(!model || m_history);
    QSortFilterProxyModel::setSourceModel(model);
}

bool BatchHistoryFilterModel::setTextFilter(const QString &text) {
    // Matching ignores case, so "Foo" and "foo" are the same filter.
    const QStringList words =
        text.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return false;
    m_words = words;
    invalidateFilter();
    return true;
}

bool BatchHistoryFilterModel::setStatusGroup(StatusGroup group) {
    if (group == m_group)
        return false;
    m_group = group;
    invalidateFilter();
    return true;
}

bool BatchHistoryFilterModel::inGroup(const JobStatus &status, StatusGroup group) {
    switch (group) {
    case StatusGroup::All:
        return true;
    case StatusGroup::InProgress:
        return status.value() == JobStatus::Initialized ||
               status.value() == JobStatus::WaitingForResources ||
               status.value() == JobStatus::Running;
    case StatusGroup::Succeeded:
        return status.value() == JobStatus::Succeeded;
    case StatusGroup::PartiallySucceeded:
        return status.value() == JobStatus::PartiallySucceeded;
    case StatusGroup::Failed:
        return status.value() == JobStatus::Failed;
    case StatusGroup::Stopped:
        return status.value() == JobStatus::Stopped;
    case StatusGroup::NotChecked:
        return status.value() == JobStatus::Unknown;
    }
    return true;
}

bool BatchHistoryFilterModel::filterAcceptsRow(int sourceRow,
                                               const QModelIndex &sourceParent) const {
    if (!m_history || sourceParent.isValid())
        return false;
    const BatchRecord &record = m_history->recordAt(sourceRow);
    if (!inGroup(record.jobStatusValue(), m_group))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = QStringList{record.batchId,
                                         record.projectId,
                                         m_history->projectNameOf(record),
                                         record.summary,
                                         record.jobStatus,
                                         BatchHistoryModel::jobStatusLabel(record.jobStatusValue())}
                                 .join(QLatin1Char('\n'));
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace ica
