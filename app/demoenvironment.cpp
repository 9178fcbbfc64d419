#include "app/demoenvironment.h"

#include "simulator/simulatorthread.h"

#include <QDir>

namespace ica::app {

DemoEnvironment::DemoEnvironment() = default;
DemoEnvironment::~DemoEnvironment() = default;

bool DemoEnvironment::start(const QString &dataDir, QString *error,
                            const std::function<void(ica::sim::SimulatorOptions &)> &setup) {
    ica::sim::SimulatorOptions options;
    options.seed = 7; // a fixed world: the journal's batches replay onto the same data
    options.projectCount = 4;
    options.filesInFirstProject = 20000;
    // 250 items per second: a 2,000-ID batch runs for about ten seconds, long enough to
    // watch it live, short enough not to bore.
    options.itemsPerSecond = 250;
    options.journalPath = QDir(dataDir).filePath(QStringLiteral("demo-batches.jsonl"));
    if (setup)
        setup(options);
    m_simulator = std::make_unique<ica::sim::SimulatorThread>(options);
    if (!m_simulator->start(error)) {
        m_simulator.reset();
        return false;
    }
    return true;
}

QUrl DemoEnvironment::baseUrl() const {
    return m_simulator ? m_simulator->baseUrl() : QUrl();
}

QString DemoEnvironment::apiKey() const {
    return m_simulator ? m_simulator->apiKey() : QString();
}

} // namespace ica::app
