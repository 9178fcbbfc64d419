#pragma once

#include "core/domain/project.h"
#include "core/rows/keyedrows.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

namespace ica {

/// KeyedRows traits of the project list: projects keyed by ID, one column.
struct ProjectTraits {
    using Row = Project;
    using Key = QString;
    using Input = Project;
    [[nodiscard]] Row make(const Input &project) const { return project; }
    [[nodiscard]] Key key(const Row &row) const { return row.id; }
    [[nodiscard]] bool same(const Row &a, const Row &b) const { return a == b; }
    [[nodiscard]] quint32 changedColumns(const Row &a, const Row &b) const {
        return a == b ? 0u : 1u;
    }
};

/// The projects a profile can see, sorted by name, for the composer's project
/// picker. setProjects() hands the sorted list to the one keyed diff engine
/// (KeyedRows), which applies the smallest change that is true (rows removed,
/// moved, inserted or changed), so a reload keeps the selection and the scroll
/// position; only clear() resets. Lists of more than
/// RowDiffRunner::DefaultInlineLimit projects are applied asynchronously: settled().
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

    /// Every row, in order: only while isSettled().
    [[nodiscard]] const QList<Project> &projects() const { return m_rows.rows(); }
    /// No list is waiting or being applied.
    [[nodiscard]] bool isSettled() const { return m_rows.isSettled(); }
    /// The row of the project with `id`, -1 when not listed.
    [[nodiscard]] int rowOf(const QString &id) const;
    /// The project at `row`; an empty one outside the rows.
    [[nodiscard]] Project projectAt(int row) const;

Q_SIGNALS:
    /// Every list handed in so far is applied (at once for a small one).
    void settled();

private:
    KeyedRows<ProjectTraits> m_rows{this, ProjectTraits()};
};

} // namespace ica
