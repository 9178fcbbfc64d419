#include "core/composer/delimitedpreviewmodel.h"

namespace ica {

DelimitedPreviewModel::DelimitedPreviewModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int DelimitedPreviewModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return m_shown;
}

int DelimitedPreviewModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_columns;
}

QVariant DelimitedPreviewModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList &row = m_table.rows.at(firstRow() + index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return index.column() < row.size() ? row.at(index.column()) : QString();
    case IdColumnRole:
        return index.column() == m_table.idColumn;
    default:
        return {};
    }
}

QVariant DelimitedPreviewModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1 + firstRow(); // the file's line number
    const QStringList names = m_table.columnNames();
    return section >= 0 && section < names.size() ? names.at(section) : QVariant();
}

void DelimitedPreviewModel::setTable(const DelimitedTable &table) {
    beginResetModel();
    m_table = table;
    m_columns = table.columnCount();
    m_shown = qBound(0, int(table.rows.size()) - firstRow(), PreviewRows);
    endResetModel();
}

void DelimitedPreviewModel::setHasHeader(bool hasHeader) {
    if (hasHeader == m_table.hasHeader || m_table.rows.isEmpty())
        return;
    const int total = int(m_table.rows.size());
    if (hasHeader) {
        // Row 0 becomes the header; a row from beyond the preview may slide in below.
        beginRemoveRows(QModelIndex(), 0, 0);
        m_table.hasHeader = true;
        --m_shown;
        endRemoveRows();
        const int target = qMin(total - 1, PreviewRows);
        if (target > m_shown) {
            beginInsertRows(QModelIndex(), m_shown, target - 1);
            m_shown = target;
            endInsertRows();
        }
    } else {
        // Row 0 comes back; a full preview first lets its last row go.
        if (m_shown == PreviewRows) {
            beginRemoveRows(QModelIndex(), m_shown - 1, m_shown - 1);
            --m_shown;
            endRemoveRows();
        }
        beginInsertRows(QModelIndex(), 0, 0);
        m_table.hasHeader = false;
        ++m_shown;
        endInsertRows();
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, qMax(0, m_columns - 1));
    if (m_shown > 0)
        Q_EMIT headerDataChanged(Qt::Vertical, 0, m_shown - 1);
}

void DelimitedPreviewModel::setIdColumn(int column) {
    if (column == m_table.idColumn)
        return;
    const int old = m_table.idColumn;
    m_table.idColumn = column;
    const int last = rowCount() - 1;
    if (last < 0)
        return;
    for (const int c : {old, column})
        if (c >= 0 && c < m_columns)
            Q_EMIT dataChanged(index(0, c), index(last, c), {IdColumnRole});
}

} // namespace ica
