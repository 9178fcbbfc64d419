// The composer at ICA's limit of 100,000 data IDs in one group, against the
// simulator and a real store: the list parsed incrementally gives what a full parse
// gives after any burst of edits; the check run off the GUI thread ends with the
// report a full re-validation from scratch gives; a stale check (an edit came
// after it) is never shown; a check shown while a large paste still goes into the
// editor is already that of the whole text; the preview shows the first IDs of
// each group and the whole body on demand and on copy; the autosave stores the
// whole list; a split into 20 batches of 5,000 sends every ID exactly once. No
// timings are asserted (bench/bench_composer prints them).
#include "core/composer/draftcheck.h"
#include "core/composer/idlistparser.h"
#include "core/composer/incrementalidlist.h"
#include "core/composer/submitplan.h"
#include "simulator/batchengine.h"
#include "tests/composer/composerharness.h"
#include "tests/composer/composertestutil.h"
#include "tests/support/statusspy.h"
#include "ui/composer/groupeditor.h"
#include "ui/composer/idlistedit.h"
#include "ui/composer/previewpane.h"
#include "ui/composer/validationsummary.h"
#include "ui/widgets/confirmation.h"

#include <QClipboard>
#include <QPointer>
#include <QRandomGenerator>
#include <QTextBlock>
#include <QTextDocument>
#include <QThreadPool>
#include <QTimer>

using namespace ica;
using namespace ica::ui;
using namespace composertest;

namespace {

constexpr int Many = 100000;

/// What a report says, comparable: one line per issue with its subjects.
QStringList describe(const ValidationReport &report) {
    QStringList lines{report.headline()};
    for (const ValidationIssue &issue : report.issues)
        lines.append(QStringLiteral("%1|%2|%3|%4|%5|%6")
                         .arg(int(issue.code))
                         .arg(issue.group)
                         .arg(int(issue.field))
                         .arg(issue.message)
                         .arg(issue.subjects.size())
                         .arg(issue.subjects.join(QLatin1Char(','))));
    return lines;
}

} // namespace

class TstComposerScale : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ComposerHarness> m_world;

    ComposerHarness &w() { return *m_world; }
    QString project() { return w().world->sim().projectIds().first(); }

    /// A draft of `ids` (pasted) with a tag, for the first project, checked.
    void fillDraft(const QStringList &ids) {
        QVERIFY(w().pickProject(project()));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("big"));
        QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
        QPlainTextEdit *edit = w().idsEdit(0);
        edit->setFocus();
        edit->paste();
        // A large paste goes in over a few event-loop turns (IdListEdit).
        QTRY_COMPARE_WITH_TIMEOUT(w().group(0)->idList().ids().size(), ids.size(), 20000);
        settle();
        QCOMPARE(edit->document()->blockCount(), ids.size());
    }

    /// Waits until the text is all in the editors and its check is shown (the check
    /// of a large paste may be shown while the rest of its text still goes in).
    void settle() {
        QTRY_VERIFY_WITH_TIMEOUT(!w().groups()->isBusy() && !w().widget->isCheckPending(), 20000);
    }

    /// The request a full parse of the text gives (what Submit must send).
    CreateBatchRequest requestFromScratch() {
        DraftDocument doc = w().widget->document();
        for (int g = 0; g < w().groups()->count(); ++g)
            doc.groups[g].dataIds = IdListParser::parse(w().idsEdit(g)->toPlainText()).ids();
        return SubmitPlan::of(doc).requests.value(0);
    }

    /// Everything shown about the IDs is what a full parse and validation of the text
    /// as it is now give: the list, the count, the report, the preview and its body.
    void checkAgainstAFullParse() {
        QPlainTextEdit *edit = w().idsEdit(0);
        const IdParseResult full = IdListParser::parse(edit->toPlainText());
        QCOMPARE(w().group(0)->idList().ids(), full.ids());
        QCOMPARE(w().group(0)->idList().duplicateCount(), full.duplicates.size());
        QString count =
            QStringLiteral("%1 IDs").arg(QLocale().toString(qlonglong(full.entries.size())));
        if (!full.duplicates.isEmpty())
            count += QStringLiteral(" (%1 repeated)").arg(full.duplicates.size());
        QCOMPARE(w().groupLabel(0, QStringLiteral("idCountLabel")), count);
        QCOMPARE(describe(shown()), describe(fromScratch()));
        QCOMPARE(w().widget->document().groups.first().dataIds, full.ids());
        const CreateBatchRequest request = requestFromScratch();
        auto *preview = w().find<PreviewPane>(QStringLiteral("previewPane"));
        QCOMPARE(preview->text(), SubmitPlan::previewJson(request, PreviewPane::ShownIdsPerGroup));
        QApplication::clipboard()->clear();
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("copyJsonButton")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(),
                 QString::fromUtf8(SubmitPlan::bodyJson(request)));
    }

    /// The report a full parse of the text and a validation from scratch give.
    ValidationReport fromScratch() {
        DraftDocument doc = w().widget->document();
        for (int g = 0; g < w().groups()->count(); ++g)
            doc.groups[g].dataIds = IdListParser::parse(w().idsEdit(g)->toPlainText()).ids();
        return DraftCheck::run(doc, {}).report;
    }

    ValidationReport shown() {
        return w().find<ValidationSummary>(QStringLiteral("validationSummary"))->report();
    }

    void moveTo(QPlainTextEdit *edit, int line, bool end) {
        QTextCursor cursor(edit->document()->findBlockByNumber(line));
        cursor.movePosition(end ? QTextCursor::EndOfBlock : QTextCursor::StartOfBlock);
        edit->setTextCursor(cursor);
    }

