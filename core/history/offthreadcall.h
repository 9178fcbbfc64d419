#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace ica {

/// Runs `work` on the global thread pool, then `then(result)` on `context`'s thread
/// (not at all when `context` is gone by then): for heavy steps of the undo (100,000
/// items) that must not run on the GUI thread.
template <typename T>
void offThreadCall(QObject *context, std::function<T()> work, std::function<void(T)> then) {
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start(
        [guard, work = std::move(work), then = std::move(then)]() mutable {
            auto result = std::make_shared<T>(work());
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(), [then, result]() { then(std::move(*result)); }, Qt::QueuedConnection);
        });
}

} // namespace ica
