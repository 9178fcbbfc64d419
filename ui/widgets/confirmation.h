#pragma once

#include <QString>

#include <functional>
#include <optional>

class QMessageBox;
class QWidget;

namespace ica::ui {

/// The app's one way to ask the user a yes/no question (and to tell a warning that
/// needs an OK) without blocking: a window-modal message box opened with open(), the
/// answer delivered to `done` later. Tests answer through setNextAnswer() instead, so
/// no dialog ever waits for a click in a test, or click the box's buttons.
class Confirmation final {
public:
    /// Asks `question` (with `details` below it); `acceptText` labels the yes button,
    /// Cancel (the default button: an accidental Enter declines) the other.
    /// `done(true)` when the user accepted. Returns the box shown (objectName
    /// "confirmationBox", buttons "confirmationAcceptButton" and
    /// "confirmationCancelButton"; the caller may rename the box), or nullptr when
    /// setNextAnswer() answered.
    static QMessageBox *ask(QWidget *parent, const QString &title, const QString &question,
                            const QString &details, const QString &acceptText,
                            std::function<void(bool accepted)> done);

    /// Tells `text` in a window-modal warning box with an OK button, without
    /// blocking. Returns the box (objectName "informationBox").
    static QMessageBox *inform(QWidget *parent, const QString &title, const QString &text);

    /// Test hook: the next ask() answers `answer` without showing anything (the
    /// answer still arrives later, from the event loop). nullopt: ask for real.
    static void setNextAnswer(std::optional<bool> answer);
    /// What the last ask() asked (question and details), for tests to check.
    static QString lastQuestion();
    /// How many times ask() was called in this process.
    static int askCount();
    /// How many answers (from a click or setNextAnswer()) reached their `done`: a test
    /// waits on it to see what a "no" did.
    static int answerCount();
};

} // namespace ica::ui
