// Figures for the item pipeline: decoding a 1,000-item page (QJsonDocument vs
// simdjson), the simulator's cost to serve one such page, and fetching every item
// of a 100,000-item batch over loopback (cursor paging; offset pages several at a
// time). Targets on a 2-core machine: >= 1,000,000 items/s decoded; < 2 s for all
// 100,000 items. Prints figures only: timing is never a pass/fail test here.
#include "bench/benchworld.h"

#include "core/api/authenticator.h"
#include "core/api/batchapi.h"
#include "core/api/dataapi.h"
#include "core/api/pagecollector.h"
#include "core/api/projectapi.h"
#include "core/domain/fastitemdecoder.h"
#include "simulator/simulatorthread.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkReply>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace ica;

namespace {

void say(const QString &line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

/// Spins the event loop until `done` is true.
template <typename Predicate> bool spin(Predicate done, int timeoutMs = 120000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

template <typename T>
T await(QObject *context, const std::function<void(ResultCallback<T>)> &start) {
    std::optional<Result<T>> result;
    start([&result](const Result<T> &r) { result = r; });
    Q_UNUSED(context)
    if (!spin([&result]() { return result.has_value(); }) || !result->ok()) {
        say(QStringLiteral("bench: a call failed: %1")
                .arg(result ? result->error.toString() : QStringLiteral("timeout")));
        std::exit(1);
    }
    return *result->value;
}

qint64 peakRssKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QString rate(double items, double ms) {
    return QString::number(items / (ms / 1000.0), 'f', 0);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    say(QStringLiteral("ICA Tagger benchmarks (%1 cores)").arg(QThread::idealThreadCount()));

    ica::bench::BenchWorld world(20000);
    ica::sim::SimulatorThread &simulator = world.simulator;
    ApiClient &client = world.client;
    QObject context;

    // A 100,000-item batch: five groups over the project's 20,000 files.
    const ProjectPage projects = await<ProjectPage>(&context, [&](auto cb) {
        ProjectApi(&client).list(ProjectsQuery{{}, PageRequest::atOffset(0, 10), {}}, &context, cb);
    });
    const QString projectId = projects.items.first().id;
    const QList<ProjectData> files = await<QList<ProjectData>>(&context, [&](auto cb) {
        DataApi api(&client);
        DataQuery query;
        query.type = DataQuery::Type::File;
        collectAllPages<ProjectData>(
            [api, query, projectId](const PageRequest &page, QObject *ctx,
                                    ResultCallback<ProjectDataPage> done) mutable {
                DataQuery q = query;
                q.page = page;
                return api.list(projectId, q, ctx, std::move(done));
            },
            CollectOptions{PageRequest::Mode::Cursor, 1000, 1, {}}, &context, cb);
    });
    CreateBatchRequest request;
    for (int g = 0; g < 5; ++g) {
        DataUpdateGroup group;
        for (const ProjectData &file : files)
            group.dataIds.append(file.id);
        group.userTags.addTags = {QStringLiteral("bench-%1").arg(g)};
        request.dataUpdateGroups.append(group);
    }
    BatchApi batches(&client);
    const Batch batch =
        await<Batch>(&context, [&](auto cb) { batches.create(projectId, request, &context, cb); });
    simulator.advance(std::chrono::seconds(20)); // half done: a mix of statuses
    const qint64 total = request.dataIdCount();
    say(QStringLiteral("batch: %1 items in %2 groups")
            .arg(total)
            .arg(request.dataUpdateGroups.size()));

    // 1. The simulator's cost to serve one 1,000-item page (client-side round trip of
    // the raw bytes, no decoding), median of 40.
    QByteArray pageBody;
    {
        QList<double> ms;
        for (int i = 0; i < 40; ++i) {
            ApiRequest raw;
            raw.path = QStringLiteral("/api/projects/%1/dataUpdateBatch/%2/items")
                           .arg(projectId, batch.id);
            PageRequest::atOffset(qint64(i) * 1000, 1000).addTo(raw.query, {});
            QElapsedTimer timer;
            timer.start();
            ApiCall *call = client.send(raw);
            bool done = false;
            QObject::connect(call, &ApiCall::finished, &context, [&]() {
                pageBody = call->body();
                done = true;
            });
            spin([&done]() { return done; });
            ms.append(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        say(QStringLiteral("serve one 1,000-item page (round trip, gzip, loopback): median %1 ms, "
                           "best %2 ms; body %3 KiB uncompressed")
                .arg(ms.at(ms.size() / 2), 0, 'f', 2)
                .arg(ms.first(), 0, 'f', 2)
                .arg(pageBody.size() / 1024));
    }

    // 2. Decoding that page.
    {
        constexpr int rounds = 200;
        QElapsedTimer timer;
        timer.start();
        qsizetype n = 0;
        for (int i = 0; i < rounds; ++i)
            n += decodeJson<BatchItemPage>(pageBody).value->items.size();
        const double slowMs = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        qsizetype m = 0;
        for (int i = 0; i < rounds; ++i)
            m += decodeBatchItemPage(pageBody).value->items.size();
        const double fastMs = double(timer.nsecsElapsed()) / 1e6;
        say(QStringLiteral("decode 1,000-item page, QJsonDocument: %1 items/s")
                .arg(rate(double(n), slowMs)));
        say(QStringLiteral(
                "decode 1,000-item page, simdjson:      %1 items/s (target >= 1,000,000)")
                .arg(rate(double(m), fastMs)));
    }

    // 3. Every item of the batch.
    const auto fetchAll = [&](PageRequest::Mode mode, int parallel) {
        QElapsedTimer timer;
        timer.start();
        const QList<BatchItem> all = await<QList<BatchItem>>(&context, [&](auto cb) {
            collectAllPages<BatchItem>(
                [batches, projectId, batch](const PageRequest &page, QObject *ctx,
                                            ResultCallback<BatchItemPage> done) mutable {
                    return batches.listItems(projectId, batch.id, ItemsQuery{{}, page, {}}, ctx,
                                             std::move(done));
                },
                CollectOptions{mode, 1000, parallel, {}}, &context, cb);
        });
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (all.size() != total) {
            say(QStringLiteral("bench: fetched %1 items, expected %2").arg(all.size()).arg(total));
            std::exit(1);
        }
        return ms;
    };
    const double cursorMs = fetchAll(PageRequest::Mode::Cursor, 1);
    say(QStringLiteral("fetch all %1 items, cursor paging (1,000/page): %2 s (target < 2 s)")
            .arg(total)
            .arg(cursorMs / 1000.0, 0, 'f', 2));
    const double offsetMs = fetchAll(PageRequest::Mode::Offset, 4);
    say(QStringLiteral("fetch all %1 items, offset paging, 4 pages in flight: %2 s (target < 2 s)")
            .arg(total)
            .arg(offsetMs / 1000.0, 0, 'f', 2));
    say(QStringLiteral("peak resident memory: %1 MiB (simulator and client in one process)")
            .arg(double(peakRssKiB()) / 1024.0, 0, 'f', 0));
    return 0;
}
