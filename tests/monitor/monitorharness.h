#pragma once

// The monitor widget under test, on a StoreWorker of its own, connected to a
// TestWorld's client, with a QAbstractItemModelTester on every model it shows.
#include "core/history/batchhistorymodel.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/batchmonitor.h"
#include "core/monitor/itemspager.h"
#include "core/store/storeworker.h"
#include "tests/support/testworld.h"
#include "ui/monitor/batchlistpanel.h"
#include "ui/monitor/batchview.h"
#include "ui/monitor/monitorwidget.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QTableView>
#include <QTest>

namespace ica::test {

/// A MonitorWidget on its own database, with model testers on every model,
/// connected to `world`'s client, shown on the offscreen platform.
class MonitorHarness final {
public:
    static inline const QString ProfileId = QStringLiteral("profile-1");

    MonitorHarness(TestWorld &world, const QString &databasePath)
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

} // namespace ica::test
