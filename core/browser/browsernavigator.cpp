#include "core/browser/browsernavigator.h"

#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/data/folderpath.h"

namespace ica {

BrowserNavigator::BrowserNavigator(QObject *parent)
    : QObject(parent)
    , m_rootLabel(tr("Project")) {}

void BrowserNavigator::attach(DataLister *lister) {
    m_lister = lister;
    syncModel();
}

void BrowserNavigator::setProject(const QString &projectId) {
    if (projectId == m_projectId)
        return;
    m_projectId = projectId;
    const bool moved = m_path != QLatin1String("/");
    m_path = QStringLiteral("/");
    m_back.clear();
    m_forward.clear();
    Q_EMIT projectChanged(projectId);
    if (moved)
        Q_EMIT currentPathChanged(m_path);
    Q_EMIT historyChanged();
    syncModel();
}

QList<Breadcrumb> BrowserNavigator::breadcrumbs() const {
    QList<Breadcrumb> crumbs{{m_rootLabel, QStringLiteral("/")}};
    QString path = QStringLiteral("/");
    for (const QString &segment : folderpath::segments(m_path)) {
        path += segment + QLatin1Char('/');
        crumbs.append({segment, path});
    }
    return crumbs;
}

void BrowserNavigator::setRootLabel(const QString &label) {
    m_rootLabel = label;
}

bool BrowserNavigator::navigateTo(const QString &path) {
    const QString folder = folderpath::normalize(path);
    if (folder.isEmpty()) {
        Q_EMIT problem(tr("\"%1\" is not a folder path: use a path from the project root "
                          "such as /runs/2026-11/, without \".\" or \"..\".")
                           .arg(path));
        return false;
    }
    if (folder == m_path)
        return false;
    m_back.prepend(m_path);
    if (m_back.size() > MaxHistory)
        m_back.removeLast();
    m_forward.clear();
    go(folder);
    return true;
}

bool BrowserNavigator::open(const QModelIndex &index) {
    if (!index.isValid() || !index.data(DataBrowserModel::IsFolderRole).toBool())
        return false;
    return navigateTo(index.data(DataBrowserModel::PathRole).toString());
}

bool BrowserNavigator::back() {
    if (m_back.isEmpty())
        return false;
    m_forward.prepend(m_path);
    go(m_back.takeFirst());
    return true;
}

bool BrowserNavigator::forward() {
    if (m_forward.isEmpty())
        return false;
    m_back.prepend(m_path);
    go(m_forward.takeFirst());
    return true;
}

bool BrowserNavigator::up() {
    return canGoUp() && navigateTo(folderpath::parent(m_path));
}

void BrowserNavigator::go(const QString &path) {
    m_path = path;
    Q_EMIT currentPathChanged(m_path);
    Q_EMIT historyChanged();
    syncModel();
}

void BrowserNavigator::syncModel() {
    if (m_lister)
        m_lister->setLocation(m_projectId, m_path);
}

} // namespace ica
