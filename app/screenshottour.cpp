#include "app/screenshottour.h"

#include "core/api/batchapi.h"
#include "core/browser/browsernavigator.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/batchmonitor.h"
#include "core/monitor/itemspager.h"
#include "core/session/session.h"
#include "core/store/sessionsecretstore.h"
#include "core/store/storeworker.h"
#include "simulator/simulatorthread.h"
#include "ui/appicon.h"
#include "ui/browser/browserwidget.h"
#include "ui/composer/composerwidget.h"
#include "ui/mainwindow.h"
#include "ui/monitor/batchview.h"
#include "ui/monitor/monitorwidget.h"
#include "ui/profiles/profilemanagerdialog.h"
#include "ui/profiles/profileswitcher.h"
#include "ui/style/colorscheme.h"
#include "ui/tagging/browsertagging.h"
#include "ui/tagging/tagselecteddialog.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cstdio>

namespace ica::app {

namespace {
constexpr int PollMs = 100;
constexpr int StepTimeoutMs = 20000;
const QString IconShot = QStringLiteral("00-icon.png");
const QString FirstRunShot = QStringLiteral("01-first-run.png");
const QString ComposerShot = QStringLiteral("02-composer.png");
const QString DraftShot = QStringLiteral("03-composer-draft.png");
const QString RunningShot = QStringLiteral("04-monitor-running.png");
const QString FinishedShot = QStringLiteral("05-monitor-finished.png");
const QString DarkShot = QStringLiteral("06-monitor-dark.png");
const QString ProfilesShot = QStringLiteral("07-profiles.png");
const QString BrowserShot = QStringLiteral("08-browser.png");
const QString TagSelectedShot = QStringLiteral("09-tag-selected.png");
} // namespace

ScreenshotTour::ScreenshotTour(ui::MainWindow *window, Session *session,
                               ica::sim::SimulatorThread *simulator, QString directory,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session)
    , m_simulator(simulator)
    , m_directory(std::move(directory)) {
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotTour::next);
}

ScreenshotTour::~ScreenshotTour() {
    closeFirstRunWindow();
    if (ui::isDarkPaletteOn())
        ui::setDarkPalette(false);
}

void ScreenshotTour::save(QWidget *widget, const QString &file) {
    const QString path = QDir(m_directory).filePath(file);
    if (widget->grab().save(path))
        std::printf("screenshot: %s\n", qPrintable(path));
    else
        std::fprintf(stderr, "screenshot: could not write %s\n", qPrintable(path));
    std::fflush(stdout);
}

QStringList ScreenshotTour::shotFiles() {
    return {IconShot,     FirstRunShot, ComposerShot, DraftShot,   RunningShot,
            FinishedShot, DarkShot,     ProfilesShot, BrowserShot, TagSelectedShot};
}

void ScreenshotTour::saveIcon(const QString &file) {
    const QString path = QDir(m_directory).filePath(file);
    if (ui::appIcon().pixmap(256, 256).save(path))
        std::printf("screenshot: %s\n", qPrintable(path));
    else
        std::fprintf(stderr, "screenshot: could not write %s\n", qPrintable(path));
    std::fflush(stdout);
}

