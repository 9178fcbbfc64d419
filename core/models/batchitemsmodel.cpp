#include "batchitemsmodel.h"

#include "models/changecollector.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace ica {

namespace {

QString joined(const QStringList &tags) {
    return tags.join(QStringLiteral(", "));
}

QVariant dateOrNothing(const QDateTime &when) {
    return when.isValid() ? QVariant(when) : QVariant();
}

/// The first occurrence of every ID, in order; `seen` gets the IDs.
QList<BatchItem> withoutRepeatedIds(const QList<BatchItem> &items, QSet<QString> &seen) {
    seen.clear();
    seen.reserve(items.size());
    for (const BatchItem &item : items)
        seen.insert(item.id);
    if (seen.size() == items.size())
        return items; // the usual case: nothing repeated, nothing copied
    QList<BatchItem> unique;
    unique.reserve(seen.size());
    QSet<QString> taken;
    taken.reserve(seen.size());
    for (const BatchItem &item : items) {
        if (!taken.contains(item.id)) {
            taken.insert(item.id);
            unique.append(item);
        }
    }
    return unique;
}

/// Indices into `values` of one longest strictly increasing subsequence.
QList<qsizetype> longestIncreasingRun(const QList<int> &values) {
    QList<qsizetype> tails;                       // index of the last element of each length
    QList<qsizetype> previous(values.size(), -1); // back links
    for (qsizetype i = 0; i < values.size(); ++i) {
        const auto at =
            std::lower_bound(tails.begin(), tails.end(), values.at(i),
                             [&values](qsizetype t, int v) { return values.at(t) < v; });
        if (at != tails.begin())
            previous[i] = *(at - 1);
        if (at == tails.end())
            tails.append(i);
        else
            *at = i;
    }
    QList<qsizetype> run(tails.size());
    qsizetype k = tails.isEmpty() ? -1 : tails.last();
    for (qsizetype n = tails.size() - 1; n >= 0; --n) {
        run[n] = k;
        k = previous.at(k);
    }
    return run;
}

} // namespace

BatchItemsModel::BatchItemsModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int BatchItemsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : currentRowCount();
}

int BatchItemsModel::currentRowCount() const {
    if (m_suffixStart < 0)
        return int(m_items.size());
    return int(m_built.size() + m_items.size() - m_suffixStart);
}

const BatchItem &BatchItemsModel::itemAt(int row) const {
    if (m_suffixStart < 0)
        return m_items.at(row);
    return row < m_built.size() ? m_built.at(row)
                                : m_items.at(m_suffixStart + row - m_built.size());
}

int BatchItemsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BatchItemsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BatchItem &item = itemAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(item, column);
    case Qt::ToolTipRole:
        if (column == StatusColumn)
            return item.status.toString();
        if (column == AdditionalInformationColumn && !item.additionalStatusInformation.isEmpty())
            return item.additionalStatusInformation;
        return {};
    case SortRole:
        return sortValue(item, column);
    // Status-derived roles live on the status column only, so a status change is
    // announced by a dataChanged on the columns that really changed.
    case StatusRole:
        return column == StatusColumn ? QVariant(int(item.status.value())) : QVariant();
    case TerminalRole:
        return column == StatusColumn ? QVariant(item.status.isTerminal()) : QVariant();
    case ItemIdRole:
        return item.id;
    default:
        return {};
    }
}

QVariant BatchItemsModel::displayValue(const BatchItem &item, int column) const {
    switch (column) {
    case ItemIdColumn:
        return item.id;
    case DataIdColumn:
        return item.request.dataId;
    case StatusColumn:
        return statusLabel(item.status);
    case AdditionalInformationColumn:
        return item.additionalStatusInformation;
    case UserTagsAddedColumn:
        return joined(item.request.userTags.addTags);
    case UserTagsRemovedColumn:
        return joined(item.request.userTags.removeTags);
    case TechnicalTagsAddedColumn:
        return joined(item.request.technicalTags.addTags);
    case TechnicalTagsRemovedColumn:
        return joined(item.request.technicalTags.removeTags);
    case ArchiveDateColumn:
        return dateOrNothing(item.request.willBeArchivedAt);
    case DeleteDateColumn:
        return dateOrNothing(item.request.willBeDeletedAt);
    default:
        return {};
    }
}

QVariant BatchItemsModel::sortValue(const BatchItem &item, int column) const {
    if (column == StatusColumn)
        return int(item.status.value()); // lifecycle order; Unknown first
    return displayValue(item, column);
}

