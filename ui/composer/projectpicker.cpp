#include "ui/composer/projectpicker.h"

#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
#include "ui/style/icons.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ica::ui {

ProjectPicker::ProjectPicker(QWidget *parent)
    : QWidget(parent)
    , m_catalog(new ProjectCatalog(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_status(new QLabel(this))
    , m_reload(new QToolButton(this)) {
    m_proxy->setSourceModel(m_catalog->model());
    m_proxy->setFilterRole(ProjectListModel::FilterRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("projectFilter"));
    m_filter->setPlaceholderText(tr("Search projects by name or ID…"));
    m_filter->setToolTip(tr("Type to filter the projects; Enter picks the highlighted one, the "
                            "arrow keys move through the list."));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);

    m_list->setObjectName(QStringLiteral("projectList"));
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setMaximumHeight(130);
    m_list->setToolTip(tr("The projects of this profile; the selected one receives the batch."));

    m_status->setObjectName(QStringLiteral("projectStatus"));
    m_status->setWordWrap(true);
    m_reload->setObjectName(QStringLiteral("reloadProjectsButton"));
    setActionIcon(m_reload, ActionIcon::Reload);
    m_reload->setToolTip(tr("Load the project list again"));

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_reload);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_list);
    layout->addWidget(m_status);
    setFocusProxy(m_filter);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        selectCurrentProject();
        updateStatus();
    });
    connect(m_filter, &QLineEdit::returnPressed, this, [this]() {
        const QModelIndex current = m_list->currentIndex();
        if (m_proxy->rowCount() == 0)
            return;
        chooseRow(current.isValid() ? current.row() : 0);
    });
    // Only a click or an activation (Enter, double-click) chooses: the current row
    // also moves on its own when the filter hides it, which must not change the draft.
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &index) { chooseRow(index.row()); });
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { chooseRow(index.row()); });
    connect(m_reload, &QToolButton::clicked, m_catalog, &ProjectCatalog::reload);
    connect(m_catalog, &ProjectCatalog::loadingChanged, this, &ProjectPicker::updateStatus);
    connect(m_catalog, &ProjectCatalog::loaded, this, [this]() {
        m_error.clear();
        if (m_projectName.isEmpty())
            m_projectName = nameOf(m_projectId);
        selectCurrentProject();
        updateStatus();
        Q_EMIT projectsLoaded();
    });
    connect(m_catalog, &ProjectCatalog::failed, this, &ProjectPicker::onFailed);
    updateStatus();
}

void ProjectPicker::setClient(ApiClient *client) {
    m_error.clear();
    m_catalog->setClient(client);
    updateStatus();
}

void ProjectPicker::setProject(const QString &projectId, const QString &projectName) {
    m_projectId = projectId;
    m_projectName = projectName.isEmpty() ? nameOf(projectId) : projectName;
    selectCurrentProject();
    updateStatus();
}

QString ProjectPicker::nameOf(const QString &projectId) const {
    const int row = m_catalog->model()->rowOf(projectId);
    return row < 0 ? QString() : m_catalog->model()->projectAt(row).name;
}

void ProjectPicker::chooseRow(int proxyRow) {
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    if (!index.isValid())
        return;
    const QString id = index.data(ProjectListModel::IdRole).toString();
    const QString name = index.data(ProjectListModel::NameRole).toString();
    m_list->setCurrentIndex(index);
    if (id == m_projectId && name == m_projectName)
        return;
    m_projectId = id;
    m_projectName = name;
    updateStatus();
    Q_EMIT projectChosen(id, name);
}

void ProjectPicker::selectCurrentProject() {
    const int sourceRow = m_catalog->model()->rowOf(m_projectId);
    const QModelIndex index = sourceRow < 0
                                  ? QModelIndex()
                                  : m_proxy->mapFromSource(m_catalog->model()->index(sourceRow, 0));
    if (index.isValid()) {
        m_list->setCurrentIndex(index);
        m_list->scrollTo(index);
    } else {
        m_list->selectionModel()->clear();
    }
}

void ProjectPicker::updateStatus() {
    QString text;
    if (!m_catalog->client())
        text = tr("No profile: sign in to list projects.");
    else if (m_catalog->isLoading())
        text = tr("Loading projects…");
    else if (!m_error.isEmpty())
        text = m_error;
    else if (m_catalog->model()->rowCount() == 0)
        text = tr("This profile sees no projects.");
    else if (m_proxy->rowCount() == 0)
        text = tr("No project matches \"%1\".").arg(m_filter->text().trimmed());
    if (!m_projectId.isEmpty()) {
        const QString chosen =
            tr("Project: %1").arg(m_projectName.isEmpty() ? m_projectId : m_projectName);
        text = text.isEmpty() ? chosen : chosen + QStringLiteral(" — ") + text;
    } else if (text.isEmpty()) {
        text = tr("Pick a project: %1 listed.").arg(m_proxy->rowCount());
    }
    m_status->setText(text);
    m_reload->setEnabled(m_catalog->client() && !m_catalog->isLoading());
}

void ProjectPicker::onFailed(const ApiError &error) {
    m_error = tr("The projects could not be loaded: %1. Press reload to try again.")
                  .arg(error.toString());
    updateStatus();
    Q_EMIT projectsLoaded();
}

bool ProjectPicker::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            // Arrow keys in the filter move through the list (and choose), so the
            // whole picker works without leaving the search field.
            const int rows = m_proxy->rowCount();
            if (rows == 0)
                return true;
            const QModelIndex current = m_list->currentIndex();
            int row = current.isValid() ? current.row() : -1;
            row = key->key() == Qt::Key_Down ? qMin(rows - 1, row + 1) : qMax(0, row - 1);
            chooseRow(row);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ica::ui
