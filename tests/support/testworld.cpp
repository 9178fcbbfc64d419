#include "tests/support/testworld.h"

#include "core/api/batchapi.h"
#include "core/api/dataapi.h"
#include "tests/support/callwaiter.h"
#include "tests/support/testsupport.h"

#include <QDir>

namespace ica::test {

ica::sim::SimulatorOptions TestWorld::pacedBatches() {
    ica::sim::SimulatorOptions options = smallWorld();
    options.itemsPerSecond = 1000 / MsPerItem; // one item per chunk, one chunk per 100 ms
    options.initializeMs = InitializeMs;
    options.waitForResourcesMs = WaitMs;
    return options;
}

ica::sim::SimulatorOptions TestWorld::bulkFolderWorld() {
    ica::sim::SimulatorOptions options = smallWorld();
    options.filesInFirstProject = BulkFilesInFirstProject;
    return options;
}

TestWorld::TestWorld(ica::sim::SimulatorOptions options)
    : fixture(std::make_unique<SimFixture>(options, &nam))
    , client(fixture->client.get()) {
    if (!fixture->startError.isEmpty())
        return;
    const QStringList projects = sim().projectIds();
    projectId = projects.value(0);
    otherProjectId = projects.value(1);
    fileIds = sim().fileIds(projectId);
}

std::unique_ptr<TestWorld> TestWorld::start(ica::sim::SimulatorOptions options) {
    auto world = std::make_unique<TestWorld>(options);
    if (world->fixture->startError.isEmpty())
        world->discover();
    return world;
}

bool TestWorld::discover() {
    if (!fixture->startError.isEmpty() || fileIds.size() < BatchSize)
        return false;
    ica::DataQuery query;
    query.filenames = {QStringLiteral("POOL00001_S1_L001_R1_001.fastq.gz")};
    query.filenameMatch = ica::MatchMode::Exact;
    query.page = ica::PageRequest::cursor(QString(), 10);
    CallWaiter<ica::ProjectDataPage> data;
    ica::DataApi(client).list(projectId, query, &data, data.callback());
    m_reached = data.wait() && data.ok();
    m_discoverFailed = !m_reached;
    if (!m_reached)
        return false;
    if (data.value().items.size() != 1)
        return true;
    const QString filePath = data.value().items.first().path;
    bulkFolder = filePath.left(filePath.lastIndexOf(QLatin1Char('/')) + 1);
    return true;
}

QString TestWorld::unknownId(int n) {
    return QStringLiteral("fil.%1").arg(0xdead0000u + unsigned(n), 32, 16, QLatin1Char('0'));
}

QStringList TestWorld::dataIds(int count, const QList<int> &unknownAt) {
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        if (unknownAt.contains(i))
            ids.append(unknownId(m_unknownMade++));
        else
            ids.append(fileIds.at(m_nextFile++ % fileIds.size()));
    }
    return ids;
}

ica::DataUpdateGroup TestWorld::group(const QStringList &ids, const QString &tag) {
    ica::DataUpdateGroup g;
    g.dataIds = ids;
    g.userTags.addTags = {tag};
    g.technicalTags.removeTags = {QStringLiteral("stale")};
    return g;
}

QString TestWorld::createBatch(const QList<ica::DataUpdateGroup> &groups) {
    ica::CreateBatchRequest request;
    request.dataUpdateGroups = groups;
    CallWaiter<ica::Batch> created;
    ica::BatchApi(client).create(projectId, request, &created, created.callback());
    if (!created.wait() || !created.ok())
        return {};
    return created.value().id;
}

QString TestWorld::createBatch(const QStringList &ids, const ica::TagUpdate &userTags,
                               const ica::TagUpdate &technicalTags) {
    ica::DataUpdateGroup g;
    g.dataIds = ids;
    g.userTags = userTags;
    g.technicalTags = technicalTags;
    return createBatch(QList<ica::DataUpdateGroup>{g});
}

bool TestWorld::runBatch(const QStringList &ids, const ica::TagUpdate &userTags,
                         const ica::TagUpdate &technicalTags, QString *batchId) {
    const QString id = createBatch(ids, userTags, technicalTags);
    if (id.isEmpty())
        return false;
    if (batchId)
        *batchId = id;
    // Long enough for any test batch at any pace the presets set.
    sim().advance(std::chrono::seconds(60));
    const auto batch = sim().batch(projectId, id);
    return batch && batch->jobStatus == QLatin1String("SUCCEEDED");
}

QStringList TestWorld::childIds(const QString &folderPath) const {
    const auto folder = sim().dataAtPath(projectId, folderPath);
    return folder ? folder->childIds : QStringList();
}

QString TestWorld::databasePath(const QString &name) {
    return QDir(scratchDir()).filePath(name + QStringLiteral(".sqlite"));
}

} // namespace ica::test
