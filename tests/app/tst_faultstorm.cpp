// The desktop app under a fault storm, through the real widgets (offscreen) and the
// real --demo simulator: about a quarter of the answers are 429s, 500/502/503s,
// gateway 504s after processing, dropped connections or truncated bodies (a seeded
// generator: the same rate and mix on every run; which request gets which fault
// depends on the order requests arrive), and the JWT expires every 3 s of real time
// (a minute of the simulator's time at speed 20). Compose, submit, monitor to the
// end, browse; then a create answered by a gateway's 504 after ICA took it, which
// must be told as an unknown outcome, never resent, and found by the check.
// Asserted: exactly one batch per submit, the monitor's terminal state and counts,
// no crash, and no error text a person cannot act on. Everything the app writes
// (data folder, settings) and its log output are kept in one folder (recordDir())
// for a secret scan.
#include "app/apprunner.h"
#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
#include "core/session/session.h"
#include "simulator/icasimulator.h"
#include "simulator/simulatorthread.h"
#include "tests/support/secretscan.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/projectpicker.h"
#include "ui/mainwindow.h"
#include "ui/monitor/monitorwidget.h"
#include "ui/widgets/confirmation.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ica;

namespace {

/// Where qDebug/qWarning output of the run goes (the app's stderr), as well as to
/// the real stderr.
QFile *g_log = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &text) {
    if (g_log && g_log->isOpen()) {
        g_log->write(text.toUtf8() + '\n');
        g_log->flush();
    }
    if (g_previousHandler)
        g_previousHandler(type, context, text);
}

} // namespace

class TestFaultStorm final : public QObject {
    Q_OBJECT

    QTemporaryDir m_record; ///< data/ (the app's data folder) and stderr.log
    QFile m_log;
    QStringList m_shown; ///< every message, status text and error label seen
    QTimer m_watch;
    QList<QByteArray> m_keys; ///< the demo API keys of the runs, for the secret scan

    QString dataDir() const { return m_record.filePath(QStringLiteral("data")); }

    std::unique_ptr<app::AppRunner> startApp() {
        app::AppOptions options;
        options.demo = true;
        options.dataDir = dataDir();
        options.demoSetup = [](ica::sim::SimulatorOptions &o) {
            o.speed = 20.0;                // a simulated minute every 3 s
            o.tokenLifetimeSeconds = 3;    // real seconds: the JWT expires every simulated minute
            o.itemsPerSecond = 4;          // 600 items: 150 simulated s, about 8 real s
            o.faults.rateLimitRate = 0.08; // every 12th-13th request, creates and tokens too
            o.faults.retryAfterSeconds = 0;
            o.faults.stormRate = 0.2; // GETs: 429, 5xx, gateway 504, drop, truncate
            o.faults.stormSeed = 20261205;
            o.faults.stormGetOnly = true; // a create sees only 429s: batches can be counted
        };
        auto runner = std::make_unique<app::AppRunner>(options);
        QString error;
        if (!runner->start(&error))
            qFatal("app did not start: %s", qPrintable(error));
        m_keys.append(runner->demo().apiKey().toUtf8());
        return runner;
    }

    template <typename T> static T *find(QWidget *root, const char *name) {
        return root->findChild<T *>(QLatin1String(name));
    }

    static QString text(QWidget *root, const char *name) {
        auto *w = find<QWidget>(root, name);
        return w ? w->property("text").toString() : QString();
    }

    /// Records the texts a person sees: the composer's message, the monitor's
    /// error line, the status bar.
    void watch(ui::MainWindow *window) {
        connect(window->statusBar(), &QStatusBar::messageChanged, this,
                [this](const QString &message) {
                    if (!message.isEmpty())
                        m_shown.append(message);
                });
        m_watch.setInterval(20);
        disconnect(&m_watch, nullptr, this, nullptr); // the previous test's window is gone
        connect(&m_watch, &QTimer::timeout, this, [this, window = QPointer<QWidget>(window)]() {
            if (!window)
                return;
            for (const char *name : {"submitMessage", "batchMessage"}) {
                const QString shown = text(window, name);
                if (!shown.isEmpty() && (m_shown.isEmpty() || m_shown.last() != shown))
                    m_shown.append(shown);
            }
        });
        m_watch.start();
    }

