#pragma once

// The base of a test class whose functions share one TestWorld for the whole suite:
// the world starts in initTestCase() (the suite fails there, with the reason, when the
// simulator does not come up) and stops in cleanupTestCase().
#include "tests/support/testworld.h"

#include <QObject>
#include <QTest>

#include <memory>

namespace ica::test {

class WorldTestCase : public QObject {
    Q_OBJECT

public:
    /// How long a test waits for the client's signals: generous, the machine is shared.
    static constexpr int Timeout = 30000;

protected:
    /// The world a suite runs in, e.g. TestWorld::bulkFolderWorld().
    explicit WorldTestCase(ica::sim::SimulatorOptions options)
        : m_options(std::move(options)) {}

    /// Starts the world; false when it did not come up (world->startError() says why).
    /// For a derived initTestCase() that does more than start it.
    bool startWorld() {
        world = TestWorld::start(m_options);
        return world->isUp();
    }

    std::unique_ptr<TestWorld> world;

private Q_SLOTS:
    // QTest finds these in the base when the derived class declares none of its own.
    void initTestCase() { QVERIFY2(startWorld(), qPrintable(world->startError())); }
    void cleanupTestCase() { world.reset(); }

private:
    ica::sim::SimulatorOptions m_options;
};

} // namespace ica::test
