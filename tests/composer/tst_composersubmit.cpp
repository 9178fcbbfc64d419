// Submitting from the composer against the simulator and a real store: the
// confirmation (answered through its test hook) with the counts, the form locked
// while sending, the batch in the simulator and in the history, batchCreated,
// the draft discarded; a failing create shown inline with the draft intact and
// exactly one POST; more than 5,000 IDs split into several batches, one after
// another, and a failure in the middle keeping only the batches not created;
// more than 100,000 IDs refused until the split is accepted; project paths in the
// ID list looked up before Submit, previewed and sent as their IDs, unknown ones
// named and left out.
#include "core/composer/submitplan.h"
#include "simulator/batchengine.h"
#include "simulator/datastore.h"
#include "tests/composer/composerharness.h"
#include "tests/composer/composertestutil.h"
#include "tests/support/statusspy.h"
#include "ui/composer/previewpane.h"
#include "ui/widgets/confirmation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPlainTextEdit>

using namespace ica;
using namespace ica::ui;
using namespace composertest;

class TstComposerSubmit : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ComposerHarness> m_world;

    ComposerHarness &w() { return *m_world; }
    QString project() { return w().firstProject(); }
    QStringList realFiles(int count) { return w().realFiles(count); }

    void fillDraft(const QStringList &ids) {
        QVERIFY(w().pickProject(project()));
        w().widget->addGroupWithIds(ids);
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("submitted"));
        QTRY_VERIFY(w().submitButton()->isEnabled());
    }

    /// The text of the inline message area ("" when hidden).
    QString message() {
        QWidget *bar = w().find<QWidget>(QStringLiteral("submitMessage"));
        return bar && bar->isVisible() ? w().label(QStringLiteral("submitMessage")) : QString();
    }