    /// A message a person can act on: no bare "Unknown error", no raw "HTTP 5xx"
    /// without saying what happens next or what to do.
    static bool actionable(const QString &message) {
        if (message.contains(QLatin1String("Unknown error"), Qt::CaseInsensitive))
            return false;
        static const QRegularExpression serverError(QStringLiteral("HTTP 5\\d\\d"));
        if (!message.contains(serverError))
            return true;
        for (const char *guidance :
             {"trying again", "tries again", "temporary", "Refresh", "check", "Check"})
            if (message.contains(QLatin1String(guidance)))
                return true;
        return false;
    }

    /// Quick retries (the real schedule waits up to 30 s): the same decisions in
    /// less time. Returns the session's client.
    static ApiClient *quickRetries(app::AppRunner *app) {
        if (!QTest::qWaitFor([app]() { return app->session()->client() != nullptr; }, 20000))
            return nullptr;
        RetryPolicy quick;
        quick.delays = {std::chrono::milliseconds(50), std::chrono::milliseconds(100),
                        std::chrono::milliseconds(200), std::chrono::milliseconds(400)};
        app->session()->client()->setRetryPolicy(quick);
        return app->session()->client();
    }

    static int batchCount(ica::sim::SimulatorThread *sim) {
        return sim->invoke([](ica::sim::IcaSimulator &s) { return s.batchCount(); });
    }

    /// Picks the project, pastes `ids`, adds a tag and submits (confirmed).
    void composeAndSubmit(ui::MainWindow *window, const QString &project, const QStringList &ids,
                          const QString &tag) {
        ui::ComposerWidget *composer = window->composer();
        auto *picker = find<ui::ProjectPicker>(composer, "projectPicker");
        window->showComposer();
        composer->newDraft();
        auto *filter = find<QLineEdit>(composer, "projectFilter");
        filter->clear();
        QTest::keyClicks(filter, picker->nameOf(project));
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(composer->document().projectId, project, 20000);
        auto *idsEdit = find<QPlainTextEdit>(composer, "dataIdsEdit");
        QGuiApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
        idsEdit->setFocus();
        QTest::keySequence(idsEdit, QKeySequence::Paste);
        QWidget *tagEditor = find<QWidget>(composer, "userTagsAdd");
        auto *input = tagEditor->findChild<QLineEdit *>(QStringLiteral("tagInput"));
        QTest::keyClicks(input, tag);
        QTest::keyClick(input, Qt::Key_Return);
        auto *submit = find<QPushButton>(composer, "submitButton");
        QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), 20000);
        ui::Confirmation::setNextAnswer(true);
        QTest::mouseClick(submit, Qt::LeftButton);
    }

