#pragma once

#include "simulator/icasimulator.h"

#include <QThread>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace ica::sim {

/// Runs an IcaSimulator in its own thread, so serving never blocks the caller's event loop
/// (the GUI's --demo mode). start() blocks until the server listens. Calls into the
/// simulator are marshalled to its thread and block until done; faults() is thread-safe.
class SimulatorThread {
public:
    explicit SimulatorThread(SimulatorOptions options = {});
    ~SimulatorThread(); ///< stops the simulator and the thread
    SimulatorThread(const SimulatorThread &) = delete;
    SimulatorThread &operator=(const SimulatorThread &) = delete;

    /// Generates the data, starts listening; false with a message on failure.
    bool start(QString *errorMessage = nullptr);
    void stop();
    bool isRunning() const { return m_simulator != nullptr; }

    QUrl baseUrl() const { return m_baseUrl; } ///< valid after start()
    QUrl controlUrl() const { return m_controlUrl; }
    QString apiKey() const { return m_apiKey; }

    /// Advances simulated time (blocking until the simulator has processed it).
    void advance(std::chrono::milliseconds simulated);
    /// Faults of the running simulator (thread-safe object). Only valid after start().
    FaultInjector &faults() { return *m_faults; }

    /// The simulator object, for queued signal connections only; never call it directly
    /// from another thread: use invoke().
    IcaSimulator *simulator() const { return m_simulator; }

    /// Runs f(IcaSimulator &) in the simulator's thread and returns its result.
    template <typename F> auto invoke(F &&f) -> std::invoke_result_t<F, IcaSimulator &> {
        using R = std::invoke_result_t<F, IcaSimulator &>;
        if constexpr (std::is_void_v<R>) {
            runInThread([&] { f(*m_simulator); });
        } else {
            std::optional<R> result;
            runInThread([&] { result.emplace(f(*m_simulator)); });
            return std::move(*result);
        }
    }

private:
    void runInThread(const std::function<void()> &function);

    SimulatorOptions m_options;
    QThread m_thread;
    QObject *m_anchor = nullptr; ///< lives in m_thread: target of marshalled calls
    IcaSimulator *m_simulator = nullptr;
    std::shared_ptr<FaultInjector> m_faults;
    QUrl m_baseUrl;
    QUrl m_controlUrl;
    QString m_apiKey;
};

} // namespace ica::sim
