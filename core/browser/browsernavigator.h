#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QModelIndex;

namespace ica {

class DataLister;

/// One step of the breadcrumb trail: what to show and where it leads.
struct Breadcrumb {
    QString label; ///< the folder's name; the root label for "/"
    QString path;  ///< the folder path ("/", "/runs/", "/runs/2026-11/")
    friend bool operator==(const Breadcrumb &a, const Breadcrumb &b) {
        return a.label == b.label && a.path == b.path;
    }
};

/// Where the data browser is: the project, the current folder, the breadcrumb trail
/// and a back/forward history like a file manager's. GUI-free; attach() keeps a
/// DataBrowserModel showing the current folder.
class BrowserNavigator final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserNavigator)
public:
    /// History entries kept in each direction.
    static constexpr int MaxHistory = 100;

    explicit BrowserNavigator(QObject *parent = nullptr);

    /// From now on `lister` lists this navigator's project and folder (set at once).
    /// Not owned; null detaches.
    void attach(DataLister *lister);

    /// Another project, at its root; the history starts afresh.
    void setProject(const QString &projectId);
    [[nodiscard]] const QString &projectId() const { return m_projectId; }

    [[nodiscard]] const QString &currentPath() const { return m_path; }
    /// Root first, the current folder last.
    [[nodiscard]] QList<Breadcrumb> breadcrumbs() const;
    /// Label of the root breadcrumb (default "Project"; the ui may use the project name).
    void setRootLabel(const QString &label);
    [[nodiscard]] const QString &rootLabel() const { return m_rootLabel; }

    /// Opens a folder ("runs/x" works too). False when it is the current folder or not
    /// a folder path (a problem() says why).
    bool navigateTo(const QString &path);
    /// Opens the folder of a DataBrowserModel row; false for a file.
    bool open(const QModelIndex &index);
    bool back();
    bool forward();
    /// To the parent folder (a new history entry, like a file manager).
    bool up();
    [[nodiscard]] bool canGoBack() const { return !m_back.isEmpty(); }
    [[nodiscard]] bool canGoForward() const { return !m_forward.isEmpty(); }
    [[nodiscard]] bool canGoUp() const { return m_path != QLatin1String("/"); }
    /// Most recent first.
    [[nodiscard]] const QStringList &backHistory() const { return m_back; }
    [[nodiscard]] const QStringList &forwardHistory() const { return m_forward; }

Q_SIGNALS:
    void currentPathChanged(const QString &path);
    void projectChanged(const QString &projectId);
    /// canGoBack(), canGoForward() or canGoUp() may have changed.
    void historyChanged();
    /// A path that cannot be opened, and why (the browser shows it above the table).
    void problem(const QString &message);

private:
    void go(const QString &path);
    void syncModel();

    QPointer<DataLister> m_lister;
    QString m_projectId;
    QString m_path = QStringLiteral("/");
    QString m_rootLabel;
    QStringList m_back;
    QStringList m_forward;
};

} // namespace ica
