#include "simulator/icasimulator.h"

#include "simulator/batchjournal.h"

#include "simulator/apicontext.h"
#include "simulator/authenticator.h"
#include "simulator/batchendpoints.h"
#include "simulator/batchengine.h"
#include "simulator/controlendpoints.h"
#include "simulator/dataendpoints.h"
#include "simulator/datagenerator.h"
#include "simulator/datastore.h"
#include "simulator/httpfrontend.h"
#include "simulator/paging.h"
#include "simulator/serializer.h"
#include "simulator/simclock.h"
#include "simulator/tenantendpoints.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTimer>

namespace ica::sim {

struct IcaSimulator::Private {
    SimulatorOptions options;
    DataStore store;
    std::unique_ptr<SimClock> clock;
    std::unique_ptr<BatchEngine> engine;
    std::unique_ptr<Serializer> serializer;
    std::unique_ptr<Pager> pager;
    std::unique_ptr<Authenticator> auth;
    std::shared_ptr<FaultInjector> faults;
    std::unique_ptr<ApiContext> context;
    std::unique_ptr<TenantEndpoints> tenantEndpoints;
    std::unique_ptr<DataEndpoints> dataEndpoints;
    std::unique_ptr<BatchEndpoints> batchEndpoints;
    std::unique_ptr<ControlEndpoints> controlEndpoints;
    Router apiRouter;
    Router controlRouter;
    std::unique_ptr<HttpFrontend> frontend;
    QTimer tick;
    bool listening = false;
};

namespace {

QByteArray randomSecret() {
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / 4);
    return secret;
}

DataSnapshot snapshot(const Project &project, int index) {
    const DataNode &node = project.nodes[size_t(index)];
    DataSnapshot s;
    s.id = node.id;
    s.name = node.name;
    s.path = node.path;
    s.folder = node.folder;
    s.status = QLatin1String(dataStatusName(node.status));
    s.userTags = node.userTags;
    s.technicalTags = node.technicalTags;
    s.timeModified = node.timeModified;
    s.willBeArchivedAt = node.willBeArchivedAt;
    s.willBeDeletedAt = node.willBeDeletedAt;
    for (int child : node.children)
        s.childIds.append(project.nodes[size_t(child)].id);
    return s;
}

} // namespace

IcaSimulator::IcaSimulator(const SimulatorOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    d->options = options;
    if (d->options.apiKeys.isEmpty())
        d->options.apiKeys = {Authenticator::defaultApiKey(options.seed)};
    d->options.itemsPerSecond = qMax(1, d->options.itemsPerSecond);

    d->store.generate(options.seed, qMax(1, options.projectCount),
                      qMax(0, options.filesInFirstProject), qMax(0, options.filesInOtherProjects));
    const TimeMs start = qMax(wallClockMs(), DataGenerator::dataHorizon()) / 1000 * 1000;
    d->clock = std::make_unique<SimClock>(start, options.speed, options.manualClock);
    d->engine = std::make_unique<BatchEngine>(d->store, options.seed, d->options.itemsPerSecond,
                                              options.initializeMs, options.waitForResourcesMs);
    d->engine->processUntil(d->clock->now());
    d->serializer = std::make_unique<Serializer>(d->store, *d->engine);

    const QByteArray secret = randomSecret();
    d->pager = std::make_unique<Pager>(QMessageAuthenticationCode::hash(
        QByteArrayLiteral("page-tokens"), secret, QCryptographicHash::Sha256));
    const World &world = d->store.world();
    d->auth = std::make_unique<Authenticator>(
        d->options.apiKeys, options.tokenLifetimeSeconds,
        Authenticator::Identity{world.tenantId, world.tenantName, world.user.id, world.email},
        secret);
    d->faults = std::make_shared<FaultInjector>(options.faults);

    d->context = std::make_unique<ApiContext>(
        ApiContext{d->store, *d->engine, *d->serializer, *d->pager, *d->auth});
    d->tenantEndpoints = std::make_unique<TenantEndpoints>(*d->context);
    d->dataEndpoints = std::make_unique<DataEndpoints>(*d->context);
    d->batchEndpoints = std::make_unique<BatchEndpoints>(*d->context);
    d->controlEndpoints = std::make_unique<ControlEndpoints>(*this);
    d->tenantEndpoints->registerRoutes(d->apiRouter);
    d->dataEndpoints->registerRoutes(d->apiRouter);
    d->batchEndpoints->registerRoutes(d->apiRouter);
    d->controlEndpoints->registerRoutes(d->controlRouter);

    if (!d->options.journalPath.isEmpty())
        replayJournal();

    d->frontend = std::make_unique<HttpFrontend>(
        d->apiRouter, d->controlRouter, *d->auth, d->faults, [this] { syncClock(); },
        [this] { return d->clock->now(); });
    connect(d->frontend.get(), &HttpFrontend::requestServed, this, &IcaSimulator::requestServed);

    d->tick.setInterval(50);
    connect(&d->tick, &QTimer::timeout, this, &IcaSimulator::syncClock);
}

IcaSimulator::~IcaSimulator() = default;

