#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace ica::ui {

/// A password-echo line edit for an API key or token with a "Show" toggle. The
/// text is never logged or put in a tooltip. Children: "secretEdit" (QLineEdit)
/// and "showSecretCheck" (QCheckBox).
class SecretField final : public QWidget {
    Q_OBJECT
public:
    explicit SecretField(QWidget *parent = nullptr);

    [[nodiscard]] QString text() const;
    void setPlaceholderText(const QString &text);
    void clear();
    [[nodiscard]] QLineEdit *lineEdit() const { return m_edit; }
    [[nodiscard]] QCheckBox *showCheck() const { return m_show; }

Q_SIGNALS:
    void textChanged(const QString &text);

private:
    QLineEdit *m_edit;
    QCheckBox *m_show;
};

} // namespace ica::ui
