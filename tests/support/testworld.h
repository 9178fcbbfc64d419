#pragma once

// The one simulator-backed world the tests share: the real client against the real
// simulator on loopback (manual clock), through a network access manager that counts
// requests, with the first project's files at hand and helpers to create batches and
// run them to their end in simulated time.
#include "core/api/batchapi.h"
#include "core/api/dataapi.h"
#include "core/api/projectapi.h"
#include "core/domain/batch.h"
#include "tests/support/callwaiter.h"
#include "tests/support/countingnam.h"
#include "tests/support/simfixture.h"

#include <chrono>
#include <memory>

namespace ica::test {

class TestWorld final {
public:
    /// How pacedBatches() runs a batch: 1 s INITIALIZED, 1 s WAITING_FOR_RESOURCES,
    /// then one item per 100 ms of simulated time.
    static constexpr int InitializeMs = 1000;
    static constexpr int WaitMs = 1000;
    static constexpr int MsPerItem = 100;
    /// The standard test batch (nextBatchDataIds()): 45 IDs, 5 of them unknown.
    static constexpr int BatchSize = 45;
    /// Files in the first project of bulkFolderWorld(); a fifth are in one folder.
    static constexpr int BulkFilesInFirstProject = 17500;
    static constexpr int BulkFolderFiles = BulkFilesInFirstProject / 5;

    /// Simulators: SimFixture's small world; the same with batches paced as above;
    /// the same with a first project big enough for a bulk folder of 3,500 files.
    static ica::sim::SimulatorOptions smallWorld() { return SimFixture::smallWorld(); }
    static ica::sim::SimulatorOptions pacedBatches();
    static ica::sim::SimulatorOptions bulkFolderWorld();

    explicit TestWorld(ica::sim::SimulatorOptions options = smallWorld());
    Q_DISABLE_COPY_MOVE(TestWorld)

    /// A world started and discover()ed, for initTestCase(): check isUp(), and
    /// startError() says why not.
    static std::unique_ptr<TestWorld> start(ica::sim::SimulatorOptions options);
    /// True once the simulator runs and the client reached it (discover() passed).
    [[nodiscard]] bool isUp() const { return startError().isEmpty() && m_reached; }

    [[nodiscard]] QString startError() const {
        return fixture->startError.isEmpty() && !m_reached && m_discoverFailed
                   ? QStringLiteral("the client could not reach the simulator")
                   : fixture->startError;
    }
    [[nodiscard]] ica::sim::IcaSimulator &sim() const { return *fixture->sim; }
    void advance(std::chrono::milliseconds ms) const { sim().advance(ms); }

    /// Finds the bulk folder (the folder of the bulk run's first file) through the
    /// API; false when the client can't reach the simulator. A world too small for
    /// the bulk run leaves bulkFolder empty.
    bool discover();

    /// A data ID that looks real but names nothing: "fil." + 32 hex digits.
    static QString unknownId(int n);
    /// `count` files of the first project (a fresh slice each call) with unknown
    /// IDs at the positions `unknownAt`.
    QStringList dataIds(int count, const QList<int> &unknownAt = {});
    /// Positions of the unknown IDs in the standard test batch.
    static QList<int> unknownPositions() { return {2, 9, 17, 30, 44}; }
    /// The data IDs of the next standard test batch, in the order its items come.
    QStringList nextBatchDataIds() { return dataIds(BatchSize, unknownPositions()); }

    /// A group adding user tag `tag` and removing technical tag "stale".
    static ica::DataUpdateGroup group(const QStringList &ids, const QString &tag);
    /// Creates a batch in the first project through the API; its ID, or "" on failure.
    QString createBatch(const QList<ica::DataUpdateGroup> &groups);
    QString createBatch(const QStringList &ids) {
        return createBatch({group(ids, QStringLiteral("monitored"))});
    }
    QString createBatch(const QStringList &ids, const ica::TagUpdate &userTags,
                        const ica::TagUpdate &technicalTags = {});
    /// Creates a one-group batch and runs it to its end; true when it SUCCEEDED.
    bool runBatch(const QStringList &ids, const ica::TagUpdate &userTags,
                  const ica::TagUpdate &technicalTags = {}, QString *batchId = nullptr);

    /// With pacedBatches(): simulated time from creation until `done` items finished.
    static std::chrono::milliseconds untilDone(int done) {
        return std::chrono::milliseconds(InitializeMs + WaitMs + MsPerItem * done);
    }
    /// The simulator's children of a folder of the first project (listing order).
    [[nodiscard]] QStringList childIds(const QString &folderPath) const;
    /// A database file of its own for `name`, in this process's scratch folder.
    static QString databasePath(const QString &name);

    CountingNam nam; ///< before the fixture: its client sends through it
    std::unique_ptr<SimFixture> fixture;
    ica::ApiClient *client = nullptr; ///< the fixture's
    QString projectId;                ///< the first project
    QString otherProjectId;           ///< the second project
    QStringList fileIds;              ///< the first project's files
    QString bulkFolder;               ///< after discover(): "/runs/<month>/<run>/Fastq/"

private:
    bool m_reached = false;
    bool m_discoverFailed = false;
    int m_nextFile = 0;
    int m_unknownMade = 0;
};

} // namespace ica::test