private Q_SLOTS:
    void init() { QVERIFY(ComposerHarness::openFresh(m_world)); }

    void cleanup() { m_world.reset(); }

    void submitCreatesTheBatchAndDiscardsTheDraft() {
        fillDraft(realFiles(3));
        const QString draftId = w().widget->currentDraftId();
        QTRY_VERIFY(w().storedDraft(draftId).has_value());
        QSignalSpy created(w().widget.get(), &ComposerWidget::batchCreated);
        QSignalSpy served(&w().world->sim(), &ica::sim::IcaSimulator::requestServed);
        // A slow server, to see the form locked while the call is out.
        w().world->sim().faults().setLatency(300, QStringLiteral("dataUpdateBatch"));
        const int asked = Confirmation::askCount();
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(w().submitButton(), Qt::LeftButton);
        QCOMPARE(Confirmation::askCount(), asked + 1);
        QVERIFY2(Confirmation::lastQuestion().contains(
                     QStringLiteral("1 batch, 1 group, 3 data IDs, 1 tag change")),
                 qPrintable(Confirmation::lastQuestion()));
        QTRY_VERIFY(w().widget->isSending());
        QVERIFY(!w().groups()->isEnabled() || !w().groups()->isEnabledTo(w().widget.get()));
        QVERIFY(!w().submitButton()->isEnabled());
        QVERIFY(message().contains(QStringLiteral("Creating the batch")));

        QVERIFY(created.wait(10000));
        const QString batchId = created.first().at(1).toString();
        QCOMPARE(created.first().at(0).toString(), project());
        QCOMPARE(w().world->sim().batchCount(), 1);
        const std::optional<ica::sim::BatchSnapshot> batch =
            w().world->sim().batch(project(), batchId);
        QVERIFY(batch);
        QCOMPARE(batch->itemCount, 3);
        QCOMPARE(countPosts(served), 1);

        QTRY_VERIFY(!w().widget->isSending());
        QVERIFY(w().groups()->isEnabledTo(w().widget.get()));
        QVERIFY(message().contains(batchId));
        const QList<BatchRecord> history = w().history();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().batchId, batchId);
        QCOMPARE(history.first().projectId, project());
        QCOMPARE(history.first().projectName, w().picker()->nameOf(project()));
        QCOMPARE(history.first().profileId, Profile);
        // The draft did its job: gone from the store, a fresh one in the form.
        QVERIFY(w().widget->currentDraftId() != draftId);
        QTRY_VERIFY(!w().storedDraft(draftId).has_value());
        QVERIFY(w().widget->document().isBlank());
    }

    void declinedConfirmationSendsNothing() {
        fillDraft(realFiles(2));
        QSignalSpy served(&w().world->sim(), &ica::sim::IcaSimulator::requestServed);
        Confirmation::setNextAnswer(false);
        const int asked = Confirmation::askCount();
        w().idsEdit(0)->setFocus();
        QTest::keyClick(w().idsEdit(0), Qt::Key_Return, Qt::ControlModifier); // the shortcut
        QCOMPARE(Confirmation::askCount(), asked + 1);
        ica::test::StatusSpy status;
        QVERIFY(status.wait());
        QCOMPARE(status.last().first().toString(), QStringLiteral("Nothing was sent."));
        QCOMPARE(countPosts(served), 0);
        QVERIFY(!w().widget->isSending());
        QCOMPARE(w().world->sim().batchCount(), 0);
    }

    void failingSubmitShowsTheProblemAndKeepsTheDraft() {
        fillDraft(realFiles(2));
        const QString draftId = w().widget->currentDraftId();
        const DraftDocument before = w().widget->document();
        QSignalSpy created(w().widget.get(), &ComposerWidget::batchCreated);
        QSignalSpy served(&w().world->sim(), &ica::sim::IcaSimulator::requestServed);
        w().world->sim().faults().failNext(1, 500, QStringLiteral("dataUpdateBatch"));
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(w().submitButton(), Qt::LeftButton);
        QTRY_VERIFY(message().contains(QStringLiteral("Internal Server Error")));
        QVERIFY2(message().contains(QStringLiteral("Injected fault")), qPrintable(message()));
        QVERIFY(message().contains(QStringLiteral("The draft is unchanged")));
        // A retry would go out within 10 ms (the fixture's policy): watch for one.
        QVERIFY(!QTest::qWaitFor([&]() { return countPosts(served) > 1; }, 300));
        QCOMPARE(countPosts(served), 1);
        QCOMPARE(created.size(), 0);
        QCOMPARE(w().world->sim().batchCount(), 0);
        QVERIFY(w().history().isEmpty());
        QCOMPARE(w().widget->document(), before);
        QCOMPARE(w().widget->currentDraftId(), draftId);
        QVERIFY(w().storedDraft(draftId).has_value());
        QVERIFY(w().submitButton()->isEnabled()); // the user may try again, by asking

        // Asked again, it goes through.
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(w().submitButton(), Qt::LeftButton);
        QVERIFY(created.wait(10000));
        QCOMPARE(countPosts(served), 2);
    }

    void moreThan5000IdsAreSplitIntoSeveralBatches() {
        QStringList ids = realFiles(1500);
        ids.append(fils(3600)); // well-formed IDs this project does not have: items will fail
        QCOMPARE(ids.size(), 5100);
        fillDraft(ids);
        ValidationReport report = w().widget->validationReport();
        QVERIFY(report.contains(IssueCode::AdvisedLimit));
        auto *split = w().find<QPushButton>(QStringLiteral("fixSplitButton"));
        QVERIFY(split->isVisible());
        QCOMPARE(split->text(), QStringLiteral("Sp&lit into 2 batches"));
        auto *splitCheck = w().find<QCheckBox>(QStringLiteral("splitCheck"));
        QVERIFY(splitCheck->isVisible());
        QVERIFY(!splitCheck->isChecked());

        QTest::mouseClick(split, Qt::LeftButton);
        QVERIFY(splitCheck->isChecked());
        QTRY_VERIFY(!w().widget->validationReport().contains(IssueCode::AdvisedLimit));
        QCOMPARE(w().submitButton()->text(), QStringLiteral("&Submit 2 batches…"));
        auto *bodies = w().find<QComboBox>(QStringLiteral("previewBatchCombo"));
        QCOMPARE(bodies->count(), 2);
        QVERIFY(bodies->isVisible());
        QCOMPARE(w().label(QStringLiteral("previewCounts")),
                 QStringLiteral("2 batches, 1 group, 5,100 data IDs, 1 tag change"));

        QSignalSpy created(w().widget.get(), &ComposerWidget::batchCreated);
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(w().submitButton(), Qt::LeftButton);
        QVERIFY(Confirmation::lastQuestion().contains(QStringLiteral("Create 2 batches")));
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 2, 20000);
        QCOMPARE(w().world->sim().batchCount(), 2);
        const QString first = created.at(0).at(1).toString();
        const QString second = created.at(1).at(1).toString();
        QCOMPARE(w().world->sim().batch(project(), first)->itemCount, 5000);
        QCOMPARE(w().world->sim().batch(project(), second)->itemCount, 100);
        QTRY_COMPARE(w().history().size(), 2);
        QTRY_VERIFY(w().widget->document().isBlank());
    }

    void aFailureInTheMiddleKeepsOnlyTheRest() {
        QStringList ids = fils(11000);
        fillDraft(ids);
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("fixSplitButton")), Qt::LeftButton);
        QTRY_COMPARE(w().submitButton()->text(), QStringLiteral("&Submit 3 batches…"));
        const QString draftId = w().widget->currentDraftId();
        QSignalSpy created(w().widget.get(), &ComposerWidget::batchCreated);
        QSignalSpy served(&w().world->sim(), &ica::sim::IcaSimulator::requestServed);
        connect(w().widget.get(), &ComposerWidget::batchCreated, this, [this]() {
            // ICA's own refusal (a 400 problem): the one failure that means "not created".
            w().world->sim().faults().failNext(1, 400, QStringLiteral("dataUpdateBatch"));
        });
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(w().submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message().contains(QStringLiteral("Batch 2 of 3 was not created")),
                                 20000);
        QCOMPARE(created.size(), 1);
        // A retry would go out within 10 ms (the fixture's policy): watch for one.
        QVERIFY(!QTest::qWaitFor([&]() { return countPosts(served) > 2; }, 300));
        QCOMPARE(countPosts(served), 2);
        QVERIFY2(message().contains(created.first().at(1).toString()), qPrintable(message()));
        QCOMPARE(w().history().size(), 1);
        // The draft keeps the 6,000 IDs not sent, in two parts of the one group.
        const DraftDocument left = w().widget->document();
        QCOMPARE(left.dataIdCount(), 6000);
        QCOMPARE(left.groups.first().dataIds.first(), ids.at(5000));
        QCOMPARE(left.groups.last().dataIds.last(), ids.last());
        QCOMPARE(left.groups.first().userTags.addTags, QStringList{QStringLiteral("submitted")});
        QCOMPARE(w().widget->currentDraftId(), draftId);
        QTRY_VERIFY([&]() {
            const std::optional<Draft> d = w().storedDraft(draftId);
            return d && DraftDocument::fromJson(d->content).dataIdCount() == 6000;
        }());
        QCOMPARE(w().submitButton()->text(), QStringLiteral("&Submit 2 batches…"));
    }

    void projectPathsAreLookedUpAndSentAsTheirIds() {
        QVERIFY(w().pickProject(project()));
        const QStringList ids = realFiles(2);
        const QString knownId = w().world->sim().fileIds(project()).at(10);
        const QString knownPath = w().world->sim().data(project(), knownId)->path;
        const QString unknown = QStringLiteral("/no such run/sample 7.bam");
        w().idsEdit(0)->setPlainText(ids.join(QLatin1Char('\n')) + QStringLiteral("\n  ") +
                                     knownPath + QStringLiteral("\n") + unknown);
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("by-path"));
        // The lookup is out: submit waits for it.
        QVERIFY(w().widget->validationReport().contains(IssueCode::PathsPending));
        QVERIFY(!w().submitButton()->isEnabled());
        QTRY_VERIFY(!w().widget->validationReport().contains(IssueCode::PathsPending));
        const ValidationReport report = w().widget->validationReport();
        QVERIFY(report.contains(IssueCode::PathsUnresolved));
        QVERIFY(!report.contains(IssueCode::MalformedId));
        QVERIFY(!report.hasErrors());
        QTRY_VERIFY(w().submitButton()->isEnabled());
        const QString idsMessage = w().groupLabel(0, QStringLiteral("dataIdsMessage"));
        QVERIFY2(idsMessage.contains(unknown + QStringLiteral(" (not found in this project)")),
                 qPrintable(idsMessage));
        QVERIFY(!idsMessage.contains(knownPath));
        QCOMPARE(w().groupLabel(0, QStringLiteral("idCountLabel")),
                 QStringLiteral("2 IDs, 2 paths"));

        // The preview shows what is sent: IDs only, the path's in its place.
        const QStringList sentIds = ids + QStringList{knownId};
        CreateBatchRequest expected;
        DataUpdateGroup group = w().widget->document().groups.first();
        group.dataIds = sentIds;
        expected.dataUpdateGroups.append(group);
        auto *preview = w().find<QPlainTextEdit>(QStringLiteral("previewText"));
        QTRY_COMPARE(preview->toPlainText(), QString::fromUtf8(SubmitPlan::bodyJson(expected)));
        QCOMPARE(w().label(QStringLiteral("previewCounts")),
                 QStringLiteral("1 batch, 1 group, 3 data IDs, 1 tag change"));
        // The draft keeps the paths as typed, and so does the stored draft.
        const QStringList typed = w().widget->document().groups.first().dataIds;
        QCOMPARE(typed, (ids + QStringList{knownPath, unknown}));
        const QString draftId = w().widget->currentDraftId();
        QTRY_VERIFY([&]() {
            const std::optional<Draft> d = w().storedDraft(draftId);
            return d && DraftDocument::fromJson(d->content).groups.value(0).dataIds == typed;
        }());

        QSignalSpy created(w().widget.get(), &ComposerWidget::batchCreated);
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(w().submitButton(), Qt::LeftButton);
        QVERIFY2(Confirmation::lastQuestion().contains(QStringLiteral("3 data IDs")),
                 qPrintable(Confirmation::lastQuestion()));
        QVERIFY(created.wait(10000));
        const QString batchId = created.first().at(1).toString();
        const ica::sim::Batch *batch = w().world->sim().batchEngine().find(
            w().world->sim().store().projectIndex(project()), batchId);
        QVERIFY(batch);
        QStringList items;
        for (const ica::sim::BatchItem &item : batch->items)
            items.append(item.dataId);
        QCOMPARE(items, sentIds);
    }

    void moreThan100000IdsMustBeSplit() { fillDraftOverLimit(); }

