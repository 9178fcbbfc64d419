#pragma once

#include "core/domain/batch.h"
#include "core/domain/projectdata.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QToolButton;

namespace ica {
class ApiClient;
struct ApiError;
class BrowserNavigator;
class DataBrowserModel;
class DataLister;
class DataFilter;
class ProjectCatalog;
class TagCatalog;
} // namespace ica

namespace ica::ui {

class BreadcrumbBar;
class BrowserFilterBar;
class DataBrowserView;
class ExportBar;
class MessageBar;
class SelectionBar;
class TagRenameDialog;

/// The data browser tab: a project's folders one at a time (breadcrumbs, back,
/// forward, up), filtered and sorted by ICA, in a lazily paged table whose rows can
/// be selected (also "all matching", beyond the rows loaded), dragged onto the
/// composer, or handed on for tagging (tagRequested()).
///
/// Owns the GUI-free core (core/browser): a BrowserNavigator, and per client a
/// DataBrowserModel and a MatchCollector (rebuilt by setClient(); folder, filter
/// and page size carry over), plus a ProjectCatalog for the project list.
///
/// objectNames: dataBrowser (this), browserProject (QComboBox), backButton,
/// forwardButton, upButton (Alt+Left, Alt+Right, Alt+Up), breadcrumbBar,
/// refreshButton (F5 in the browser), browserFilter (BrowserFilterBar), dataTable
/// (DataBrowserView), browserMessage (problems), exportListingButton (exports the
/// listing: folder, filter and sort, every page; see ExportBar), and those of the
/// ExportBar, the filter bar and
/// the SelectionBar (positionLabel, selectionLabel, selectAllMatchingButton,
/// cancelSelectButton, tagSelectedButton).
class BrowserWidget final : public QWidget {
    Q_OBJECT
public:
    explicit BrowserWidget(QWidget *parent = nullptr);
    ~BrowserWidget() override;

    /// Not owned; null: nothing shown. Rebuilds the model and the collector (they
    /// take the client at construction) and reloads the project list.
    void setClient(ica::ApiClient *client);
    /// Not owned; learns the tags of every listing and collection and completes the
    /// two tag filter fields. Null: no completion.
    void setTagCatalog(ica::TagCatalog *catalog);
    /// Browses `projectId` from its root; selected in the project list once listed.
    void setProject(const QString &projectId);
    [[nodiscard]] QString projectId() const { return m_projectId; }
    /// Empty until the project list has the project.
    [[nodiscard]] QString projectName() const { return m_projectName; }

    /// Null without a client.
    [[nodiscard]] ica::DataBrowserModel *model() const { return m_model; }
    /// What asks the model's questions (folder, filter, sort) and pages; null without
    /// a client.
    [[nodiscard]] ica::DataLister *lister() const { return m_lister; }
    [[nodiscard]] ica::BrowserNavigator *navigator() const { return m_navigator; }
    [[nodiscard]] DataBrowserView *view() const { return m_view; }
    [[nodiscard]] BrowserFilterBar *filterBar() const { return m_filterBar; }
    [[nodiscard]] SelectionBar *selectionBar() const { return m_selection; }
    [[nodiscard]] ica::ProjectCatalog *projectCatalog() const { return m_projects; }
    [[nodiscard]] ExportBar *exportBar() const { return m_exportBar; }
    /// The "Rename tag…" dialog open now, or null.
    [[nodiscard]] TagRenameDialog *renameDialog() const;

    /// The selected rows' data in row order, or every match after "Select all
    /// matching" (until the selection or the question changes).
    [[nodiscard]] QList<ica::ProjectData> selectedItems() const;

public Q_SLOTS:
    /// Selects every item the folder and filter match (asynchronous; see SelectionBar).
    void selectAllMatching();
    /// What "Tag selected…" does: tagRequested() with the selection, when there is one.
    void requestTagging();
    /// Asks the listing again; changed rows are updated in place.
    void refresh();
    /// "Rename tag…": opens a TagRenameDialog for the project (scope: the project or the
    /// folder shown); its draft comes out as newDraftRequested().
    void renameTag();
    /// Asks for a file and exports the current listing (folder, filter, sort;
    /// every page, not only those loaded) to it. Says why when it cannot.
    void exportListing();

Q_SIGNALS:
    /// The user asked to tag `items` of `projectId`.
    void tagRequested(const QString &projectId, const QList<ica::ProjectData> &items);
    /// "Rename tag…" made a draft: open it in the composer.
    void newDraftRequested(const QString &projectId, const ica::CreateBatchRequest &request);
    /// The project browsed changed, or its name became known.
    void projectChanged(const QString &projectId, const QString &projectName);

private:
    void rebuildModel();
    void connectTagCatalog();
    void onProjectActivated(int index);
    void onProjectsLoaded();
    void selectProjectInCombo();
    void applyFilter(const ica::DataFilter &filter);
    void onError(const ica::ApiError &error);
    void showMessage(const QString &message);
    void updateNavigation();

    QPointer<ApiClient> m_client;
    QPointer<TagCatalog> m_tagCatalog;
    QList<QMetaObject::Connection> m_tagConnections;
    ProjectCatalog *m_projects;
    BrowserNavigator *m_navigator;
    DataBrowserModel *m_model = nullptr;
    DataLister *m_lister = nullptr; ///< feeds m_model
    QString m_projectId;
    QString m_projectName;

    QPointer<TagRenameDialog> m_renameDialog;
    QComboBox *m_projectCombo;
    QToolButton *m_back;
    QToolButton *m_forward;
    QToolButton *m_up;
    QToolButton *m_refresh;
    QToolButton *m_export;
    ExportBar *m_exportBar;
    BreadcrumbBar *m_crumbs;
    BrowserFilterBar *m_filterBar;
    MessageBar *m_message;
    DataBrowserView *m_view;
    SelectionBar *m_selection;
};

} // namespace ica::ui
