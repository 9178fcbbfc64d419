// The desktop issue's acceptance path, through the real app as `--demo` builds it
// (AppRunner: simulator thread, session, SQLite store, main window): compose and
// submit 2,000 IDs with tag changes by pasting and typing, watch the batch to its
// end, filter, sort and page the items, leave an unfinished draft, quit, reopen,
// find both, and find no secret in any file the app wrote.
#include "apprunner.h"
#include "composer/composerwidget.h"
#include "composer/confirmation.h"
#include "composer/projectcatalog.h"
#include "composer/projectlistmodel.h"
#include "composer/projectpicker.h"
#include "mainwindow.h"
#include "monitor/monitorwidget.h"
#include "secretscan.h"
#include "simulatorthread.h"

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

private Q_SLOTS:
    void composeSubmitWatchQuitReopen() {
        QVERIFY(m_dir.isValid());
        auto app1 = startApp();
        ui::MainWindow *window = app1->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        ui::ComposerWidget *composer = window->composer();
        auto *picker = find<ui::ProjectPicker>(composer, "projectPicker");
        QTRY_VERIFY_WITH_TIMEOUT(picker->catalog()->model()->rowCount() > 0, 20000);

        icasim::SimulatorThread *sim = app1->demo().simulator();
        const QString project =
            sim->invoke([](icasim::IcaSimulator &s) { return s.projectIds().first(); });
        const QStringList ids = sim->invoke(
            [&project](icasim::IcaSimulator &s) { return s.fileIds(project).mid(0, 2000); });
        QCOMPARE(ids.size(), 2000);

        // Compose: pick the project by name, paste 2,000 IDs, type tags.
        window->showComposer();
        auto *filter = find<QLineEdit>(composer, "projectFilter");
        QTest::keyClicks(filter, picker->nameOf(project));
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_COMPARE(composer->document().projectId, project);
        auto *idsEdit = find<QPlainTextEdit>(composer, "dataIdsEdit");
        QGuiApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
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
        QTRY_COMPARE_WITH_TIMEOUT(window->tabs()->currentWidget(), window->monitor(), 20000);
        QWidget *monitor = window->monitor();
        QTRY_VERIFY_WITH_TIMEOUT(!find<QLineEdit>(monitor, "batchIdField")->text().isEmpty(),
                                 20000);
        const QString batchId = find<QLineEdit>(monitor, "batchIdField")->text();
        QTRY_COMPARE(sim->invoke([](icasim::IcaSimulator &s) { return s.batchCount(); }), 1);

        // Run it to its end; refresh; the counts are right.
        sim->advance(std::chrono::minutes(1));
        find<QAction>(monitor, "refreshAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            label(monitor, "jobStatusLabel").contains(QStringLiteral("Succeeded")), 20000);
        QTRY_VERIFY(label(monitor, "countChip_UPDATED").contains(QStringLiteral("2000")) ||
                    label(monitor, "countChip_UPDATED").contains(QStringLiteral("2,000")));
        QVERIFY2(label(monitor, "countChip_FAILED").endsWith(QStringLiteral(" 0")),
                 qPrintable(label(monitor, "countChip_FAILED")));

        // Filter, sort, page.
        auto *items = find<QAbstractItemView>(monitor, "itemsView");
        QTRY_VERIFY(items->model()->rowCount() > 0);
        QTest::mouseClick(find<QAbstractButton>(monitor, "statusFilter_FAILED"), Qt::LeftButton);
        QTRY_COMPARE(items->model()->rowCount(), 0); // nothing failed
        QTest::mouseClick(find<QAbstractButton>(monitor, "statusFilter_FAILED"), Qt::LeftButton);
        QTRY_VERIFY(items->model()->rowCount() > 0);
        auto *header = static_cast<QHeaderView *>(items->findChild<QHeaderView *>());
        QVERIFY(header);
        const int dataIdColumn = 1;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(dataIdColumn) + 5, 5));
        QTRY_VERIFY(items->model()->index(0, dataIdColumn).data().toString() <=
                    items->model()->index(1, dataIdColumn).data().toString());
        QTest::mouseClick(find<QAbstractButton>(monitor, "nextPageButton"), Qt::LeftButton);
        QTRY_VERIFY(label(monitor, "pagePositionLabel").contains(QStringLiteral("2")));

        // An unfinished draft.
        window->showComposer();
        composer->newDraft();
        idsEdit = find<QPlainTextEdit>(composer, "dataIdsEdit");
        QGuiApplication::clipboard()->setText(ids.mid(0, 3).join(QLatin1Char(',')));
        idsEdit->setFocus();
        QTest::keySequence(idsEdit, QKeySequence::Paste);
        QTRY_VERIFY(!composer->currentDraftId().isEmpty());
        const QString draftId = composer->currentDraftId();
        const QString key = app1->demo().apiKey();
        QVERIFY(!key.isEmpty());

        // Quit, reopen: the batch is in the list, the draft is back.
        window->close();
        app1.reset();
        auto app2 = startApp();
        ui::MainWindow *window2 = app2->window();
        QVERIFY(QTest::qWaitForWindowExposed(window2));
        auto *history = find<QAbstractItemView>(window2->monitor(), "historyView");
        QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 1, 20000);
        bool listed = false;
        for (int column = 0; column < history->model()->columnCount(); ++column)
            listed = listed || history->model()->index(0, column).data().toString() == batchId;
        QVERIFY2(listed, "the batch is in the reopened app's list");
        QTRY_COMPARE_WITH_TIMEOUT(window2->composer()->currentDraftId(), draftId, 20000);
        QTRY_VERIFY(find<QPlainTextEdit>(window2->composer(), "dataIdsEdit")
                        ->toPlainText()
                        .contains(ids.first()));
        // Help → Copy Diagnostics: versions, the server, the log; never the key.
        window2->findChild<QAction *>(QStringLiteral("copyDiagnosticsAction"))->trigger();
        const QString diagnostics = QGuiApplication::clipboard()->text();
        QVERIFY2(diagnostics.startsWith(QLatin1String("ICA Tagger ")), qPrintable(diagnostics));
        QVERIFY2(diagnostics.contains(QLatin1String("Profile: server http://127.0.0.1")),
                 qPrintable(diagnostics));
        QVERIFY2(diagnostics.contains(QLatin1String("logs/ica-tagger.log")),
                 qPrintable(diagnostics));
        QVERIFY(!diagnostics.contains(key));
        QVERIFY2(icatest::findSecretsInOutput(diagnostics.toUtf8(), {key.toUtf8()}).isEmpty(),
                 qPrintable(diagnostics));
        window2->close();
        app2.reset();

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

        // No secret in any file the app wrote (settings, SQLite and its -wal, journal,
        // the log): neither the key nor a JWT nor an Authorization header.
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("settings.ini"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("store.sqlite"))));
        const QStringList found = icatest::findSecrets({m_dir.path()}, {key.toUtf8()});
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestAppFlow)
#include "tst_appflow.moc"
