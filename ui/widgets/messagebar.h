#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace ica::ui {

/// An inline message area (not a dialog): an error or a note that stays until
/// the user closes it or another message replaces it. Its text is selectable so
/// a problem's detail can be copied.
class MessageBar final : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Success, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows `text`; any action offered with the previous message goes away.
    void showMessage(Kind kind, const QString &text);
    /// Offers a button under the current message; a click emits actionTriggered().
    void setAction(const QString &label);
    [[nodiscard]] QString actionLabel() const;
    void clearMessage();
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

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
