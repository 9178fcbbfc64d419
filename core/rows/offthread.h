#pragma once

#include "core/api/backgroundpool.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

namespace ica {

/// Runs `work()` on a worker of the global pool, then `then(result)` on `context`'s
/// thread, never once `context` is gone (the watcher is its child, so Qt drops the
/// call): the one way to move a heavy step (parsing, planning, packing 100,000 items)
/// off the GUI thread. The result is moved out of the future, not copied; `then`
/// receives it by value. What `work` captured is freed on the worker. `priority`
/// Background: on the BackgroundPool (bulk work that must not compete with the GUI).
template <typename Work, typename Then>
void runOffThread(QObject *context, Work &&work, Then &&then,
                  WorkPriority priority = WorkPriority::Normal) {
    using Value = std::invoke_result_t<std::decay_t<Work>>;
    auto *watcher = new QFutureWatcher<Value>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, then = std::forward<Then>(then)]() mutable {
                         watcher->deleteLater();
                         then(watcher->future().takeResult());
                     });
    watcher->setFuture(priority == WorkPriority::Background
                           ? BackgroundPool::run(std::forward<Work>(work))
                           : QtConcurrent::run(std::forward<Work>(work)));
}

/// Destroys `value` on a worker thread: the one way to free big values off the GUI
/// thread (replaced rows of KeyedRows, a check's plan, a draft). Freeing 100,000
/// rows' or IDs' strings costs milliseconds, which the GUI thread must not spend
/// between two frames. `priority` Background: on the BackgroundPool, where freeing
/// a bulk step's leftovers (an undo snapshot) does not compete with the GUI thread.
template <typename T>
void destroyOffThread(T &&value, WorkPriority priority = WorkPriority::Normal) {
    using Value = std::decay_t<T>;
    // In a shared_ptr only because BackgroundPool::start() takes a std::function,
    // which must be copyable; the task is its one owner, so it is freed in the task.
    auto task = [held = std::make_shared<Value>(std::forward<T>(value))]() mutable {
        held.reset();
    };
    if (priority == WorkPriority::Background)
        BackgroundPool::start(std::move(task));
    else
        QThreadPool::globalInstance()->start(std::move(task));
}

} // namespace ica
