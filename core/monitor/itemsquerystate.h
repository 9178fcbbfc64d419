#pragma once

#include "core/api/queries.h"
#include "core/domain/statuses.h"

#include <QList>
#include <QSet>
#include <QString>

namespace ica {

/// What the items table asks the server: status filter, sort, paging mode, page
/// size and page. A GUI-free value; every setter returns true only when something
/// really changed, so the pager re-queries only then. Changing the filter, sort,
/// mode or page size goes back to the first page.
class ItemsQueryState final {
public:
    enum class Mode {
        Offset, ///< pages with a number and a total; can sort; capped at 200,000 rows
        Cursor, ///< complete and unique; "next" and "load all"; cannot sort
    };

    /// The page sizes a user can choose: 10, 25, 50, 100, 200, 500, 1000.
    static const QList<int> &pageSizes();
    static constexpr int DefaultPageSize = 100;

    // Filter. None selected means every status.
    [[nodiscard]] const QSet<ItemStatus::Value> &statusFilter() const { return m_statuses; }
    /// Unknown is ignored (the server filters on the six known statuses only).
    bool setStatusFilter(const QSet<ItemStatus::Value> &statuses);
    bool setStatusFiltered(ItemStatus::Value status, bool filtered);
    [[nodiscard]] bool isFiltered() const { return !m_statuses.isEmpty(); }

    // Sort (server side; offset mode only).
    [[nodiscard]] bool hasSort() const { return m_sortColumn >= 0; }
    /// A BatchItemsModel::Column, or -1 for the server's order.
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// Sorts on a column the server can sort on (BatchItemsModel::sortField());
    /// switches to offset mode. Returns false, changing nothing, for another column.
    bool setSort(int column, Qt::SortOrder order);
    bool clearSort();
    /// The `sort` parameter, e.g. "status desc"; empty without a sort.
    [[nodiscard]] QString sortParameter() const;

    // Paging.
    [[nodiscard]] Mode mode() const { return m_mode; }
    /// Cursor mode drops the sort (ICA cannot sort cursor pages).
    bool setMode(Mode mode);
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    /// One of pageSizes(); anything else is refused (returns false).
    bool setPageSize(int size);
    /// Offset mode: 0-based page number.
    [[nodiscard]] qint64 pageIndex() const { return m_pageIndex; }
    bool setPageIndex(qint64 index);
    [[nodiscard]] qint64 offset() const { return m_pageIndex * m_pageSize; }

    /// The listing parameters: the current page in offset mode, the page after
    /// `pageToken` (empty: the first) in cursor mode.
    [[nodiscard]] ItemsQuery query(const QString &pageToken = QString()) const;

    friend bool operator==(const ItemsQueryState &a, const ItemsQueryState &b) {
        return a.m_statuses == b.m_statuses && a.m_sortColumn == b.m_sortColumn &&
               a.m_sortOrder == b.m_sortOrder && a.m_mode == b.m_mode &&
               a.m_pageSize == b.m_pageSize && a.m_pageIndex == b.m_pageIndex;
    }
    friend bool operator!=(const ItemsQueryState &a, const ItemsQueryState &b) { return !(a == b); }

private:
    QSet<ItemStatus::Value> m_statuses;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    Mode m_mode = Mode::Offset;
    int m_pageSize = DefaultPageSize;
    qint64 m_pageIndex = 0;
};

} // namespace ica
