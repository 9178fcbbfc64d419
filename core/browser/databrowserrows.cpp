// DataBrowserModel, second part: putting answers into the rows (appending a page,
// the difference after a refresh, single rows re-read). DataLister asks the
// questions; the first part (databrowsermodel.cpp) presents the rows.
#include "databrowsermodel.h"

#include "models/changecollector.h"

#include <QMetaObject>
#include <QSet>

#include <algorithm>

namespace ica {

void DataBrowserModel::appendRows(const QList<ProjectData> &items) {
    QList<ProjectData> fresh;
    fresh.reserve(items.size());
    for (const ProjectData &item : items) {
        if (!m_rowById.contains(item.id))
            fresh.append(item);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
    m_rows.append(fresh);
    for (int row = first; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
    endInsertRows();
}

// --- The difference between the rows and a new answer -------------------------------

void DataBrowserModel::applyDiff(const QList<ProjectData> &target) {
    // The usual refresh finds the same rows in the same order, only some changed:
    // compare IDs in one pass and skip the hash-based diff (three hash tables of every
    // ID), which costs tens of milliseconds on the GUI thread for 20,000 rows.
    bool sameRows = target.size() == m_rows.size();
    for (qsizetype row = 0; sameRows && row < target.size(); ++row)
        sameRows = m_rows.at(row).id == target.at(row).id;
    if (sameRows) {
        updateChangedRows(target);
        return;
    }
    QSet<QString> keep;
    keep.reserve(target.size());
    for (const ProjectData &item : target)
        keep.insert(item.id);
    removeRowsNotIn(keep);
    reorderCommonRows(target);
    insertNewRows(target);
    updateChangedRows(target);
    rebuildIndex();
}

void DataBrowserModel::removeRowsNotIn(const QSet<QString> &keep) {
    // From the bottom up, one block of consecutive rows at a time.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (keep.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && !keep.contains(m_rows.at(row - 1).id))
            --row;
        beginRemoveRows(QModelIndex(), row, last);
        m_rows.remove(row, last - row + 1);
        endRemoveRows();
        --row;
    }
}

void DataBrowserModel::reorderCommonRows(const QList<ProjectData> &target) {
    QHash<QString, int> targetPosition;
    targetPosition.reserve(target.size());
    for (int i = 0; i < target.size(); ++i)
        targetPosition.insert(target.at(i).id, i);
    bool ordered = true;
    for (int row = 1; row < m_rows.size() && ordered; ++row)
        ordered =
            targetPosition.value(m_rows.at(row - 1).id) < targetPosition.value(m_rows.at(row).id);
    if (ordered)
        return;
    // The server's order changed (a sort by modification time after a batch, say):
    // one layout change moves every row, persistent indexes follow their rows.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<int> order(m_rows.size());
    for (int row = 0; row < order.size(); ++row)
        order[row] = row;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return targetPosition.value(m_rows.at(a).id) < targetPosition.value(m_rows.at(b).id);
    });
    QList<int> newRowOf(m_rows.size());
    QList<ProjectData> reordered;
    reordered.reserve(m_rows.size());
    for (int newRow = 0; newRow < order.size(); ++newRow) {
        newRowOf[order.at(newRow)] = newRow;
        reordered.append(m_rows.at(order.at(newRow)));
    }
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(index.isValid() ? createIndex(newRowOf.at(index.row()), index.column())
                                  : QModelIndex());
    m_rows = reordered;
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void DataBrowserModel::insertNewRows(const QList<ProjectData> &target) {
    QSet<QString> present;
    present.reserve(m_rows.size());
    for (const ProjectData &item : std::as_const(m_rows))
        present.insert(item.id);
    // The rows are the common ones in target order: walk the target and insert each
    // run of new rows where it belongs.
    int row = 0;
    int i = 0;
    while (i < target.size()) {
        if (present.contains(target.at(i).id)) {
            ++row;
            ++i;
            continue;
        }
        int end = i;
        while (end < target.size() && !present.contains(target.at(end).id))
            ++end;
        const int count = end - i;
        beginInsertRows(QModelIndex(), row, row + count - 1);
        m_rows.insert(row, count, ProjectData());
        for (int k = 0; k < count; ++k)
            m_rows[row + k] = target.at(i + k);
        endInsertRows();
        row += count;
        i = end;
    }
}

void DataBrowserModel::updateChangedRows(const QList<ProjectData> &target) {
    ChangeCollector changes(this, ColumnCount);
    for (int row = 0; row < m_rows.size() && row < target.size(); ++row) {
        const ProjectData &next = target.at(row);
        ProjectData &current = m_rows[row];
        if (current == next)
            continue;
        quint32 columns = changedColumns(current, next);
        current = next;
        if (columns)
            changes.add(row, columns);
    }
}

quint32 DataBrowserModel::changedColumns(const ProjectData &a, const ProjectData &b) {
    quint32 columns = 0;
    const auto mark = [&columns](bool differs, int column) {
        if (differs)
            columns |= 1u << column;
    };
    mark(a.name != b.name, NameColumn);
    mark(a.path != b.path, PathColumn);
    mark(a.type != b.type || a.typeText != b.typeText, TypeColumn);
    mark(a.formatCode != b.formatCode, FormatColumn);
    mark(a.sizeInBytes != b.sizeInBytes, SizeColumn);
    mark(a.status != b.status, StatusColumn);
    mark(a.tags.userTags != b.tags.userTags, UserTagsColumn);
    mark(a.tags.technicalTags != b.tags.technicalTags, TechnicalTagsColumn);
    mark(a.timeModified != b.timeModified, ModifiedColumn);
    return columns;
}

void DataBrowserModel::rebuildIndex() {
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
}

// --- Single rows ------------------------------------------------------------------

void DataBrowserModel::applyRefreshedRows(const QStringList &asked,
                                          const QList<ProjectData> &rows) {
    QHash<QString, ProjectData> fresh;
    for (const ProjectData &item : rows)
        fresh.insert(item.id, item);
    QList<QPair<int, quint32>> changed;
    QList<int> gone;
    for (const QString &id : asked) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        const auto it = fresh.constFind(id);
        if (it == fresh.constEnd()) {
            gone.append(row);
            continue;
        }
        if (m_rows.at(row) == *it)
            continue;
        const quint32 columns = changedColumns(m_rows.at(row), *it);
        m_rows[row] = *it;
        if (columns)
            changed.append({row, columns});
    }
    std::sort(changed.begin(), changed.end());
    {
        ChangeCollector changes(this, ColumnCount);
        for (const auto &[row, columns] : std::as_const(changed))
            changes.add(row, columns);
    }
    if (!gone.isEmpty()) {
        // Deleted, or no longer matching the filter: remove, bottom up, in blocks.
        std::sort(gone.begin(), gone.end());
        int end = int(gone.size()) - 1;
        while (end >= 0) {
            int start = end;
            while (start > 0 && gone.at(start - 1) == gone.at(start) - 1)
                --start;
            beginRemoveRows(QModelIndex(), gone.at(start), gone.at(end));
            m_rows.remove(gone.at(start), end - start + 1);
            endRemoveRows();
            end = start - 1;
        }
        rebuildIndex();
    }
}

} // namespace ica
