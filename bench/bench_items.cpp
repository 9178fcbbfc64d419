// Figures for the item pipeline: decoding a 1,000-item page (QJsonDocument vs
// simdjson), the simulator's cost to serve one such page, and fetching every item
// of a 100,000-item batch over loopback (cursor paging; offset pages several at a
// time). Targets on a 2-core machine: >= 1,000,000 items/s decoded; < 2 s for all
// 100,000 items. Prints figures only: timing is never a pass/fail test here.
#include "bench/benchworld.h"

#include "core/domain/fastitemdecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace ica;
using namespace ica::bench;

namespace {

QString rate(double items, double ms) {
    return QString::number(items / (ms / 1000.0), 'f', 0);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    say(QStringLiteral("ICA Tagger benchmarks (%1 cores)").arg(QThread::idealThreadCount()));

    ica::bench::BenchWorld world(20000);
    ApiClient &client = world.client;
    QObject &context = world.context;
    const ItemScene scene =
        world.fiveGroupBatch(std::chrono::seconds(20)); // half done: a mix of statuses
    say(QStringLiteral("batch: %1 items in %2 groups").arg(scene.items).arg(scene.groups));

    // 1. The simulator's cost to serve one 1,000-item page (client-side round trip of
    // the raw bytes, no decoding), median of 40.
    QByteArray pageBody;
    {
        QList<double> ms;
        for (int i = 0; i < 40; ++i) {
            ApiRequest raw;
            raw.path = QStringLiteral("/api/projects/%1/dataUpdateBatch/%2/items")
                           .arg(scene.projectId, scene.batch.id);
            PageRequest::atOffset(qint64(i) * 1000, 1000).addTo(raw.query, {});
            QElapsedTimer timer;
            timer.start();
            ApiCall *call = client.send(raw);
            bool done = false;
            QObject::connect(call, &ApiCall::finished, &context, [&]() {
                pageBody = call->body();
                done = true;
            });
            spin([&done]() { return done; }, "a page");
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
        const QList<BatchItem> all = world.allItems(scene.batch.id, mode, parallel);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (all.size() != scene.items) {
            say(QStringLiteral("bench: fetched %1 items, expected %2")
                    .arg(all.size())
                    .arg(scene.items));
            std::exit(1);
        }
        return ms;
    };
    const double cursorMs = fetchAll(PageRequest::Mode::Cursor, 1);
    say(QStringLiteral("fetch all %1 items, cursor paging (1,000/page): %2 s (target < 2 s)")
            .arg(scene.items)
            .arg(cursorMs / 1000.0, 0, 'f', 2));
    const double offsetMs = fetchAll(PageRequest::Mode::Offset, 4);
    say(QStringLiteral("fetch all %1 items, offset paging, 4 pages in flight: %2 s (target < 2 s)")
            .arg(scene.items)
            .arg(offsetMs / 1000.0, 0, 'f', 2));
    say(QStringLiteral("peak resident memory: %1 MiB (simulator and client in one process)")
            .arg(double(statusKiB("VmHWM:")) / 1024.0, 0, 'f', 0));
    return 0;
}
