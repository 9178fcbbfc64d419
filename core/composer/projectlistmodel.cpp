#include "projectlistmodel.h"

#include <QSet>

#include <algorithm>

namespace ica {

ProjectListModel::ProjectListModel(QObject *parent)
    : QAbstractListModel(parent) {}

int ProjectListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return p.name.isEmpty() ? p.id : p.name;
    case Qt::ToolTipRole: {
        QString tip = p.name + QLatin1Char('\n') + p.id;
        if (!p.shortDescription.isEmpty())
            tip += QLatin1Char('\n') + p.shortDescription;
        return tip;
    }
    case IdRole:
        return p.id;
    case FilterRole:
        return QString(p.name + QLatin1Char(' ') + p.id + QLatin1Char(' ') + p.shortDescription);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "projectId");
    names.insert(NameRole, "name");
    names.insert(FilterRole, "filterText");
    return names;
}

void ProjectListModel::reindexFrom(int row) {
    for (int r = row; r < m_rows.size(); ++r)
        m_rowById.insert(m_rows.at(r).id, r);
}

int ProjectListModel::rowOf(const QString &id) const {
    return m_rowById.value(id, -1);
}

Project ProjectListModel::projectAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Project();
}

void ProjectListModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    endResetModel();
}

void ProjectListModel::setProjects(QList<Project> projects) {
    std::stable_sort(projects.begin(), projects.end(), [](const Project &a, const Project &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    // Drop repeats (a listing may repeat a row across pages).
    QSet<QString> wanted;
    QList<Project> unique;
    for (const Project &p : std::as_const(projects))
        if (!wanted.contains(p.id)) {
            wanted.insert(p.id);
            unique.append(p);
        }

    // 1. Remove the rows that are gone, bottom up, in contiguous blocks.
    for (int r = int(m_rows.size()) - 1; r >= 0;) {
        if (wanted.contains(m_rows.at(r).id)) {
            --r;
            continue;
        }
        int first = r;
        while (first > 0 && !wanted.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows(QModelIndex(), first, r);
        for (int i = r; i >= first; --i)
            m_rowById.remove(m_rows.at(i).id);
        m_rows.remove(first, r - first + 1);
        endRemoveRows();
        r = first - 1;
    }
    reindexFrom(0);

    // 2. Walk the wanted order: keep, move into place, or insert (in blocks).
    for (int i = 0; i < unique.size();) {
        const Project &p = unique.at(i);
        const int at = rowOf(p.id);
        if (at == i) {
            if (!(m_rows.at(i) == p)) {
                m_rows[i] = p;
                Q_EMIT dataChanged(index(i), index(i));
            }
            ++i;
        } else if (at > i) {
            beginMoveRows(QModelIndex(), at, at, QModelIndex(), i);
            m_rows.move(at, i);
            endMoveRows();
            reindexFrom(i);
            // Compared (and announced when changed) on the next pass.
        } else {
            int last = i;
            while (last + 1 < unique.size() && rowOf(unique.at(last + 1).id) < 0)
                ++last;
            beginInsertRows(QModelIndex(), i, last);
            for (int k = i; k <= last; ++k)
                m_rows.insert(k, unique.at(k));
            reindexFrom(i);
            endInsertRows();
            i = last + 1;
        }
    }
}

} // namespace ica
