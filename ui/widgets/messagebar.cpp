#include "ui/widgets/messagebar.h"

#include "ui/style/icons.h"
#include "ui/style/palettefollower.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace ica::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this)) {
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::PlainText);
    m_close->setObjectName(QStringLiteral("messageCloseButton"));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clearMessage);
    m_action->setObjectName(QStringLiteral("messageActionButton"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &MessageBar::actionTriggered);
    hide();
    setActionIcon(m_close, ActionIcon::Close);
    PaletteFollower::follow(this, [this]() { applyKindStyle(); });
}

void MessageBar::applyKindStyle() {
    const Tone tone = m_kind == Kind::Error     ? Tone::Error
                      : m_kind == Kind::Warning ? Tone::Warning
                      : m_kind == Kind::Success ? Tone::Success
                                                : Tone::Active;
    m_icon->setPixmap(severityIcon(tone, palette()).pixmap(16, 16));
}

void MessageBar::showMessage(Kind kind, const QString &text) {
    if (text.isEmpty()) {
        clearMessage();
        return;
    }
    m_kind = kind;
    applyKindStyle();
    m_text->setText(text);
    setAccessibleDescription(text);
    m_action->hide();
    m_action->setText(QString());
    show();
}

void MessageBar::setAction(const QString &label) {
    m_action->setText(label);
    m_action->setVisible(!label.isEmpty());
}

QString MessageBar::actionLabel() const {
    return m_action->isVisible() ? m_action->text() : QString();
}

void MessageBar::clearMessage() {
    m_text->clear();
    m_action->hide();
    hide();
}

QString MessageBar::text() const {
    return m_text->text();
}

} // namespace ica::ui
