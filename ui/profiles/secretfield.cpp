#include "ui/profiles/secretfield.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace ica::ui {

SecretField::SecretField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_show(new QCheckBox(tr("S&how"), this)) {
    m_edit->setObjectName(QStringLiteral("secretEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    // No autocompletion or undo history that could resurface the secret elsewhere.
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_edit->setToolTip(tr("Kept in the system keychain, never in the settings file."));
    m_show->setObjectName(QStringLiteral("showSecretCheck"));
    m_show->setToolTip(tr("Show the characters typed, to check them (Alt+H)"));
    connect(m_show, &QCheckBox::toggled, this, [this](bool shown) {
        m_edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_edit, &QLineEdit::textChanged, this, &SecretField::textChanged);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_show);
    setFocusProxy(m_edit);
    setTabOrder(m_edit, m_show);
}

QString SecretField::text() const {
    return m_edit->text();
}

void SecretField::setPlaceholderText(const QString &text) {
    m_edit->setPlaceholderText(text);
}

void SecretField::clear() {
    m_edit->clear();
}

} // namespace ica::ui
