// The composer's widgets driven with QTest against the simulator and a real
// SQLite store: picking a project by typing, pasting IDs and typing tags, the
// validation shown at the fields and summed up, the fixes, the exact JSON preview,
// importing a CSV with a chosen column and dropping a file, drafts saved as you
// type, reopened after a restart, named, reopened from the menu and discarded.
#include "core/composer/submitplan.h"
#include "core/data/dataidsmime.h"
#include "core/data/tagcatalog.h"
#include "tests/composer/composerharness.h"
#include "tests/composer/composertestutil.h"
#include "ui/composer/importcolumndialog.h"
#include "ui/composer/validationsummary.h"
#include "ui/style/tones.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/tageditor.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QToolButton>

using namespace ica;
using namespace ica::ui;
using namespace composertest;

class TstComposerWidget : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ComposerHarness> m_world;

    ComposerHarness &w() { return *m_world; }
    QString firstProject() { return w().firstProject(); }
    QStringList realFiles(int count) { return w().realFiles(count); }

    /// A valid draft: the first project, `ids` in group 1, one user tag to add.
    void fillValidDraft(const QStringList &ids) {
        QVERIFY(w().pickProject(firstProject()));
        w().idsEdit(0)->setPlainText(ids.join(QLatin1Char('\n')));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("reviewed"));
        QTRY_VERIFY(!w().widget->validationReport().hasErrors());
    }

