#pragma once

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace ica::ui {

/// Asks the user a yes/no question without blocking: a window-modal message box
/// opened with open(), the answer delivered to `done` later. Tests answer through
/// setNextAnswer() instead, so no dialog ever waits for a click in a test.
class Confirmation final {
public:
    /// Asks `question` (with `details` below it); `acceptText` labels the yes button.
    /// `done(true)` when the user accepted. The box's objectName is "confirmationBox".
    static void ask(QWidget *parent, const QString &title, const QString &question,
                    const QString &details, const QString &acceptText,
                    std::function<void(bool accepted)> done);

    /// Test hook: the next ask() answers `answer` without showing anything (the
    /// answer still arrives later, from the event loop). nullopt: ask for real.
    static void setNextAnswer(std::optional<bool> answer);
    /// What the last ask() asked (question and details), for tests to check.
    static QString lastQuestion();
    /// How many times ask() was called in this process.
    static int askCount();
};

} // namespace ica::ui
