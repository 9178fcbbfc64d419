#include "tests/support/simfixture.h"

#include "core/api/authenticator.h"

namespace ica::test {

ica::sim::SimulatorOptions SimFixture::smallWorld() {
    ica::sim::SimulatorOptions options;
    options.manualClock = true;
    options.projectCount = 2;
    options.filesInFirstProject = 1500;
    options.filesInOtherProjects = 200;
    return options;
}

SimFixture::SimFixture(ica::sim::SimulatorOptions options, QNetworkAccessManager *nam)
    : sim(std::make_unique<ica::sim::IcaSimulator>(options))
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

ica::CreateBatchRequest tagRequest(const QStringList &ids, const QString &tag) {
    ica::DataUpdateGroup group;
    group.dataIds = ids;
    group.userTags.addTags = {tag};
    return ica::CreateBatchRequest{{group}};
}

ica::ProjectsQuery firstProjectsPage() {
    return ica::ProjectsQuery{{}, ica::PageRequest::atOffset(0, 10), {}};
}

} // namespace ica::test