QVariant BatchItemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ItemIdColumn:
        return tr("Item ID");
    case DataIdColumn:
        return tr("Data ID");
    case StatusColumn:
        return tr("Status");
    case AdditionalInformationColumn:
        return tr("Additional information");
    case UserTagsAddedColumn:
        return tr("User tags added");
    case UserTagsRemovedColumn:
        return tr("User tags removed");
    case TechnicalTagsAddedColumn:
        return tr("Technical tags added");
    case TechnicalTagsRemovedColumn:
        return tr("Technical tags removed");
    case ArchiveDateColumn:
        return tr("Archive date");
    case DeleteDateColumn:
        return tr("Delete date");
    default:
        return {};
    }
}

QHash<int, QByteArray> BatchItemsModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(StatusRole, "status");
    names.insert(ItemIdRole, "itemId");
    names.insert(TerminalRole, "terminal");
    return names;
}

QString BatchItemsModel::sortField(int column) {
    switch (column) {
    case ItemIdColumn:
        return QStringLiteral("id");
    case DataIdColumn:
        return QStringLiteral("dataId");
    case StatusColumn:
        return QStringLiteral("status");
    default:
        return {};
    }
}

QString BatchItemsModel::statusLabel(const ItemStatus &status) {
    switch (status.value()) {
    case ItemStatus::Initialised:
        return tr("Initialised");
    case ItemStatus::WaitingResources:
        return tr("Waiting for resources");
    case ItemStatus::Updating:
        return tr("Updating");
    case ItemStatus::Updated:
        return tr("Updated");
    case ItemStatus::PartiallyUpdated:
        return tr("Partially updated");
    case ItemStatus::Failed:
        return tr("Failed");
    case ItemStatus::Unknown:
        break;
    }
    return status.toString();
}

quint32 BatchItemsModel::changedColumns(const BatchItem &a, const BatchItem &b) {
    quint32 mask = 0;
    const auto mark = [&mask](bool differs, int column) {
        if (differs)
            mask |= 1u << column;
    };
    mark(a.id != b.id, ItemIdColumn);
    mark(a.request.dataId != b.request.dataId, DataIdColumn);
    mark(a.status != b.status, StatusColumn);
    mark(a.additionalStatusInformation != b.additionalStatusInformation,
         AdditionalInformationColumn);
    mark(a.request.userTags.addTags != b.request.userTags.addTags, UserTagsAddedColumn);
    mark(a.request.userTags.removeTags != b.request.userTags.removeTags, UserTagsRemovedColumn);
    mark(a.request.technicalTags.addTags != b.request.technicalTags.addTags,
         TechnicalTagsAddedColumn);
    mark(a.request.technicalTags.removeTags != b.request.technicalTags.removeTags,
         TechnicalTagsRemovedColumn);
    mark(a.request.willBeArchivedAt != b.request.willBeArchivedAt, ArchiveDateColumn);
    mark(a.request.willBeDeletedAt != b.request.willBeDeletedAt, DeleteDateColumn);
    return mask;
}

void BatchItemsModel::applyPage(const QList<BatchItem> &items) {
    QSet<QString> keep;
    const QList<BatchItem> target = withoutRepeatedIds(items, keep);
    removeRowsNotIn(keep);
    moveCommonRowsIntoOrder(target);
    insertNewRows(target);
    updateChangedRows(target);
}

void BatchItemsModel::removeRowsNotIn(const QSet<QString> &keep) {
    const qsizetype size = m_items.size();
    qsizetype firstGone = 0;
    while (firstGone < size && keep.contains(m_items.at(firstGone).id))
        ++firstGone;
    if (firstGone == size)
        return;
    // Front to back: the rows before the block are in m_built, the block and the rows
    // after it are the suffix of m_items.
    m_built = m_items.mid(0, firstGone);
    m_built.reserve(keep.size());
    m_suffixStart = firstGone;
    while (m_suffixStart < size) {
        if (keep.contains(m_items.at(m_suffixStart).id)) {
            m_built.append(std::move(m_items[m_suffixStart]));
            ++m_suffixStart;
            continue;
        }
        qsizetype end = m_suffixStart + 1;
        while (end < size && !keep.contains(m_items.at(end).id))
            ++end;
        const int row = int(m_built.size());
        beginRemoveRows(QModelIndex(), row, row + int(end - m_suffixStart) - 1);
        m_suffixStart = end;
        endRemoveRows();
    }
    m_items = std::exchange(m_built, {});
    m_suffixStart = -1;
    rebuildIndex();
}