private Q_SLOTS:
    void init() { QVERIFY(ComposerHarness::openFresh(m_world)); }

    void cleanup() { m_world.reset(); }

    void picksTheProjectByTyping() {
        QSignalSpy lastProject(w().widget.get(), &ComposerWidget::lastProjectChanged);
        const QStringList ids = w().world->sim().projectIds();
        const QString target = ids.at(1);
        const QString name = w().picker()->nameOf(target);
        QVERIFY(!name.isEmpty());
        // No project yet: an error at the picker, once the draft is started (an ID).
        QVERIFY(w().widget->validationReport().contains(IssueCode::NoProject));
        w().idsEdit(0)->setPlainText(realFiles(1).first());
        QTRY_VERIFY(w().find<QLabel>(QStringLiteral("projectMessage"))->isVisible());

        auto *filter = w().find<QLineEdit>(QStringLiteral("projectFilter"));
        QTest::keyClicks(filter, name.left(name.size() - 1)); // most of the name is enough
        auto *list = w().find<QListView>(QStringLiteral("projectList"));
        QVERIFY(list->model()->rowCount() >= 1);
        QVERIFY(list->model()->rowCount() < ids.size());
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(w().widget->document().projectId, target);
        QCOMPARE(w().widget->document().projectName, name);
        QCOMPARE(lastProject.size(), 1);
        QCOMPARE(w().widget->lastProjectId(), target);
        QTRY_VERIFY(!w().find<QLabel>(QStringLiteral("projectMessage"))->isVisible());
        QVERIFY(w().label(QStringLiteral("projectStatus")).contains(name));

        // Arrow keys in the filter move through the list and choose.
        filter->clear();
        QTest::keyClick(filter, Qt::Key_Down);
        QVERIFY(!w().widget->document().projectId.isEmpty());

        // A filter that matches nothing says so.
        QTest::keyClicks(filter, QStringLiteral("zzzz-no-such-project"));
        QCOMPARE(list->model()->rowCount(), 0);
        QVERIFY(w().label(QStringLiteral("projectStatus"))
                    .contains(QStringLiteral("No project matches")));
    }

    void anUntouchedDraftShowsNoErrorsUntilTheFirstEdit() {
        // A new blank draft has errors (no project, an empty group), but the
        // composer shows what to do first instead of a wall of red.
        QTRY_VERIFY(!w().widget->isCheckPending());
        QVERIFY(w().widget->validationReport().contains(IssueCode::NoProject));
        QVERIFY(!w().widget->isDraftStarted());
        auto *summary = w().find<ValidationSummary>(QStringLiteral("validationSummary"));
        QVERIFY(summary->isShowingHint());
        QVERIFY(summary->lines().isEmpty());
        QVERIFY(!w().find<QListWidget>(QStringLiteral("validationList"))->isVisible());
        QVERIFY2(w().label(QStringLiteral("validationHeadline"))
                     .startsWith(QStringLiteral("Choose a project")),
                 qPrintable(w().label(QStringLiteral("validationHeadline"))));
        auto *projectMessage = w().find<QLabel>(QStringLiteral("projectMessage"));
        QVERIFY(!projectMessage->isVisible());
        const QStringList fieldLabels{
            QStringLiteral("dataIdsMessage"),       QStringLiteral("userTagsMessage"),
            QStringLiteral("technicalTagsMessage"), QStringLiteral("archiveDateMessage"),
            QStringLiteral("deleteDateMessage"),    QStringLiteral("groupMessage")};
        for (const QString &name : fieldLabels)
            QVERIFY2(w().groupLabel(0, name).isEmpty(), qPrintable(name));
        QVERIFY(!w().find<QWidget>(QStringLiteral("submitMessage"))->isVisible());
        QVERIFY(!w().submitButton()->isEnabled());
        QVERIFY(w().submitButton()->toolTip().contains(QStringLiteral("Choose a project")));

        // The first edit (a typed ID) starts the draft: its errors show.
        QTest::keyClicks(w().idsEdit(0), QStringLiteral("not-an-id"));
        QTRY_VERIFY(w().widget->isDraftStarted());
        QTRY_VERIFY(projectMessage->isVisible());
        QTRY_VERIFY(!summary->isShowingHint());
        QVERIFY(w().label(QStringLiteral("validationHeadline"))
                    .contains(QStringLiteral("fix the errors to submit")));
        QVERIFY(!summary->lines().isEmpty());
        QVERIFY(w().find<QListWidget>(QStringLiteral("validationList"))->isVisible());
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("dataIdsMessage"))
                        .contains(QStringLiteral("'not-an-id'")));
        // A typo is a warning: shown in the warning tone of the palette, not a fixed
        // colour; the missing project in the error tone.
        auto *idsMessage = w().group(0)->findChild<QLabel *>(QStringLiteral("dataIdsMessage"));
        QVERIFY(idsMessage->text().startsWith(QStringLiteral("Warning: ")));
        QCOMPARE(idsMessage->palette().color(QPalette::WindowText),
                 toneColor(Tone::Warning, idsMessage->palette()));
        QCOMPARE(projectMessage->palette().color(QPalette::WindowText),
                 toneColor(Tone::Error, projectMessage->palette()));
    }

    void submitOnAnUntouchedDraftSaysWhatIsMissing() {
        QTRY_VERIFY(!w().widget->isCheckPending());
        QVERIFY(!w().widget->isDraftStarted());
        // Ctrl+Enter, as the keyboard would: asked to submit, the issues are wanted.
        w().widget->submit();
        QVERIFY(w().widget->isDraftStarted());
        QVERIFY(w().find<QLabel>(QStringLiteral("projectMessage"))->isVisible());
        QVERIFY(!w().find<ValidationSummary>(QStringLiteral("validationSummary"))->isShowingHint());
        auto *message = w().find<MessageBar>(QStringLiteral("submitMessage"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->kind(), MessageBar::Kind::Error);
        QVERIFY(!message->text().isEmpty());
    }

    void aPrefilledDraftShowsItsIssuesAtOnce() {
        CreateBatchRequest request;
        DataUpdateGroup group;
        group.dataIds = {QStringLiteral("not-an-id")};
        group.userTags.addTags = {QStringLiteral("reviewed")};
        request.dataUpdateGroups = {group};
        w().widget->newDraftFrom(firstProject(), request);
        QVERIFY(w().widget->isDraftStarted());
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("dataIdsMessage"))
                        .contains(QStringLiteral("'not-an-id'")));
        // A new blank draft after it is untouched again.
        w().widget->newDraft();
        QTRY_VERIFY(!w().widget->isDraftStarted());
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("dataIdsMessage")).isEmpty());
        QVERIFY(w().find<ValidationSummary>(QStringLiteral("validationSummary"))->isShowingHint());
    }

    void pastedIdsAndTypedTagsAreValidatedAtTheFields() {
        QVERIFY(w().pickProject(firstProject()));
        const QStringList files = realFiles(3);
        // Mixed separators, one malformed ID, one repeated ID.
        const QString pasted = files.at(0) + QStringLiteral(", ") + files.at(1) +
                               QStringLiteral("\t") + files.at(0) +
                               QStringLiteral("\nnot-an-id\n") + files.at(2);
        QApplication::clipboard()->setText(pasted);
        QPlainTextEdit *ids = w().idsEdit(0);
        ids->setFocus();
        QTest::keyClick(ids, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(ids->toPlainText(), pasted);
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("keep"));
        w().addTag(0, QStringLiteral("userTagsRemove"), QStringLiteral("keep"));
        w().addTag(0, QStringLiteral("technicalTagsAdd"), QStringLiteral(" padded "));

        // At the fields.
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("dataIdsMessage"))
                        .contains(QStringLiteral("more than once")));
        const QString idsMessage = w().groupLabel(0, QStringLiteral("dataIdsMessage"));
        QVERIFY2(idsMessage.contains(QStringLiteral("'not-an-id'")), qPrintable(idsMessage));
        // Each message says where its IDs are: the repeat is on line 1, the typo on line 2.
        QVERIFY2(idsMessage.contains(QStringLiteral("'not-an-id'. Check for typos; ICA fails the "
                                                    "items of IDs it does not know. (line 2)")),
                 qPrintable(idsMessage));
        QVERIFY2(idsMessage.contains(QStringLiteral("updated once. (line 1)")),
                 qPrintable(idsMessage));
        QVERIFY(w().groupLabel(0, QStringLiteral("userTagsMessage"))
                    .contains(QStringLiteral("Both added and removed: 'keep'")));
        QVERIFY(w().groupLabel(0, QStringLiteral("technicalTagsMessage"))
                    .contains(QStringLiteral("trim")));
        QCOMPARE(w().groupLabel(0, QStringLiteral("idCountLabel")),
                 QStringLiteral("5 IDs (1 repeated)"));

        // Summed up above Submit, which stays disabled while there are errors.
        QCOMPARE(w().label(QStringLiteral("validationHeadline")),
                 QStringLiteral("1 error, 3 warnings: fix the errors to submit."));
        auto *list = w().find<QListWidget>(QStringLiteral("validationList"));
        QCOMPARE(list->count(), 4);
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("Group 1 · User tags: ")));
        QVERIFY(!w().submitButton()->isEnabled());
        QVERIFY(w().submitButton()->toolTip().contains(QStringLiteral("Fix the errors")));

        // Remove the tag from the "remove" list with the Delete key.
        auto *removeList = w().group(0)
                               ->findChild<QWidget *>(QStringLiteral("userTagsRemove"))
                               ->findChild<QListWidget *>(QStringLiteral("tagList"));
        QCOMPARE(removeList->count(), 1);
        removeList->setCurrentRow(0);
        QTest::keyClick(removeList, Qt::Key_Delete);
        QCOMPARE(removeList->count(), 0);
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("userTagsMessage")).isEmpty());
        QTRY_VERIFY(w().submitButton()->isEnabled()); // warnings do not block

        // Drop the duplicates with the summary's action; trim the tags likewise.
        auto *dropDuplicates = w().find<QPushButton>(QStringLiteral("fixDuplicatesButton"));
        QVERIFY(dropDuplicates->isVisible());
        QTest::mouseClick(dropDuplicates, Qt::LeftButton);
        QTRY_VERIFY(!w().groupLabel(0, QStringLiteral("dataIdsMessage"))
                         .contains(QStringLiteral("more than once")));
        QCOMPARE(w().widget->document().groups.first().dataIds,
                 (QStringList{files.at(0), files.at(1), QStringLiteral("not-an-id"), files.at(2)}));
        QVERIFY(!dropDuplicates->isVisible());
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("fixTagsButton")), Qt::LeftButton);
        QCOMPARE(w().widget->document().groups.first().technicalTags.addTags,
                 QStringList{QStringLiteral("padded")});
        QTRY_COMPARE(w().label(QStringLiteral("validationHeadline")), QStringLiteral("1 warning."));
    }

    void datesOnFoldersAndSetAndClear() {
        QVERIFY(w().pickProject(firstProject()));
        w().idsEdit(0)->setPlainText(realFiles(1).first() + QStringLiteral("\n") + fol(1));
        QWidget *archive = w().group(0)->findChild<QWidget *>(QStringLiteral("archiveField"));
        auto *set = archive->findChild<QCheckBox *>(QStringLiteral("setCheck"));
        QTest::mouseClick(set, Qt::LeftButton);
        QVERIFY(set->isChecked());
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("archiveDateMessage"))
                        .contains(QStringLiteral("folders")));
        QVERIFY(!w().submitButton()->isEnabled());
        QVERIFY(w().widget->document().groups.first().willBeArchivedAt.isValid());
        QCOMPARE(w().widget->document().groups.first().willBeArchivedAt.timeSpec(), Qt::UTC);

        QTest::mouseClick(archive->findChild<QCheckBox *>(QStringLiteral("clearCheck")),
                          Qt::LeftButton);
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("archiveDateMessage"))
                        .contains(QStringLiteral("both set and cleared")));
        QTest::mouseClick(set, Qt::LeftButton); // unset: clearing alone is fine
        QTRY_VERIFY(w().groupLabel(0, QStringLiteral("archiveDateMessage")).isEmpty());
        QVERIFY(w().widget->document().groups.first().clearWillBeArchivedAt);
        QTRY_VERIFY(w().submitButton()->isEnabled());
    }

    void previewShowsTheExactJson() {
        fillValidDraft(realFiles(3));
        const DraftDocument doc = w().widget->document();
        const QString expected = QString::fromUtf8(SubmitPlan::bodyJson(doc.toRequest()));
        auto *text = w().find<QPlainTextEdit>(QStringLiteral("previewText"));
        QTRY_COMPARE(text->toPlainText(), expected);
        QVERIFY(text->isReadOnly());
        QVERIFY(expected.contains(QStringLiteral("\"reviewed\"")));
        QCOMPARE(w().label(QStringLiteral("previewCounts")),
                 QStringLiteral("1 batch, 1 group, 3 data IDs, 1 tag change"));
        QVERIFY(!w().find<QComboBox>(QStringLiteral("previewBatchCombo"))->isVisible());
        QApplication::clipboard()->clear();
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("copyJsonButton")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), expected);
    }

    void importsACsvChoosingTheColumn() {
        const QStringList files = realFiles(4);
        QFile csv(w().dir.filePath(QStringLiteral("export.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("name,file id,parent id\n");
        for (int i = 0; i < 3; ++i)
            csv.write(
                QStringLiteral("\"sample, %1\",%2,%3\n").arg(i).arg(files.at(i), fol(i)).toUtf8());
        csv.write(QStringLiteral("last,%1,\n").arg(files.at(3)).toUtf8());
        csv.close();

        w().group(0)->importFile(csv.fileName());
        QTRY_VERIFY(w().group(0)->importDialog() != nullptr);
        ImportColumnDialog *dialog = w().group(0)->importDialog();
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->hasHeader());    // guessed
        QCOMPARE(dialog->idColumn(), 1); // the column with the most IDs
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("idColumnCombo"));
        QCOMPARE(combo->currentText(), QStringLiteral("file id"));
        QCOMPARE(dialog->values(), files);
        // Choose the parent column with the keyboard instead.
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(dialog->idColumn(), 2);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("importSummary"))
                    ->text()
                    .startsWith(QStringLiteral("3 values")));
        auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("importButtons"));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE(w().widget->document().groups.first().dataIds,
                     (QStringList{fol(0), fol(1), fol(2)}));
        QVERIFY(w().groupLabel(0, QStringLiteral("importMessage"))
                    .contains(QStringLiteral("Added 3 IDs from export.csv")));
        QTRY_VERIFY(w().group(0)->importDialog() == nullptr); // closed and deleted
    }

    void dropsAOneColumnFileOnTheList() {
        const QStringList files = realFiles(2);
        QFile txt(w().dir.filePath(QStringLiteral("ids.txt")));
        QVERIFY(txt.open(QIODevice::WriteOnly));
        txt.write(files.join(QLatin1Char('\n')).toUtf8());
        txt.close();
        w().idsEdit(0)->setPlainText(fil(1));

        QPlainTextEdit *edit = w().idsEdit(0);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(txt.fileName())});
        const QPoint at = edit->viewport()->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(edit->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(edit->viewport(), &drop);
        // The file's IDs are added after those there; its path is not pasted.
        QTRY_COMPARE(w().widget->document().groups.first().dataIds,
                     (QStringList{fil(1), files.at(0), files.at(1)}));
        QVERIFY(!edit->toPlainText().contains(QStringLiteral("ids.txt")));
    }

    void dropsBrowserRowsOnAGroup() {
        w().idsEdit(0)->setPlainText(fil(1));
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("addGroupButton")), Qt::LeftButton);
        QCOMPARE(w().groups()->count(), 2);
        // Rows dragged out of the data browser, dropped on the second group's frame (its
        // tag area, say) and then on the first group's ID box: appended, not pasted
        // wherever the mouse was.
        std::unique_ptr<QMimeData> rows(DataIdsMime::create({fil(7), fil(8)}));
        ui::GroupEditor *second = w().group(1);
        const QPoint at = second->rect().bottomRight() - QPoint(4, 4);
        QDragEnterEvent enter(at, Qt::CopyAction, rows.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(second, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, rows.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(second, &drop);
        QTRY_COMPARE(w().widget->document().groups.at(1).dataIds, (QStringList{fil(7), fil(8)}));

        QPlainTextEdit *edit = w().idsEdit(0);
        QTextCursor start(edit->document());
        edit->setTextCursor(start); // the caret at the start: a paste would go there
        std::unique_ptr<QMimeData> more(DataIdsMime::create({fil(9)}));
        const QPoint onText = edit->viewport()->rect().topLeft() + QPoint(2, 2);
        QDragEnterEvent enterText(onText, Qt::CopyAction, more.get(), Qt::LeftButton,
                                  Qt::NoModifier);
        QApplication::sendEvent(edit->viewport(), &enterText);
        QDropEvent dropText(onText, Qt::CopyAction, more.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(edit->viewport(), &dropText);
        QTRY_COMPARE(w().widget->document().groups.at(0).dataIds, (QStringList{fil(1), fil(9)}));
    }

    void theBrowserAddsGroupsAndIds() {
        const QString project = w().world->sim().projectIds().at(0);
        DataUpdateGroup tagged;
        tagged.dataIds = {fil(1), fil(2)};
        tagged.userTags.addTags = {QStringLiteral("reviewed")};
        // A blank draft takes the project and fills its only, empty group.
        QCOMPARE(w().widget->addGroupForProject(project, QString(), tagged), 0);
        QCOMPARE(w().groups()->count(), 1);
        QCOMPARE(w().widget->document().projectId, project);
        QCOMPARE(w().widget->document().groups.first(), tagged);
        // The same project: another group.
        DataUpdateGroup second = tagged;
        second.dataIds = {fil(3)};
        QCOMPARE(w().widget->addGroupForProject(project, QString(), second), 1);
        QCOMPARE(w().widget->document().groups.size(), 2);
        QVERIFY(w().widget->addIdsToGroup(0, {fil(4)}));
        QCOMPARE(w().widget->document().groups.first().dataIds,
                 (QStringList{fil(1), fil(2), fil(4)}));
        QVERIFY(!w().widget->addIdsToGroup(5, {fil(4)})); // no such group
        // Another project: a new draft; the current one stays saved.
        const QString draftBefore = w().widget->currentDraftId();
        const QString other = w().world->sim().projectIds().at(1);
        QCOMPARE(w().widget->addGroupForProject(other, QString(), second), 0);
        QVERIFY(w().widget->currentDraftId() != draftBefore);
        QCOMPARE(w().widget->document().projectId, other);
        QCOMPARE(w().widget->document().groups, QList<DataUpdateGroup>{second});
        QTRY_VERIFY(w().storedDraft(draftBefore).has_value());
        QCOMPARE(DraftDocument::fromJson(w().storedDraft(draftBefore)->content).groups.size(), 2);
    }

    void tagEditorsCompleteFromTheCatalog() {
        TagCatalog catalog;
        catalog.learnInput(TagKind::User, {QStringLiteral("qc-passed")});
        catalog.learnInput(TagKind::User,
                           {QStringLiteral("qc-passed"), QStringLiteral("qc-failed")});
        catalog.learnInput(TagKind::Technical, {QStringLiteral("cohort-B")});
        w().widget->setTagCatalog(&catalog);
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("addGroupButton")), Qt::LeftButton);
        // Every tag editor, those of groups added later too, completes by kind.
        for (int group = 0; group < 2; ++group) {
            auto *user =
                w().group(group)->findChild<ui::TagEditor *>(QStringLiteral("userTagsRemove"));
            QVERIFY(user->completer());
            user->completer()->setCompletionPrefix(QStringLiteral("QC"));
            QCOMPARE(user->completer()->completionCount(), 2);
            QCOMPARE(user->completer()->currentCompletion(),
                     QStringLiteral("qc-passed")); // most used
            auto *tech =
                w().group(group)->findChild<ui::TagEditor *>(QStringLiteral("technicalTagsAdd"));
            tech->completer()->setCompletionPrefix(QStringLiteral("hort"));
            QCOMPARE(tech->completer()->currentCompletion(), QStringLiteral("cohort-B"));
        }
        w().widget->setTagCatalog(nullptr); // the catalog goes before the widget
    }

    void importExplainsABadFile() {
        QFile bad(w().dir.filePath(QStringLiteral("latin1.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray("caf\xE9,x\n", 7));
        bad.close();
        w().idsEdit(0)->setPlainText(fil(5));
        w().group(0)->importFile(bad.fileName());
        QTRY_VERIFY(
            w().groupLabel(0, QStringLiteral("importMessage")).contains(QStringLiteral("UTF-8")));
        QCOMPARE(w().widget->document().groups.first().dataIds,
                 QStringList{fil(5)}); // nothing lost
    }

    void groupsAreAddedAndRemoved() {
        QCOMPARE(w().groups()->count(), 1);
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("addGroupButton")), Qt::LeftButton);
        QCOMPARE(w().groups()->count(), 2);
        w().idsEdit(1)->setFocus();
        QTest::keyClick(w().idsEdit(1), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w().groups()->count(), 3);
        w().idsEdit(2)->setPlainText(fil(3));
        QTest::mouseClick(
            w().group(0)->findChild<QToolButton *>(QStringLiteral("removeGroupButton")),
            Qt::LeftButton);
        QTRY_COMPARE(w().groups()->count(), 2);
        QCOMPARE(w().widget->document().groups.at(1).dataIds, QStringList{fil(3)});
        QVERIFY(w().group(1)->accessibleName().contains(QStringLiteral("Group 2")));

        w().widget->addGroupWithIds({fil(8), fil(9)});
        QCOMPARE(w().groups()->count(), 3);
        QCOMPARE(w().widget->document().groups.at(2).dataIds, (QStringList{fil(8), fil(9)}));
    }

    void draftsAreSavedAsYouTypeAndSurviveARestart() {
        fillValidDraft(realFiles(2));
        QTest::keyClicks(w().find<QLineEdit>(QStringLiteral("draftName")),
                         QStringLiteral("Monday run"));
        const QString id = w().widget->currentDraftId();
        const DraftDocument typed = w().widget->document();
        QTRY_COMPARE(w().label(QStringLiteral("draftState")), QStringLiteral("Saved"));
        QTRY_VERIFY([&]() {
            const std::optional<Draft> d = w().storedDraft(id);
            return d && d->name == QLatin1String("Monday run") &&
                   DraftDocument::fromJson(d->content) == typed;
        }());

        // "Restart": a new store on the same file, a new composer that reopens it.
        const QString path = w().path;
        m_world->modelTester.reset();
        m_world->widget.reset();
        m_world->store.reset();
        m_world->store = std::make_unique<StoreWorker>(path);
        QVERIFY(m_world->open());
        QTRY_COMPARE(w().widget->currentDraftId(), id);
        QTRY_VERIFY(w().widget->document() == typed);
        QCOMPARE(w().find<QLineEdit>(QStringLiteral("draftName"))->text(),
                 QStringLiteral("Monday run"));
        QCOMPARE(w().idsEdit(0)->toPlainText(),
                 typed.groups.first().dataIds.join(QLatin1Char('\n')));
    }

    void draftsMenuOpensNewAndDiscards() {
        QSignalSpy draftChanged(w().widget.get(), &ComposerWidget::currentDraftChanged);
        fillValidDraft(realFiles(1));
        const QString first = w().widget->currentDraftId();
        const DraftDocument firstDoc = w().widget->document();
        auto *menuButton = w().find<QToolButton>(QStringLiteral("draftsButton"));
        QMenu *menu = menuButton->menu();
        auto *newDraft = menuButton->findChild<QAction *>(QStringLiteral("newDraftAction"));
        QVERIFY(newDraft);
        QVERIFY(menu->actions().contains(newDraft));
        newDraft->trigger();
        QVERIFY(w().widget->currentDraftId() != first);
        QCOMPARE(draftChanged.size(), 1);
        QVERIFY(w().widget->document().isBlank());
        QCOMPARE(w().widget->document().projectId, firstProject()); // the last project stays

        // The first draft is in the menu; opening it brings it back.
        QTRY_VERIFY([&]() {
            for (QAction *a : menu->actions())
                if (a->objectName() == QLatin1String("openDraftAction") && a->data() == first)
                    return true;
            return false;
        }());
        for (QAction *a : menu->actions())
            if (a->objectName() == QLatin1String("openDraftAction") && a->data() == first)
                a->trigger();
        QTRY_COMPARE(w().widget->currentDraftId(), first);
        QCOMPARE(w().widget->document(), firstDoc);

        // Discard, confirmed through the test hook.
        Confirmation::setNextAnswer(true);
        menuButton->findChild<QAction *>(QStringLiteral("discardDraftAction"))->trigger();
        QTRY_VERIFY(w().widget->currentDraftId() != first);
        QVERIFY(Confirmation::lastQuestion().contains(QStringLiteral("Discard")));
        QTRY_VERIFY(!w().storedDraft(first).has_value());
    }

    void tagEditorsAddAndRemoveChips() {
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("alpha"));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("beta"));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("alpha")); // not twice
        w().addTag(0, QStringLiteral("userTagsAdd"), QString()); // Enter alone: nothing
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("   "));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral(" pad"));
        QWidget *editor = w().group(0)->findChild<QWidget *>(QStringLiteral("userTagsAdd"));
        auto *chips = editor->findChild<QListWidget *>(QStringLiteral("tagList"));
        QCOMPARE(chips->count(), 4);
        QCOMPARE(chips->item(2)->text(), QStringLiteral("(blank)")); // what the eye cannot see
        QCOMPARE(chips->item(3)->text(), QStringLiteral("\" pad\""));
        QCOMPARE(w().widget->document().groups.first().userTags.addTags,
                 (QStringList{QStringLiteral("alpha"), QStringLiteral("beta"),
                              QStringLiteral("   "), QStringLiteral(" pad")}));
        QTRY_VERIFY(
            w().groupLabel(0, QStringLiteral("userTagsMessage")).contains(QStringLiteral("blank")));

        auto *remove = editor->findChild<QToolButton *>(QStringLiteral("removeTagButton"));
        QVERIFY(!remove->isEnabled());
        chips->setCurrentRow(0);
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(w().widget->document().groups.first().userTags.addTags.first(),
                 QStringLiteral("beta"));
        QTest::keyClick(chips, Qt::Key_Backspace); // the next chip is current now
        QCOMPARE(chips->count(), 2);
        QCOMPARE(w().widget->document().groups.first().userTags.addTags,
                 (QStringList{QStringLiteral("   "), QStringLiteral(" pad")}));
    }

    void withoutAProfileNothingIsSubmitted() {
        fillValidDraft(realFiles(1));
        QVERIFY(w().submitButton()->isEnabled());
        w().widget->setClient(nullptr);
        QVERIFY(!w().submitButton()->isEnabled());
        QVERIFY(w().submitButton()->toolTip().contains(QStringLiteral("profile")));
        QVERIFY(w().label(QStringLiteral("projectStatus")).contains(QStringLiteral("No profile")));
        QCOMPARE(w().picker()->catalog()->model()->rowCount(), 0);
        QCOMPARE(w().widget->document().projectId, firstProject()); // the draft keeps it
        w().widget->setClient(w().world->client);
        QTRY_VERIFY(w().submitButton()->isEnabled());
        QTRY_VERIFY(w().find<QListView>(QStringLiteral("projectList"))->currentIndex().isValid());
    }

    void newDraftFromARequest() {
        const QStringList files = realFiles(2);
        CreateBatchRequest request;
        DataUpdateGroup g;
        g.dataIds = files;
        g.technicalTags.addTags = {QStringLiteral("retry")};
        request.dataUpdateGroups = {g};
        const QString old = w().widget->currentDraftId();
        const QString project = w().world->sim().projectIds().at(1);
        w().widget->newDraftFrom(project, request);
        QVERIFY(w().widget->currentDraftId() != old);
        QCOMPARE(w().widget->document().projectId, project);
        QCOMPARE(w().widget->document().projectName, w().picker()->nameOf(project));
        QCOMPARE(w().widget->document().toRequest(), request);
        QTRY_VERIFY(w().storedDraft(w().widget->currentDraftId()).has_value()); // saved soon
    }
};

QTEST_MAIN(TstComposerWidget)
#include "tst_composerwidget.moc"
