#pragma once

#include <QFrame>

class QLabel;
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

    void showMessage(Kind kind, const QString &text);
    void clearMessage();
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    Kind m_kind = Kind::Info;
};

} // namespace ica::ui
