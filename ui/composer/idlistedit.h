#pragma once

#include <QElapsedTimer>
#include <QEvent>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>

#include <memory>
#include <vector>

namespace ica::ui {

/// The data ID text of a group: typed or pasted text as usual, but files dropped
/// on it are imported (filesDropped()) instead of having their path pasted, and
/// rows dragged from the data browser are appended (idsDropped()) instead of being
/// inserted wherever the mouse happened to be.
///
/// A large paste (LargePasteChars or more, e.g. 100,000 IDs) is inserted in steps
/// of a few milliseconds across event-loop turns, so the window keeps painting and
/// a view of its text can be built off the GUI thread meanwhile (largePasteStarted()).
/// It is still one undo step. Keys typed meanwhile are queued and replayed after it,
/// in order; while isBusy() the text changes only by the paste.
class IdListEdit final : public QPlainTextEdit {
    Q_OBJECT
public:
    /// Pastes of at least this many characters (about 3,500 IDs) go in steps: below
    /// it the whole insert takes a few milliseconds anyway.
    static constexpr qsizetype LargePasteChars = 128 * 1024;

    explicit IdListEdit(QWidget *parent = nullptr);
    ~IdListEdit() override;

    /// The text as the document stores it once inserted: "\r\n", "\r" and the other
    /// characters QTextCursor::insertText() starts a new block at become '\n', so the
    /// lines of the result split on '\n' are exactly the blocks inserted.
    [[nodiscard]] static QString asInserted(QString text);

    /// Pastes `text` at the cursor (replacing the selection) as a paste from the
    /// clipboard would; large texts in steps (see the class comment).
    void pasteText(const QString &text);
    /// Replaces the whole text, as setPlainText() does (the undo history goes too).
    /// A text of LargeClearBlocks lines or more is not cleared in place (clearing
    /// 100,000 lines took 14 ms of the GUI thread): a fresh document takes its place
    /// at once, and the old one is emptied in slices across event-loop turns.
    void replaceText(const QString &text);
    /// From this many lines replaceText() swaps documents instead of clearing.
    static constexpr int LargeClearBlocks = 20000;
    /// True while an old document is still being emptied (for tests).
    [[nodiscard]] bool isDisposing() const { return !m_disposing.empty(); }

    /// True while a large paste is being inserted or is held (holdInput()).
    [[nodiscard]] bool isBusy() const { return m_pasting || m_held; }
    /// True while a large paste is being inserted.
    [[nodiscard]] bool isPasting() const { return m_pasting; }
    /// Inserts what is left of a large paste now, in one go (for actions that replace
    /// the text or need it whole at once).
    void finishPaste();
    /// Keeps queueing keys after a paste ends until holdInput(false) (a view of the
    /// text is still being built); then replays them.
    void holdInput(bool hold);
    /// True when the text changed during the last large paste by something else than
    /// the paste (nothing should: then a view of the text must be rebuilt from it).
    [[nodiscard]] bool changedDuringPaste() const { return m_foreignChange; }
    /// True while keys typed during a large paste wait to be replayed after it.
    [[nodiscard]] bool hasQueuedInput() const { return !m_queued.empty(); }

Q_SIGNALS:
    /// Local files were dropped (or pasted as file URLs).
    void filesDropped(const QStringList &paths);
    /// Data items were dropped from the data browser (DataIdsMime).
    void idsDropped(const QStringList &ids);
    /// A large paste begins: blocks [firstLine, firstLine + removedLines) (0-based)
    /// will be replaced by the lines of `before` + asInserted(`text`) + `after` split
    /// on '\n' (`before` and `after`: the rest of the first and last lines it touches).
    void largePasteStarted(int firstLine, int removedLines, const QString &before,
                           const QString &text, const QString &after);
    /// The large paste is in the text (textChanged() was emitted during it).
    void largePasteFinished();
    /// QTextDocument::contentsChange() of whichever document the editor shows (it
    /// changes with replaceText()).
    void textContentsChange(int position, int charsRemoved, int charsAdded);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void startLargePaste(const QString &text);
    /// Connects the document shown now (at construction and after a swap).
    void watchDocument();
    /// Removes the next slice of the oldest document being disposed of.
    void disposeStep();
    /// Inserts the next lines of the paste (all of them when `all`): about as many as
    /// fit in StepBudgetMs, judged by the cost per line of the steps before.
    void insertStep(bool all);
    void endPaste();
    void replayQueued();
    /// Queues a copy of `event` while busy; true when it was queued.
    bool queue(QEvent *event);

    QString m_paste;        ///< what is being pasted
    qsizetype m_pasted = 0; ///< characters of m_paste inserted so far
    QTextCursor m_cursor;   ///< where the next step goes
    QTimer m_stepTimer;     ///< the next step, after pending events
    double m_msPerLine = 0; ///< the cost of a line in the steps so far
    int m_stepLines = 0;    ///< lines per step
    bool m_pasting = false;
    bool m_held = false;
    bool m_inserting = false;     ///< inside one of our own inserts
    bool m_foreignChange = false; ///< see changedDuringPaste()
    std::vector<std::unique_ptr<QEvent>> m_queued;
    /// Documents replaced by replaceText(), emptied in slices, then deleted.
    std::vector<std::unique_ptr<QTextDocument>> m_disposing;
    QTimer m_disposeTimer;
};

} // namespace ica::ui
