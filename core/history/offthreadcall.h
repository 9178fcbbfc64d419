#pragma once

#include "core/api/backgroundpool.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace ica {

/// Runs `work` on the global thread pool, then `then(result)` on `context`'s thread
/// (not at all when `context` is gone by then): for heavy steps of the undo (100,000
/// items) that must not run on the GUI thread. `priority` Background: on the
/// BackgroundPool. What `work` captured is freed on that thread too.
template <typename T>
void offThreadCall(QObject *context, std::function<T()> work, std::function<void(T)> then,
                   WorkPriority priority = WorkPriority::Normal) {
    QPointer<QObject> guard(context);
    auto task = [guard, work = std::move(work), then = std::move(then)]() mutable {
        auto result = std::make_shared<T>(work());
        work = nullptr; // its captures (e.g. 100,000 rows) are freed here, not on `context`'s
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(), [then, result]() { then(std::move(*result)); }, Qt::QueuedConnection);
    };
    if (priority == WorkPriority::Background)
        BackgroundPool::start(std::move(task));
    else
        QThreadPool::globalInstance()->start(std::move(task));
}

} // namespace ica