void ScreenshotTour::openFirstRunWindow() {
    m_firstRunDir = std::make_unique<QTemporaryDir>();
    m_firstRunSettings = std::make_unique<QSettings>(
        m_firstRunDir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_firstRunStore =
        std::make_unique<StoreWorker>(m_firstRunDir->filePath(QStringLiteral("store.sqlite")));
    m_firstRunSession =
        std::make_unique<Session>(m_firstRunSettings.get(), std::make_unique<SessionSecretStore>());
    m_firstRunWindow = std::make_unique<ui::MainWindow>(
        m_firstRunSession.get(), m_firstRunStore.get(), m_firstRunSettings.get());
    m_firstRunWindow->resize(m_window->size());
    m_firstRunWindow->show();
}

void ScreenshotTour::closeFirstRunWindow() {
    // The window first: its widgets hold pointers into the session and the store.
    if (m_firstRunWindow)
        m_firstRunWindow->close();
    m_firstRunWindow.reset();
    m_firstRunSession.reset();
    m_firstRunStore.reset();
    m_firstRunSettings.reset();
    m_firstRunDir.reset();
}

bool ScreenshotTour::monitorShowsFinishedBatch() const {
    const ui::BatchView *view = m_window->monitor()->batchView();
    const BatchMonitor *monitor = view->monitor();
    if (view->batchId() != m_batchId || !monitor->isFinished() || monitor->isRefreshing() ||
        !monitor->counts().allTerminal() || view->pager()->isLoading())
        return false;
    // The rows shown too: a page read before the end may still say UPDATING.
    const BatchItemsModel *items = view->itemsModel();
    for (int row = 0; row < items->rowCount(); ++row) {
        const QModelIndex cell = items->index(row, BatchItemsModel::StatusColumn);
        if (!cell.data(BatchItemsModel::TerminalRole).toBool())
            return false;
    }
    return items->rowCount() > 0;
}

void ScreenshotTour::start() {
    QDir().mkpath(m_directory);
    const auto hasClient = [this]() { return m_session->client() != nullptr; };
    m_steps = {
        {QStringLiteral("icon"), [] { return true; }, [this]() { saveIcon(IconShot); }},
        {QStringLiteral("first run"), [] { return true; }, [this]() { openFirstRunWindow(); }},
        {QStringLiteral("first run shot"),
         [this]() { return m_firstRunWindow && m_firstRunWindow->isVisible(); },
         [this]() {
             save(m_firstRunWindow.get(), FirstRunShot);
             closeFirstRunWindow();
         }},
        {QStringLiteral("composer"), hasClient,
         [this]() {
             m_window->showComposer();
             save(m_window, ComposerShot);
         }},
        {QStringLiteral("draft"), hasClient,
         [this]() {
             if (!m_simulator)
                 return;
             m_projectId = m_simulator->invoke(
                 [](ica::sim::IcaSimulator &sim) { return sim.projectIds().first(); });
             const QStringList ids = m_simulator->invoke([this](ica::sim::IcaSimulator &sim) {
                 return sim.fileIds(m_projectId).mid(0, 2000);
             });
             CreateBatchRequest request;
             DataUpdateGroup group;
             group.dataIds = ids;
             group.userTags.addTags = {QStringLiteral("reviewed")};
             group.technicalTags.addTags = {QStringLiteral("cohort-B")};
             group.technicalTags.removeTags = {QStringLiteral("pending")};
             request.dataUpdateGroups = {group};
             m_window->composer()->newDraftFrom(m_projectId, request);
             // Submit the same request directly: the composer's own submit asks for
             // a confirmation, which is for people.
             BatchApi(m_session->client())
                 .create(m_projectId, request, this, [this](const Result<Batch> &created) {
                     if (created.ok())
                         m_batchId = created.value->id;
                 });
         }},
        {QStringLiteral("draft shot"), [this]() { return !m_batchId.isEmpty() || !m_simulator; },
         [this]() { save(m_window, DraftShot); }},
        {QStringLiteral("monitor running"), [this]() { return !m_batchId.isEmpty(); },
         [this]() {
             m_window->openBatch(m_projectId, m_batchId);
             m_simulator->advance(std::chrono::seconds(5));
         }},
        {QStringLiteral("monitor running shot"), [] { return true; },
         [this]() { save(m_window, RunningShot); }},
        {QStringLiteral("monitor finished"), [] { return true; },
         [this]() {
             // Past the simulated batch's end; refresh now rather than wait for the
             // next tick. The shot waits until the monitor shows the end.
             m_simulator->advance(std::chrono::seconds(60));
             m_window->monitor()->batchView()->refreshNow();
         }},
        {QStringLiteral("monitor finished shot"), [this]() { return monitorShowsFinishedBatch(); },
         [this]() { save(m_window, FinishedShot); }},
        {QStringLiteral("dark palette"), [] { return true; }, [] { ui::setDarkPalette(true); }},
        {QStringLiteral("dark palette shot"), [] { return ui::isDarkPaletteOn(); },
         [this]() {
             save(m_window, DarkShot);
             ui::setDarkPalette(false);
         }},
        {QStringLiteral("profiles"), [] { return true; },
         [this]() {
             ui::ProfileManagerDialog *dialog = m_window->profileSwitcher()->openManager();
             save(dialog, ProfilesShot);
             dialog->close();
         }},
        {QStringLiteral("browser"), [this]() { return m_window->browser()->model() != nullptr; },
         [this]() {
             m_window->showBrowser();
             m_window->browser()->setProject(m_projectId);
             m_window->browser()->navigator()->navigateTo(QStringLiteral("/runs/"));
         }},
        {QStringLiteral("browser shot"),
         [this]() {
             const DataBrowserModel *model = m_window->browser()->model();
             return model->rowCount() > 0 && !m_window->browser()->lister()->isLoading();
         },
         [this]() { save(m_window, BrowserShot); }},
        {QStringLiteral("tag selected"), [] { return true; },
         [this]() {
             const DataBrowserModel *model = m_window->browser()->model();
             ui::TagSelectedDialog *dialog =
                 m_window->tagging()->openDialog(m_projectId, model->items().mid(0, 20));
             save(dialog, TagSelectedShot);
             dialog->close();
         }},
    };
    m_poll.start();
}

void ScreenshotTour::next() {
    if (m_steps.isEmpty()) {
        m_poll.stop();
        QApplication::closeAllWindows();
        QApplication::quit();
        return;
    }
    Step &step = m_steps.first();
    m_waitedMs += PollMs;
    // Shots after an action wait a few polls so refreshes and repaints land.
    if (!step.ready() || m_waitedMs < 1500) {
        if (m_waitedMs > StepTimeoutMs) {
            std::fprintf(stderr, "screenshot: step \"%s\" timed out\n", qPrintable(step.name));
            QApplication::exit(1);
        }
        return;
    }
    m_waitedMs = 0;
    Step current = m_steps.takeFirst();
    current.run();
}

} // namespace ica::app
