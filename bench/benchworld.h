#pragma once

// The world most benchmarks run in: the ICA simulator on its own thread (manual clock,
// one project) and a real client signed in to it with the simulator's API key, over
// loopback HTTP.

#include "bench/benchsupport.h"

#include "core/api/apiclient.h"
#include "core/api/authenticator.h"
#include "simulator/simulatorthread.h"

namespace ica::bench {

class BenchWorld final {
public:
    /// Starts the simulator with `files` files in its one project; fails the bench when
    /// it does not start.
    explicit BenchWorld(int files)
        : simulator(optionsFor(files)) {
        QString error;
        if (!simulator.start(&error))
            fail(QStringLiteral("the simulator did not start: ") + error);
        client.setServerUrl(simulator.baseUrl());
        client.setAuthenticator(new ica::StaticAuthenticator(ica::StaticAuthenticator::Kind::ApiKey,
                                                             simulator.apiKey()));
    }

    ica::sim::SimulatorThread simulator;
    ica::ApiClient client;

private:
    static ica::sim::SimulatorOptions optionsFor(int files) {
        ica::sim::SimulatorOptions options;
        options.manualClock = true;
        options.projectCount = 1;
        options.filesInFirstProject = files;
        return options;
    }
};

} // namespace ica::bench
