#include "ui/browser/browserwidget.h"

#include "core/browser/browsernavigator.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/browser/matchcollector.h"
#include "core/data/tagcatalog.h"
#include "core/diagnostics/statusnotices.h"
#include "core/export/exportsources.h"
#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
#include "ui/browser/breadcrumbbar.h"
#include "ui/browser/browserfilterbar.h"
#include "ui/browser/databrowserview.h"
#include "ui/browser/selectionbar.h"
#include "ui/browser/tagrenamedialog.h"
#include "ui/export/exportbar.h"
#include "ui/style/icons.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

QToolButton *navButton(QWidget *parent, const QString &name, ActionIcon icon,
                       const QString &toolTip, const QKeySequence &shortcut) {
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    setActionIcon(button, icon);
    button->setAutoRaise(true);
    button->setShortcut(shortcut);
    button->setToolTip(
        QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    return button;
}

} // namespace

BrowserWidget::BrowserWidget(QWidget *parent)
    : QWidget(parent)
    , m_projects(new ProjectCatalog(this))
    , m_navigator(new BrowserNavigator(this))
    , m_projectCombo(new QComboBox(this))
    , m_crumbs(new BreadcrumbBar(this))
    , m_filterBar(new BrowserFilterBar(this))
    , m_message(new MessageBar(this))
    , m_view(new DataBrowserView(this)) {
    setObjectName(QStringLiteral("dataBrowser"));
    m_export = new QToolButton(this);
    m_exportBar = new ExportBar(this);
    m_selection = new SelectionBar(m_view, this);

    m_projectCombo->setObjectName(QStringLiteral("browserProject"));
    m_projectCombo->setModel(m_projects->model());
    m_projectCombo->setPlaceholderText(tr("Choose a project…"));
    m_projectCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_projectCombo->setMinimumContentsLength(24);
    m_projectCombo->setToolTip(tr("The project whose data is shown"));
    connect(m_projectCombo, &QComboBox::activated, this, &BrowserWidget::onProjectActivated);
    connect(m_projects, &ProjectCatalog::loaded, this, &BrowserWidget::onProjectsLoaded);
    connect(m_projects, &ProjectCatalog::failed, this, [this](const ApiError &error) {
        showMessage(tr("The projects could not be listed: %1. Check the profile, then refresh.")
                        .arg(error.toString()));
    });

    m_back = navButton(this, QStringLiteral("backButton"), ActionIcon::Back,
                       tr("Back to the previous folder"), QKeySequence(Qt::ALT | Qt::Key_Left));
    m_forward = navButton(this, QStringLiteral("forwardButton"), ActionIcon::Forward, tr("Forward"),
                          QKeySequence(Qt::ALT | Qt::Key_Right));
    m_up = navButton(this, QStringLiteral("upButton"), ActionIcon::Up,
                     tr("Up to the parent folder"), QKeySequence(Qt::ALT | Qt::Key_Up));
    m_refresh = navButton(this, QStringLiteral("refreshButton"), ActionIcon::Reload,
                          tr("Read the folder again"), QKeySequence(QKeySequence::Refresh));
    // F5 belongs to whichever tab has the focus (the monitor has its own): the
    // button's window-wide shortcut gives way to an action scoped to this widget.
    m_refresh->setShortcut(QKeySequence());
    auto *refreshAction = new QAction(this);
    refreshAction->setObjectName(QStringLiteral("browserRefreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshAction);
    connect(refreshAction, &QAction::triggered, this, &BrowserWidget::refresh);
    connect(m_refresh, &QToolButton::clicked, this, &BrowserWidget::refresh);
    connect(m_back, &QToolButton::clicked, m_navigator, &BrowserNavigator::back);
    connect(m_forward, &QToolButton::clicked, m_navigator, &BrowserNavigator::forward);
    connect(m_up, &QToolButton::clicked, m_navigator, &BrowserNavigator::up);
    m_crumbs->setObjectName(QStringLiteral("breadcrumbBar"));
    connect(m_crumbs, &BreadcrumbBar::pathClicked, m_navigator, &BrowserNavigator::navigateTo);
    connect(m_navigator, &BrowserNavigator::currentPathChanged, this,
            &BrowserWidget::updateNavigation);
    connect(m_navigator, &BrowserNavigator::historyChanged, this, &BrowserWidget::updateNavigation);
    connect(m_navigator, &BrowserNavigator::problem, this, &BrowserWidget::showMessage);

    m_export->setObjectName(QStringLiteral("exportListingButton"));
    m_export->setText(tr("E&xport…"));
    m_export->setToolTip(tr("Save every item of this listing (folder and filter) to a CSV or "
                            "JSON file"));
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_export, &QToolButton::clicked, this, &BrowserWidget::exportListing);
    connect(m_exportBar, &ExportBar::finished, this,
            [this](ListingExport::Outcome outcome, const QString &message) {
                if (outcome == ListingExport::Outcome::Failed)
                    showMessage(message);
                else if (outcome == ListingExport::Outcome::Cancelled)
                    StatusNotices::post(tr("Export cancelled; nothing was saved."));
                else
                    StatusNotices::post(message);
            });

    m_filterBar->setObjectName(QStringLiteral("browserFilter"));
    connect(m_filterBar, &BrowserFilterBar::filterEdited, this, &BrowserWidget::applyFilter);

    m_message->setObjectName(QStringLiteral("browserMessage"));

    connect(m_view, &DataBrowserView::openRequested, m_navigator, &BrowserNavigator::open);
    connect(m_view, &DataBrowserView::problem, this, &BrowserWidget::showMessage);
    connect(m_view, &DataBrowserView::renameTagRequested, this,
            [this](TagKind kind, const QString &tag) {
                renameTag();
                if (m_renameDialog)
                    m_renameDialog->setFrom(kind, tag);
            });
    connect(m_selection, &SelectionBar::tagRequested, this, &BrowserWidget::requestTagging);
    connect(m_selection, &SelectionBar::problem, this, &BrowserWidget::showMessage);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Project:"), this));
    top->addWidget(m_projectCombo);
    top->addSpacing(8);
    top->addWidget(m_back);
    top->addWidget(m_forward);
    top->addWidget(m_up);
    top->addWidget(m_crumbs, 1);
    top->addWidget(m_refresh);
    top->addWidget(m_export);
    auto *rename = new QToolButton(this);
    rename->setObjectName(QStringLiteral("renameTagButton"));
    rename->setText(tr("Rename &tag…"));
    rename->setToolTip(tr("Rename or merge a tag on every item of the project or of this "
                          "folder"));
    rename->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(rename, &QToolButton::clicked, this, &BrowserWidget::renameTag);
    top->addWidget(rename);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_message);
    layout->addWidget(m_exportBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_selection);
    updateNavigation();
}