public:
    /// Everything the app wrote and logged in the run (for a secret scan).
    QString recordDir() const { return m_record.path(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_record.isValid());
        m_log.setFileName(m_record.filePath(QStringLiteral("stderr.log")));
        QVERIFY(m_log.open(QIODevice::WriteOnly));
        g_log = &m_log;
        g_previousHandler = qInstallMessageHandler(recordMessage);
    }

    void cleanupTestCase() {
        qInstallMessageHandler(g_previousHandler);
        g_log = nullptr;
        m_log.close();
        // Nothing the storm made the app write or log may hold a key, a JWT or an
        // Authorization header: retries and renewals are where one would slip out.
        const QStringList found = ica::test::findSecrets({recordDir()}, m_keys);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void composeSubmitMonitorBrowseUnderAStorm() {
        auto app = startApp();
        ui::MainWindow *window = app->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        watch(window);
        ApiClient *client = quickRetries(app.get());
        QVERIFY(client);
        int retries = 0;
        connect(client, &ApiClient::retryScheduled, this, [&retries]() { ++retries; });

        auto *picker = find<ui::ProjectPicker>(window->composer(), "projectPicker");
        QTRY_VERIFY_WITH_TIMEOUT(picker->catalog()->model()->rowCount() > 0, 30000);
        ica::sim::SimulatorThread *sim = app->demo().simulator();
        const QString project =
            sim->invoke([](ica::sim::IcaSimulator &s) { return s.projectIds().first(); });
        const QStringList ids = sim->invoke(
            [&project](ica::sim::IcaSimulator &s) { return s.fileIds(project).mid(0, 600); });
        QCOMPARE(ids.size(), 600);
        QCOMPARE(batchCount(sim), 0);

        composeAndSubmit(window, project, ids, QStringLiteral("storm"));
        QTRY_COMPARE_WITH_TIMEOUT(window->tabs()->currentWidget(), window->monitor(), 30000);
        QWidget *monitor = window->monitor();
        QTRY_VERIFY_WITH_TIMEOUT(!find<QLineEdit>(monitor, "batchIdField")->text().isEmpty(),
                                 20000);
        QCOMPARE(batchCount(sim), 1);

        // Live refresh every 2 s to the end, through the storm.
        auto *interval = find<QComboBox>(monitor, "refreshIntervalCombo");
        interval->setCurrentIndex(interval->findData(qlonglong(2000)));
        QTRY_VERIFY_WITH_TIMEOUT(
            text(monitor, "jobStatusLabel").contains(QStringLiteral("Succeeded")), 40000);
        QTRY_VERIFY_WITH_TIMEOUT(
            text(monitor, "countChip_UPDATED").endsWith(QStringLiteral(" 600")), 20000);
        QVERIFY2(text(monitor, "countChip_FAILED").endsWith(QStringLiteral(" 0")),
                 qPrintable(text(monitor, "countChip_FAILED")));

        // Browse: pages of items load through the storm.
        auto *items = find<QAbstractItemView>(monitor, "itemsView");
        QTRY_VERIFY_WITH_TIMEOUT(items->model()->rowCount() > 0, 20000);
        for (int page = 2; page <= 3; ++page) {
            const QString before = text(monitor, "pagePositionLabel");
            auto *next = find<QAbstractButton>(monitor, "nextPageButton");
            QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);
            QTest::mouseClick(next, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(text(monitor, "pagePositionLabel") != before, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(items->model()->rowCount() > 0, 20000);
        }

        // Still exactly one batch; the storm was real and retried.
        QCOMPARE(batchCount(sim), 1);
        const int faults =
            sim->invoke([](ica::sim::IcaSimulator &s) { return s.faults().stormFaults(); });
        QVERIFY2(faults >= 8, qPrintable(QString::number(faults)));
        QVERIFY(retries >= faults / 2);
        bool retryTold = false;
        for (const QString &shown : std::as_const(m_shown)) {
            QVERIFY2(actionable(shown), qPrintable(shown));
            retryTold = retryTold || shown.contains(QLatin1String("trying again in"));
        }
        QVERIFY2(retryTold, qPrintable(m_shown.join(QLatin1Char('\n'))));
        window->close();
    }

    void gateway504AfterACreateIsToldAsUnknownAndChecked() {
        auto app = startApp();
        ui::MainWindow *window = app->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        m_shown.clear();
        watch(window);
        QVERIFY(quickRetries(app.get()));
        ica::sim::SimulatorThread *sim = app->demo().simulator();
        auto *picker = find<ui::ProjectPicker>(window->composer(), "projectPicker");
        QTRY_VERIFY_WITH_TIMEOUT(picker->catalog()->model()->rowCount() > 0, 30000);
        const QString project =
            sim->invoke([](ica::sim::IcaSimulator &s) { return s.projectIds().first(); });
        const QStringList ids = sim->invoke(
            [&project](ica::sim::IcaSimulator &s) { return s.fileIds(project).mid(700, 37); });
        const int before = batchCount(sim); // the journal replayed the first test's batch
        sim->invoke([](ica::sim::IcaSimulator &s) {
            s.faults().gatewayNext(1, 504, QStringLiteral("dataUpdateBatch"));
            return 0;
        });

        composeAndSubmit(window, project, ids, QStringLiteral("maybe"));
        ui::ComposerWidget *composer = window->composer();
        QTRY_VERIFY_WITH_TIMEOUT(
            text(composer, "submitMessage").contains(QStringLiteral("may or may not have created")),
            30000);
        auto *check =
            find<QPushButton>(find<QWidget>(composer, "submitMessage"), "messageActionButton");
        QVERIFY(check && check->isVisible());
        QCOMPARE(check->text(), QStringLiteral("Check whether it was created"));
        QCOMPARE(window->tabs()->currentWidget(), window->composer());
        // Taken once, never sent again on its own.
        QVERIFY(!QTest::qWaitFor([&]() { return batchCount(sim) > before + 1; }, 1000));
        QCOMPARE(batchCount(sim), before + 1);

        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            text(composer, "submitMessage").contains(QStringLiteral("ICA did create it")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window->tabs()->currentWidget(), window->monitor(), 20000);
        const QString shownId = text(window->monitor(), "batchIdField");
        QVERIFY(text(composer, "submitMessage").contains(shownId));
        QCOMPARE(batchCount(sim), before + 1);
        for (const QString &shown : std::as_const(m_shown))
            QVERIFY2(actionable(shown), qPrintable(shown));
        window->close();
    }
};

QTEST_MAIN(TestFaultStorm)
#include "tst_faultstorm.moc"
