// The desktop issue's acceptance path, through the real app as `--demo` builds it
// (AppRunner: simulator thread, session, SQLite store, main window): compose and
// submit 2,000 IDs with tag changes by pasting and typing, watch the batch to its
// end, filter, sort and page the items, leave an unfinished draft, quit, reopen,
// find both, and find no secret in any file the app wrote. One stage per test
// function, in order, on the state the stage before left.
#include "app/apprunner.h"
#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
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
#include <QDirIterator>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

class TestAppFlow final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<app::AppRunner> startApp() {
        app::AppOptions options;
        options.demo = true;
        options.dataDir = m_dir.path();
        auto runner = std::make_unique<app::AppRunner>(options);
        QString error;
        if (!runner->start(&error))
            qFatal("app did not start: %s", qPrintable(error));
        return runner;
    }

    template <typename T> static T *find(QWidget *root, const char *name) {
        return root->findChild<T *>(QLatin1String(name));
    }

    static void typeTag(QWidget *composer, const char *editor, const QString &tag) {
        QWidget *tagEditor = find<QWidget>(composer, editor);
        auto *input = tagEditor->findChild<QLineEdit *>(QStringLiteral("tagInput"));
        QTest::keyClicks(input, tag);
        QTest::keyClick(input, Qt::Key_Return);
    }

    static QString label(QWidget *root, const char *name) {
        // A label or a button: both carry a "text" property.
        auto *w = find<QWidget>(root, name);
        return w ? w->property("text").toString() : QString();
    }

    // The state the stages hand on: one app run after another over one data folder.
    std::unique_ptr<app::AppRunner> m_app;
    QString m_project;
    QStringList m_ids;
    QString m_batchId;
    QString m_draftId;
    QString m_key;

    [[nodiscard]] ui::MainWindow *window() const { return m_app->window(); }
    [[nodiscard]] ica::sim::SimulatorThread *sim() const { return m_app->demo().simulator(); }
    [[nodiscard]] QWidget *monitor() const { return window()->monitor(); }
    [[nodiscard]] QAbstractItemView *itemsView() const {
        return find<QAbstractItemView>(monitor(), "itemsView");
    }

