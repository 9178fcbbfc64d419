#include "core/diagnostics/statusnotices.h"

#include "core/diagnostics/logcategories.h"

#include <QThread>

#include <atomic>

namespace ica {

namespace {
// Atomic: a post from a worker thread reads it while the GUI thread may install one.
std::atomic<StatusNotices *> g_instance{nullptr};
} // namespace

StatusNotices::StatusNotices(QObject *parent)
    : QObject(parent) {}

StatusNotices::~StatusNotices() {
    // A forgotten Installer must not leave a dangling instance behind.
    StatusNotices *self = this;
    g_instance.compare_exchange_strong(self, nullptr);
}

StatusNotices *StatusNotices::instance() {
    return g_instance.load();
}

void StatusNotices::post(const QString &text) {
    if (text.isEmpty())
        return;
    StatusNotices *notices = g_instance.load();
    if (!notices) {
        qCDebug(lcUi, "status (not shown): %s", qUtf8Printable(text));
        return;
    }
    qCInfo(lcUi, "status: %s", qUtf8Printable(text));
    if (QThread::currentThread() == notices->thread()) {
        Q_EMIT notices->posted(text);
        return;
    }
    // Queued with the instance as context: dropped if it is gone by then.
    QMetaObject::invokeMethod(
        notices, [notices, text]() { Q_EMIT notices->posted(text); }, Qt::QueuedConnection);
}

StatusNotices::Installer::Installer(StatusNotices *notices)
    : m_installed(notices)
    , m_previous(g_instance.exchange(notices)) {}

StatusNotices::Installer::~Installer() {
    StatusNotices *expected = m_installed;
    g_instance.compare_exchange_strong(expected, m_previous);
}

} // namespace ica
