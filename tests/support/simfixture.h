#pragma once

#include "api/apiclient.h"
#include "icasimulator.h"

#include <memory>

class QNetworkAccessManager;

namespace icatest {

/// A simulator on loopback (manual clock unless asked otherwise) and an ApiClient
/// pointed at it with the simulator's API key and quick retries, for tests that
/// run the real client against the real server. The client sends through `nam` when
/// one is given (not owned; it must outlive the fixture), e.g. a CountingNam.
struct SimFixture {
    explicit SimFixture(icasim::SimulatorOptions options = smallWorld(),
                        QNetworkAccessManager *nam = nullptr);
    ~SimFixture();

    /// A small, fast world: manual clock, 2 projects, 1,500 files in the first one.
    static icasim::SimulatorOptions smallWorld();

    std::unique_ptr<icasim::IcaSimulator> sim;
    std::unique_ptr<ica::ApiClient> client;
    QString startError;
};

} // namespace icatest
