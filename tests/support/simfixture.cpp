#include "simfixture.h"

#include "api/authenticator.h"

namespace icatest {

icasim::SimulatorOptions SimFixture::smallWorld() {
    icasim::SimulatorOptions options;
    options.manualClock = true;
    options.projectCount = 2;
    options.filesInFirstProject = 1500;
    options.filesInOtherProjects = 200;
    return options;
}

SimFixture::SimFixture(icasim::SimulatorOptions options, QNetworkAccessManager *nam)
    : sim(std::make_unique<icasim::IcaSimulator>(options))
    , client(std::make_unique<ica::ApiClient>(nam)) {
    if (!sim->start(&startError))
        return;
    client->setServerUrl(sim->baseUrl());
    client->setAuthenticator(
        new ica::StaticAuthenticator(ica::StaticAuthenticator::Kind::ApiKey, sim->apiKey()));
    ica::RetryPolicy quick;
    quick.delays = {std::chrono::milliseconds(10), std::chrono::milliseconds(20),
                    std::chrono::milliseconds(40), std::chrono::milliseconds(80)};
    client->setRetryPolicy(quick);
}

SimFixture::~SimFixture() {
    client.reset();
    sim.reset();
}

} // namespace icatest
