#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QToolButton;

namespace ica {
class ApiClient;
struct ApiError;
class ProjectCatalog;
} // namespace ica

namespace ica::ui {

/// Picks the project a draft is for: every project of the profile (all pages of
/// GET /api/projects), filtered as you type (name, ID or description). Enter in
/// the filter takes the highlighted match; arrow keys move through the list.
/// Children: "projectFilter" (QLineEdit), "projectList" (QListView),
/// "projectStatus" (QLabel), "reloadProjectsButton".
class ProjectPicker final : public QWidget {
    Q_OBJECT
public:
    explicit ProjectPicker(QWidget *parent = nullptr);

    /// Re-targets the picker (not owned); null: no profile, no projects.
    void setClient(ApiClient *client);
    [[nodiscard]] ProjectCatalog *catalog() const { return m_catalog; }

    [[nodiscard]] QString projectId() const { return m_projectId; }
    [[nodiscard]] QString projectName() const { return m_projectName; }
    /// Shows `projectId` as chosen (selected once the list has it); no projectChosen().
    void setProject(const QString &projectId, const QString &projectName);
    /// The name of a listed project; empty when it is not (yet) listed.
    [[nodiscard]] QString nameOf(const QString &projectId) const;
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    /// The user chose a project.
    void projectChosen(const QString &projectId, const QString &projectName);
    /// The project list finished loading (or failed).
    void projectsLoaded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseRow(int proxyRow);
    void selectCurrentProject();
    void updateStatus();
    void onFailed(const ica::ApiError &error);

    ProjectCatalog *m_catalog;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QListView *m_list;
    QLabel *m_status;
    QToolButton *m_reload;
    QString m_projectId;
    QString m_projectName;
    QString m_error;
};

} // namespace ica::ui
