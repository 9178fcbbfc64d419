#pragma once

#include <QThreadPool>

#include <utility>

namespace ica {

/// Destroys `value` on a worker thread of the global pool. For values that may be
/// the last holder of 100,000 strings (a check's plan, a draft): freeing them costs
/// milliseconds, which the GUI thread must not spend between two frames.
template <typename T> void destroyOffThread(T &&value) {
    using Value = std::decay_t<T>;
    QThreadPool::globalInstance()->start([held = Value(std::forward<T>(value))]() mutable {
        const Value gone = std::move(held); // freed here, on the worker
    });
}

} // namespace ica