private Q_SLOTS:
    // The stages run in this order, each on what the one before left.
    void composeAndSubmit() {
        QVERIFY(m_dir.isValid());
        m_app = startApp();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        ui::ComposerWidget *composer = window()->composer();
        auto *picker = find<ui::ProjectPicker>(composer, "projectPicker");
        QTRY_VERIFY_WITH_TIMEOUT(picker->catalog()->model()->rowCount() > 0, 20000);

        m_project = sim()->invoke([](ica::sim::IcaSimulator &s) { return s.projectIds().first(); });
        m_ids = sim()->invoke([project = m_project](ica::sim::IcaSimulator &s) {
            return s.fileIds(project).mid(0, 2000);
        });
        QCOMPARE(m_ids.size(), 2000);
        m_key = m_app->demo().apiKey();
        QVERIFY(!m_key.isEmpty());

        // Compose: pick the project by name, paste 2,000 IDs, type tags.
        window()->showComposer();
        auto *filter = find<QLineEdit>(composer, "projectFilter");
        QTest::keyClicks(filter, picker->nameOf(m_project));
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_COMPARE(composer->document().projectId, m_project);
        auto *idsEdit = find<QPlainTextEdit>(composer, "dataIdsEdit");
        QGuiApplication::clipboard()->setText(m_ids.join(QLatin1Char('\n')));
        idsEdit->setFocus();
        QTest::keySequence(idsEdit, QKeySequence::Paste);
        typeTag(composer, "userTagsAdd", QStringLiteral("reviewed"));
        typeTag(composer, "technicalTagsAdd", QStringLiteral("cohort-B"));
        auto *submit = find<QPushButton>(composer, "submitButton");
        QTRY_VERIFY(submit->isEnabled());

        // Submit (the confirmation answered through its test hook): the batch opens in
        // the monitor.
        ui::Confirmation::setNextAnswer(true);
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window()->tabs()->currentWidget(), monitor(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!find<QLineEdit>(monitor(), "batchIdField")->text().isEmpty(),
                                 20000);
        m_batchId = find<QLineEdit>(monitor(), "batchIdField")->text();
        QTRY_COMPARE(sim()->invoke([](ica::sim::IcaSimulator &s) { return s.batchCount(); }), 1);
    }

    void watchTheBatchToItsEnd() {
        QVERIFY2(m_app && !m_batchId.isEmpty(), "needs composeAndSubmit()");
        sim()->advance(std::chrono::minutes(1));
        find<QAction>(monitor(), "refreshAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            label(monitor(), "jobStatusLabel").contains(QStringLiteral("Succeeded")), 20000);
        QTRY_VERIFY(label(monitor(), "countChip_UPDATED").contains(QStringLiteral("2000")) ||
                    label(monitor(), "countChip_UPDATED").contains(QStringLiteral("2,000")));
        QVERIFY2(label(monitor(), "countChip_FAILED").endsWith(QStringLiteral(" 0")),
                 qPrintable(label(monitor(), "countChip_FAILED")));
    }

    void filterSortAndPageTheItems() {
        QVERIFY2(m_app, "needs composeAndSubmit()");
        QAbstractItemView *items = itemsView();
        QTRY_VERIFY(items->model()->rowCount() > 0);
        auto *failed = find<QAbstractButton>(monitor(), "statusFilter_FAILED");
        QTest::mouseClick(failed, Qt::LeftButton);
        QTRY_COMPARE(items->model()->rowCount(), 0); // nothing failed
        QTest::mouseClick(failed, Qt::LeftButton);
        QTRY_VERIFY(items->model()->rowCount() > 0);
        auto *header = static_cast<QHeaderView *>(items->findChild<QHeaderView *>());
        QVERIFY(header);
        const int dataIdColumn = 1;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(dataIdColumn) + 5, 5));
        QTRY_VERIFY(items->model()->index(0, dataIdColumn).data().toString() <=
                    items->model()->index(1, dataIdColumn).data().toString());
        QTest::mouseClick(find<QAbstractButton>(monitor(), "nextPageButton"), Qt::LeftButton);
        QTRY_VERIFY(label(monitor(), "pagePositionLabel").contains(QStringLiteral("2")));
    }

    void leaveAnUnfinishedDraft() {
        QVERIFY2(m_app, "needs composeAndSubmit()");
        window()->showComposer();
        ui::ComposerWidget *composer = window()->composer();
        composer->newDraft();
        auto *idsEdit = find<QPlainTextEdit>(composer, "dataIdsEdit");
        QGuiApplication::clipboard()->setText(m_ids.mid(0, 3).join(QLatin1Char(',')));
        idsEdit->setFocus();
        QTest::keySequence(idsEdit, QKeySequence::Paste);
        QTRY_VERIFY(!composer->currentDraftId().isEmpty());
        m_draftId = composer->currentDraftId();
    }

    void quitAndReopenFindsBatchAndDraft() {
        QVERIFY2(m_app && !m_draftId.isEmpty(), "needs the stages before");
        window()->close();
        m_app.reset();
        m_app = startApp();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        auto *history = find<QAbstractItemView>(monitor(), "historyView");
        QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 1, 20000);
        bool listed = false;
        for (int column = 0; column < history->model()->columnCount(); ++column)
            listed = listed || history->model()->index(0, column).data().toString() == m_batchId;
        QVERIFY2(listed, "the batch is in the reopened app's list");
        QTRY_COMPARE_WITH_TIMEOUT(window()->composer()->currentDraftId(), m_draftId, 20000);
        QTRY_VERIFY(find<QPlainTextEdit>(window()->composer(), "dataIdsEdit")
                        ->toPlainText()
                        .contains(m_ids.first()));
    }

    void copyDiagnosticsTellsNoSecret() {
        QVERIFY2(m_app, "needs quitAndReopenFindsBatchAndDraft()");
        // Help → Copy Diagnostics: versions, the server, the log; never the key.
        window()->findChild<QAction *>(QStringLiteral("copyDiagnosticsAction"))->trigger();
        const QString diagnostics = QGuiApplication::clipboard()->text();
        QVERIFY2(diagnostics.startsWith(QLatin1String("ICA Tagger ")), qPrintable(diagnostics));
        QVERIFY2(diagnostics.contains(QLatin1String("Profile: server http://127.0.0.1")),
                 qPrintable(diagnostics));
        QVERIFY2(diagnostics.contains(QLatin1String("logs/ica-tagger.log")),
                 qPrintable(diagnostics));
        QVERIFY(!diagnostics.contains(m_key));
        QVERIFY2(ica::test::findSecretsInOutput(diagnostics.toUtf8(), {m_key.toUtf8()}).isEmpty(),
                 qPrintable(diagnostics));
        window()->close();
        m_app.reset();
    }

    void theLogRecordsTheCalls() {
        QVERIFY2(!m_app && !m_key.isEmpty(), "needs the app run and quit");
        // The log recorded the calls (method, path, outcome), the create among them.
        QFile log(m_dir.filePath(QStringLiteral("logs/ica-tagger.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logText = log.readAll();
        QVERIFY2(logText.contains("INFO ica.api: POST /api/tokens -> 200"),
                 logText.left(2000).constData());
        QVERIFY2(
            QRegularExpression(
                QStringLiteral("ica\\.api: POST /api/projects/[^ ]+/dataUpdateBatch -> 20[01]"))
                .match(QString::fromUtf8(logText))
                .hasMatch(),
            logText.left(4000).constData());
    }

    void noSecretInAnyFileTheAppWrote() {
        QVERIFY2(!m_app && !m_key.isEmpty(), "needs the app run and quit");
        // Settings, SQLite and its -wal, journal, the log: neither the key nor a JWT nor
        // an Authorization header.
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("settings.ini"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("store.sqlite"))));
        const QStringList found = ica::test::findSecrets({m_dir.path()}, {m_key.toUtf8()});
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { m_app.reset(); }
};

QTEST_MAIN(TestAppFlow)
#include "tst_appflow.moc"
