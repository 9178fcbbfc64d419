#pragma once

// The world most benchmarks run in: the ICA simulator on its own thread (manual clock,
// one project) and a real client signed in to it with the simulator's API key, over
// loopback HTTP.

#include "benchsupport.h"

#include "api/apiclient.h"
#include "api/authenticator.h"
#include "simulatorthread.h"

namespace icabench {

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

    icasim::SimulatorThread simulator;
    ica::ApiClient client;

private:
    static icasim::SimulatorOptions optionsFor(int files) {
        icasim::SimulatorOptions options;
        options.manualClock = true;
        options.projectCount = 1;
        options.filesInFirstProject = files;
        return options;
    }
};

} // namespace icabench
