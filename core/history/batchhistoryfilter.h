#pragma once

#include "core/domain/statuses.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace ica {

class BatchHistoryModel;

/// Sorts and filters a BatchHistoryModel for the batches list: sorting on raw
/// values (BatchHistoryModel::SortRole), a text filter and a job status filter.
/// Setters re-filter only when something really changed.
class BatchHistoryFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchHistoryFilterModel)
public:
    /// Groups of job statuses a user can filter on.
    enum class StatusGroup {
        All,
        InProgress, ///< INITIALIZED, WAITING_FOR_RESOURCES, RUNNING
        Succeeded,
        PartiallySucceeded,
        Failed,
        Stopped,
        NotChecked, ///< empty or a status this client does not know
    };
    Q_ENUM(StatusGroup)

    explicit BatchHistoryFilterModel(QObject *parent = nullptr);

    /// Must be a BatchHistoryModel.
    void setSourceModel(QAbstractItemModel *model) override;

    /// Words that must all appear (case-insensitively) in the batch ID, project
    /// name or ID, request summary or status. Empty: no text filter.
    bool setTextFilter(const QString &text);
    [[nodiscard]] QString textFilter() const { return m_words.join(QLatin1Char(' ')); }
    bool setStatusGroup(StatusGroup group);
    [[nodiscard]] StatusGroup statusGroup() const { return m_group; }

    /// True when `status` belongs to `group`.
    [[nodiscard]] static bool inGroup(const JobStatus &status, StatusGroup group);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    BatchHistoryModel *m_history = nullptr;
    QStringList m_words;
    StatusGroup m_group = StatusGroup::All;
};

} // namespace ica
