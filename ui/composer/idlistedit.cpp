#include "ui/composer/idlistedit.h"

#include "core/data/dataidsmime.h"

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ica::ui {

namespace {

/// The GUI-thread time one step of a large paste aims at: a third of a frame, so
/// that with the paint between steps the window still draws every frame. (Now and
/// then QTextDocument grows its arrays of text, fragments and blocks, which copies
/// them: near 100,000 lines such a step costs 10-20 ms whatever its size.)
constexpr double StepBudgetMs = 5.0;
constexpr int FirstStepLines = 1000;
constexpr int MinStepLines = 200;
constexpr int MaxStepLines = 20000;
/// A step may hold at most this many times the lines of the one before: one cheap
/// step (the machine was idle for a moment) must not make the next one huge.
constexpr double MaxStepGrowth = 1.5;

QStringList localFiles(const QMimeData *source) {
    QStringList paths;
    if (!source || !source->hasUrls())
        return paths;
    for (const QUrl &url : source->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

/// Characters QTextCursor::insertText() starts a new block at ('\r' and "\r\n" too).
bool breaksBlock(QChar c) {
    return c == QChar::ParagraphSeparator || c == QChar(0xfdd0) || c == QChar(0xfdd1) ||
           c == QLatin1Char('\r');
}

/// Large pastes going in now (in all editors).
int pastesGoingIn = 0;

/// While a large paste goes in, big blocks come straight from mmap(). QTextDocument's
/// arrays (text, fragments, blocks, undo records) grow to ~8 MB each at 100,000
/// lines; glibc, whose threshold had risen by itself after big temporaries were
/// freed (it does that up to 32 MB), grew them in its heap by copying into fresh
/// memory: 17-24 ms in one step. An mmapped block grows by mremap(), without copying.
/// Afterwards the threshold is that ceiling: the big temporaries of a keystroke at
/// 100,000 IDs stay in the heap, as before (a low threshold for good made each
/// keystroke map and fault fresh memory: ~11 ms).
void bigBlocksFromMmap(bool on) {
    pastesGoingIn += on ? 1 : -1;
#if defined(__GLIBC__)
    if (on && pastesGoingIn == 1)
        mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    else if (!on && pastesGoingIn == 0)
        mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024 * int(sizeof(long))); // glibc's ceiling
#endif
}

} // namespace

IdListEdit::IdListEdit(QWidget *parent)
    : QPlainTextEdit(parent) {
    setAcceptDrops(true);
    // Zero: the next step runs once the events pending (paint, input) are handled.
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setInterval(0);
    connect(&m_stepTimer, &QTimer::timeout, this, [this]() { insertStep(false); });
    m_disposeTimer.setSingleShot(true);
    m_disposeTimer.setInterval(0);
    connect(&m_disposeTimer, &QTimer::timeout, this, &IdListEdit::disposeStep);
    watchDocument();
}

IdListEdit::~IdListEdit() {
    if (m_pasting)
        bigBlocksFromMmap(false);
}

void IdListEdit::watchDocument() {
    connect(document(), &QTextDocument::contentsChange, this,
            [this](int position, int charsRemoved, int charsAdded) {
                if (m_pasting && !m_inserting)
                    m_foreignChange = true;
                Q_EMIT textContentsChange(position, charsRemoved, charsAdded);
            });
}

void IdListEdit::replaceText(const QString &text) {
    finishPaste();
    QTextDocument *old = document();
    if (old->blockCount() < LargeClearBlocks) {
        setPlainText(text);
        return;
    }
    m_cursor = QTextCursor(); // no cursor may outlive the document it is in
    // The fresh document is set up as QPlainTextEdit's own: owned by its text
    // control (the old one's parent), with a plain-text layout and the same options.
    auto *fresh = new QTextDocument(old->parent());
    fresh->setDocumentLayout(new QPlainTextDocumentLayout(fresh));
    fresh->setDefaultFont(old->defaultFont());
    fresh->setDefaultTextOption(old->defaultTextOption());
    fresh->setDocumentMargin(old->documentMargin());
    fresh->setUndoRedoEnabled(old->isUndoRedoEnabled());
    // Ours now: setDocument() would delete it at once, its parent being the control.
    old->setParent(nullptr);
    old->disconnect();
    old->documentLayout()->disconnect();
    setDocument(fresh);
    watchDocument();
    if (!text.isEmpty())
        setPlainText(text);
    m_disposing.emplace_back(old);
    m_disposeTimer.start();
}

void IdListEdit::disposeStep() {
    if (m_disposing.empty())
        return;
    QTextDocument *doc = m_disposing.front().get();
    if (doc->isUndoRedoEnabled()) {
        // Emptied without undo records (they would grow memory as it shrinks). Turning
        // them off drops the paste's (one per line): ~7 ms at 100,000 lines, so in a
        // step of its own, not in the turn that swapped the documents.
        doc->setUndoRedoEnabled(false);
        m_disposeTimer.start();
        return;
    }
    // From the end, so no block after the removed ones has to move. A slice of a few
    // thousand lines costs about a millisecond.
    constexpr int SliceBlocks = 4000;
    if (doc->blockCount() > SliceBlocks) {
        QTextCursor cursor(doc);
        cursor.movePosition(QTextCursor::End);
        cursor.setPosition(doc->findBlockByNumber(doc->blockCount() - SliceBlocks).position(),
                           QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    } else {
        m_disposing.erase(m_disposing.begin());
    }
    if (!m_disposing.empty())
        m_disposeTimer.start();
}

QString IdListEdit::asInserted(QString text) {
    qsizetype i = 0;
    while (i < text.size() && !breaksBlock(text.at(i)))
        ++i;
    if (i == text.size())
        return text; // the usual case: one scan, no copy
    QString out;
    out.reserve(text.size());
    out.append(QStringView(text).left(i));
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            continue; // "\r\n": the '\n' follows
        out.append(breaksBlock(c) ? QLatin1Char('\n') : c);
    }
    return out;
}

bool IdListEdit::canInsertFromMimeData(const QMimeData *source) const {
    return DataIdsMime::has(source) || !localFiles(source).isEmpty() ||
           QPlainTextEdit::canInsertFromMimeData(source);
}

void IdListEdit::insertFromMimeData(const QMimeData *source) {
    if (DataIdsMime::has(source)) {
        Q_EMIT idsDropped(DataIdsMime::ids(source));
        return;
    }
    const QStringList files = localFiles(source);
    if (!files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    if (source && source->hasText()) {
        pasteText(source->text());
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void IdListEdit::pasteText(const QString &text) {
    if (isReadOnly() || text.isEmpty())
        return;
    finishPaste(); // a paste dropped during another goes after it
    if (text.size() >= LargePasteChars) {
        startLargePaste(text);
        return;
    }
    // QPlainTextEdit's own paste builds a QTextDocumentFragment (a second document)
    // and copies it in: several times slower than inserting the text, same result.
    QTextCursor cursor = textCursor();
    cursor.insertText(text);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void IdListEdit::startLargePaste(const QString &text) {
    m_cursor = textCursor();
    QTextDocument *doc = document();
    const QTextBlock first = doc->findBlock(m_cursor.selectionStart());
    const QTextBlock last = doc->findBlock(m_cursor.selectionEnd());
    const QString before = first.text().left(m_cursor.selectionStart() - first.position());
    const QString after = last.text().mid(m_cursor.selectionEnd() - last.position());
    m_paste = text;
    m_pasted = 0;
    m_msPerLine = 0;
    m_stepLines = FirstStepLines;
    m_pasting = true;
    bigBlocksFromMmap(true);
    m_foreignChange = false;
    Q_EMIT largePasteStarted(first.blockNumber(), last.blockNumber() - first.blockNumber() + 1,
                             before, text, after);
    insertStep(false);
}

void IdListEdit::insertStep(bool all) {
    if (!m_pasting)
        return;
    QElapsedTimer timer;
    timer.start();
    qsizetype end = m_paste.size();
    int lines = 0;
    if (!all) {
        // Whole lines per step: cut after a line break, never inside "\r\n" (the text
        // is inserted as pasted; QTextCursor::insertText() reads its breaks).
        for (qsizetype at = m_pasted; at < m_paste.size() && lines < m_stepLines; ++at) {
            const QChar c = m_paste.at(at);
            if (c == QLatin1Char('\n') ||
                (breaksBlock(c) && !(c == QLatin1Char('\r') && at + 1 < m_paste.size() &&
                                     m_paste.at(at + 1) == QLatin1Char('\n')))) {
                ++lines;
                end = at + 1;
            }
        }
        if (lines < m_stepLines)
            end = m_paste.size(); // the last lines
    }
    const QString chunk = m_paste.mid(m_pasted, end - m_pasted);
    m_inserting = true;
    if (m_pasted == 0) {
        m_cursor.beginEditBlock();
        m_cursor.removeSelectedText();
    } else {
        // One undo step for the whole paste: each step joins the first one's block.
        m_cursor.joinPreviousEditBlock();
    }
    m_cursor.insertText(chunk);
    m_cursor.endEditBlock();
    m_inserting = false;
    m_pasted = end;
    if (lines > 0) {
        // Wall-clock time, as the window feels it. A dearer step is believed at once,
        // a cheaper one only half: the estimate errs towards smaller steps.
        const double perLine = double(timer.nsecsElapsed()) / 1e6 / lines;
        m_msPerLine = perLine >= m_msPerLine ? perLine : (m_msPerLine + perLine) / 2;
        const int fit = int(StepBudgetMs / qMax(m_msPerLine, 1e-6));
        m_stepLines =
            qBound(MinStepLines, qMin(fit, int(m_stepLines * MaxStepGrowth)), MaxStepLines);
    }
    if (m_pasted < m_paste.size())
        m_stepTimer.start();
    else
        endPaste();
}

void IdListEdit::finishPaste() {
    if (!m_pasting)
        return;
    m_stepTimer.stop();
    insertStep(true);
}

void IdListEdit::endPaste() {
    m_stepTimer.stop();
    m_pasting = false;
    bigBlocksFromMmap(false);
    m_paste.clear();
    setTextCursor(m_cursor);
    ensureCursorVisible();
    Q_EMIT largePasteFinished();
    replayQueued();
}

void IdListEdit::holdInput(bool hold) {
    m_held = hold;
    if (!hold)
        replayQueued();
}

void IdListEdit::replayQueued() {
    // In order; a replayed key may start another large paste (Ctrl+V): the rest
    // waits for that one.
    while (!m_queued.empty() && !isBusy()) {
        std::unique_ptr<QEvent> event = std::move(m_queued.front());
        m_queued.erase(m_queued.begin());
        QCoreApplication::sendEvent(this, event.get());
    }
}

bool IdListEdit::queue(QEvent *event) {
    if (!isBusy())
        return false;
    m_queued.emplace_back(event->clone());
    event->accept();
    return true;
}

void IdListEdit::keyPressEvent(QKeyEvent *event) {
    if (!queue(event))
        QPlainTextEdit::keyPressEvent(event);
}

void IdListEdit::keyReleaseEvent(QKeyEvent *event) {
    if (!queue(event))
        QPlainTextEdit::keyReleaseEvent(event);
}

void IdListEdit::inputMethodEvent(QInputMethodEvent *event) {
    if (!queue(event))
        QPlainTextEdit::inputMethodEvent(event);
}

void IdListEdit::contextMenuEvent(QContextMenuEvent *event) {
    // Its Undo, Cut and Paste would change the text under the paste.
    if (isBusy()) {
        event->ignore();
        return;
    }
    QPlainTextEdit::contextMenuEvent(event);
}

} // namespace ica::ui
