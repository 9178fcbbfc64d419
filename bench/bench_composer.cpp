// Figures for the batch composer at ICA's limit: 100,000 data IDs pasted into one
// group, typing in that list afterwards, the autosave of the draft, and the split
// into 20 batches of 5,000 submitted to the simulator (in its own thread). A stall
// is the longest gap between ticks of a 1 ms timer on the GUI thread, as in
// bench_browser; a keystroke's work is the time to handle its key events and the
// events they post (layout, paint), measured around them. The plain QPlainTextEdit
// figures show what the widget itself costs at 100,000 lines, apart from ours.
// Prints figures only: timing is never a pass/fail test here.
#include "bench/benchsupport.h"
#include "bench/benchworld.h"
#include "core/api/apiclient.h"
#include "core/api/authenticator.h"
#include "core/composer/draftcheck.h"
#include "core/store/storeworker.h"
#include "simulator/batchengine.h"
#include "simulator/simulatorthread.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/groupeditor.h"
#include "ui/composer/grouplisteditor.h"
#include "ui/composer/idlistedit.h"
#include "ui/widgets/confirmation.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace ica;
using ica::bench::fail;
using ica::bench::say;
using ica::bench::StallMeter;

namespace {

constexpr int IdCount = 100000;
constexpr int Keystrokes = 50;

/// Spins the event loop until `done` is true.
template <typename Done> void spin(Done done, const char *what) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > 300000)
            fail(QStringLiteral("timed out: ") + QLatin1String(what));
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
}

