#include "app/apprunner.h"

#include "app/firstpaintprobe.h"
#include "app/screenshottour.h"
#include "app/testcontrol.h"
#include "core/diagnostics/logcategories.h"
#include "core/diagnostics/logfile.h"
#include "core/diagnostics/statusnotices.h"
#include "core/session/session.h"
#include "core/store/fallbacksecretstore.h"
#include "core/store/profilestore.h"
#include "core/store/storeworker.h"
#include "ui/mainwindow.h"
#include "ui/profiles/icav2importoffer.h"
#include "ui/style/colorscheme.h"
#include "ui/widgets/confirmation.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

namespace ica::app {

AppRunner::AppRunner(AppOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

AppRunner::~AppRunner() {
    // The window first: its widgets hold pointers into the session and the store.
    m_window.reset();
    m_session.reset();
    m_store.reset();
    m_log.reset(); // last: the others may still log while they go
}

QString AppRunner::dataDirectory() const {
    if (!m_options.dataDir.isEmpty())
        return QDir(m_options.dataDir).absolutePath();
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // The demo keeps its own settings, history and drafts: its profile and batches
    // never mix with the user's real ones.
    return m_options.demo ? QDir(base).filePath(QStringLiteral("demo")) : base;
}

bool AppRunner::start(QString *error) {
    const QString dir = dataDirectory();
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("Cannot create the data folder %1: check its permissions or "
                                "give another with --data-dir.")
                     .arg(dir);
        return false;
    }
    m_instance = std::make_unique<SingleInstance>(dir);
    switch (m_instance->claim(QCoreApplication::arguments().mid(1), error)) {
    case SingleInstance::Role::HandedOver:
        m_handedOver = true;
        return true;
    case SingleInstance::Role::Failed:
        return false;
    case SingleInstance::Role::Primary:
        connect(m_instance.get(), &SingleInstance::launched, this, &AppRunner::onLaunched);
        break;
    }
    m_log = std::make_unique<LogFile>(QDir(dir).filePath(QStringLiteral("logs/ica-tagger.log")));
    m_log->install();
    qCInfo(lcUi, "ICA Tagger %s started (Qt %s)%s",
           qUtf8Printable(QCoreApplication::applicationVersion()), qVersion(),
           m_options.demo ? " in demo mode" : "");
    if (m_options.demo && !m_demo.start(dir, error, m_options.demoSetup)) {
        *error = QStringLiteral("The demo's ICA simulator did not start: %1").arg(*error);
        return false;
    }
    if (m_options.demo || !m_options.dataDir.isEmpty())
        m_settings = std::make_unique<QSettings>(QDir(dir).filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
    else
        m_settings = std::make_unique<QSettings>();
    m_store = std::make_unique<StoreWorker>(QDir(dir).filePath(QStringLiteral("store.sqlite")),
                                            nullptr, StoreWorker::Recovery::SetAsideOrMemory);
    connect(m_store.get(), &StoreWorker::opened, this, &AppRunner::reportStore);
    m_session =
        std::make_unique<Session>(m_settings.get(), FallbackSecretStore::overSystemKeychain());
    if (m_options.demo)
        m_session->addDemoProfile(m_demo.baseUrl(), m_demo.apiKey());

    // Before the window is built, so it comes up in its colours.
    if (m_options.dark || m_settings->value(ui::DarkPaletteSettingKey).toBool())
        ui::setDarkPalette(true);
    m_window = std::make_unique<ui::MainWindow>(m_session.get(), m_store.get(), m_settings.get());
    m_window->setLogFile(m_log.get());
    if (m_options.testControl)
        new TestControl(m_window.get(), m_store.get(), m_session.get(), m_demo.simulator(), this);
    if (m_options.quitWhenDrawn)
        new FirstPaintProbe(m_window.get(), this);
    m_window->show();
    chooseProfile();
    if (!m_options.openBatchId.isEmpty())
        openBatch(m_options.openBatchId, m_options.projectId);
    if (!m_options.screenshotDir.isEmpty()) {
        auto *tour = new ScreenshotTour(m_window.get(), m_session.get(), m_demo.simulator(),
                                        m_options.screenshotDir, this);
        tour->start();
    }
    return true;
}

void AppRunner::reportStore(bool ok, const QString &error) {
    // A damaged, newer or unwritable store: the app runs on (a fresh file or memory),
    // and says so where it will be seen, and on stderr for logs and tests.
    const QString message = ok ? m_store->notice() : error;
    if (message.isEmpty())
        return;
    std::fprintf(stderr, "ica-tagger: %s\n", qPrintable(message));
    std::fflush(stderr);
    if (!m_window)
        return;
    StatusNotices::post(message);
    if (QMessageBox *box = ui::Confirmation::inform(m_window.get(), tr("Local database"), message))
        box->setObjectName(QStringLiteral("storeNoticeBox"));
}

void AppRunner::chooseProfile() {
    const QList<Profile> profiles = m_session->profiles();
    const auto findBy = [&profiles](auto predicate) -> QString {
        for (const Profile &p : profiles) {
            if (predicate(p))
                return p.id;
        }
        return QString();
    };
    if (!m_options.profileName.isEmpty()) {
        const QString id = findBy([this](const Profile &p) {
            return p.name.compare(m_options.profileName, Qt::CaseInsensitive) == 0;
        });
        if (!id.isEmpty()) {
            m_session->activateProfile(id);
            return;
        }
        StatusNotices::post(
            tr("No profile is named \"%1\": choose one in the toolbar or add it under "
               "Profiles > Manage Profiles.")
                .arg(m_options.profileName));
    }
    if (m_options.demo) {
        m_session->activateProfile(findBy([](const Profile &p) { return p.demo; }));
        return;
    }
    const QString last = m_window->lastProfileId();
    if (!last.isEmpty() && m_session->activateProfile(last))
        return;
    if (m_session->activateDefaultProfile())
        return;
    // First start: offer the icav2 CLI's configuration when there is one.
    ui::Icav2ImportOffer::offerAtStart(m_session.get(), m_window.get());
}

void AppRunner::onLaunched(const QStringList &arguments) {
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
    AppOptions options;
    QString error;
    if (!AppOptions::parse(QStringList{QCoreApplication::applicationFilePath()} + arguments,
                           &options, &error)) {
        StatusNotices::post(tr("Another launch of ICA Tagger: %1").arg(error));
        return;
    }
    if (!options.openBatchId.isEmpty())
        openBatch(options.openBatchId, options.projectId);
}

void AppRunner::openBatch(const QString &batchId, const QString &projectId) {
    if (!projectId.isEmpty()) {
        m_window->openBatch(projectId, batchId);
        return;
    }
    // The batch's project from the history, else the profile's default project.
    m_store->findBatch(batchId, QString(), this,
                       [this, batchId](const StoreResult<std::optional<BatchRecord>> &found) {
                           QString project;
                           if (found.ok() && found.value)
                               project = found.value->projectId;
                           else if (m_session->currentProfile())
                               project = m_session->currentProfile()->defaultProjectId;
                           if (project.isEmpty()) {
                               StatusNotices::post(
                                   tr("Batch %1 is not in the history: give its project with "
                                      "--project ID.")
                                       .arg(batchId));
                               return;
                           }
                           m_window->openBatch(project, batchId);
                       });
}

} // namespace ica::app
