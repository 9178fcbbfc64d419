#pragma once

// The world most benchmarks run in: the ICA simulator on its own thread (manual clock,
// one project) and a real client signed in to it with the simulator's API key, over
// loopback HTTP; with the calls the benchmarks set their scene with.

#include "bench/benchsupport.h"

#include "core/api/apiclient.h"
#include "core/api/authenticator.h"
#include "core/api/batchapi.h"
#include "core/api/pagecollector.h"
#include "core/api/projectapi.h"
#include "simulator/simulatorthread.h"

#include <chrono>
#include <functional>
#include <optional>

namespace ica::bench {

/// Starts a call with the callback it is given and waits for its answer; fails the
/// bench when the call fails.
template <typename T> T await(const std::function<void(ica::ResultCallback<T>)> &start) {
    std::optional<ica::Result<T>> result;
    start([&result](const ica::Result<T> &r) { result = r; });
    spin([&result]() { return result.has_value(); }, "a call");
    if (!result->ok())
        fail(QStringLiteral("a call failed: ") + result->error.toString());
    return *result->value;
}

/// The scene of the item benchmarks (see BenchWorld::fiveGroupBatch()).
struct ItemScene {
    QString projectId;
    ica::Batch batch;
    qint64 items = 0;
    qsizetype groups = 0;
};

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

    /// The one project's ID, as the API lists it.
    QString projectId() {
        if (m_projectId.isEmpty()) {
            const ica::ProjectPage projects = await<ica::ProjectPage>([this](auto cb) {
                ica::ProjectApi(&client).list(
                    ica::ProjectsQuery{{}, ica::PageRequest::atOffset(0, 10), {}}, &context, cb);
            });
            if (projects.items.isEmpty())
                fail(QStringLiteral("the simulator lists no project"));
            m_projectId = projects.items.first().id;
        }
        return m_projectId;
    }

    /// A request tagging every file of the project, once in each of `groups` groups
    /// (user tags "bench-0", "bench-1", ...): 20,000 files in 5 groups are 100,000 items.
    ica::CreateBatchRequest everyFileIn(int groups) {
        const QString project = projectId();
        const QStringList files = simulator.invoke(
            [&project](ica::sim::IcaSimulator &sim) { return sim.fileIds(project); });
        ica::CreateBatchRequest request;
        for (int g = 0; g < groups; ++g) {
            ica::DataUpdateGroup group;
            group.dataIds = files;
            group.userTags.addTags = {QStringLiteral("bench-%1").arg(g)};
            request.dataUpdateGroups.append(group);
        }
        return request;
    }

    /// A batch tagging every file of the project once in each of five groups (100,000
    /// items over 20,000 files), and `elapsed` simulated time gone by since.
    ItemScene fiveGroupBatch(std::chrono::milliseconds elapsed) {
        const ica::CreateBatchRequest request = everyFileIn(5);
        ItemScene scene{projectId(), createBatch(request), request.dataIdCount(),
                        request.dataUpdateGroups.size()};
        simulator.advance(elapsed);
        return scene;
    }

    /// Creates the batch through the API.
    ica::Batch createBatch(const ica::CreateBatchRequest &request) {
        return await<ica::Batch>(
            [&](auto cb) { ica::BatchApi(&client).create(projectId(), request, &context, cb); });
    }

    /// The batch as the API reads it now.
    ica::Batch batch(const QString &batchId) {
        return await<ica::Batch>(
            [&](auto cb) { ica::BatchApi(&client).get(projectId(), batchId, &context, cb); });
    }

    /// Every item of the batch, in pages of 1,000 (`parallel` in flight with offset
    /// paging).
    QList<ica::BatchItem> allItems(const QString &batchId, ica::PageRequest::Mode mode,
                                   int parallel) {
        ica::BatchApi batches(&client);
        const QString project = projectId();
        return await<QList<ica::BatchItem>>([&](auto cb) {
            ica::collectAllPages<ica::BatchItem>(
                [batches, project, batchId](const ica::PageRequest &page, QObject *ctx,
                                            ica::ResultCallback<ica::BatchItemPage> done) mutable {
                    return batches.listItems(project, batchId, ica::ItemsQuery{{}, page, {}}, ctx,
                                             std::move(done));
                },
                ica::CollectOptions{mode, 1000, parallel, {}}, &context, cb);
        });
    }

    ica::sim::SimulatorThread simulator;
    ica::ApiClient client;
    QObject context; ///< the context of the calls made here

private:
    static ica::sim::SimulatorOptions optionsFor(int files) {
        ica::sim::SimulatorOptions options;
        options.manualClock = true;
        options.projectCount = 1;
        options.filesInFirstProject = files;
        return options;
    }

    QString m_projectId;
};

} // namespace ica::bench