BrowserWidget::~BrowserWidget() {
    // The view, the bar and the navigator let go of the model before it goes.
    m_navigator->attach(nullptr);
    m_view->setModel(nullptr);
    m_view->setLister(nullptr);
    m_selection->setLister(nullptr);
    m_selection->setClient(nullptr);
    delete m_lister;
    delete m_model;
}

void BrowserWidget::setClient(ApiClient *client) {
    if (client == m_client && (m_model || !client))
        return;
    // The export's calls belong to the old client: stop it (nothing is saved).
    m_exportBar->job()->cancel();
    m_client = client;
    rebuildModel();
    m_projects->setClient(client);
}

void BrowserWidget::rebuildModel() {
    const int pageSize = m_lister ? m_lister->pageSize() : DataBrowserModel::DefaultPageSize;
    const DataFilter filter = m_lister ? m_lister->filter() : m_filterBar->filter();
    m_navigator->attach(nullptr);
    m_view->setModel(nullptr);
    m_view->setLister(nullptr);
    m_selection->setLister(nullptr);
    delete m_lister; // cancels what it was reading
    m_lister = nullptr;
    delete m_model;
    m_model = nullptr;
    m_selection->setClient(m_client);
    if (m_client) {
        m_model = new DataBrowserModel(this);
        m_model->setObjectName(QStringLiteral("dataBrowserModel"));
        m_lister = new DataLister(m_client, m_model, this);
        m_lister->setObjectName(QStringLiteral("dataLister"));
        m_lister->setPageSize(pageSize);
        m_lister->setFilter(filter); // no project yet: nothing is read
        connect(m_lister, &DataLister::errorOccurred, this, &BrowserWidget::onError);
        // A problem shown belongs to the question it was about.
        connect(m_lister, &DataLister::questionChanged, this, [this]() { showMessage(QString()); });
        m_view->setModel(m_model);
        m_view->setLister(m_lister);
        m_selection->setLister(m_lister);
        m_navigator->attach(m_lister); // reads the current folder
    }
    connectTagCatalog();
    updateNavigation();
}

void BrowserWidget::setTagCatalog(TagCatalog *catalog) {
    m_tagCatalog = catalog;
    m_filterBar->setTagCatalog(catalog);
    connectTagCatalog();
    if (m_tagCatalog && m_model)
        m_tagCatalog->learnData(m_model->items()); // what was listed before
}

void BrowserWidget::connectTagCatalog() {
    for (const QMetaObject::Connection &connection : std::as_const(m_tagConnections))
        disconnect(connection);
    m_tagConnections.clear();
    if (!m_tagCatalog)
        return;
    if (m_lister)
        m_tagConnections.append(
            connect(m_lister, &DataLister::dataReceived, m_tagCatalog, &TagCatalog::learnData));
    if (MatchCollector *collector = m_selection->collector())
        m_tagConnections.append(connect(collector, &MatchCollector::dataReceived, m_tagCatalog,
                                        &TagCatalog::learnData));
}

