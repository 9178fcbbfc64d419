#include "ui/mainwindow.h"

#include "ui/diagnosticsreport.h"

#include "core/data/tagcatalog.h"
#include "core/data/tagcatalogkeeper.h"
#include "core/diagnostics/logfile.h"
#include "core/diagnostics/statusnotices.h"
#include "core/history/batchhistorymodel.h"
#include "core/session/session.h"
#include "ui/browser/browserwidget.h"
#include "ui/browser/databrowserview.h"
#include "ui/composer/composerwidget.h"
#include "ui/monitor/monitorwidget.h"
#include "ui/notifications/batchendnotifier.h"
#include "ui/notifications/desktopnotifier.h"
#include "ui/profiles/icav2importdialog.h"
#include "ui/profiles/icav2importoffer.h"
#include "ui/profiles/profileswitcher.h"
#include "ui/profiles/tokenstatuslabel.h"
#include "ui/profiles/welcomepanel.h"
#include "ui/style/colorscheme.h"
#include "ui/tagging/browsertagging.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUrl>

namespace ica::ui {

namespace {
const QString LastProfileKey = QStringLiteral("session/lastProfileId");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString TabKey = QStringLiteral("window/tab");
const QString BrowserColumnsKey = QStringLiteral("browser/columns");
QString lastProjectKey(const QString &profileId) {
    return QStringLiteral("profiles/%1/lastProjectId").arg(profileId);
}
QString browserProjectKey(const QString &profileId) {
    return QStringLiteral("profiles/%1/browserProjectId").arg(profileId);
}
} // namespace

MainWindow::MainWindow(Session *session, StoreWorker *store, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_store(store)
    , m_settings(settings) {
    setWindowTitle(tr("ICA Tagger"));
    setObjectName(QStringLiteral("mainWindow"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_composer = new ComposerWidget(store, m_tabs);
    m_monitor = new MonitorWidget(store, m_tabs);
    m_tabs->addTab(m_composer, tr("&Compose"));
    m_tabs->addTab(m_monitor, tr("&Monitor"));
    m_tabs->setTabToolTip(0, tr("Compose a batch of tag changes and submit it (Ctrl+1)"));
    m_tabs->setTabToolTip(1, tr("Watch batches run, filter and page their items (Ctrl+2)"));
    m_tagCatalog = new TagCatalog(this);
    m_tagKeeper = new TagCatalogKeeper(m_tagCatalog, store, this);
    m_browser = new BrowserWidget(m_tabs);
    m_browser->setTagCatalog(m_tagCatalog);
    m_composer->setTagCatalog(m_tagCatalog);
    m_tabs->addTab(m_browser, tr("&Browse"));
    m_monitor->setProjectCatalog(m_browser->projectCatalog());
    m_tabs->setTabToolTip(2, tr("Find a project's data, select it and tag it (Ctrl+3)"));
    // Rows dragged out of the browser reach a composer group by hovering the Compose
    // tab, which then opens (Qt needs the tab bar to accept drops for that).
    m_tabs->tabBar()->setChangeCurrentOnDrag(true);
    m_tabs->tabBar()->setAcceptDrops(true);
    m_tagging = new BrowserTagging(m_browser, m_composer, m_tagCatalog, this, this);
    m_welcome = new WelcomePanel(this);
    m_central = new QStackedWidget(this);
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_tabs);
    setCentralWidget(m_central);

    auto *toolbar = addToolBar(tr("Profile"));
    toolbar->setObjectName(QStringLiteral("profileToolBar"));
    toolbar->setMovable(false);
    m_switcher = new ProfileSwitcher(session, toolbar); // brings its own "Profile:" label
    toolbar->addWidget(m_switcher);

    m_tokenLabel = new TokenStatusLabel(session, statusBar());
    statusBar()->addPermanentWidget(m_tokenLabel);

    m_batchNotifier = new BatchEndNotifier(m_settings, new DesktopNotifier(this), this);
    buildActions();

    connect(session, &Session::clientChanged, this, &MainWindow::onClientChanged);
    connect(session, &Session::currentProfileChanged, this, &MainWindow::onProfileChanged);
    // Every layer posts its status texts to the one StatusNotices the app installed.
    if (StatusNotices *notices = StatusNotices::instance())
        connect(notices, &StatusNotices::posted, this, &MainWindow::showStatus);
    connect(m_tagging, &BrowserTagging::composerRequested, this, &MainWindow::showComposer);
    connect(m_browser, &BrowserWidget::projectChanged, this, [this](const QString &projectId) {
        if (!m_profileId.isEmpty() && !projectId.isEmpty())
            m_settings->setValue(browserProjectKey(m_profileId), projectId);
    });
    connect(m_composer, &ComposerWidget::batchCreated, this, &MainWindow::openBatch);
    m_batchNotifier->setProjectNamer([this](const QString &projectId) {
        for (const BatchRecord &record : m_monitor->historyModel()->records()) {
            if (record.projectId == projectId && !record.projectName.isEmpty())
                return record.projectName;
        }
        return QString();
    });
    connect(m_composer, &ComposerWidget::batchCreated, m_batchNotifier, &BatchEndNotifier::watch);
    connect(m_monitor, &MonitorWidget::batchShown, m_batchNotifier, &BatchEndNotifier::watch);
    connect(m_batchNotifier, &BatchEndNotifier::openRequested, this,
            [this](const QString &projectId, const QString &batchId) {
                if (isMinimized())
                    showNormal();
                raise();
                activateWindow();
                openBatch(projectId, batchId);
            });
    connect(m_monitor, &MonitorWidget::newDraftRequested, this,
            [this](const QString &projectId, const CreateBatchRequest &request) {
                m_composer->newDraftFrom(projectId, request);
                showComposer();
            });
    connect(m_browser, &BrowserWidget::newDraftRequested, this,
            [this](const QString &projectId, const CreateBatchRequest &request) {
                m_composer->newDraftFrom(projectId, request);
                showComposer();
            });
    connect(m_composer, &ComposerWidget::lastProjectChanged, this,
            [this](const QString &projectId) {
                if (!m_profileId.isEmpty())
                    m_settings->setValue(lastProjectKey(m_profileId), projectId);
            });

    connect(m_welcome, &WelcomePanel::addProfileRequested, m_switcher->manageAction(),
            &QAction::trigger);
    connect(m_welcome, &WelcomePanel::importRequested, this, [this]() {
        Icav2ImportOffer::offerAtStart(
            m_session, this, Icav2ConfigImporter(), [this](Icav2ImportDialog *dialog) {
                if (!dialog)
                    m_welcome->showMessage(tr("No icav2 configuration with a server or "
                                              "key was found in ~/.icav2."));
            });
    });
    connect(m_welcome, &WelcomePanel::demoRequested, this, [this]() {
        // Its own process and data folder: the demo never mixes with real profiles.
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                     {QStringLiteral("--demo")}))
            m_welcome->showMessage(tr("The demo could not be started."));
    });
    connect(session, &Session::profilesChanged, this, &MainWindow::showWelcomeIfNoProfile);
    showWelcomeIfNoProfile();
    restoreLayout();
    if (m_session->currentProfile())
        onProfileChanged(*m_session->currentProfile());
    onClientChanged(m_session->client());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newDraft = file->addAction(tr("&New Draft"), m_composer, &ComposerWidget::newDraft);
    newDraft->setObjectName(QStringLiteral("newDraftAction"));
    newDraft->setShortcut(QKeySequence::New);
    newDraft->setStatusTip(tr("Start an empty draft in the composer"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *compose = view->addAction(tr("&Compose"), this, &MainWindow::showComposer);
    compose->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    compose->setObjectName(QStringLiteral("showComposerAction"));
    QAction *monitor = view->addAction(tr("&Monitor"), this, &MainWindow::showMonitor);
    monitor->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    monitor->setObjectName(QStringLiteral("showMonitorAction"));
    QAction *browse = view->addAction(tr("&Browse Data"), this, &MainWindow::showBrowser);
    browse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    browse->setObjectName(QStringLiteral("showBrowserAction"));
    view->addSeparator();
    QAction *notify = view->addAction(tr("&Notify When Batches End"));
    notify->setObjectName(QStringLiteral("notifyBatchEndAction"));
    notify->setStatusTip(tr("Show a desktop notification when a batch ends while ICA Tagger "
                            "is not the active window"));
    notify->setCheckable(true);
    notify->setChecked(m_batchNotifier->isEnabled());
    connect(notify, &QAction::toggled, m_batchNotifier, &BatchEndNotifier::setEnabled);
    QAction *dark = view->addAction(tr("&Dark Palette"));
    dark->setObjectName(QStringLiteral("darkPaletteAction"));
    dark->setStatusTip(tr("Light text on dark greys (the Fusion style), kept for the next "
                          "start"));
    dark->setCheckable(true);
    dark->setChecked(isDarkPaletteOn());
    connect(dark, &QAction::toggled, this, [this](bool on) {
        setDarkPalette(on);
        m_settings->setValue(DarkPaletteSettingKey, on);
    });

    QMenu *profiles = menuBar()->addMenu(tr("&Profiles"));
    profiles->addAction(m_switcher->manageAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *copyDiagnostics = help->addAction(tr("&Copy Diagnostics"), this, [this]() {
        QGuiApplication::clipboard()->setText(diagnosticsReport(m_session, m_log));
        showStatus(tr("Diagnostics copied: versions, system, server and the last warnings "
                      "(no keys or tokens). Paste them into your report."));
    });
    copyDiagnostics->setObjectName(QStringLiteral("copyDiagnosticsAction"));
    QAction *openLogs = help->addAction(tr("Open &Log Folder"), this, [this]() {
        if (!m_log) {
            showStatus(tr("This run keeps no log file."));
            return;
        }
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_log->path()).absolutePath()));
    });
    openLogs->setObjectName(QStringLiteral("openLogFolderAction"));
    help->addSeparator();
    help->addAction(tr("&About ICA Tagger"), this, [this]() {
        QMessageBox::about(this, tr("About ICA Tagger"),
                           tr("<b>ICA Tagger %1</b><p>Tag Illumina Connected Analytics data in "
                              "bulk and watch the batches run.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showWelcomeIfNoProfile() {
    m_central->setCurrentWidget(m_session->profiles().isEmpty() ? static_cast<QWidget *>(m_welcome)
                                                                : m_tabs);
}

void MainWindow::showComposer() {
    m_tabs->setCurrentWidget(m_composer);
}

void MainWindow::showMonitor() {
    m_tabs->setCurrentWidget(m_monitor);
}

void MainWindow::showBrowser() {
    m_tabs->setCurrentWidget(m_browser);
}

void MainWindow::openBatch(const QString &projectId, const QString &batchId) {
    showMonitor();
    if (!m_session->client()) {
        // Opened from the command line before the profile's secret was read.
        m_pendingProject = projectId;
        m_pendingBatch = batchId;
        return;
    }
    m_monitor->openBatch(projectId, batchId);
}

QString MainWindow::lastProfileId() const {
    return m_settings->value(LastProfileKey).toString();
}

void MainWindow::onClientChanged(ApiClient *client) {
    m_composer->setClient(client);
    m_monitor->setClient(client);
    m_browser->setClient(client);
    m_tagging->setClient(client);
    m_batchNotifier->setClient(client);
    if (client && !m_pendingBatch.isEmpty()) {
        m_monitor->openBatch(std::exchange(m_pendingProject, {}),
                             std::exchange(m_pendingBatch, {}));
    }
}

void MainWindow::onProfileChanged(const Profile &profile) {
    m_profileId = profile.id;
    m_composer->setProfileId(profile.id);
    m_monitor->setProfileId(profile.id);
    m_tagKeeper->setProfileId(profile.id); // this profile's tags, from earlier runs too
    if (profile.id.isEmpty()) {
        setWindowTitle(tr("ICA Tagger"));
        return;
    }
    setWindowTitle(tr("%1 — ICA Tagger").arg(profile.name));
    m_settings->setValue(LastProfileKey, profile.id);
    const QString lastProject = m_settings->value(lastProjectKey(profile.id)).toString();
    m_composer->setLastProjectId(lastProject.isEmpty() ? profile.defaultProjectId : lastProject);
    const QString browserProject = m_settings->value(browserProjectKey(profile.id)).toString();
    m_browser->setProject(!browserProject.isEmpty() ? browserProject
                          : !lastProject.isEmpty()  ? lastProject
                                                    : profile.defaultProjectId);
}

void MainWindow::showStatus(const QString &message) {
    statusBar()->showMessage(message, 8000);
}

void MainWindow::restoreLayout() {
    if (!restoreGeometry(m_settings->value(GeometryKey).toByteArray()))
        resize(1280, 820);
    restoreState(m_settings->value(StateKey).toByteArray());
    m_tabs->setCurrentIndex(qBound(0, m_settings->value(TabKey, 0).toInt(), m_tabs->count() - 1));
    m_browser->view()->restoreColumnState(m_settings->value(BrowserColumnsKey).toByteArray());
}

void MainWindow::saveLayout() {
    m_settings->setValue(GeometryKey, saveGeometry());
    m_settings->setValue(StateKey, saveState());
    m_settings->setValue(TabKey, m_tabs->currentIndex());
    m_settings->setValue(BrowserColumnsKey, m_browser->view()->saveColumnState());
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::WindowStateChange)
        m_monitor->setWindowMinimized(isMinimized()); // live refresh pauses meanwhile
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

} // namespace ica::ui
