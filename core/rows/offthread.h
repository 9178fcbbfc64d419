#pragma once

#include <QThreadPool>

#include <utility>

namespace ica {

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
