// Figures for the data browser with a large folder: a Fastq folder of 20,000 files
// read page by page into DataBrowserModel (as scrolling does), refreshed as a diff,
// and 500 rows re-read after a batch. "Never freezes the window" is shown as the
// longest gap between ticks of a 1 ms timer on the model's (GUI) thread while each
// runs: what a user would feel as a stall. Targets: under 50 ms while pages load
// (scrolling stays smooth), under 16 ms (one frame) for the refresh of all 20,000
// rows (its diff is computed off the GUI thread and applied in slices).
// Prints figures only: timing is never a pass/fail test here.
#include "bench/benchsupport.h"
#include "bench/benchworld.h"
#include "core/api/authenticator.h"
#include "core/api/dataapi.h"
#include "core/api/projectapi.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "simulator/simulatorthread.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace ica;
using namespace ica::bench;

namespace {

/// The bulk run's Fastq folder, found by the name of its first file.
QString bulkFolder(ApiClient *client, const QString &projectId) {
    DataQuery query;
    query.filenames = {QStringLiteral("POOL00001_S1_L001_R1_001.fastq.gz")};
    query.filenameMatch = MatchMode::Exact;
    query.page = PageRequest::cursor(QString(), 10);
    std::optional<Result<ProjectDataPage>> answer;
    QObject context;
    DataApi(client).list(projectId, query, &context,
                         [&answer](const Result<ProjectDataPage> &r) { answer = r; });
    spin([&]() { return answer.has_value(); }, [] {}, "finding the bulk folder");
    if (!answer->ok() || answer->value->items.isEmpty())
        fail(QStringLiteral("the bulk folder was not found"));
    const QString path = answer->value->items.first().path;
    return path.left(path.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    say(QStringLiteral("ICA Tagger data browser benchmarks"));
    ica::bench::BenchWorld world(100000); // a fifth of them in one Fastq folder
    ica::sim::SimulatorThread &simulator = world.simulator;
    ApiClient &client = world.client;
    const QString projectId =
        simulator.invoke([](ica::sim::IcaSimulator &s) { return s.projectIds().first(); });
    const QString folder = bulkFolder(&client, projectId);

    DataBrowserModel model;
    DataLister lister(&client, &model);
    StallMeter stall;

    // 1. Scrolling to the end of the folder: every page, one after the other.
    QElapsedTimer timer;
    timer.start();
    stall.start();
    lister.setLocation(projectId, folder);
    int pages = 0;
    spin([&]() { return lister.isComplete() && !lister.isLoading(); },
         [&]() {
             if (model.canFetchMore()) {
                 model.fetchMore();
                 ++pages;
             }
         },
         "loading the folder");
    const qint64 loadMs = timer.elapsed();
    const qint64 loadStall = stall.stop();
    say(QStringLiteral("load a folder of %1 files, %2 pages of 1,000: %3 s; longest GUI-thread "
                       "stall %4 ms (target < 50 ms)")
            .arg(model.rowCount())
            .arg(pages + 1)
            .arg(double(loadMs) / 1000.0, 0, 'f', 2)
            .arg(loadStall));

    // 2. Refresh all of it (a diff: no reset).
    int resets = 0;
    QObject::connect(&model, &QAbstractItemModel::modelReset, [&resets]() { ++resets; });
    timer.restart();
    stall.start();
    if (!lister.refresh())
        fail(QStringLiteral("refresh refused"));
    spin([&]() { return !lister.isLoading() && model.isSettled(); }, [] {}, "refreshing");
    say(QStringLiteral("refresh %1 loaded rows: %2 s; longest GUI-thread stall %3 ms (target "
                       "< 16 ms); resets %4")
            .arg(model.rowCount())
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
            .arg(stall.stop())
            .arg(resets));

    // 3. Re-read 500 rows, as after a batch that tagged them.
    QStringList ids;
    for (int row = 0; row < 500 && row < model.rowCount(); ++row)
        ids.append(model.itemAt(row).id);
    bool refreshed = false;
    QObject::connect(&lister, &DataLister::rowsRefreshed, [&refreshed]() { refreshed = true; });
    timer.restart();
    stall.start();
    lister.refreshRows(ids);
    spin([&]() { return refreshed; }, [] {}, "re-reading rows");
    say(QStringLiteral("re-read %1 rows after a batch: %2 ms; longest GUI-thread stall %3 ms")
            .arg(ids.size())
            .arg(timer.elapsed())
            .arg(stall.stop()));
    say(QStringLiteral("peak resident memory: %1 MiB (simulator with 100,000 files and client "
                       "in one process)")
            .arg(statusKiB("VmHWM:") / 1024));
    return 0;
}
