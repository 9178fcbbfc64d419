// Figures for the monitor at ICA's limit: a finished 100,000-item batch loaded with
// "load all" in cursor pages of 100 through ItemsPager into BatchItemsModel, with a
// QTableView attached (offscreen), then a live refresh of every loaded row after
// statuses changed. "Never freezes the window" is the longest gap between ticks of a
// 1 ms timer on the GUI thread (StallMeter). The table is the monitor's own items
// panel (ItemsPanel: the table with its status delegate, filter toggles and paging
// bar). With 100,000 rows loaded: a status filter toggled on and off, and (after
// loading all again) a click on the status header, each a new question to the server
// that drops the 100,000 rows. With names: every row's name and path resolved in
// bulk, and the client-side name filter on and off. Also the items model's own heap for 100,000
// rows (glibc's allocated bytes, arena and mmapped blocks, before and after, the source rows
// freed). Targets: every stall < 16 ms; the model <= 25 MB. Prints figures only: timing is never a
// pass/fail test here.
#include "bench/benchsupport.h"
#include "bench/benchworld.h"
#include "bench/guisteps.h"
#include "core/data/datanames.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemsfilterproxy.h"
#include "core/monitor/itemspager.h"
#include "ui/monitor/itemspanel.h"
#include "ui/monitor/itemstableview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>

#include <malloc.h>

using namespace ica;
using namespace ica::bench;

namespace {

/// Bytes the process has allocated on the heap right now (glibc).
qint64 heapBytes() {
    malloc_trim(0);
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd); // big blocks are mmapped: count them too
}

