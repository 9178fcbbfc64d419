#include "ui/style/palettefollower.h"

#include <QEvent>
#include <QWidget>

namespace ica::ui {

PaletteFollower::PaletteFollower(QWidget *widget, std::function<void()> apply)
    : QObject(widget)
    , m_apply(std::move(apply)) {
    widget->installEventFilter(this);
}

void PaletteFollower::follow(QWidget *widget, std::function<void()> apply) {
    auto *follower = new PaletteFollower(widget, std::move(apply));
    follower->m_apply();
}

bool PaletteFollower::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::StyleChange:
        if (!m_applying && watched == parent()) {
            m_applying = true;
            m_apply();
            m_applying = false;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ica::ui
