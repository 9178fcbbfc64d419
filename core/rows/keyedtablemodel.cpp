#include "core/rows/keyedtablemodel.h"

#include <QCoreApplication>

namespace ica {

KeyedTableModelBase::KeyedTableModelBase(QList<const char *> titles, QHash<int, QByteArray> roles,
                                         QObject *parent)
    : QAbstractTableModel(parent)
    , m_titles(std::move(titles))
    , m_roles(std::move(roles)) {}

KeyedTableModelBase::~KeyedTableModelBase() = default;

int KeyedTableModelBase::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_titles.size());
}

QVariant KeyedTableModelBase::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(index.row(), index.column(), role);
}

QVariant KeyedTableModelBase::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= m_titles.size())
        return {};
    // The titles were marked in the model's class: translate them in its context.
    return QCoreApplication::translate(metaObject()->className(), m_titles.at(section));
}

QHash<int, QByteArray> KeyedTableModelBase::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(m_roles);
    return names;
}

} // namespace ica
