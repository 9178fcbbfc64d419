#pragma once

// Shared set-up of the browser tests: the real client against the real simulator on
// loopback (manual clock), a network access manager that records every URL, the
// first project and its bulk folder (one Fastq folder with thousands of files),
// found through the API, and helpers to run a tagging batch to its end.
#include "api/batchapi.h"
#include "api/dataapi.h"
#include "api/projectapi.h"
#include "browser/databrowsermodel.h"
#include "browser/datalister.h"
#include "callwaiter.h"
#include "countingnam.h"
#include "simfixture.h"

#include <QSet>
#include <QTest>

#include <memory>

namespace icatest {

/// How long a browser test waits for the simulator's answers.
constexpr int BrowserTimeout = 30000;

/// Reads pages until the model of `lister` has every row (false when the time is up).
inline bool loadAllRows(ica::DataLister &lister, int timeoutMs = BrowserTimeout) {
    return QTest::qWaitFor(
        [&lister]() {
            if (lister.canFetchMore())
                lister.fetchMore();
            return lister.isComplete() && !lister.isLoading() && lister.model()->isSettled();
        },
        timeoutMs);
}

class BrowserWorld final {
public:
    /// Files in the first project; the simulator puts a fifth of them into one folder.
    static constexpr int FilesInFirstProject = 17500;
    static constexpr int BulkFolderFiles = FilesInFirstProject / 5;

    BrowserWorld() {
        icasim::SimulatorOptions options = SimFixture::smallWorld();
        options.filesInFirstProject = FilesInFirstProject;
        fixture = std::make_unique<SimFixture>(options, &nam);
        client = fixture->client.get();
    }
    Q_DISABLE_COPY_MOVE(BrowserWorld)

    [[nodiscard]] QString startError() const { return fixture->startError; }
    [[nodiscard]] icasim::IcaSimulator &sim() const { return *fixture->sim; }

    /// Finds the first project and the bulk folder through the API.
    bool discover() {
        CallWaiter<ica::ProjectPage> projects;
        ica::ProjectApi(client).list(ica::ProjectsQuery{{}, ica::PageRequest::atOffset(0, 10), {}},
                                     &projects, projects.callback());
        if (!projects.wait() || !projects.ok() || projects.value().items.size() < 2)
            return false;
        projectId = projects.value().items.at(0).id;
        otherProjectId = projects.value().items.at(1).id;
        // The bulk run's first file; its folder is the bulk folder.
        ica::DataQuery query;
        query.filenames = {QStringLiteral("POOL00001_S1_L001_R1_001.fastq.gz")};
        query.filenameMatch = ica::MatchMode::Exact;
        query.page = ica::PageRequest::cursor(QString(), 10);
        CallWaiter<ica::ProjectDataPage> data;
        ica::DataApi(client).list(projectId, query, &data, data.callback());
        if (!data.wait() || !data.ok() || data.value().items.size() != 1)
            return false;
        const QString filePath = data.value().items.first().path;
        bulkFolder = filePath.left(filePath.lastIndexOf(QLatin1Char('/')) + 1);
        return true;
    }

    /// The simulator's view of a folder's children (IDs in listing order).
    [[nodiscard]] QStringList childIds(const QString &folderPath) const {
        const auto folder = sim().dataAtPath(projectId, folderPath);
        return folder ? folder->childIds : QStringList();
    }

    /// Creates a batch with one group (not yet run); returns its ID or "".
    QString createBatch(const QStringList &dataIds, const ica::TagUpdate &userTags,
                        const ica::TagUpdate &technicalTags = {}) {
        ica::CreateBatchRequest request;
        ica::DataUpdateGroup group;
        group.dataIds = dataIds;
        group.userTags = userTags;
        group.technicalTags = technicalTags;
        request.dataUpdateGroups.append(group);
        CallWaiter<ica::Batch> created;
        ica::BatchApi(client).create(projectId, request, &created, created.callback());
        if (!created.wait() || !created.ok())
            return {};
        return created.value().id;
    }

    /// Creates a batch with one group and runs it to its end in simulated time.
    bool runBatch(const QStringList &dataIds, const ica::TagUpdate &userTags,
                  const ica::TagUpdate &technicalTags = {}, QString *batchId = nullptr) {
        const QString id = createBatch(dataIds, userTags, technicalTags);
        if (id.isEmpty())
            return false;
        if (batchId)
            *batchId = id;
        sim().advance(std::chrono::seconds(60));
        const auto batch = sim().batch(projectId, id);
        return batch && batch->jobStatus == QLatin1String("SUCCEEDED");
    }

    CountingNam nam; ///< before the fixture: its client sends through it
    std::unique_ptr<SimFixture> fixture;
    ica::ApiClient *client = nullptr; ///< the fixture's
    QString projectId;
    QString otherProjectId;
    QString bulkFolder; ///< "/runs/2026-11/<run>/Fastq/"
};

} // namespace icatest
