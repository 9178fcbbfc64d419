// The data browser issue's acceptance path, through the real app as `--demo` builds
// it: open the Browse tab, step into the bulk Fastq folder by double-clicking folder
// rows, filter by name and technical tag, load pages by scrolling, select 500 files
// across pages with a click and a shift-click, tag them through "Tag selected…",
// submit from the composer, let the batch run, and see the new tag on exactly those
// rows of the browser without a reload. Then paths in the composer: known ones are
// resolved to their IDs, an unknown one is named and left out.
#include "app/apprunner.h"
#include "core/browser/browsernavigator.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/browser/tagpreview.h"
#include "simulator/simulatorthread.h"
#include "tests/support/secretscan.h"
#include "ui/browser/browserwidget.h"
#include "ui/browser/databrowserview.h"
#include "ui/composer/composerwidget.h"
#include "ui/mainwindow.h"
#include "ui/tagging/browsertagging.h"
#include "ui/tagging/tagselecteddialog.h"
#include "ui/widgets/confirmation.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

namespace {

constexpr int Timeout = 30000;
const QString BulkFile = QStringLiteral("POOL00001_S1_L001_R1_001.fastq.gz");

template <typename T> T *find(QWidget *root, const char *name) {
    return root->findChild<T *>(QLatin1String(name));
}

/// The folders from the root down to `folder` ("/a/", "/a/b/", ...).
QStringList foldersDownTo(const QString &folder) {
    QStringList paths;
    for (int i = 1; i < folder.size(); ++i)
        if (folder.at(i) == QLatin1Char('/'))
            paths.append(folder.left(i + 1));
    return paths;
}

QPoint rowCenter(QAbstractItemView *view, int row) {
    const QModelIndex index = view->model()->index(row, DataBrowserModel::NameColumn);
    view->scrollTo(index);
    return view->visualRect(index).center();
}

} // namespace

class TestBrowseFlow final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_key; ///< the demo's API key, looked for in what the app wrote

