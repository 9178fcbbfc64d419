#include "app/firstpaintprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace ica::app {

FirstPaintProbe::FirstPaintProbe(QWidget *window, QObject *parent)
    : QObject(parent) {
    window->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::Paint && !m_seen) {
        m_seen = true;
        watched->removeEventFilter(this);
        // After this paint event (and the children's, sent in the same pass) is done.
        QTimer::singleShot(0, this, []() {
            std::fputs("drawn\n", stdout);
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return false;
}

} // namespace ica::app
