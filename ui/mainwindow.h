#pragma once

#include <QMainWindow>
#include <QPointer>

class QSettings;
class QStackedWidget;
class QTabWidget;

namespace ica {
class ApiClient;
class LogFile;
class Session;
class StoreWorker;
class TagCatalog;
class TagCatalogKeeper;
struct Profile;
} // namespace ica

namespace ica::ui {

class BatchEndNotifier;
class BrowserTagging;
class BrowserWidget;
class ComposerWidget;
class MonitorWidget;
class ProfileSwitcher;
class TokenStatusLabel;
class WelcomePanel;

/// The application's main window: a profile switcher on the toolbar, the batch
/// composer, the data browser and the batch monitor as tabs, the token's lifetime
/// and messages in the status bar. It wires the parts together (a created batch
/// opens in the monitor; "new draft from FAILED items" opens the composer; the
/// browser's "Tag selected…" fills the draft, see BrowserTagging) and remembers the
/// layout, the last profile and each profile's last projects in `settings`.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// `session`, `store` and `settings` must outlive the window.
    MainWindow(Session *session, StoreWorker *store, QSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] ComposerWidget *composer() const { return m_composer; }
    [[nodiscard]] MonitorWidget *monitor() const { return m_monitor; }
    [[nodiscard]] BrowserWidget *browser() const { return m_browser; }
    [[nodiscard]] BrowserTagging *tagging() const { return m_tagging; }
    /// Desktop notifications of batches that ended while the window was not active.
    [[nodiscard]] BatchEndNotifier *batchNotifier() const { return m_batchNotifier; }
    /// The app's log, for Help → Copy Diagnostics and Open Log Folder (not owned).
    void setLogFile(const LogFile *log) { m_log = log; }
    /// The tags seen in the current profile's listings, for autocompletion.
    [[nodiscard]] TagCatalog *tagCatalog() const { return m_tagCatalog; }
    [[nodiscard]] ProfileSwitcher *profileSwitcher() const { return m_switcher; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

    void showComposer();
    void showMonitor();
    void showBrowser();
    /// Shows the batch in the monitor (once a client is there, if none is yet).
    void openBatch(const QString &projectId, const QString &batchId);
    /// The id of the last profile used, from the settings ("" when none).
    [[nodiscard]] QString lastProfileId() const;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    /// The welcome panel while there is no profile (a first start), the tabs after.
    void showWelcomeIfNoProfile();
    void restoreLayout();
    void saveLayout();
    void onClientChanged(ApiClient *client);
    void onProfileChanged(const Profile &profile);
    void showStatus(const QString &message);

    Session *m_session;
    StoreWorker *m_store;
    QSettings *m_settings;
    QTabWidget *m_tabs = nullptr;
    ComposerWidget *m_composer = nullptr;
    MonitorWidget *m_monitor = nullptr;
    BrowserWidget *m_browser = nullptr;
    TagCatalog *m_tagCatalog = nullptr;
    TagCatalogKeeper *m_tagKeeper = nullptr;
    BrowserTagging *m_tagging = nullptr;
    BatchEndNotifier *m_batchNotifier = nullptr;
    QStackedWidget *m_central = nullptr;
    WelcomePanel *m_welcome = nullptr; ///< shown instead of the tabs while there is no profile
    const LogFile *m_log = nullptr;
    ProfileSwitcher *m_switcher = nullptr;
    TokenStatusLabel *m_tokenLabel = nullptr;
    QString m_profileId;
    QString m_pendingProject; ///< a batch to open once a client is ready
    QString m_pendingBatch;
};

} // namespace ica::ui