private Q_SLOTS:
    void browseSelectTagSubmitSeeTags() {
        QVERIFY(m_dir.isValid());
        app::AppOptions options;
        options.demo = true;
        options.dataDir = m_dir.path();
        app::AppRunner app(options);
        QString error;
        QVERIFY2(app.start(&error), qPrintable(error));
        m_key = app.demo().apiKey().toUtf8();
        ui::MainWindow *window = app.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        ica::sim::SimulatorThread *sim = app.demo().simulator();

        // Where the bulk folder is, and the run tag its files carry, from the simulator.
        const QString project =
            sim->invoke([](ica::sim::IcaSimulator &s) { return s.projectIds().first(); });
        const auto bulkFile = sim->invoke([&project](ica::sim::IcaSimulator &s) {
            for (const QString &id : s.fileIds(project)) {
                const auto data = s.data(project, id);
                if (data && data->name == BulkFile)
                    return *data;
            }
            return ica::sim::DataSnapshot();
        });
        QVERIFY(!bulkFile.id.isEmpty());
        const QString bulkFolder = bulkFile.path.left(bulkFile.path.lastIndexOf(u'/') + 1);
        QString runTag;
        for (const QString &tag : bulkFile.technicalTags)
            if (tag.startsWith(QLatin1String("run:")))
                runTag = tag;
        QVERIFY(!runTag.isEmpty());

        // Browse: the project, then folder by folder with double-clicks.
        window->showBrowser();
        ui::BrowserWidget *browser = window->browser();
        browser->setProject(project);
        DataBrowserModel *model = browser->model();
        DataLister *lister = browser->lister();
        QVERIFY(model);
        QTRY_COMPARE_WITH_TIMEOUT(lister->projectId(), project, Timeout);
        QAbstractItemView *view = browser->view();
        for (const QString &folder : foldersDownTo(bulkFolder)) {
            const QString folderId = sim->invoke([&](ica::sim::IcaSimulator &s) {
                const auto data = s.dataAtPath(project, folder);
                return data ? data->id : QString();
            });
            QVERIFY2(!folderId.isEmpty(), qPrintable(folder));
            QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(folderId) >= 0, Timeout);
            // As a real double-click comes: click, press, double-click (the view takes a
            // double-click only on the row pressed, and QTest::mouseDClick sends no press).
            const QPoint at = rowCenter(view, model->rowOf(folderId));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
            QTest::mousePress(view->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
            QTRY_COMPARE_WITH_TIMEOUT(lister->folderPath(), folder, Timeout);
        }
        QCOMPARE(browser->navigator()->currentPath(), bulkFolder);

        // Filter by name and by technical tag, in pages of 200.
        QVERIFY(lister->setPageSize(200));
        auto *name = find<QLineEdit>(browser, "nameFilter");
        QTest::keyClicks(name, QStringLiteral("_R1_"));
        QTest::keyClick(name, Qt::Key_Return);
        auto *tag = find<QLineEdit>(browser, "technicalTagFilter");
        QTest::keyClicks(tag, runTag);
        QTest::keyClick(tag, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(lister->filter().technicalTags() == QStringList{runTag} &&
                                     lister->filter().name() == QLatin1String("_R1_") &&
                                     !lister->isLoading() && model->rowCount() > 0,
                                 Timeout);

        // Scroll down until more than 500 rows are loaded (the view fetches pages).
        const bool loaded = QTest::qWaitFor(
            [&]() {
                QScrollBar *bar = view->verticalScrollBar();
                if (!lister->isLoading())
                    bar->setValue(bar->maximum());
                return model->rowCount() > 500;
            },
            Timeout);
        QVERIFY2(
            loaded,
            qPrintable(
                QStringLiteral("%1 rows, %2").arg(model->rowCount()).arg(lister->positionText())));
        for (const ProjectData &item : model->items()) {
            QVERIFY2(item.name.contains(QLatin1String("_R1_")), qPrintable(item.name));
            QVERIFY(item.tags.technicalTags.contains(runTag));
        }

        // Select rows 1 to 500 (three pages): a click, then a shift-click.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowCenter(view, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          rowCenter(view, 499));
        const QList<ProjectData> selected = browser->selectedItems();
        QCOMPARE(selected.size(), 500);
        QStringList selectedIds;
        for (const ProjectData &item : selected)
            selectedIds.append(item.id);

        // Tag them through the dialog.
        QTest::mouseClick(find<QPushButton>(browser, "tagSelectedButton"), Qt::LeftButton);
        QTRY_VERIFY(window->tagging()->dialog());
        ui::TagSelectedDialog *dialog = window->tagging()->dialog();
        auto *input = find<QWidget>(dialog, "userTagsAdd")
                          ->findChild<QLineEdit *>(QStringLiteral("tagInput"));
        QTest::keyClicks(input, QStringLiteral("reviewed-e2e"));
        QTest::keyClick(input, Qt::Key_Return);
        QTRY_COMPARE(dialog->preview()->changedCount(), 500);
        QTest::mouseClick(find<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);

        // The composer has them as a group; submit.
        ui::ComposerWidget *composer = window->composer();
        QTRY_COMPARE(window->tabs()->currentWidget(), composer);
        const DraftDocument draft = composer->document();
        QCOMPARE(draft.projectId, project);
        QVERIFY(!draft.groups.isEmpty());
        QCOMPARE(draft.groups.last().dataIds, selectedIds);
        QCOMPARE(draft.groups.last().userTags.addTags, QStringList{QStringLiteral("reviewed-e2e")});
        auto *submit = find<QPushButton>(composer, "submitButton");
        QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), Timeout);
        QSignalSpy ended(window->tagging(), &ui::BrowserTagging::batchEnded);
        ui::Confirmation::setNextAnswer(true);
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            sim->invoke([](ica::sim::IcaSimulator &s) { return s.batchCount(); }), 1, Timeout);

        // Run it; when it has ended the browser shows the tag on those rows only.
        sim->advance(std::chrono::minutes(1));
        QVERIFY(ended.wait(Timeout));
        QCOMPARE(ended.count(), 1);
        window->showBrowser();
        const QString newTag = QStringLiteral("reviewed-e2e");
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(selectedIds.cbegin(), selectedIds.cend(),
                        [&](const QString &id) {
                            const int row = model->rowOf(id);
                            return row >= 0 && model->itemAt(row).tags.userTags.contains(newTag);
                        }),
            Timeout);
        QVERIFY(model->index(model->rowOf(selectedIds.first()), DataBrowserModel::UserTagsColumn)
                    .data()
                    .toString()
                    .contains(newTag));
        for (int row = 500; row < model->rowCount(); ++row)
            QVERIFY(!model->itemAt(row).tags.userTags.contains(newTag));

        // Paths in the composer: two known (a file, a folder), one unknown.
        window->showComposer();
        composer->newDraft();
        auto *ids = find<QPlainTextEdit>(composer, "dataIdsEdit");
        const QString unknown = bulkFolder + QStringLiteral("no-such-sample.fastq.gz");
        QGuiApplication::clipboard()->setText(
            QStringList{bulkFile.path, bulkFolder, unknown}.join(QLatin1Char('\n')));
        ids->setFocus();
        QTest::keySequence(ids, QKeySequence::Paste);
        const QString folderId = sim->invoke(
            [&](ica::sim::IcaSimulator &s) { return s.dataAtPath(project, bulkFolder)->id; });
        auto *preview = find<QPlainTextEdit>(composer, "previewText");
        QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(bulkFile.id) &&
                                     preview->toPlainText().contains(folderId),
                                 Timeout);
        QVERIFY(!preview->toPlainText().contains(QLatin1String("no-such-sample")));
        QTRY_VERIFY(find<QLabel>(composer, "dataIdsMessage")->text().contains(unknown));
        window->close();
    }

    void nothingSecretWasWritten() {
        // After the app above closed: settings, SQLite and its -wal, the demo journal.
        QVERIFY(!m_key.isEmpty());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("store.sqlite"))));
        const QStringList found = ica::test::findSecrets({m_dir.path()}, {m_key});
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestBrowseFlow)
#include "tst_browseflow.moc"
