#pragma once

#include "core/api/apiresult.h"

#include <QTest>

#include <optional>

namespace ica::test {

/// Collects the typed answer of one asynchronous call so a test can wait for it:
///   CallWaiter<Batch> w; api.get(p, b, &w, w.callback()); QVERIFY(w.wait());
template <typename T> class CallWaiter final : public QObject {
public:
    ica::ResultCallback<T> callback() {
        return [this](const ica::Result<T> &result) {
            m_result = result;
            ++m_calls;
        };
    }
    /// Spins the event loop until the answer came (or timeoutMs passed).
    bool wait(int timeoutMs = 20000) {
        return QTest::qWaitFor([this]() { return m_result.has_value(); }, timeoutMs);
    }
    const ica::Result<T> &result() const { return *m_result; }
    const T &value() const { return *m_result->value; }
    const ica::ApiError &error() const { return m_result->error; }
    bool ok() const { return m_result && m_result->ok(); }
    int calls() const { return m_calls; }

private:
    std::optional<ica::Result<T>> m_result;
    int m_calls = 0;
};

} // namespace ica::test
