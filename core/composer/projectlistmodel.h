#pragma once

#include "domain/project.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

namespace ica {

/// The projects a profile can see, sorted by name, for the composer's project
/// picker. setProjects() applies the smallest change that is true (rows removed,
/// moved, inserted or changed), so a reload keeps the selection and the scroll
/// position; only clear() resets.
class ProjectListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectListModel)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        /// Name, ID and short description in one string: what the picker filters on.
        FilterRole,
    };

    explicit ProjectListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Sorts `projects` by name and applies the difference to the rows.
    void setProjects(QList<Project> projects);
    /// Forgets every project (a reset: another profile's projects are another question).
    void clear();

    [[nodiscard]] const QList<Project> &projects() const { return m_rows; }
    /// The row of the project with `id`, -1 when not listed.
    [[nodiscard]] int rowOf(const QString &id) const;
    /// The project at `row`; an empty one outside the rows.
    [[nodiscard]] Project projectAt(int row) const;

private:
    void reindexFrom(int row);

    QList<Project> m_rows;
    QHash<QString, int> m_rowById;
};

} // namespace ica
