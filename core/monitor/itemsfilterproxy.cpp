#include "core/monitor/itemsfilterproxy.h"

#include "core/data/datanames.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/failuresummary.h"

namespace ica {

ItemsFilterProxy::ItemsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

ItemsFilterProxy::~ItemsFilterProxy() = default;

void ItemsFilterProxy::setNameFilter(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void ItemsFilterProxy::setReasonFilter(bool on, const QString &reason) {
    const QString wanted = on ? reason : QString();
    if (on == m_reasonOn && wanted == m_reason)
        return;
    m_reasonOn = on;
    m_reason = wanted;
    m_reasonMatches.clear();
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

bool ItemsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return true;
    if (m_reasonOn) {
        const QString info =
            source->index(sourceRow, BatchItemsModel::AdditionalInformationColumn, sourceParent)
                .data()
                .toString();
        auto it = m_reasonMatches.constFind(info);
        if (it == m_reasonMatches.cend())
            it = m_reasonMatches.insert(info, FailureSummary::reasonOf(info) == m_reason);
        if (!*it)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    // One look-up a row, straight from the cache: this runs over every loaded row.
    const auto *items = qobject_cast<const BatchItemsModel *>(source);
    const DataName *name = items ? items->nameAt(sourceRow) : nullptr;
    return name && name->state == DataName::State::Found &&
           (name->name.contains(m_text, Qt::CaseInsensitive) ||
            name->path.contains(m_text, Qt::CaseInsensitive));
}

} // namespace ica
