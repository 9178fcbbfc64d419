// The "Tag selected…" dialog: typing changes builds the new group and its before and
// after; OK stays disabled while the group would change nothing; an existing group
// of the draft can take the items (and its changes show in the preview); a draft of
// another project only offers a new group; completion comes from the tag catalog.
#include "core/browser/tagpreview.h"
#include "core/data/tagcatalog.h"
#include "ui/tagging/tagselecteddialog.h"
#include "ui/widgets/tageditor.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace ica;
using ica::ui::TagSelectedDialog;

namespace {

const QString Project = QStringLiteral("11111111-1111-4111-8111-111111111111");

ProjectData item(int n, const QStringList &userTags) {
    ProjectData data;
    data.projectId = Project;
    data.id = QStringLiteral("fil.%1").arg(n, 32, 16, QLatin1Char('0'));
    data.name = QStringLiteral("sample%1.bam").arg(n);
    data.path = QStringLiteral("/runs/x/") + data.name;
    data.type = ProjectData::Type::File;
    data.tags.userTags = userTags;
    return data;
}

QList<ProjectData> items() {
    return {item(1, {QStringLiteral("pending")}), item(2, {}), item(3, {QStringLiteral("qc")})};
}

void typeTag(QWidget *dialog, const char *editor, const QString &tag) {
    auto *input = dialog->findChild<QWidget *>(QLatin1String(editor))
                      ->findChild<QLineEdit *>(QStringLiteral("tagInput"));
    QTest::keyClicks(input, tag);
    QTest::keyClick(input, Qt::Key_Return);
}

QPushButton *okButton(QWidget *dialog) {
    return dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
        ->button(QDialogButtonBox::Ok);
}

/// A draft of `projectId` whose one group is `group` on a data ID the dialog does not show.
DraftDocument oneGroupDraft(const QString &projectId, DataUpdateGroup group) {
    group.dataIds = {QStringLiteral("fil.00000000000000000000000000000099")};
    DraftDocument draft;
    draft.projectId = projectId;
    draft.groups = {group};
    return draft;
}

} // namespace

class TestTagSelectedDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newGroupWithTypedChanges() {
        TagSelectedDialog dialog(Project, QStringLiteral("Demo"), items());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!okButton(&dialog)->isEnabled()); // nothing would change yet
        QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("dialogMessage"))->isHidden());

        typeTag(&dialog, "userTagsAdd", QStringLiteral("reviewed"));
        typeTag(&dialog, "userTagsRemove", QStringLiteral("pending"));
        QVERIFY(okButton(&dialog)->isEnabled());
        // Enter added the tags and did not also press "Add to draft".
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        const DataUpdateGroup group = dialog.newGroup();
        QCOMPARE(group.dataIds,
                 QStringList({items().at(0).id, items().at(1).id, items().at(2).id}));
        QCOMPARE(group.userTags.addTags, QStringList{QStringLiteral("reviewed")});
        QCOMPARE(group.userTags.removeTags, QStringList{QStringLiteral("pending")});

        // The before and after follows (after a short pause for typing).
        TagPreview *preview = dialog.preview();
        QTRY_COMPARE(preview->rowCount(), 3);
        QTRY_COMPARE(preview->rowAt(0).userAfter, QStringList{QStringLiteral("reviewed")});
        QCOMPARE(preview->rowAt(0).userBefore, QStringList{QStringLiteral("pending")});
        QCOMPARE(preview->rowAt(2).userAfter,
                 QStringList({QStringLiteral("qc"), QStringLiteral("reviewed")}));
        QCOMPARE(preview->changedCount(), 3);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("previewSummary"))
                    ->text()
                    .contains(QLatin1Char('3')));
        QCOMPARE(dialog.target(), TagSelectedDialog::Target::NewGroup);
    }

    void existingGroupOfTheDraftTakesTheItems() {
        DataUpdateGroup existing;
        existing.technicalTags.addTags = {QStringLiteral("cohort-B")};
        TagSelectedDialog dialog(Project, QStringLiteral("Demo"), items());
        dialog.setDraft(oneGroupDraft(Project, existing));
        auto *existingRadio =
            dialog.findChild<QRadioButton *>(QStringLiteral("existingGroupRadio"));
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("existingGroupCombo"));
        QVERIFY(existingRadio->isEnabled());
        QCOMPARE(combo->count(), 1);
        QVERIFY(combo->itemText(0).contains(QStringLiteral("+cohort-B")));
        existingRadio->click();
        QCOMPARE(dialog.target(), TagSelectedDialog::Target::ExistingGroup);
        QCOMPARE(dialog.existingGroup(), 0);
        QVERIFY(okButton(&dialog)->isEnabled()); // the group brings its own changes
        QTRY_COMPARE(dialog.preview()->rowAt(1).technicalAfter,
                     QStringList{QStringLiteral("cohort-B")});
        // The draft's own IDs are not part of this preview, so none reads as missing.
        QVERIFY(dialog.preview()->missingIds().isEmpty());
    }

    void draftOfAnotherProjectOffersOnlyANewGroup() {
        DataUpdateGroup other;
        other.userTags.addTags = {QStringLiteral("x")};
        TagSelectedDialog dialog(Project, QStringLiteral("Demo"), items());
        dialog.setDraft(
            oneGroupDraft(QStringLiteral("22222222-2222-4222-8222-222222222222"), other));
        QVERIFY(
            !dialog.findChild<QRadioButton *>(QStringLiteral("existingGroupRadio"))->isEnabled());
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("existingGroupCombo"))->count(), 0);
        QCOMPARE(dialog.target(), TagSelectedDialog::Target::NewGroup);
        // The other project's changes are not this selection's future.
        typeTag(&dialog, "technicalTagsAdd", QStringLiteral("t1"));
        QTRY_COMPARE(dialog.preview()->rowAt(0).userAfter, QStringList{QStringLiteral("pending")});
    }

    void tagEditorsCompleteFromTheCatalog() {
        TagCatalog catalog;
        catalog.learnData(items());
        catalog.learnInput(TagKind::User, {QStringLiteral("qc")});
        TagSelectedDialog dialog(Project, QStringLiteral("Demo"), items());
        dialog.setTagCatalog(&catalog);
        auto *editor = dialog.findChild<ui::TagEditor *>(QStringLiteral("userTagsAdd"));
        QVERIFY(editor->completer());
        QCompleter *completer = editor->completer();
        completer->setCompletionPrefix(QStringLiteral("Q"));
        QCOMPARE(completer->currentCompletion(), QStringLiteral("qc"));
        completer->setCompletionPrefix(QString());
        // Most used first: "qc" was seen on an item and typed once.
        QCOMPARE(completer->completionModel()->index(0, 0).data().toString(), QStringLiteral("qc"));
    }
};

QTEST_MAIN(TestTagSelectedDialog)
#include "tst_tagselecteddialog.moc"