private Q_SLOTS:
    void init() { QVERIFY(ComposerHarness::openFresh(m_world)); }

    void cleanup() { m_world.reset(); }

    void incrementalListMatchesAFullParse() {
        // Random replacements of line ranges, as edits make them, checked against a
        // full parse after each one.
        QRandomGenerator random(9);
        const QStringList samples{fil(1),
                                  fil(2),
                                  QStringLiteral("x, ") + fil(3),
                                  QStringLiteral("\"") + fol(4) + QStringLiteral("\";"),
                                  QString(),
                                  QStringLiteral("  /runs/a b/c.bam, "),
                                  QStringLiteral("not-an-id ") + fil(1),
                                  fil(5) + QStringLiteral("\t") + fil(5)};
        QStringList lines{QString()};
        IncrementalIdList list;
        IncrementalIdList viaText; // the same edits as whole texts (replaceText())
        for (int step = 0; step < 400; ++step) {
            const int first = int(random.bounded(lines.size()));
            const int removed = int(random.bounded(qMin<qsizetype>(3, lines.size() - first) + 1));
            QStringList added;
            const int count = int(random.bounded(4)) + (removed == lines.size() ? 1 : 0);
            for (int i = 0; i < count; ++i)
                added.append(samples.at(int(random.bounded(samples.size()))));
            if (lines.size() - removed + added.size() == 0)
                added.append(QString()); // a text always has a line
            lines.remove(first, removed);
            for (int i = 0; i < added.size(); ++i)
                lines.insert(first + i, added.at(i));
            list.replaceLines(first, removed, added);
            if (added.isEmpty()) // a text has at least one line
                viaText.replaceLines(first, removed, added);
            else
                viaText.replaceText(first, removed, added.join(QLatin1Char('\n')));
            const IdParseResult full = IdListParser::parse(lines.join(QLatin1Char('\n')));
            QCOMPARE(list.lineCount(), lines.size());
            QCOMPARE(list.ids(), full.ids());
            QList<int> fullLines;
            for (const ParsedId &entry : full.entries)
                fullLines.append(entry.line);
            QCOMPARE(list.lines(), fullLines);
            QCOMPARE(list.duplicateCount(), full.duplicates.size());
            const qsizetype paths =
                std::count_if(full.entries.cbegin(), full.entries.cend(),
                              [](const ParsedId &e) { return IdListParser::isPath(e.id); });
            QCOMPARE(list.pathCount(), paths);
            QCOMPARE(viaText.ids(), list.ids());
            QCOMPARE(viaText.lines(), list.lines());
            QCOMPARE(viaText.duplicateCount(), list.duplicateCount());
            QCOMPARE(viaText.lineCount(), list.lineCount());
        }
        QVERIFY(list.ids().size() > 0);

        // A long list replaced whole (setPlainText(), a cleared editor) is forgotten at
        // once, its strings freed on a worker.
        IncrementalIdList longList;
        longList.replaceText(0, 1, fils(3000).join(QLatin1Char('\n')));
        QCOMPARE(longList.ids(), fils(3000));
        QCOMPARE(longList.lineCount(), 3000);
        longList.replaceLines(0, longList.lineCount(),
                              {fil(1), fol(2) + QStringLiteral(" ") + fil(1)});
        QCOMPARE(longList.ids(), (QStringList{fil(1), fol(2), fil(1)}));
        QCOMPARE(longList.lines(), (QList<int>{1, 2, 2}));
        QCOMPARE(longList.duplicateCount(), 1);
        QCOMPARE(longList.pathCount(), 0);
        QCOMPARE(longList.lineCount(), 2);
    }

    void burstOfEditsEndsInTheReportOfAFullRevalidation() {
        QStringList ids = fils(Many);
        ids[7] = fil(3);                        // a repeat
        ids[Many - 2] = QStringLiteral("typo"); // not shaped like an ID
        fillDraft(ids);
        QCOMPARE(describe(shown()), describe(fromScratch()));
        QVERIFY(shown().contains(IssueCode::DuplicateId));
        QVERIFY(shown().contains(IssueCode::AdvisedLimit));

        // A burst: typing in the middle, a new line at the end, a deletion at the start,
        // a second repeat, with no pause for the check in between.
        QPlainTextEdit *edit = w().idsEdit(0);
        moveTo(edit, Many / 2, true);
        QTest::keyClicks(edit, QStringLiteral("zz"));
        moveTo(edit, Many - 1, true);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, fil(42) + QStringLiteral(", ") + fil(Many + 1));
        moveTo(edit, 0, false);
        QTest::keyClick(edit, Qt::Key_Delete);
        moveTo(edit, 10, true);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, fol(77));
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClick(edit, Qt::Key_Backspace);

        // The editor's list and counts are those of a full parse of the text.
        const IdParseResult full = IdListParser::parse(edit->toPlainText());
        QCOMPARE(w().group(0)->idList().ids(), full.ids());
        QCOMPARE(w().group(0)->idList().duplicateCount(), full.duplicates.size());
        QCOMPARE(w().groupLabel(0, QStringLiteral("idCountLabel")),
                 QStringLiteral("%1 IDs (%2 repeated)")
                     .arg(QLocale().toString(qlonglong(full.entries.size())))
                     .arg(full.duplicates.size()));

        // A second large paste in the middle, replacing a selection of three lines,
        // with CRLF line breaks, and keys typed while it goes in (they follow it).
        QTextCursor selection(edit->document()->findBlockByNumber(Many / 3));
        selection.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 5);
        selection.movePosition(QTextCursor::Down, QTextCursor::KeepAnchor, 2);
        edit->setTextCursor(selection);
        QApplication::clipboard()->setText(fils(20000, Many + 10).join(QStringLiteral("\r\n")) +
                                           QStringLiteral("\r\n") + fil(7) +
                                           QStringLiteral(", typo2"));
        edit->paste();
        QVERIFY(w().group(0)->isBusy());
        QTest::keyClicks(edit, QStringLiteral(" q"));
        QTest::keyClick(edit, Qt::Key_Return);

        // The check shown at the end is that of the text as it is, and so are the
        // count, the preview and the body Submit would send.
        QTRY_VERIFY_WITH_TIMEOUT(!w().widget->isCheckPending(), 20000);
        QVERIFY(edit->toPlainText().contains(fil(Many + 20009) + QStringLiteral("\n") + fil(7) +
                                             QStringLiteral(", typo2 q\n")));
        checkAgainstAFullParse();
        QVERIFY(shown().contains(IssueCode::MalformedId)); // ..."zz", "typo2", "q"
        QVERIFY(shown().contains(IssueCode::DuplicateId));
    }

    void aLargePasteIsOneUndoStep() {
        fillDraft(fils(Many));
        QPlainTextEdit *edit = w().idsEdit(0);
        const QString before = edit->toPlainText();
        moveTo(edit, 10, true);
        QApplication::clipboard()->setText(QStringLiteral("\n") +
                                           fils(Many, Many).join(QLatin1Char('\n')));
        edit->paste();
        settle();
        QCOMPARE(edit->document()->blockCount(), 2 * Many);
        QCOMPARE(edit->textCursor().blockNumber(), 10 + Many); // after what was pasted
        checkAgainstAFullParse();

        edit->undo();
        QCOMPARE(edit->toPlainText(), before);
        QTRY_VERIFY_WITH_TIMEOUT(!w().widget->isCheckPending(), 20000);
        checkAgainstAFullParse();
        edit->redo();
        QCOMPARE(edit->document()->blockCount(), 2 * Many);
        QTRY_VERIFY_WITH_TIMEOUT(!w().widget->isCheckPending(), 20000);
        checkAgainstAFullParse();
    }

    void anActionDuringALargePasteSeesAllOfIt() {
        QVERIFY(w().pickProject(project()));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("big"));
        QPlainTextEdit *edit = w().idsEdit(0);
        edit->setFocus();
        QApplication::clipboard()->setText(fils(Many).join(QLatin1Char('\n')));
        edit->paste();
        QVERIFY(w().group(0)->isBusy());
        QVERIFY(w().widget->isCheckPending());
        // An explicit check (as Submit makes) takes the whole paste, at once.
        const ValidationReport report = w().widget->validationReport();
        QCOMPARE(describe(report), describe(fromScratch()));
        QVERIFY(report.contains(IssueCode::AdvisedLimit));
        QVERIFY(!w().group(0)->isBusy());
        QCOMPARE(w().group(0)->idList().ids().size(), Many);
        QTRY_VERIFY_WITH_TIMEOUT(!w().widget->isCheckPending(), 20000);
        checkAgainstAFullParse();
    }

    void aCheckShownWhileThePasteGoesInIsOfTheWholePaste() {
        // The IDs of a large paste are read off the GUI thread while its text goes
        // into the editor in steps; their check may be shown before the last step,
        // and then the check is no longer pending. Whenever it is not pending while
        // the text goes in, what is shown is already the report of the whole text.
        QVERIFY(w().pickProject(project()));
        w().addTag(0, QStringLiteral("userTagsAdd"), QStringLiteral("big"));
        QStringList ids = fils(Many);
        ids[Many - 1] = QStringLiteral("typo"); // in the last step of the paste
        QList<QStringList> shownMeanwhile;
        const auto record = [&]() {
            if (w().group(0)->isBusy() && !w().widget->isCheckPending())
                shownMeanwhile.append(describe(shown()));
        };
        connect(w().widget.get(), &ComposerWidget::validated, this, record);
        // Also between steps (a step is an event-loop turn).
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, record);
        poll.start(0);
        QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
        QPlainTextEdit *edit = w().idsEdit(0);
        edit->setFocus();
        edit->paste();
        QVERIFY(w().group(0)->isBusy());
        QVERIFY(w().widget->isCheckPending()); // its IDs are being read
        settle();
        QCOMPARE(edit->document()->blockCount(), Many);
        const QStringList final = describe(fromScratch());
        QVERIFY(shown().contains(IssueCode::MalformedId));
        QCOMPARE(describe(shown()), final);
        poll.stop();
        for (const QStringList &meanwhile : std::as_const(shownMeanwhile))
            QCOMPARE(meanwhile, final);
        qInfo("turns with the final check shown while the text went in: %d",
              int(shownMeanwhile.size()));
    }

    void aStaleCheckIsNeverShown() {
        fillDraft(fils(Many));
        QVERIFY(!shown().contains(IssueCode::MalformedId));
        int shownCount = 0;
        connect(w().widget.get(), &ComposerWidget::validated, this, [&]() { ++shownCount; });
        // The second edit comes while the first check runs: at once when it starts,
        // before its result can arrive (results come through the event loop).
        QPlainTextEdit *edit = w().idsEdit(0);
        QSignalSpy started(w().widget.get(), &ComposerWidget::checkStarted);
        bool edited = false;
        connect(w().widget.get(), &ComposerWidget::checkStarted, this, [&]() {
            if (edited)
                return;
            edited = true;
            QTest::keyClick(edit, Qt::Key_Backspace); // second edit: well-formed again
        });
        moveTo(edit, 5, true);
        QTest::keyClicks(edit, QStringLiteral("!")); // first edit: a malformed ID
        QVERIFY(started.wait(10000));
        QVERIFY(edited);
        QVERIFY(started.wait(10000)); // the check of the second edit
        QCOMPARE(started.size(), 2);

        QTRY_VERIFY_WITH_TIMEOUT(!w().widget->isCheckPending(), 20000);
        QVERIFY(QThreadPool::globalInstance()->waitForDone(20000)); // the first one too
        QCoreApplication::processEvents();
        QCOMPARE(shownCount, 1); // the first check's result was dropped
        QVERIFY(!shown().contains(IssueCode::MalformedId));
        QCOMPARE(describe(shown()), describe(fromScratch()));
    }

    void previewShowsTheFirstIdsAndTheWholeBodyOnDemand() {
        fillDraft(fils(Many));
        auto *preview = w().find<QPlainTextEdit>(QStringLiteral("previewText"));
        auto *full = w().find<QPushButton>(QStringLiteral("showFullJsonButton"));
        const CreateBatchRequest request = w().widget->document().toRequest();
        const QString body = QString::fromUtf8(SubmitPlan::bodyJson(request));

        const QString cut = preview->toPlainText();
        QCOMPARE(cut, SubmitPlan::previewJson(request, PreviewPane::ShownIdsPerGroup));
        QVERIFY(cut.contains(fil(PreviewPane::ShownIdsPerGroup - 1)));
        QVERIFY(!cut.contains(fil(PreviewPane::ShownIdsPerGroup)));
        QVERIFY(cut.contains(QStringLiteral("… 99,900 more data IDs")));
        QVERIFY(cut.contains(QStringLiteral("\"big\"")));
        QVERIFY(cut.size() < 20000);
        QVERIFY(full->isVisible());

        QApplication::clipboard()->clear();
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("copyJsonButton")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), body); // copy: always the whole body

        QTest::mouseClick(full, Qt::LeftButton);
        QCOMPARE(preview->toPlainText(), body);
        QVERIFY(!full->isVisible());

        // An edit: the preview is cut again, and shows the edit.
        QPlainTextEdit *edit = w().idsEdit(0);
        moveTo(edit, 0, false);
        QTest::keyClicks(edit, fol(1));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!w().widget->isCheckPending(), 20000);
        QVERIFY(preview->toPlainText().contains(fol(1)));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("… 99,901 more data IDs")));
        QVERIFY(full->isVisible());
    }

    void autosaveStoresTheWholeList() {
        const QStringList ids = fils(Many);
        fillDraft(ids);
        const QString draftId = w().widget->currentDraftId();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                const std::optional<Draft> d = w().storedDraft(draftId);
                return d && DraftDocument::fromJson(d->content).groups.value(0).dataIds == ids;
            }(),
            20000);
        // A later edit replaces it (an older save never lands after a newer one).
        QPlainTextEdit *edit = w().idsEdit(0);
        moveTo(edit, Many - 1, true);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, fil(Many));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                const std::optional<Draft> d = w().storedDraft(draftId);
                return d && DraftDocument::fromJson(d->content).groups.value(0).dataIds ==
                                ids + QStringList{fil(Many)};
            }(),
            20000);
    }

    void splitAndSubmitSendsEveryIdExactlyOnce() {
        const QStringList ids = fils(Many);
        fillDraft(ids);
        QSignalSpy created(w().widget.get(), &ComposerWidget::batchCreated);
        ica::test::StatusSpy status;
        QTest::mouseClick(w().find<QPushButton>(QStringLiteral("fixSplitButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w().submitButton()->text(), QStringLiteral("&Submit 20 batches…"),
                                  20000);
        QVERIFY(w().submitButton()->isEnabled());
        Confirmation::setNextAnswer(true);
        QTest::mouseClick(w().submitButton(), Qt::LeftButton);
        const QPointer<QTextDocument> oldText = w().idsEdit(0)->document();
        QTRY_VERIFY_WITH_TIMEOUT(created.size() == 20 && !w().widget->isSending(), 60000);
        // Progress was shown as the batches went out.
        QStringList said;
        for (const QList<QVariant> &args : status)
            said.append(args.at(0).toString());
        QVERIFY(said.contains(QStringLiteral("Creating batch 1 of 20…")));
        QVERIFY(said.contains(QStringLiteral("Creating batch 20 of 20…")));
        QVERIFY(
            w().label(QStringLiteral("submitMessage")).startsWith(QStringLiteral("Created 20")));

        QStringList sent;
        int batches = 0;
        for (const auto &batch : w().world->sim().batchEngine().batches()) {
            ++batches;
            QVERIFY(batch->itemCount() <= 5000);
            for (const ica::sim::BatchItem &item : batch->items)
                sent.append(item.dataId);
        }
        QCOMPARE(batches, 20);
        QCOMPARE(sent.size(), ids.size());
        QCOMPARE(QSet<QString>(sent.cbegin(), sent.cend()).size(), ids.size());
        QCOMPARE(sent, ids); // in order, each once

        // The draft has done its job and is emptied: the 100,000-line text is not
        // cleared in place but swapped for a fresh document, the old one emptied in
        // slices and deleted (IdListEdit::replaceText); typing then works as before.
        QTRY_COMPARE_WITH_TIMEOUT(w().group(0)->idList().ids().size(), 0, 20000);
        auto *edit = qobject_cast<ica::ui::IdListEdit *>(w().idsEdit(0));
        QVERIFY(edit);
        QCOMPARE(edit->document()->blockCount(), 1);
        QVERIFY(edit->toPlainText().isEmpty());
        QVERIFY(oldText != edit->document());
        QTRY_VERIFY_WITH_TIMEOUT(oldText.isNull() && !edit->isDisposing(), 20000);
        edit->setFocus();
        QTest::keyClicks(edit, fil(7));
        QTRY_COMPARE(w().group(0)->idList().ids(), QStringList{fil(7)});
        QVERIFY(edit->document()->isUndoAvailable()); // the fresh document records undo
    }
};

QTEST_MAIN(TstComposerScale)
#include "tst_composerscale.moc"
