#include "core/monitor/itemsquerystate.h"

#include "core/monitor/batchitemsmodel.h"

namespace ica {

const QList<int> &ItemsQueryState::pageSizes() {
    static const QList<int> sizes{10, 25, 50, 100, 200, 500, 1000};
    return sizes;
}

bool ItemsQueryState::setStatusFilter(const QSet<ItemStatus::Value> &statuses) {
    QSet<ItemStatus::Value> known = statuses;
    known.remove(ItemStatus::Unknown);
    if (known == m_statuses)
        return false;
    m_statuses = known;
    m_pageIndex = 0;
    return true;
}

bool ItemsQueryState::setStatusFiltered(ItemStatus::Value status, bool filtered) {
    QSet<ItemStatus::Value> statuses = m_statuses;
    if (filtered)
        statuses.insert(status);
    else
        statuses.remove(status);
    return setStatusFilter(statuses);
}

bool ItemsQueryState::setSort(int column, Qt::SortOrder order) {
    if (BatchItemsModel::sortField(column).isEmpty())
        return false;
    if (m_sortColumn == column && m_sortOrder == order && m_mode == Mode::Offset)
        return false;
    m_sortColumn = column;
    m_sortOrder = order;
    m_mode = Mode::Offset;
    m_pageIndex = 0;
    return true;
}

bool ItemsQueryState::clearSort() {
    if (m_sortColumn < 0)
        return false;
    m_sortColumn = -1;
    m_sortOrder = Qt::AscendingOrder;
    m_pageIndex = 0;
    return true;
}

QString ItemsQueryState::sortParameter() const {
    if (m_sortColumn < 0)
        return {};
    const QString field = BatchItemsModel::sortField(m_sortColumn);
    return m_sortOrder == Qt::DescendingOrder ? field + QStringLiteral(" desc") : field;
}

bool ItemsQueryState::setMode(Mode mode) {
    if (mode == m_mode)
        return false;
    m_mode = mode;
    if (mode == Mode::Cursor) {
        m_sortColumn = -1;
        m_sortOrder = Qt::AscendingOrder;
    }
    m_pageIndex = 0;
    return true;
}

bool ItemsQueryState::setPageSize(int size) {
    if (size == m_pageSize || !pageSizes().contains(size))
        return false;
    m_pageSize = size;
    m_pageIndex = 0;
    return true;
}

bool ItemsQueryState::setPageIndex(qint64 index) {
    index = qMax<qint64>(0, index);
    if (index == m_pageIndex)
        return false;
    m_pageIndex = index;
    return true;
}

ItemsQuery ItemsQueryState::query(const QString &pageToken) const {
    ItemsQuery query;
    // In lifecycle order, so the same filter always makes the same URL.
    for (int i = 0; i < ItemStatus::KnownCount; ++i) {
        const ItemStatus::Value status = ItemStatus::knownValues()[i];
        if (m_statuses.contains(status))
            query.statuses.append(ItemStatus(status));
    }
    if (m_mode == Mode::Offset) {
        query.page = PageRequest::atOffset(offset(), m_pageSize);
        query.sort = sortParameter();
    } else {
        query.page = PageRequest::cursor(pageToken, m_pageSize);
    }
    return query;
}

} // namespace ica
