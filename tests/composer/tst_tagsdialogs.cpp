// The app's side of issue 12 parts 4 and 5, driven like a user against the
// simulator: "Import sheet…" in the composer (the mapping dialog preset from the
// header, its groups and bad rows shown before anything is applied, the groups in
// the draft, submitted: every row's file carries its own tags), and the browser's
// "Rename tag…" dialog over a folder of 1,000 files (the before/after view, the draft
// in the composer, submitted: no file in the folder keeps the old tag, files outside
// do); the browser opens that dialog on its project and folder and relays its draft.
#include "core/browser/browsernavigator.h"
#include "core/browser/databrowsermodel.h"
#include "core/composer/sheetimport.h"
#include "core/data/datalookup.h"
#include "core/data/tagcatalog.h"
#include "tests/composer/composerharness.h"
#include "ui/browser/browserwidget.h"
#include "ui/browser/databrowserview.h"
#include "ui/browser/tagrenamedialog.h"
#include "ui/composer/sheetimportdialog.h"
#include "ui/composer/sheetimportflow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QMenu>
#include <QRadioButton>
#include <QTableWidget>
#include <QToolButton>

using namespace ica;
using namespace ica::ui;
using namespace composertest;

namespace {

QStringList changeCells(int i) {
    switch (i % 3) {
    case 0:
        return {QStringLiteral("ui-a;common"), QString(), QStringLiteral("qc:ok")};
    case 1:
        return {QStringLiteral("ui-b|common"), QStringLiteral("draft"), QString()};
    default:
        return {QString(), QString(), QStringLiteral("qc:redo")};
    }
}

} // namespace

class TstTagsDialogs : public QObject {
    Q_OBJECT

    std::unique_ptr<ComposerHarness> m_h;

    QList<ProjectData> readBack(const QStringList &ids) {
        std::optional<Result<QList<ProjectData>>> read;
        QObject context;
        DataLookup::byIds(m_h->world->client, m_h->world->projectId, {}, ids, &context,
                          [&](const Result<QList<ProjectData>> &r) { read = r; });
        (void)QTest::qWaitFor([&]() { return read.has_value(); }, 30000); // timeout: empty
        return read && read->ok() ? *read->value : QList<ProjectData>();
    }

    /// Submits the draft (confirmed) and runs the batch to its end; its ID or "".
    QString submitAndRun() {
        QSignalSpy created(m_h->widget.get(), &ComposerWidget::batchCreated);
        if (!QTest::qWaitFor([this]() { return m_h->submitButton()->isEnabled(); }, 20000))
            return {};
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(m_h->submitButton(), Qt::LeftButton);
        if (!created.wait(20000))
            return {};
        m_h->world->advance(std::chrono::minutes(2));
        return created.first().at(1).toString();
    }

private Q_SLOTS:
    void init() {
        Confirmation::setNextAnswer(std::nullopt);
        m_h = std::make_unique<ComposerHarness>();
        // A first project whose bulk folder holds 1,000 files.
        ica::sim::SimulatorOptions options = ica::test::TestWorld::smallWorld();
        options.filesInFirstProject = 5000;
        m_h->world = ica::test::TestWorld::start(options);
        QVERIFY(m_h->world->isUp());
        QVERIFY(m_h->open());
    }

    void cleanup() { m_h.reset(); }

    void sheetGroupsGoIntoTheDraftAndAreSubmitted() {
        QVERIFY(m_h->pickProject(m_h->world->projectId));
        const QStringList ids = m_h->world->fileIds.mid(0, 500);
        QString csv = QStringLiteral("id,add user tags,remove user tags,add technical tags\n");
        for (int i = 0; i < ids.size(); ++i)
            csv += (QStringList{ids.at(i)} + changeCells(i)).join(QLatin1Char(',')) +
                   QLatin1Char('\n');
        csv += QStringLiteral("fil.bad,x,,\n") + ids.at(3) + QStringLiteral(",y,y,\n");
        const QString path = m_h->dir.filePath(QStringLiteral("changes.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv.toUtf8());
        file.close();

        SheetImportFlow *flow = m_h->widget->sheetImport();
        QVERIFY(m_h->find<QPushButton>(QStringLiteral("importSheetButton")));
        QSignalSpy opened(flow, &SheetImportFlow::dialogOpened);
        flow->importFile(path);
        QVERIFY(opened.wait(20000));
        SheetImportDialog *dialog = flow->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 20000);
        // Preset from the header names.
        QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("sheetHeaderCheck"))->isChecked());
        QCOMPARE(dialog->roleCombo(SheetMapping::Role::DataId)->currentIndex(), 1);
        QCOMPARE(dialog->roleCombo(SheetMapping::Role::AddTechnicalTags)->currentIndex(), 4);
        QCOMPARE(dialog->roleCombo(SheetMapping::Role::RemoveTechnicalTags)->currentIndex(), 0);
        // The result shows before anything is applied.
        const QString summary = m_h->label(QStringLiteral("sheetSummary"));
        QVERIFY2(summary.contains(QStringLiteral("3 groups of 167, 167, 166 rows")),
                 qPrintable(summary));
        auto *bad = dialog->findChild<QListWidget *>(QStringLiteral("sheetBadRows"));
        QCOMPARE(bad->count(), 2);
        QVERIFY(bad->item(0)->text().startsWith(QStringLiteral("Line 502: ")));
        QVERIFY(bad->item(1)->text().contains(QStringLiteral("both added and removed")));
        QCOMPARE(m_h->widget->document().groups.size(), 1); // nothing applied yet