void BatchItemsModel::moveCommonRowsIntoOrder(const QList<BatchItem> &target) {
    // Every row left is in `target`. Keep the longest run of rows already in the
    // server's order where they are and move each other row next to its predecessor.
    QList<QString> order; // IDs of the rows shown, in the server's order
    QList<int> positions; // their current rows
    order.reserve(m_items.size());
    positions.reserve(m_items.size());
    bool inOrder = true;
    for (const BatchItem &item : target) {
        const int row = rowOf(item.id);
        if (row < 0)
            continue;
        inOrder = inOrder && (positions.isEmpty() || row > positions.last());
        order.append(item.id);
        positions.append(row);
    }
    if (inOrder)
        return; // the usual case
    const QList<qsizetype> stableRun = longestIncreasingRun(positions);
    QList<bool> stable(positions.size(), false);
    for (const qsizetype k : stableRun)
        stable[k] = true;

    // Moves are rare (a sorted page whose sort key changed): a linear search is fine.
    const auto currentRow = [this](const QString &id) {
        for (int row = 0; row < m_items.size(); ++row) {
            if (m_items.at(row).id == id)
                return row;
        }
        return -1;
    };
    for (qsizetype k = 0; k < order.size(); ++k) {
        if (stable.at(k))
            continue;
        // Rows placed so far (stable ones and those moved before) are in the server's
        // order, so "right after the predecessor" keeps them so.
        const int from = currentRow(order.at(k));
        const int destination = k == 0 ? 0 : currentRow(order.at(k - 1)) + 1;
        if (from == destination)
            continue;
        const bool ok = beginMoveRows(QModelIndex(), from, from, QModelIndex(), destination);
        Q_ASSERT(ok);
        if (!ok)
            continue;
        m_items.move(from, from < destination ? destination - 1 : destination);
        endMoveRows();
    }
    rebuildIndex();
}

void BatchItemsModel::insertNewRows(const QList<BatchItem> &target) {
    // The rows left are the known ones of `target`, in its order: walk both.
    if (target.size() == m_items.size())
        return;
    const qsizetype size = m_items.size();
    m_built.clear();
    m_built.reserve(target.size());
    m_suffixStart = 0;
    for (qsizetype i = 0; i < target.size();) {
        if (m_suffixStart < size && m_items.at(m_suffixStart).id == target.at(i).id) {
            m_built.append(std::move(m_items[m_suffixStart]));
            ++m_suffixStart;
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < target.size() &&
               !(m_suffixStart < size && m_items.at(m_suffixStart).id == target.at(end).id))
            ++end;
        const int row = int(m_built.size());
        beginInsertRows(QModelIndex(), row, row + int(end - i) - 1);
        m_built.append(target.mid(i, end - i));
        endInsertRows();
        i = end;
    }
    Q_ASSERT(m_suffixStart == size);
    m_items = std::exchange(m_built, {});
    m_suffixStart = -1;
    rebuildIndex();
}

void BatchItemsModel::updateChangedRows(const QList<BatchItem> &target) {
    Q_ASSERT(target.size() == m_items.size());
    ChangeCollector changes(this, ColumnCount);
    for (int row = 0; row < target.size(); ++row) {
        const quint32 columns = changedColumns(m_items.at(row), target.at(row));
        if (columns == 0)
            continue;
        m_items[row] = target.at(row);
        changes.add(row, columns);
    }
}

void BatchItemsModel::appendPage(const QList<BatchItem> &items) {
    QList<BatchItem> fresh;
    {
        ChangeCollector changes(this, ColumnCount);
        QSet<QString> added;
        for (const BatchItem &item : items) {
            const int row = rowOf(item.id);
            if (row >= 0) {
                const quint32 columns = changedColumns(m_items.at(row), item);
                if (columns != 0) {
                    m_items[row] = item;
                    changes.add(row, columns);
                }
            } else if (!added.contains(item.id)) {
                added.insert(item.id);
                fresh.append(item);
            }
        }
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
    m_items.append(fresh);
    rebuildIndex(first);
    endInsertRows();
}

void BatchItemsModel::setItems(const QList<BatchItem> &items) {
    beginResetModel();
    QSet<QString> ids;
    m_items = withoutRepeatedIds(items, ids);
    m_rowById.clear();
    rebuildIndex();
    endResetModel();
}

void BatchItemsModel::clear() {
    beginResetModel();
    m_items.clear();
    m_rowById.clear();
    endResetModel();
}

void BatchItemsModel::rebuildIndex(int fromRow) {
    if (fromRow == 0) {
        m_rowById.clear();
        m_rowById.reserve(m_items.size());
    }
    for (int row = fromRow; row < m_items.size(); ++row)
        m_rowById.insert(m_items.at(row).id, row);
}

} // namespace ica
