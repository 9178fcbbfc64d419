#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace ica::ui {

/// The app's one inline message area (not a dialog) for the outcome of what a view or
/// dialog did: an error, a warning, a notice or a success that stays until the user
/// closes it or another message replaces it. Every view and dialog reports this way;
/// a short hint under one input field is a FieldHint instead. Its text is selectable
/// so a problem's detail can be copied.
class MessageBar final : public QFrame {
    Q_OBJECT
    Q_PROPERTY(QString text READ text)
public:
    enum class Kind { Info, Success, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows `text` (an empty text clears the bar); any action offered with the
    /// previous message goes away.
    void showMessage(Kind kind, const QString &text);
    /// Offers a button under the current message; a click emits actionTriggered().
    void setAction(const QString &label);
    [[nodiscard]] QString actionLabel() const;
    void clearMessage();
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }
    /// Whether a message is showing (the bar hides itself when cleared).
    [[nodiscard]] bool hasMessage() const { return !text().isEmpty(); }

Q_SIGNALS:
    void actionTriggered();

private:
    /// The icon of the current kind, for the palette now.
    void applyKindStyle();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
    Kind m_kind = Kind::Info;
};

} // namespace ica::ui