/// A copy sharing no string with `item`, as a freshly decoded page would be.
BatchItem deepCopy(const BatchItem &item) {
    const auto fresh = [](const QString &s) { return QString(s.constData(), s.size()); };
    const auto freshList = [&fresh](const QStringList &list) {
        QStringList out;
        for (const QString &s : list)
            out.append(fresh(s));
        return out;
    };
    BatchItem copy = item;
    copy.id = fresh(item.id);
    copy.request.dataId = fresh(item.request.dataId);
    copy.request.userTags.addTags = freshList(item.request.userTags.addTags);
    copy.request.userTags.removeTags = freshList(item.request.userTags.removeTags);
    copy.request.technicalTags.addTags = freshList(item.request.technicalTags.addTags);
    copy.request.technicalTags.removeTags = freshList(item.request.technicalTags.removeTags);
    copy.additionalStatusInformation = fresh(item.additionalStatusInformation);
    return copy;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ica::bench::StepTimingApplication app(argc, argv);
    say(QStringLiteral("ICA Tagger monitor benchmarks (%1 cores)")
            .arg(QThread::idealThreadCount()));

    ica::bench::BenchWorld world(20000);
    ApiClient &client = world.client;
    const ItemScene scene =
        world.fiveGroupBatch(std::chrono::seconds(20)); // part done: a mix of statuses

    // 1. Load all, cursor pages of 100, into the model with a table view attached.
    {
        BatchItemsModel model;
        ica::ui::ItemsPanel view(&model);
        view.resize(1200, 800);
        if (qEnvironmentVariableIsEmpty("ICA_BENCH_NO_VIEW")) // to tell the view's share
            view.show();
        ItemsPager pager(&client, &model);
        view.setPager(&pager);
        ItemsQueryState state;
        state.setMode(ItemsQueryState::Mode::Cursor);
        state.setPageSize(100); // false when it already is
        if (state.pageSize() != 100)
            fail(QStringLiteral("page size 100 refused"));
        pager.setQueryState(state);
        pager.setBatch(scene.projectId, scene.batch.id);
        spin([&]() { return !pager.isLoading() && model.rowCount() > 0; }, "the first page");
        const qint64 rssBefore = statusKiB("VmRSS:");
        StallMeter stall;
        QElapsedTimer timer;
        timer.start();
        stall.start();
        app.resetLongestStep();
        if (!pager.loadAll())
            fail(QStringLiteral("load all refused"));
        spin([&]() { return !pager.isLoading() && !pager.hasMore() && model.isSettled(); },
             "load all");
        const qint64 loadStall = stall.stop();
        const QString loadStep = app.longestStep();
        say(QStringLiteral("monitor load all: %1 items in cursor pages of 100, table view "
                           "attached: %2 s; longest GUI-thread stall %3 ms (target < 16 ms; "
                           "%5 ms of it waiting for a CPU); resident memory +%4 MiB")
                .arg(model.rowCount())
                .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                .arg(loadStall)
                .arg(double(statusKiB("VmRSS:") - rssBefore) / 1024.0, 0, 'f', 0)
                .arg(stall.waitedMs()));
        say(QStringLiteral("  the longest GUI-thread event of it: %1").arg(loadStep));
        if (model.rowCount() != scene.items)
            fail(QStringLiteral("loaded %1 items, expected %2")
                     .arg(model.rowCount())
                     .arg(scene.items));

        // 2. Live refresh of every loaded row after statuses changed.
        world.simulator.advance(std::chrono::seconds(40));
        int changedSignals = 0;
        QObject::connect(&model, &QAbstractItemModel::dataChanged,
                         [&changedSignals]() { ++changedSignals; });
        timer.restart();
        stall.start();
        if (!pager.refresh())
            fail(QStringLiteral("refresh refused"));
        spin([&]() { return !pager.isLoading() && model.isSettled(); }, "refresh");
        say(QStringLiteral("monitor live refresh of %1 loaded rows (statuses changed): %2 s; "
                           "longest GUI-thread stall %3 ms (target < 16 ms; %6 ms of it waiting "
                           "for a CPU); %4 dataChanged spans, applied in %5 slices")
                .arg(model.rowCount())
                .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                .arg(stall.stop())
                .arg(changedSignals)
                .arg(model.diffRunner()->lastSliceCount())
                .arg(stall.waitedMs()));

        // 2b. Names and paths of every loaded row (DataNameCache: bulk lookups by ID,
        // the cells updated with dataChanged on the Name and Path columns), then the
        // client-side name filter over the 100,000 rows, on and off.
        {
            DataNameCache names;
            names.setClient(&client);
            changedSignals = 0;
            timer.restart();
            stall.start();
            app.resetLongestStep();
            model.setNameSource(&names, scene.projectId);
            spin(
                [&]() {
                    return names.size() > 0 && names.pendingCount() == 0 &&
                           model.index(model.rowCount() - 1, BatchItemsModel::NameColumn)
                                   .data(BatchItemsModel::NameStateRole)
                                   .toInt() == int(DataName::State::Found);
                },
                "names");
            say(QStringLiteral("names of %1 loaded rows (%2 distinct IDs, %3 lookups): %4 s; "
                               "longest GUI-thread stall %5 ms (target < 16 ms; %6 ms of it "
                               "waiting for a CPU); %7 dataChanged spans")
                    .arg(model.rowCount())
                    .arg(names.size())
                    .arg(names.lookupsSent())
                    .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                    .arg(stall.stop())
                    .arg(stall.waitedMs())
                    .arg(changedSignals));
            say(QStringLiteral("  the longest GUI-thread event of it: %1").arg(app.longestStep()));
            const QString some =
                model.index(12345, BatchItemsModel::NameColumn).data().toString().left(6);
            stall.start();
            app.resetLongestStep();
            view.nameFilterField()->setText(some);
            spin([&]() { return view.table()->model() == view.filterProxy(); }, "name filter");
            const int matching = view.filterProxy()->rowCount();
            view.nameFilterField()->clear();
            spin([&]() { return view.table()->model() == &model; }, "name filter off");
            say(QStringLiteral("name filter '%1' over %2 rows (%3 match) and off: longest "
                               "stall %4 ms (target < 16 ms; %5 ms of it waiting for a CPU)")
                    .arg(some)
                    .arg(model.rowCount())
                    .arg(matching)
                    .arg(stall.stop())
                    .arg(stall.waitedMs()));
            say(QStringLiteral("  the longest GUI-thread event of it: %1").arg(app.longestStep()));
            model.setNameSource(nullptr, QString());
        }

        // 3. A status filter toggled on (100,000 rows give way to the first page of
        // FAILED items) and off again: each a new question, the rows replaced.
        const auto settledAfter = [&](const std::function<void()> &act, const char *what) {
            stall.start();
            act();
            spin([&]() { return !pager.isLoading() && model.isSettled(); }, what);
            const qint64 longest = stall.stop();
            return std::make_pair(longest, stall.waitedMs());
        };
        QToolButton *failed = view.statusToggle(ItemStatus::Failed);
        const auto toggleOn = settledAfter([failed]() { failed->click(); }, "filter on");
        const int filteredRows = model.rowCount();
        const auto toggleOff = settledAfter([failed]() { failed->click(); }, "filter off");
        const auto toggle = qMax(toggleOn, toggleOff);
        say(QStringLiteral("status filter toggle: longest stall %1 ms (target < 16 ms; %2 ms "
                           "of it waiting for a CPU); %3 rows to %4 FAILED and back to %5")
                .arg(toggle.first)
                .arg(toggle.second)
                .arg(scene.items)
                .arg(filteredRows)
                .arg(model.rowCount()));

        // 4. Sort by status (a header click: server-side, numbered pages) with all
        // 100,000 rows loaded again.
        if (!pager.loadAll())
            fail(QStringLiteral("load all refused"));
        spin([&]() { return !pager.isLoading() && !pager.hasMore() && model.isSettled(); },
             "load all again");
        const int before = model.rowCount();
        const auto sortStall = settledAfter(
            [&view]() {
                view.table()->horizontalHeader()->setSortIndicator(BatchItemsModel::StatusColumn,
                                                                   Qt::DescendingOrder);
            },
            "sort");
        say(QStringLiteral("sort by status: longest stall %1 ms (target < 16 ms; %2 ms of it "
                           "waiting for a CPU); %3 rows to the first sorted page of %4")
                .arg(sortStall.first)
                .arg(sortStall.second)
                .arg(before)
                .arg(model.rowCount()));
        if (pager.queryState().sortColumn() != BatchItemsModel::StatusColumn)
            fail(QStringLiteral("the header click did not sort"));
    }

    // 5. The model's own memory for 100,000 rows.
    {
        const QList<BatchItem> all = world.allItems(scene.batch.id, PageRequest::Mode::Offset, 4);
        const qint64 before = heapBytes();
        auto model = std::make_unique<BatchItemsModel>();
        for (qsizetype first = 0; first < all.size(); first += 100) {
            QList<BatchItem> page;
            for (qsizetype i = first; i < qMin(all.size(), first + 100); ++i)
                page.append(deepCopy(all.at(i)));
            model->appendPage(page);
        }
        spin([&]() { return model->isSettled(); }, "filling the model");
        const qint64 after = heapBytes();
        say(QStringLiteral("items model memory for %1 rows: %2 MB heap (target <= 25 MB)")
                .arg(model->rowCount())
                .arg(double(after - before) / 1e6, 0, 'f', 1));
    }
    return 0;
}
