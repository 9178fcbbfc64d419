#pragma once

#include "core/api/apiclient.h"
#include "core/api/queries.h"
#include "core/domain/batch.h"
#include "simulator/icasimulator.h"

#include <memory>

class QNetworkAccessManager;

namespace ica::test {

/// A simulator on loopback (manual clock unless asked otherwise) and an ApiClient
/// pointed at it with the simulator's API key and quick retries, for tests that
/// run the real client against the real server. The client sends through `nam` when
/// one is given (not owned; it must outlive the fixture), e.g. a CountingNam.
struct SimFixture {
    explicit SimFixture(ica::sim::SimulatorOptions options = smallWorld(),
                        QNetworkAccessManager *nam = nullptr);
    ~SimFixture();

    /// A small, fast world: manual clock, 2 projects, 1,500 files in the first one.
    static ica::sim::SimulatorOptions smallWorld();

    std::unique_ptr<ica::sim::IcaSimulator> sim;
    std::unique_ptr<ica::ApiClient> client;
    QString startError;
};

/// A one-group batch request adding user tag `tag` to `ids`.
ica::CreateBatchRequest tagRequest(const QStringList &ids, const QString &tag);
/// The first page of up to 10 projects.
ica::ProjectsQuery firstProjectsPage();

} // namespace ica::test
