#pragma once

// Shared set-up of the models tests: the real client against the real simulator on
// loopback (manual clock), a network access manager that counts requests, and
// batches made of files of the first project plus data IDs that do not exist.
#include "api/batchapi.h"
#include "api/dataapi.h"
#include "api/projectapi.h"
#include "callwaiter.h"
#include "countingnam.h"
#include "simfixture.h"

#include <QSet>
#include <QTest>

#include <memory>

namespace icatest {

/// A simulator whose batches finish one item per 100 ms of simulated time, after one
/// second INITIALIZED and one second WAITING_FOR_RESOURCES.
class ModelsWorld final {
public:
    static constexpr int InitializeMs = 1000;
    static constexpr int WaitMs = 1000;
    static constexpr int MsPerItem = 100;

    /// Positions of the unknown data IDs in every batch made by createBatch().
    static QList<int> unknownPositions() { return {2, 9, 17, 30, 44}; }
    static constexpr int BatchSize = 45;

    ModelsWorld() {
        icasim::SimulatorOptions options = SimFixture::smallWorld();
        options.itemsPerSecond = 10; // one item per chunk, one chunk per 100 ms
        options.initializeMs = InitializeMs;
        options.waitForResourcesMs = WaitMs;
        fixture = std::make_unique<SimFixture>(options, &nam);
        client = fixture->client.get();
    }
    Q_DISABLE_COPY_MOVE(ModelsWorld)

    [[nodiscard]] QString startError() const { return fixture->startError; }
    [[nodiscard]] icasim::IcaSimulator &sim() const { return *fixture->sim; }

    /// Finds the first project and some of its files through the client.
    bool discover() {
        CallWaiter<ica::ProjectPage> projects;
        ica::ProjectApi(client).list(ica::ProjectsQuery{{}, ica::PageRequest::atOffset(0, 10), {}},
                                     &projects, projects.callback());
        if (!projects.wait() || !projects.ok() || projects.value().items.isEmpty())
            return false;
        projectId = projects.value().items.first().id;
        ica::DataQuery query;
        query.type = ica::DataQuery::Type::File;
        query.page = ica::PageRequest::atOffset(0, 200);
        CallWaiter<ica::ProjectDataPage> data;
        ica::DataApi(client).list(projectId, query, &data, data.callback());
        if (!data.wait() || !data.ok())
            return false;
        for (const ica::ProjectData &file : data.value().items)
            fileIds.append(file.id);
        return fileIds.size() >= BatchSize;
    }

    /// A data ID that looks real but does not exist: "fil." + 32 hex digits.
    static QString unknownId(int n) {
        return QStringLiteral("fil.%1").arg(0xdead0000 + n, 32, 16, QLatin1Char('0'));
    }

    /// The data IDs of a new batch, in the order the server makes its items: known files
    /// (a different slice per batch) with unknown IDs at unknownPositions().
    QStringList nextBatchDataIds() {
        QStringList ids;
        int unknown = 0;
        for (int i = 0; i < BatchSize; ++i) {
            if (unknownPositions().contains(i)) {
                ids.append(unknownId(m_batchesMade * 100 + unknown++));
            } else {
                ids.append(fileIds.at(m_nextFile % fileIds.size()));
                ++m_nextFile;
            }
        }
        ++m_batchesMade;
        return ids;
    }

    /// Creates a batch adding a user tag; returns its ID (empty on failure).
    QString createBatch(const QStringList &dataIds) {
        ica::CreateBatchRequest request;
        ica::DataUpdateGroup group;
        group.dataIds = dataIds;
        group.userTags.addTags = {QStringLiteral("monitored")};
        group.technicalTags.removeTags = {QStringLiteral("stale")};
        request.dataUpdateGroups.append(group);
        CallWaiter<ica::Batch> created;
        ica::BatchApi(client).create(projectId, request, &created, created.callback());
        if (!created.wait() || !created.ok())
            return {};
        return created.value().id;
    }

    /// Simulated time from creation to the moment `done` items are finished.
    static std::chrono::milliseconds untilDone(int done) {
        return std::chrono::milliseconds(InitializeMs + WaitMs + MsPerItem * done);
    }

    CountingNam nam; ///< before the fixture: its client sends through it
    std::unique_ptr<SimFixture> fixture;
    ica::ApiClient *client = nullptr; ///< the fixture's
    QString projectId;
    QStringList fileIds;

private:
    int m_batchesMade = 0;
    int m_nextFile = 0;
};

} // namespace icatest