        // Unsetting the ID column makes the mapping unusable: no "Add to draft".
        auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("sheetButtons"));
        dialog->roleCombo(SheetMapping::Role::DataId)->setCurrentIndex(0);
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!dialog->isReady());
        dialog->roleCombo(SheetMapping::Role::DataId)->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(buttons->button(QDialogButtonBox::Ok)->isEnabled(), 20000);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);

        const DraftDocument doc = m_h->widget->document();
        QCOMPARE(doc.projectId, m_h->world->projectId);
        QCOMPARE(doc.groups.size(), 3);
        QCOMPARE(doc.groups.at(0).dataIds.size(), 167);
        QCOMPARE(doc.groups.at(2).technicalTags.addTags, (QStringList{QStringLiteral("qc:redo")}));

        const QString batchId = submitAndRun();
        QVERIFY(!batchId.isEmpty());
        QCOMPARE(m_h->world->sim().batch(m_h->world->projectId, batchId)->jobStatus,
                 QStringLiteral("SUCCEEDED"));
        QHash<QString, int> row;
        for (int i = 0; i < ids.size(); ++i)
            row.insert(ids.at(i), i);
        const QList<ProjectData> data = readBack(ids);
        QCOMPARE(data.size(), 500);
        for (const ProjectData &d : data) {
            const int i = row.value(d.id);
            QCOMPARE(d.tags.userTags.contains(QStringLiteral("ui-a")), i % 3 == 0);
            QCOMPARE(d.tags.userTags.contains(QStringLiteral("ui-b")), i % 3 == 1);
            QCOMPARE(d.tags.userTags.contains(QStringLiteral("common")), i % 3 != 2);
            QCOMPARE(d.tags.technicalTags.contains(QStringLiteral("qc:ok")), i % 3 == 0);
            QCOMPARE(d.tags.technicalTags.contains(QStringLiteral("qc:redo")), i % 3 == 2);
        }
    }

    void renameDialogMakesADraftThatRenamesTheTagInTheFolder() {
        ica::test::TestWorld &world = *m_h->world;
        const QStringList inFolder = world.childIds(world.bulkFolder);
        QCOMPARE(inFolder.size(), 1000);
        QStringList outside;
        for (const QString &id : std::as_const(world.fileIds)) {
            if (outside.size() == 30)
                break;
            if (!world.sim().data(world.projectId, id)->path.startsWith(world.bulkFolder))
                outside.append(id);
        }
        QVERIFY(world.runBatch(inFolder + outside, TagUpdate{{QStringLiteral("old-name")}, {}}));

        TagCatalog catalog;
        ProjectData seen;
        seen.id = inFolder.first();
        seen.tags.userTags = {QStringLiteral("old-name")};
        catalog.learnData({seen});
        TagRenameDialog dialog(world.client, world.projectId, world.bulkFolder, &catalog);
        QSignalSpy searched(&dialog, &TagRenameDialog::searched);
        QSignalSpy draft(&dialog, &TagRenameDialog::draftRequested);
        connect(&dialog, &TagRenameDialog::draftRequested, m_h->widget.get(),
                &ComposerWidget::newDraftFrom); // as the main window does
        dialog.show();
        auto *from = dialog.findChild<QLineEdit *>(QStringLiteral("renameFrom"));
        auto *find = dialog.findChild<QPushButton *>(QStringLiteral("renameFindButton"));
        QVERIFY(from->completer());
        QVERIFY(!find->isEnabled()); // nothing to rename yet
        QTest::keyClicks(from, QStringLiteral("old-name"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("renameTo")),
                         QStringLiteral("new-name"));
        QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("renameScopeFolder"))->isChecked());
        QVERIFY(find->isEnabled());
        QTest::mouseClick(find, Qt::LeftButton);
        QVERIFY(searched.wait(30000));
        QVERIFY(dialog.isReady());
        auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("renamePreview"));
        QCOMPARE(preview->rowCount(), 1000);
        QVERIFY(preview->item(0, 0)->text().startsWith(world.bulkFolder));
        QVERIFY(preview->item(0, 1)->text().contains(QStringLiteral("old-name")));
        QVERIFY(preview->item(0, 2)->text().contains(QStringLiteral("new-name")));
        QVERIFY(!preview->item(0, 2)->text().contains(QStringLiteral("old-name")));
        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("renameSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral(" items in %1").arg(world.bulkFolder)),
                 qPrintable(summary));
        QVERIFY(summary.startsWith(QLocale().toString(1000)));

        // An edit after the search: the view is stale, no draft until searched again.
        auto *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("renameButtons"))
                       ->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QTest::keyClick(from, Qt::Key_Backspace);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(from, QStringLiteral("e"));
        QTest::mouseClick(find, Qt::LeftButton);
        QVERIFY(searched.wait(30000));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(draft.size(), 1);

        const DraftDocument doc = m_h->widget->document();
        QCOMPARE(doc.projectId, world.projectId);
        QCOMPARE(doc.groups.size(), 1);
        QCOMPARE(doc.groups.first().dataIds.size(), 1000);
        QCOMPARE(doc.groups.first().userTags.removeTags, QStringList{QStringLiteral("old-name")});
        QCOMPARE(doc.groups.first().userTags.addTags, QStringList{QStringLiteral("new-name")});

        QVERIFY(!submitAndRun().isEmpty());
        const QList<ProjectData> renamed = readBack(inFolder);
        QCOMPARE(renamed.size(), 1000);
        for (const ProjectData &d : renamed) {
            QVERIFY(!d.tags.userTags.contains(QStringLiteral("old-name")));
            QVERIFY(d.tags.userTags.contains(QStringLiteral("new-name")));
        }
        const QList<ProjectData> kept = readBack(outside);
        QCOMPARE(kept.size(), 30);
        for (const ProjectData &d : kept)
            QVERIFY(d.tags.userTags.contains(QStringLiteral("old-name")));
    }

    void browserOpensTheRenameDialogAndRelaysItsDraft() {
        BrowserWidget browser;
        browser.setClient(m_h->world->client);
        auto *button = browser.findChild<QToolButton *>(QStringLiteral("renameTagButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!browser.renameDialog()); // no project yet: nothing to rename in
        browser.setProject(m_h->world->projectId);
        QTRY_COMPARE(browser.projectId(), m_h->world->projectId);
        browser.show();
        QTest::mouseClick(button, Qt::LeftButton);
        TagRenameDialog *dialog = browser.renameDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QSignalSpy drafts(&browser, &BrowserWidget::newDraftRequested);
        CreateBatchRequest request;
        request.dataUpdateGroups.append(DataUpdateGroup{});
        Q_EMIT dialog->draftRequested(m_h->world->projectId, request);
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().at(0).toString(), m_h->world->projectId);
    }

    void tagCellMenuOpensTheRenameDialogForThatTag() {
        test::TestWorld &world = *m_h->world;
        const QString id = world.childIds(world.bulkFolder).first();
        QVERIFY(world.runBatch({id}, TagUpdate{{QStringLiteral("menu-tag")}, {}}));
        BrowserWidget browser;
        browser.setClient(world.client);
        browser.setProject(world.projectId);
        QTRY_COMPARE(browser.projectId(), world.projectId);
        BrowserNavigator *navigator = browser.navigator();
        QTRY_VERIFY2(navigator->currentPath() == world.bulkFolder ||
                         navigator->navigateTo(world.bulkFolder),
                     qPrintable(navigator->currentPath() + QStringLiteral(" ") + world.bulkFolder));
        browser.show();
        DataBrowserModel *model = browser.model();
        QVERIFY(model);
        const auto rowOf = [model, &id]() {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, 0).data(DataBrowserModel::DataIdRole).toString() == id)
                    return row;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowOf() >= 0, 30000);
        const int row = rowOf();

        // Not on a cell without tags (the name), one action per tag on a tags cell.
        QVERIFY(!browser.view()->tagMenu(model->index(row, DataBrowserModel::NameColumn)));
        const QModelIndex tagsCell = model->index(row, DataBrowserModel::UserTagsColumn);
        const QStringList tags = tagsCell.data(DataBrowserModel::TagsRole).toStringList();
        QVERIFY(tags.contains(QStringLiteral("menu-tag")));
        std::unique_ptr<QMenu> menu(browser.view()->tagMenu(tagsCell));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), tags.size());
        QAction *rename = nullptr;
        for (QAction *action : menu->actions())
            if (action->text().contains(QStringLiteral("“menu-tag”")))
                rename = action;
        QVERIFY(rename);
        rename->trigger();
        TagRenameDialog *dialog = browser.renameDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->spec().kind, TagKind::User);
        QCOMPARE(dialog->spec().from, QStringLiteral("menu-tag"));
        QCOMPARE(dialog->spec().folderPath, world.bulkFolder); // the folder shown
    }
};

QTEST_MAIN(TstTagsDialogs)
#include "tst_tagsdialogs.moc"