void IcaSimulator::replayJournal() {
    const BatchJournal journal(d->options.journalPath);
    for (const BatchJournal::Entry &entry : journal.read()) {
        try {
            const int items = d->batchEndpoints->createFromJournal(entry.projectId, entry.body);
            // Run each batch to its end before the next, as the user saw them run.
            const qint64 runMs = d->options.initializeMs + d->options.waitForResourcesMs +
                                 qint64(items) * 1000 / d->options.itemsPerSecond + 1000;
            d->clock->advance(runMs);
            d->engine->processUntil(d->clock->now());
        } catch (const ApiError &) {
            // An entry that no longer fits (another seed or world size): skip it.
        }
    }
    d->batchEndpoints->setCreatedCallback(
        [path = d->options.journalPath](const QString &projectId, const QJsonObject &body) {
            BatchJournal(path).append(projectId, body);
        });
}

bool IcaSimulator::start(QString *errorMessage) {
    if (d->listening)
        return true;
    if (!d->frontend->listen(d->options.address, d->options.port, errorMessage))
        return false;
    d->listening = true;
    if (!d->options.manualClock)
        d->tick.start();
    return true;
}

bool IcaSimulator::isListening() const {
    return d->listening;
}

quint16 IcaSimulator::port() const {
    return d->frontend->port();
}

QUrl IcaSimulator::baseUrl() const {
    QUrl url = controlUrl();
    url.setPath(HttpFrontend::apiRoot());
    return url;
}

QUrl IcaSimulator::controlUrl() const {
    const QHostAddress &address = d->options.address;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::LocalHost)
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (address == QHostAddress::AnyIPv6 || address == QHostAddress::LocalHostIPv6)
        url.setHost(QStringLiteral("::1"));
    else
        url.setHost(address.toString());
    url.setPort(port());
    url.setPath(QStringLiteral("/_sim"));
    return url;
}

QString IcaSimulator::apiKey() const {
    return d->options.apiKeys.first();
}

QStringList IcaSimulator::apiKeys() const {
    return d->options.apiKeys;
}

const SimulatorOptions &IcaSimulator::options() const {
    return d->options;
}

void IcaSimulator::advance(std::chrono::milliseconds simulated) {
    d->clock->advance(simulated.count());
    syncClock();
}

void IcaSimulator::syncClock() {
    d->clock->sync();
    const std::vector<const Batch *> finished = d->engine->processUntil(d->clock->now());
    for (const Batch *batch : finished)
        Q_EMIT batchFinished(batch->id.toString(),
                             QLatin1String(jobStatusName(d->engine->jobStatus(*batch))));
}

TimeMs IcaSimulator::nowMs() const {
    return d->clock->now();
}

FaultInjector &IcaSimulator::faults() {
    return *d->faults;
}

std::shared_ptr<FaultInjector> IcaSimulator::sharedFaults() const {
    return d->faults;
}

const DataStore &IcaSimulator::store() const {
    return d->store;
}

const BatchEngine &IcaSimulator::batchEngine() const {
    return *d->engine;
}

QString IcaSimulator::tenantId() const {
    return d->store.world().tenantId.toString();
}

QString IcaSimulator::tenantName() const {
    return d->store.world().tenantName;
}

QStringList IcaSimulator::projectIds() const {
    QStringList ids;
    for (int i = 0; i < d->store.projectCount(); ++i)
        ids.append(d->store.project(i).meta.id.toString());
    return ids;
}

QStringList IcaSimulator::fileIds(const QString &projectId) const {
    QStringList ids;
    const int p = d->store.projectIndex(projectId);
    if (p < 0)
        return ids;
    for (const DataNode &node : d->store.project(p).nodes) {
        if (!node.folder)
            ids.append(node.id);
    }
    return ids;
}

std::optional<DataSnapshot> IcaSimulator::data(const QString &projectId,
                                               const QString &dataId) const {
    const int p = d->store.projectIndex(projectId);
    const int node = p < 0 ? -1 : d->store.nodeIndex(p, dataId);
    if (node < 0)
        return std::nullopt;
    return snapshot(d->store.project(p), node);
}

std::optional<DataSnapshot> IcaSimulator::dataAtPath(const QString &projectId,
                                                     const QString &path) const {
    const int p = d->store.projectIndex(projectId);
    if (p < 0)
        return std::nullopt;
    const Project &project = d->store.project(p);
    for (int i = 0; i < int(project.nodes.size()); ++i) {
        if (project.nodes[size_t(i)].path == path)
            return snapshot(project, i);
    }
    return std::nullopt;
}

std::optional<BatchSnapshot> IcaSimulator::batch(const QString &projectId,
                                                 const QString &batchId) const {
    const int p = d->store.projectIndex(projectId);
    const Batch *b = p < 0 ? nullptr : d->engine->find(p, batchId);
    if (!b)
        return std::nullopt;
    BatchSnapshot s;
    s.id = b->id.toString();
    s.jobId = b->jobId.toString();
    s.jobStatus = QLatin1String(jobStatusName(d->engine->jobStatus(*b)));
    s.itemCount = b->itemCount();
    for (int i = 0; i < b->itemCount(); ++i)
        ++s.itemStatusCounts[QLatin1String(itemStatusName(d->engine->itemStatus(*b, i)))];
    return s;
}

int IcaSimulator::batchCount() const {
    return int(d->engine->batches().size());
}

} // namespace ica::sim
