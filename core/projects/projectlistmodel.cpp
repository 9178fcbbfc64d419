#include "core/projects/projectlistmodel.h"

#include <algorithm>

namespace ica {

ProjectListModel::ProjectListModel(QObject *parent)
    : KeyedTableModel({QT_TR_NOOP("Project")},
                      {{IdRole, "projectId"}, {NameRole, "name"}, {FilterRole, "filterText"}},
                      parent) {}

QVariant ProjectListModel::rowData(const Project &p, int /*column*/, int role) const {
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

int ProjectListModel::rowOf(const QString &id) const {
    return m_rows.rowOf(id);
}

Project ProjectListModel::projectAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Project();
}

void ProjectListModel::clear() {
    m_rows.reset({});
}

void ProjectListModel::setProjects(QList<Project> projects) {
    std::stable_sort(projects.begin(), projects.end(), [](const Project &a, const Project &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    // Repeats (a listing may repeat a row across pages): the engine keeps the first.
    m_rows.setTarget(std::move(projects));
}

} // namespace ica