void BrowserWidget::setProject(const QString &projectId) {
    const bool changed = projectId != m_projectId;
    m_projectId = projectId;
    if (changed) {
        const int row = m_projects->model()->rowOf(projectId);
        m_projectName = row < 0 ? QString() : m_projects->model()->projectAt(row).name;
    }
    selectProjectInCombo();
    m_navigator->setRootLabel(m_projectName.isEmpty() ? tr("Project") : m_projectName);
    if (m_navigator->projectId() != projectId)
        m_navigator->setProject(projectId);
    else if (m_navigator->currentPath() != QLatin1String("/"))
        m_navigator->navigateTo(QStringLiteral("/"));
    updateNavigation();
    if (changed)
        Q_EMIT projectChanged(m_projectId, m_projectName);
}

void BrowserWidget::onProjectActivated(int index) {
    const QString id = m_projectCombo->itemData(index, ProjectListModel::IdRole).toString();
    if (!id.isEmpty())
        setProject(id);
}

void BrowserWidget::onProjectsLoaded() {
    selectProjectInCombo();
    const int row = m_projects->model()->rowOf(m_projectId);
    if (m_projectId.isEmpty() || row < 0) {
        if (!m_projectId.isEmpty())
            showMessage(tr("This profile does not list the project %1. Choose another project.")
                            .arg(m_projectId));
        return;
    }
    const QString name = m_projects->model()->projectAt(row).name;
    if (name == m_projectName)
        return;
    m_projectName = name;
    m_navigator->setRootLabel(name);
    updateNavigation();
    Q_EMIT projectChanged(m_projectId, m_projectName);
}

void BrowserWidget::selectProjectInCombo() {
    // Showing the chosen project is not choosing one.
    const QSignalBlocker blocker(m_projectCombo);
    m_projectCombo->setCurrentIndex(m_projects->model()->rowOf(m_projectId));
}

QList<ProjectData> BrowserWidget::selectedItems() const {
    return m_selection->selectedItems();
}

void BrowserWidget::selectAllMatching() {
    m_selection->selectAllMatching();
}

void BrowserWidget::requestTagging() {
    const QList<ProjectData> items = selectedItems();
    if (items.isEmpty()) {
        StatusNotices::post(tr("Select the items to tag first (or \"Select all matching\")."));
        return;
    }
    Q_EMIT tagRequested(m_projectId, items);
}

void BrowserWidget::refresh() {
    if (m_lister && m_lister->refresh())
        showMessage(QString());
}

void BrowserWidget::applyFilter(const DataFilter &filter) {
    if (!m_lister)
        return;
    if (m_lister->setFilter(filter))
        showMessage(QString());
    else
        showMessage(filter.validate());
}

void BrowserWidget::onError(const ApiError &error) {
    showMessage(tr("Could not list %1: %2. Press Refresh (F5) to try again.")
                    .arg(m_lister ? m_lister->folderPath() : QString(), error.toString()));
}

TagRenameDialog *BrowserWidget::renameDialog() const {
    return m_renameDialog;
}

void BrowserWidget::renameTag() {
    if (!m_client || m_projectId.isEmpty()) {
        showMessage(tr("Choose a project first: a tag is renamed within one project."));
        return;
    }
    if (m_renameDialog)
        m_renameDialog->close();
    auto *dialog =
        new TagRenameDialog(m_client, m_projectId, m_navigator->currentPath(), m_tagCatalog, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TagRenameDialog::draftRequested, this, &BrowserWidget::newDraftRequested);
    m_renameDialog = dialog;
    dialog->open();
}

void BrowserWidget::exportListing() {
    if (m_exportBar->isRunning()) {
        StatusNotices::post(tr("An export is running: wait for it or cancel it first."));
        return;
    }
    if (!m_client || !m_lister || m_projectId.isEmpty()) {
        showMessage(tr("Choose a project to export its data."));
        return;
    }
    DataExportQuestion question = DataExportQuestion::of(*m_lister);
    question.pageSize = m_exportBar->pageSize();
    const QString path = m_exportBar->choosePath(QStringLiteral("data.csv"));
    if (path.isEmpty())
        return;
    startDataExport(m_exportBar->job(), m_client, question, path);
    m_exportBar->shown();
}

void BrowserWidget::showMessage(const QString &message) {
    m_message->showMessage(MessageBar::Kind::Error, message);
    if (!message.isEmpty())
        StatusNotices::post(message);
}

void BrowserWidget::updateNavigation() {
    const bool browsing = m_lister && !m_projectId.isEmpty();
    m_back->setEnabled(browsing && m_navigator->canGoBack());
    m_forward->setEnabled(browsing && m_navigator->canGoForward());
    m_up->setEnabled(browsing && m_navigator->canGoUp());
    m_refresh->setEnabled(browsing);
    m_crumbs->setCrumbs(m_projectId.isEmpty() ? QList<Breadcrumb>() : m_navigator->breadcrumbs());
}

} // namespace ica::ui
