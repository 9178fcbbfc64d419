#pragma once

// Shared set-up of the monitor tests: the real client against the real simulator
// on loopback (manual clock), a network access manager that counts requests, a
// real StoreWorker on a temporary file, and batches made of real files of the
// first project plus data IDs that do not exist (those items fail).
#include "api/batchapi.h"
#include "callwaiter.h"
#include "countingnam.h"
#include "simfixture.h"
#include "store/storeworker.h"
#include "testsupport.h"

#include <QDir>
#include <QTest>

#include <chrono>
#include <memory>

namespace icatest {

/// One item per 100 ms of simulated time, after 1 s INITIALIZED and 1 s waiting.
class MonitorWorld final {
public:
    static constexpr int InitializeMs = 1000;
    static constexpr int WaitMs = 1000;
    static constexpr int MsPerItem = 100;

    MonitorWorld() {
        icasim::SimulatorOptions options = SimFixture::smallWorld();
        options.itemsPerSecond = 10;
        options.initializeMs = InitializeMs;
        options.waitForResourcesMs = WaitMs;
        fixture = std::make_unique<SimFixture>(options, &nam);
        client = fixture->client.get();
        if (!fixture->startError.isEmpty())
            return;
        projectId = fixture->sim->projectIds().first();
        fileIds = fixture->sim->fileIds(projectId);
    }
    Q_DISABLE_COPY_MOVE(MonitorWorld)

    [[nodiscard]] QString startError() const { return fixture->startError; }
    [[nodiscard]] icasim::IcaSimulator &sim() const { return *fixture->sim; }
    void advance(std::chrono::milliseconds ms) { sim().advance(ms); }

    /// "fil." + 32 hex digits that no project holds.
    static QString unknownId(int n) {
        return QStringLiteral("fil.%1").arg(0xdead0000u + unsigned(n), 32, 16, QLatin1Char('0'));
    }

    /// `count` real files (a fresh slice each call) with unknown IDs at `unknownAt`.
    QStringList dataIds(int count, const QList<int> &unknownAt = {}) {
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            if (unknownAt.contains(i))
                ids.append(unknownId(m_unknownMade++));
            else
                ids.append(fileIds.at(m_nextFile++ % fileIds.size()));
        }
        return ids;
    }

    /// A group adding user tag `tag` and removing technical tag "stale".
    static ica::DataUpdateGroup group(const QStringList &ids, const QString &tag) {
        ica::DataUpdateGroup g;
        g.dataIds = ids;
        g.userTags.addTags = {tag};
        g.technicalTags.removeTags = {QStringLiteral("stale")};
        return g;
    }

    /// Creates a batch through the API; its ID, or empty on failure.
    QString createBatch(const QList<ica::DataUpdateGroup> &groups) {
        ica::CreateBatchRequest request;
        request.dataUpdateGroups = groups;
        CallWaiter<ica::Batch> created;
        ica::BatchApi(client).create(projectId, request, &created, created.callback());
        if (!created.wait() || !created.ok())
            return {};
        return created.value().id;
    }
    QString createBatch(const QStringList &ids) {
        return createBatch({group(ids, QStringLiteral("monitored"))});
    }

    /// Simulated time from creation until `done` items are finished.
    static std::chrono::milliseconds untilDone(int done) {
        return std::chrono::milliseconds(InitializeMs + WaitMs + MsPerItem * done);
    }

    /// A database file of its own for `name`.
    static QString databasePath(const QString &name) {
        return QDir(scratchDir()).filePath(name + QStringLiteral(".sqlite"));
    }

    CountingNam nam; ///< before the fixture: its client sends through it
    std::unique_ptr<SimFixture> fixture;
    ica::ApiClient *client = nullptr; ///< the fixture's
    QString projectId;
    QStringList fileIds;

private:
    int m_nextFile = 0;
    int m_unknownMade = 0;
};

} // namespace icatest

// ---------------------------------------------------------------------------
// The widget under test, on a StoreWorker of its own.
#include "history/batchhistorymodel.h"
#include "models/batchitemsmodel.h"
#include "models/batchmonitor.h"
#include "models/itemspager.h"
#include "monitor/batchlistpanel.h"
#include "monitor/batchview.h"
#include "monitor/monitorwidget.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QTableView>

namespace icatest {

/// A MonitorWidget on its own database, with model testers on every model,
/// connected to `world`'s client, shown on the offscreen platform.
class MonitorHarness final {
public:
    static inline const QString ProfileId = QStringLiteral("profile-1");

    MonitorHarness(MonitorWorld &world, const QString &databasePath)
        : store(std::make_unique<ica::StoreWorker>(databasePath))
        , widget(std::make_unique<ica::ui::MonitorWidget>(store.get())) {
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        testers.emplace_back(
            std::make_unique<QAbstractItemModelTester>(widget->historyModel(), Mode::QtTest));
        testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
            widget->listPanel()->view()->model(), Mode::QtTest));
        testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
            widget->batchView()->itemsModel(), Mode::QtTest));
        widget->setClient(world.client);
        widget->setProfileId(ProfileId);
        widget->resize(1500, 950);
        widget->show();
    }
    ~MonitorHarness() {
        testers.clear();
        widget.reset(); // before the store it uses
        store.reset();
    }
    Q_DISABLE_COPY_MOVE(MonitorHarness)

    template <typename T> T *child(const QString &name) const {
        return widget->findChild<T *>(name);
    }
    [[nodiscard]] ica::ui::BatchView *view() const { return widget->batchView(); }
    [[nodiscard]] ica::BatchMonitor *monitor() const { return view()->monitor(); }
    [[nodiscard]] ica::ItemsPager *pager() const { return view()->pager(); }
    [[nodiscard]] ica::BatchItemsModel *items() const { return view()->itemsModel(); }
    [[nodiscard]] ica::BatchHistoryModel *history() const { return widget->historyModel(); }
    [[nodiscard]] QTableView *itemsView() const {
        return child<QTableView>(QStringLiteral("itemsView"));
    }

    /// True once the shown batch was refreshed and its items are loaded.
    [[nodiscard]] bool settled() const {
        return monitor() && monitor()->lastRefreshed().isValid() && !monitor()->isRefreshing() &&
               !pager()->isLoading();
    }
    /// What the view is doing, for failure messages.
    [[nodiscard]] QString describe() const {
        if (!monitor())
            return QStringLiteral("no monitor");
        return QStringLiteral(
                   "batch=%1 refreshed=%2 refreshing=%3 loading=%4 error=%5 pagerError=%6")
            .arg(monitor()->batchId())
            .arg(monitor()->lastRefreshed().isValid())
            .arg(monitor()->isRefreshing())
            .arg(pager()->isLoading())
            .arg(monitor()->lastError().toString(), pager()->lastError().toString());
    }
    /// The data IDs of the items table, in row order.
    [[nodiscard]] QStringList tableDataIds() const {
        QStringList ids;
        for (const ica::BatchItem &item : items()->items())
            ids.append(item.request.dataId);
        return ids;
    }
    /// Clicks the middle of a header section of a table.
    static void clickHeader(QTableView *view, int section) {
        QHeaderView *header = view->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    }

    std::unique_ptr<ica::StoreWorker> store;
    std::unique_ptr<ica::ui::MonitorWidget> widget;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
};

} // namespace icatest
