#pragma once

#include "core/domain/project.h"
#include "core/rows/keyedtablemodel.h"

#include <QList>

namespace ica {

class ProjectListModel;
/// KeyedRows traits of the project list: projects keyed by ID, one column.
using ProjectTraits = ValueRowTraits<Project, ProjectListModel>;

/// The projects a profile can see, sorted by name, for the composer's project
/// picker. setProjects() hands the sorted list to the one keyed diff engine
/// (KeyedRows), which applies the smallest change that is true (rows removed,
/// moved, inserted or changed), so a reload keeps the selection and the scroll
/// position; only clear() resets. Lists of more than
/// RowDiffRunner::DefaultInlineLimit projects are applied asynchronously: settled().
/// A list: one column (the project's name).
class ProjectListModel final : public KeyedTableModel<ProjectTraits> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectListModel)
public:
    enum Role {
        IdRole = FirstModelRole,
        NameRole,
        /// Name, ID and short description in one string: what the picker filters on.
        FilterRole,
    };

    explicit ProjectListModel(QObject *parent = nullptr);

    /// index(row) as a QAbstractListModel offers it: the column defaults to the one.
    [[nodiscard]] QModelIndex index(int row, int column = 0,
                                    const QModelIndex &parent = QModelIndex()) const override {
        return KeyedTableModel::index(row, column, parent);
    }

    /// Sorts `projects` by name and applies the difference to the rows.
    void setProjects(QList<Project> projects);
    /// Forgets every project (a reset: another profile's projects are another question).
    void clear();

    /// Every row, in order: only while isSettled().
    [[nodiscard]] const QList<Project> &projects() const { return m_rows.rows(); }
    /// The row of the project with `id`, -1 when not listed.
    [[nodiscard]] int rowOf(const QString &id) const;
    /// The project at `row`; an empty one outside the rows.
    [[nodiscard]] Project projectAt(int row) const;

    /// The row key of a project: its ID.
    [[nodiscard]] static QString keyOf(const Project &project) { return project.id; }
    /// The one column changes whenever anything of the project does.
    [[nodiscard]] static quint32 changedColumns(const Project &a, const Project &b) {
        return a == b ? 0u : 1u;
    }

private:
    [[nodiscard]] QVariant rowData(const Project &p, int column, int role) const override;
};

} // namespace ica
