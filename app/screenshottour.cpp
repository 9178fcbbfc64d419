#include "app/screenshottour.h"

#include "core/api/batchapi.h"
#include "core/browser/browsernavigator.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/session/session.h"
#include "simulator/simulatorthread.h"
#include "ui/browser/browserwidget.h"
#include "ui/composer/composerwidget.h"
#include "ui/mainwindow.h"
#include "ui/monitor/monitorwidget.h"
#include "ui/profiles/profilemanagerdialog.h"
#include "ui/profiles/profileswitcher.h"
#include "ui/tagging/browsertagging.h"
#include "ui/tagging/tagselecteddialog.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>

#include <cstdio>

namespace ica::app {

namespace {
constexpr int PollMs = 100;
constexpr int StepTimeoutMs = 20000;
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

void ScreenshotTour::save(QWidget *widget, const QString &file) {
    const QString path = QDir(m_directory).filePath(file);
    if (widget->grab().save(path))
        std::printf("screenshot: %s\n", qPrintable(path));
    else
        std::fprintf(stderr, "screenshot: could not write %s\n", qPrintable(path));
    std::fflush(stdout);
}

void ScreenshotTour::start() {
    QDir().mkpath(m_directory);
    const auto hasClient = [this]() { return m_session->client() != nullptr; };
    m_steps = {
        {QStringLiteral("composer"), hasClient,
         [this]() {
             m_window->showComposer();
             save(m_window, QStringLiteral("01-composer.png"));
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
         [this]() { save(m_window, QStringLiteral("02-composer-draft.png")); }},
        {QStringLiteral("monitor running"), [this]() { return !m_batchId.isEmpty(); },
         [this]() {
             m_window->openBatch(m_projectId, m_batchId);
             m_simulator->advance(std::chrono::seconds(5));
         }},
        {QStringLiteral("monitor running shot"), [] { return true; },
         [this]() { save(m_window, QStringLiteral("03-monitor-running.png")); }},
        {QStringLiteral("monitor finished"), [] { return true; },
         [this]() { m_simulator->advance(std::chrono::seconds(30)); }},
        {QStringLiteral("monitor finished shot"), [] { return true; },
         [this]() { save(m_window, QStringLiteral("04-monitor-finished.png")); }},
        {QStringLiteral("profiles"), [] { return true; },
         [this]() {
             ui::ProfileManagerDialog *dialog = m_window->profileSwitcher()->openManager();
             save(dialog, QStringLiteral("05-profiles.png"));
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
         [this]() { save(m_window, QStringLiteral("06-browser.png")); }},
        {QStringLiteral("tag selected"), [] { return true; },
         [this]() {
             const DataBrowserModel *model = m_window->browser()->model();
             ui::TagSelectedDialog *dialog =
                 m_window->tagging()->openDialog(m_projectId, model->items().mid(0, 20));
             save(dialog, QStringLiteral("07-tag-selected.png"));
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
