#include "simulator/simulatorthread.h"

#include <QMetaObject>

namespace ica::sim {

SimulatorThread::SimulatorThread(SimulatorOptions options)
    : m_options(std::move(options)) {
    m_thread.setObjectName(QStringLiteral("ica-simulator"));
}

SimulatorThread::~SimulatorThread() {
    stop();
}

void SimulatorThread::runInThread(const std::function<void()> &function) {
    if (QThread::currentThread() == &m_thread)
        function();
    else
        QMetaObject::invokeMethod(m_anchor, function, Qt::BlockingQueuedConnection);
}

bool SimulatorThread::start(QString *errorMessage) {
    if (m_simulator)
        return true;
    m_anchor = new QObject;
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    bool ok = false;
    QString error;
    runInThread([&] {
        auto *simulator = new IcaSimulator(m_options);
        ok = simulator->start(&error);
        if (!ok) {
            delete simulator;
            return;
        }
        m_simulator = simulator;
        m_faults = simulator->sharedFaults();
        m_baseUrl = simulator->baseUrl();
        m_controlUrl = simulator->controlUrl();
        m_apiKey = simulator->apiKey();
    });
    if (!ok) {
        stop();
        if (errorMessage)
            *errorMessage = error;
    }
    return ok;
}

void SimulatorThread::stop() {
    if (!m_anchor)
        return;
    if (m_thread.isRunning()) {
        runInThread([this] {
            delete m_simulator;
            m_simulator = nullptr;
        });
        m_thread.quit();
        m_thread.wait();
    }
    delete m_anchor;
    m_anchor = nullptr;
}

void SimulatorThread::advance(std::chrono::milliseconds simulated) {
    if (m_simulator)
        invoke([simulated](IcaSimulator &s) { s.advance(simulated); });
}

} // namespace ica::sim
