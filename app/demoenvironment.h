#pragma once

#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace ica::sim {
class SimulatorThread;
struct SimulatorOptions;
} // namespace ica::sim

namespace ica::app {

/// The built-in ICA simulator of --demo: runs in its own thread (serving never
/// blocks the GUI), keeps its batches in a journal in the demo's data folder so
/// they survive restarts, and processes items slowly enough to watch them run.
class DemoEnvironment final {
public:
    DemoEnvironment();
    ~DemoEnvironment();
    DemoEnvironment(const DemoEnvironment &) = delete;
    DemoEnvironment &operator=(const DemoEnvironment &) = delete;

    /// Starts the simulator; false with a message when it cannot listen. `setup`
    /// (tests) may adjust the options first.
    bool start(const QString &dataDir, QString *error,
               const std::function<void(ica::sim::SimulatorOptions &)> &setup = {});
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QString apiKey() const;
    [[nodiscard]] ica::sim::SimulatorThread *simulator() const { return m_simulator.get(); }

private:
    std::unique_ptr<ica::sim::SimulatorThread> m_simulator;
};

} // namespace ica::app