/// Runs the event loop for `ms` (a pause between keystrokes).
void idle(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

QString fil(int n) {
    return QStringLiteral("fil.") + QString::number(n, 16).rightJustified(32, QLatin1Char('0'));
}

QString ms(double value) {
    return QString::number(value, 'f', 1);
}

/// CPU time of this thread so far, in microseconds (unlike the wall clock, not
/// lengthened while other processes have the CPU).
qint64 threadCpuUs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

/// One key pressed and released on `target`, and the events that posts handled:
/// the GUI-thread work of a keystroke: wall-clock ms, and `cpuMs` the thread's CPU
/// time (the same on an idle machine; less when other processes took turns).
double keystroke(QWidget *target, int key, const QString &text, double *cpuMs = nullptr) {
    QElapsedTimer timer;
    timer.start();
    const qint64 cpu0 = threadCpuUs();
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QCoreApplication::sendEvent(target, &press);
    QCoreApplication::sendEvent(target, &release);
    QCoreApplication::processEvents();
    if (cpuMs)
        *cpuMs = double(threadCpuUs() - cpu0) / 1000.0;
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Keys {
    double median = 0;
    double max = 0;
    double cpuMedian = 0;
    double cpuMax = 0;
    qint64 stall = 0;
};

/// `count` keystrokes from `next` (key, text) on `target`, `pauseMs` apart (long
/// enough for the composer's debounced check to run between them).
template <typename Next> Keys type(QWidget *target, int count, int pauseMs, Next next) {
    std::vector<double> times;
    std::vector<double> cpu;
    StallMeter stall;
    stall.start();
    for (int i = 0; i < count; ++i) {
        const auto [key, text] = next(i);
        double cpuMs = 0;
        times.push_back(keystroke(target, key, text, &cpuMs));
        cpu.push_back(cpuMs);
        idle(pauseMs);
    }
    Keys keys;
    keys.stall = stall.stop();
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    keys.median = times.at(times.size() / 2);
    keys.max = times.back();
    keys.cpuMedian = cpu.at(cpu.size() / 2);
    keys.cpuMax = cpu.back();
    return keys;
}

/// The same paste and typing in a bare QPlainTextEdit: the widget's own share.
void plainWidgetFigures(const QString &text) {
    QPlainTextEdit edit;
    edit.setLineWrapMode(QPlainTextEdit::NoWrap);
    edit.resize(600, 400);
    edit.show();
    idle(50);
    QApplication::clipboard()->setText(text);
    QElapsedTimer timer;
    timer.start();
    edit.paste();
    QCoreApplication::processEvents();
    const qint64 pasteMs = timer.elapsed();
    edit.moveCursor(QTextCursor::End);
    const Keys keys = type(&edit, Keystrokes, 20, [](int i) {
        return i % 2 == 0 ? std::pair{int(Qt::Key_X), QStringLiteral("x")}
                          : std::pair{int(Qt::Key_Backspace), QString()};
    });
    say(QStringLiteral("  a bare QPlainTextEdit, for comparison: paste %1 ms; keystroke median "
                       "%2 ms, max %3 ms")
            .arg(pasteMs)
            .arg(ms(keys.median), ms(keys.max)));
}

/// With ICA_BENCH_TRACE set, says which event kept the GUI thread busy for 4 ms of
/// CPU or more (outermost events only): where a stall comes from.
class TracingApplication final : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override {
        // notify() runs on every thread with an event loop: only the GUI thread's count.
        if (!m_trace || m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        // Named before: the event may delete its receiver (DeferredDelete).
        const QEvent::Type type = event->type();
        const QString name = receiver ? receiver->objectName() : QString();
        const char *className = receiver ? receiver->metaObject()->className() : "?";
        const QObject *parentObject = receiver ? receiver->parent() : nullptr;
        const char *parentClass = parentObject ? parentObject->metaObject()->className() : "-";
        const qint64 cpu0 = threadCpuUs();
        QElapsedTimer timer;
        timer.start();
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const qint64 elapsed = timer.elapsed();
        const qint64 cpuUs = threadCpuUs() - cpu0;
        if (cpuUs >= 4000) {
            say(QStringLiteral("  [trace] %1 ms (%6 ms CPU): event %2 to %3 \"%4\" (parent %5)")
                    .arg(elapsed)
                    .arg(int(type))
                    .arg(QLatin1String(className), name, QLatin1String(parentClass))
                    .arg(double(cpuUs) / 1000.0, 0, 'f', 1));
        }
        return result;
    }

private:
    bool m_trace = qEnvironmentVariableIsSet("ICA_BENCH_TRACE");
    int m_depth = 0;
};

} // namespace

int main(int argc, char *argv[]) {
    // A real widget tree needs a platform; "offscreen" when none is given.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    say(QStringLiteral("ICA Tagger composer benchmarks (%1 data IDs in one group)")
            .arg(QLocale(QLocale::English).toString(IdCount)));

    ica::bench::BenchWorld world(2000);
    ica::sim::SimulatorThread &simulator = world.simulator;
    ApiClient &client = world.client;
    const QString projectId =
        simulator.invoke([](ica::sim::IcaSimulator &s) { return s.projectIds().first(); });

    QTemporaryDir dir;
    StoreWorker store(dir.filePath(QStringLiteral("store.sqlite")));
    ui::ComposerWidget composer(&store);
    composer.resize(1200, 900);
    composer.setClient(&client);
    composer.setProfileId(QStringLiteral("bbbbbbbb-0000-4000-8000-00000000000b"));
    composer.setLastProjectId(projectId);
    composer.show();
    spin([&]() { return composer.document().projectId == projectId; }, "choosing the project");
    auto *tagInput = composer.findChild<QWidget *>(QStringLiteral("userTagsAdd"))
                         ->findChild<QLineEdit *>(QStringLiteral("tagInput"));
    tagInput->setText(QStringLiteral("reviewed"));
    keystroke(tagInput, Qt::Key_Return, QStringLiteral("\r"));
    idle(300);

    QStringList idList;
    idList.reserve(IdCount);
    for (int i = 0; i < IdCount; ++i)
        idList.append(fil(i));
    const QString text = idList.join(QLatin1Char('\n'));

    // What now runs on worker threads, timed on its own.
    {
        DraftDocument doc = composer.document();
        doc.groups.first().dataIds = idList;
        QElapsedTimer timer;
        timer.start();
        const DraftCheck check = DraftCheck::run(doc, {});
        const qint64 checkMs = timer.restart();
        const QJsonObject json = doc.toJson();
        const qint64 jsonMs = timer.elapsed();
        say(QStringLiteral("off the GUI thread now: validate and plan %1 ms (%2 issues); draft to "
                           "JSON for the autosave %3 ms")
                .arg(checkMs)
                .arg(check.report.issues.size())
                .arg(jsonMs + (json.isEmpty() ? 1 : 0)));
    }

    // 1. Paste 100,000 IDs.
    ui::GroupEditor *group = composer.findChild<ui::GroupListEditor *>()->editor(0);
    QPlainTextEdit *ids = group->idsEdit();
    auto *countLabel = group->findChild<QLabel *>(QStringLiteral("idCountLabel"));
    const QString countShown =
        QLocale().toString(qlonglong(IdCount)) + QStringLiteral(" IDs"); // "100,000 IDs"
    ids->setFocus();
    QApplication::clipboard()->setText(text);
    int validations = 0;
    QObject::connect(&composer, &ui::ComposerWidget::validated,
                     [&validations]() { ++validations; });
    StallMeter stall;
    idle(20);
    stall.start();
    QElapsedTimer timer;
    timer.start();
    ids->paste();
    const qint64 pasteCallMs = timer.elapsed();
    spin([&]() { return countLabel->text() == countShown; }, "the count");
    QCoreApplication::processEvents(); // the count label is painted
    const qint64 countMs = timer.elapsed();
    qint64 textMs = -1;
    qint64 validatedMs = -1;
    const int before = validations;
    spin(
        [&]() {
            if (textMs < 0 && !group->isBusy())
                textMs = timer.elapsed();
            if (validatedMs < 0 && validations > before && !composer.isCheckPending())
                validatedMs = timer.elapsed();
            return textMs >= 0 && validatedMs >= 0;
        },
        "validating the paste");
    const qint64 pasteStall = stall.stop();
    if (group->idList().ids().size() != IdCount || ids->document()->blockCount() != IdCount)
        fail(QStringLiteral("the paste gave %1 IDs").arg(group->idList().ids().size()));
    say(QStringLiteral("paste %1 IDs: count shown after %2 ms, validation shown after %3 ms, "
                       "all the text in the editor after %4 ms (the paste call %5 ms); longest "
                       "GUI-thread stall %6 ms")
            .arg(IdCount)
            .arg(countMs)
            .arg(validatedMs)
            .arg(textMs)
            .arg(pasteCallMs)
            .arg(pasteStall));
    say(QStringLiteral("  validation: %1").arg(composer.validationReport().headline()));

    // 2. Typing afterwards: a new ID begun at the end and erased again (the list is
    // 100,000 IDs after it), then edits at the start and in the middle of the list.
    ids->moveCursor(QTextCursor::End);
    const QString newId = QString(QLatin1Char('\n') + fil(IdCount)).left(Keystrokes / 2);
    const auto newIdKeys = [&newId](int i) {
        if (i < newId.size()) {
            const QChar c = newId.at(i);
            return c == QLatin1Char('\n') ? std::pair{int(Qt::Key_Return), QStringLiteral("\r")}
                                          : std::pair{int(c.toUpper().unicode()), QString(c)};
        }
        return std::pair{int(Qt::Key_Backspace), QString()};
    };
    const Keys atEnd = type(ids, Keystrokes, 200, newIdKeys);
    say(QStringLiteral("typing at the end of the list (%1 keystrokes, 200 ms apart, a new line "
                       "and ID typed and erased): GUI-thread work per keystroke median %2 ms, max "
                       "%3 ms (CPU median %5 ms, max %6 ms); longest stall while typing (checks "
                       "and autosaves included) %4 ms")
            .arg(Keystrokes)
            .arg(ms(atEnd.median), ms(atEnd.max))
            .arg(atEnd.stall)
            .arg(ms(atEnd.cpuMedian), ms(atEnd.cpuMax)));
    const auto typeAt = [&](int line, const char *where) {
        QTextCursor cursor(ids->document()->findBlockByNumber(line));
        cursor.movePosition(QTextCursor::EndOfBlock);
        ids->setTextCursor(cursor);
        const Keys keys = type(ids, Keystrokes, 200, newIdKeys);
        say(QStringLiteral("typing %1 of the list (line %2, the same keys): median %3 ms, max "
                           "%4 ms (CPU median %6 ms, max %7 ms); longest stall %5 ms")
                .arg(QLatin1String(where))
                .arg(line + 1)
                .arg(ms(keys.median), ms(keys.max))
                .arg(keys.stall)
                .arg(ms(keys.cpuMedian), ms(keys.cpuMax)));
    };
    typeAt(0, "at the start");
    typeAt(IdCount / 2, "in the middle");
    plainWidgetFigures(text);

    // 3. The autosave of the whole draft after one more keystroke.
    auto *draftState = composer.findChild<QLabel *>(QStringLiteral("draftState"));
    spin([&]() { return draftState->text() == QLatin1String("Saved"); }, "the first save");
    keystroke(ids, Qt::Key_X, QStringLiteral("x"));
    stall.start();
    timer.restart();
    spin([&]() { return draftState->text() == QLatin1String("Saved"); }, "the autosave");
    say(QStringLiteral("autosave of the %1-ID draft: saved %2 ms after the keystroke (debounce "
                       "included); longest GUI-thread stall %3 ms")
            .arg(IdCount)
            .arg(timer.elapsed())
            .arg(stall.stop()));
    keystroke(ids, Qt::Key_Backspace, QString());
    spin([&]() { return !composer.isCheckPending(); }, "the last check");

    // 4. Split into 20 batches of 5,000 and submit them.
    int created = 0;
    QObject::connect(&composer, &ui::ComposerWidget::batchCreated, [&created]() { ++created; });
    auto *split = composer.findChild<QPushButton *>(QStringLiteral("fixSplitButton"));
    if (!split || !split->isVisible())
        fail(QStringLiteral("no split offered"));
    ui::Confirmation::setNextAnswer(true);
    idle(20);
    stall.start();
    timer.restart();
    split->click();
    spin([&]() { return !composer.isCheckPending(); }, "the split"); // as before a click
    composer.submit();
    spin([&]() { return created > 0 && !composer.isSending(); }, "submitting");
    const qint64 submitMs = timer.elapsed();
    const qint64 submitStall = stall.stop();
    const QStringList sent = simulator.invoke([](ica::sim::IcaSimulator &s) {
        QStringList all;
        for (const auto &batch : s.batchEngine().batches())
            for (const ica::sim::BatchItem &item : batch->items)
                all.append(item.dataId);
        return all;
    });
    const QSet<QString> unique(sent.cbegin(), sent.cend());
    say(QStringLiteral("split %1 IDs into %2 batches and submit: %3 s; longest GUI-thread stall "
                       "%4 ms; the simulator got %5 items, %6 distinct")
            .arg(IdCount)
            .arg(created)
            .arg(double(submitMs) / 1000.0, 0, 'f', 2)
            .arg(submitStall)
            .arg(sent.size())
            .arg(unique.size()));
    return 0;
}