private:
    void fillDraftOverLimit() {
        QVERIFY(w().pickProject(project()));
        w().widget->addGroupWithIds(fils(100001));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("big"));
        ValidationReport report = w().widget->validationReport();
        QVERIFY(report.contains(IssueCode::HardLimit));
        QVERIFY(!w().submitButton()->isEnabled());
        QSignalSpy served(&w().world->sim(), &ica::sim::IcaSimulator::requestServed);
        w().widget->submit(); // refused with a reason, nothing asked, nothing sent
        QVERIFY(message().contains(QStringLiteral("Fix the errors")));
        // The unsplit body is megabytes: the preview shows the first IDs of the group,
        // Show full JSON and Copy JSON all of them.
        auto *preview = w().find<QPlainTextEdit>(QStringLiteral("previewText"));
        QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("… 99,901 more data IDs")));
        QVERIFY(
            preview->toPlainText().startsWith(QStringLiteral("{\n    \"dataUpdateGroups\": [")));

        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("fixSplitButton")), Qt::LeftButton);
        QTRY_VERIFY(w().submitButton()->isEnabled());
        QCOMPARE(w().submitButton()->text(), QStringLiteral("&Submit 21 batches…"));
        QCOMPARE(countPosts(served), 0);
        // Split, each body shows its first IDs; Show full JSON shows the whole body.
        const DraftDocument doc = w().widget->document();
        const CreateBatchRequest first = SubmitPlan::of(doc).requests.first();
        QTRY_COMPARE(preview->toPlainText(),
                     SubmitPlan::previewJson(first, PreviewPane::ShownIdsPerGroup));
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("showFullJsonButton")),
                          Qt::LeftButton);
        QCOMPARE(preview->toPlainText(), QString::fromUtf8(SubmitPlan::bodyJson(first)));
    }
};

QTEST_MAIN(TstComposerSubmit)
#include "tst_composersubmit.moc"
