#pragma once

#include "core/api/backgroundpool.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

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

/// Destroys `value` on a worker thread of the global pool: the one way to free big
/// values off the GUI thread (replaced rows of KeyedRows, a check's plan, a draft).
/// Freeing 100,000 rows' or IDs' strings costs milliseconds, which the GUI thread must
/// not spend between two frames.
template <typename T> void destroyOffThread(T &&value) {
    using Value = std::decay_t<T>;
    QThreadPool::globalInstance()->start([held = Value(std::forward<T>(value))]() mutable {
        const Value gone = std::move(held); // freed here, on the worker
    });
}

} // namespace ica
