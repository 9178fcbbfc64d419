// BrowserWidget's table, driven through its real widgets against the simulator over
// loopback: server-side sort by header click (refused for tags); the column menu and
// the saved column layout; the next page read when scrolled to the end;
// shift-selection across pages, drag data and "Tag selected…"; "Select all
// matching" (done, cancelled, over the limit); refresh without a reset.
#include "tests/browserui/browseruifixture.h"
#include "tests/support/statusspy.h"

using namespace ica;
using ica::test::TestWorld;

class TstBrowserTable final : public ica::test::BrowserUiFixture {
    Q_OBJECT

private Q_SLOTS:
    void sortsByHeaderClickButNotByTags() {
        QVERIFY(openBulkFolder());
        QSignalSpy resets(model(), &QAbstractItemModel::modelReset);
        clickHeader(DataBrowserModel::NameColumn);
        QCOMPARE(lister()->sortColumn(), int(DataBrowserModel::NameColumn));
        QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(),
                 int(DataBrowserModel::NameColumn));
        QCOMPARE(resets.count(), 1);
        QVERIFY(settled());
        QCOMPARE(view()->horizontalHeader()->sortIndicatorOrder(), lister()->sortOrder());
        const int direction = lister()->sortOrder() == Qt::AscendingOrder ? 1 : -1;
        for (int row = 1; row < model()->rowCount(); ++row)
            QVERIFY(direction * model()->itemAt(row - 1).name.compare(model()->itemAt(row).name,
                                                                      Qt::CaseInsensitive) <=
                    0);
        const Qt::SortOrder order = lister()->sortOrder();
        clickHeader(DataBrowserModel::NameColumn);
        QVERIFY(lister()->sortOrder() != order);

        // ICA cannot sort by tags: nothing is asked, the indicator stays, the user is told.
        resets.clear();
        clickHeader(DataBrowserModel::UserTagsColumn);
        QCOMPARE(lister()->sortColumn(), int(DataBrowserModel::NameColumn));
        QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(),
                 int(DataBrowserModel::NameColumn));
        QCOMPARE(view()->horizontalHeader()->sortIndicatorOrder(), lister()->sortOrder());
        QCOMPARE(resets.count(), 0);
        auto *message = child<ui::MessageBar>("browserMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("cannot sort")),
                 qPrintable(message->text()));

        // Back to ICA's order from the column menu.
        QAction *clearSort = nullptr;
        for (QAction *action : view()->columnMenu()->actions()) {
            if (action->objectName() == QLatin1String("clearSortAction"))
                clearSort = action;
        }
        QVERIFY(clearSort);
        QVERIFY(clearSort->isEnabled());
        clearSort->trigger();
        QCOMPARE(lister()->sortColumn(), -1);
        QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(), -1);
    }

    void columnMenuHidesColumnsAndTheLayoutIsKept() {
        QVERIFY(openBulkFolder());
        QMenu *menu = widget->findChild<QMenu *>(QStringLiteral("columnMenu"));
        QVERIFY(menu);
        QHeaderView *header = view()->horizontalHeader();
        Q_EMIT header->customContextMenuRequested(QPoint(5, 5));
        QTRY_VERIFY(menu->isVisible());
        menu->hide();
        const auto action = [menu](int column) {
            return menu->findChild<QAction *>(QStringLiteral("showColumn_%1").arg(column));
        };
        QVERIFY(action(DataBrowserModel::PathColumn));
        QCOMPARE(action(DataBrowserModel::PathColumn)->text(), QStringLiteral("Path"));
        QVERIFY(action(DataBrowserModel::PathColumn)->isChecked());
        action(DataBrowserModel::PathColumn)->trigger();
        QVERIFY(view()->isColumnHidden(DataBrowserModel::PathColumn));
        QVERIFY(!action(DataBrowserModel::PathColumn)->isChecked());
        const QByteArray pathHidden = view()->saveColumnState();

        // Everything but the name hidden: the name cannot go.
        for (int column = 1; column < DataBrowserModel::ColumnCount; ++column) {
            if (!view()->isColumnHidden(column))
                action(column)->trigger();
        }
        QCOMPARE(header->hiddenSectionCount(), DataBrowserModel::ColumnCount - 1);
        QVERIFY(!action(DataBrowserModel::NameColumn)->isEnabled());
        action(DataBrowserModel::NameColumn)->trigger();
        QVERIFY(!view()->isColumnHidden(DataBrowserModel::NameColumn));
        QCOMPARE(header->hiddenSectionCount(), DataBrowserModel::ColumnCount - 1);

        // A saved layout comes back, and survives another client.
        QVERIFY(view()->restoreColumnState(pathHidden));
        QCOMPARE(header->hiddenSectionCount(), 1);
        QVERIFY(view()->isColumnHidden(DataBrowserModel::PathColumn));
        QVERIFY(!view()->restoreColumnState(QByteArray("nonsense")));
        tester.reset(); // the model goes with the client
        widget->setClient(nullptr);
        QVERIFY(!widget->model());
        QVERIFY(!labelText("positionLabel").isEmpty());
        QVERIFY(!child<QToolButton>("selectAllMatchingButton")->isEnabled());
        widget->setClient(world->client);
        tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view()->isColumnHidden(DataBrowserModel::PathColumn));
        QCOMPARE(header->hiddenSectionCount(), 1);
        // The folder is still the one browsed.
        QCOMPARE(lister()->folderPath(), world->bulkFolder);
        QVERIFY(settled());
        QVERIFY(model()->rowCount() > 0);
    }

    void scrollingToTheEndReadsTheNextPage() {
        widget->setProject(world->projectId);
        QVERIFY(settled());
        QVERIFY(lister()->setPageSize(100));
        widget->navigator()->navigateTo(world->bulkFolder);
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 100);
        QCOMPARE(labelText("positionLabel"), lister()->positionText());
        QVERIFY(labelText("positionLabel").contains(QStringLiteral("100")));
        // Rows have one fixed height: nothing measures them.
        QCOMPARE(view()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
        QCOMPARE(view()->rowHeight(0), view()->rowHeight(99));

        QScrollBar *bar = view()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0); // the view lays the rows out a moment later
        // Laid out without reaching the end: no page was asked for.
        QVERIFY(!lister()->isLoading());
        QCOMPARE(model()->rowCount(), 100);
        bar->setValue(bar->maximum());
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 200, Timeout);
        QVERIFY(settled());
        QCOMPARE(labelText("positionLabel"), lister()->positionText());
        bar->setValue(bar->maximum());
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 300, Timeout);
    }

    void selectsAcrossPagesDragsAndRequestsTagging() {
        widget->setProject(world->projectId);
        QVERIFY(settled());
        QVERIFY(lister()->setPageSize(100));
        widget->navigator()->navigateTo(world->bulkFolder);
        QVERIFY(settled());
        auto *tag = child<QPushButton>("tagSelectedButton");
        QVERIFY(!tag->isEnabled());
        QSignalSpy requested(widget.get(), &ui::BrowserWidget::tagRequested);
        ica::test::StatusSpy messages;
        widget->requestTagging();
        QCOMPARE(requested.count(), 0); // nothing selected
        QVERIFY(!messages.isEmpty());

        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rowCenter(10));
        QCOMPARE(widget->selectedItems().size(), 1);
        QCOMPARE(labelText("selectionLabel"), QStringLiteral("1 selected"));
        QVERIFY(tag->isEnabled());

        // Scroll on until row 250 is loaded, then shift-click it.
        QVERIFY(scrollPast(250));
        view()->scrollTo(model()->index(250, 0));
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::ShiftModifier, rowCenter(250));
        const QList<ProjectData> selected = widget->selectedItems();
        QCOMPARE(selected.size(), 241);
        QStringList expectedIds;
        for (int row = 10; row <= 250; ++row)
            expectedIds.append(model()->itemAt(row).id);
        QStringList ids;
        for (const ProjectData &item : selected)
            ids.append(item.id);
        QCOMPARE(ids, expectedIds);
        QCOMPARE(labelText("selectionLabel"), QStringLiteral("%L1 selected").arg(241));

        // What a drag carries: the IDs of the rows, once each, in row order.
        const QModelIndexList indexes = view()->selectionModel()->selectedIndexes();
        QVERIFY(indexes.size() > 241); // every column of each row
        QVERIFY(model()->flags(indexes.first()) & Qt::ItemIsDragEnabled);
        QVERIFY(model()->mimeTypes().contains(DataIdsMime::type()));
        QVERIFY(model()->mimeTypes().contains(QStringLiteral("text/plain")));
        std::unique_ptr<QMimeData> mime(model()->mimeData(indexes));
        QCOMPARE(DataIdsMime::ids(mime.get()), expectedIds);
        QCOMPARE(mime->text(), expectedIds.join(QLatin1Char('\n')));
        QCOMPARE(view()->dragDropMode(), QAbstractItemView::DragOnly);
        QVERIFY(view()->dragEnabled());

        tag->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), world->projectId);
        const auto items = requested.first().at(1).value<QList<ProjectData>>();
        QCOMPARE(items.size(), 241);
        QCOMPARE(items.first().id, expectedIds.first());
        QCOMPARE(items.last().id, expectedIds.last());

        // A new question drops the selection.
        child<QToolButton>("upButton")->click();
        QVERIFY(widget->selectedItems().isEmpty());
        QVERIFY(!tag->isEnabled());
    }

    void selectsAllMatchingItems() {
        widget->setProject(world->projectId);
        QVERIFY(settled());
        QVERIFY(lister()->setPageSize(50)); // fewer rows per page than items match
        widget->navigator()->navigateTo(world->bulkFolder);
        QVERIFY(settled());
        const QString tag = QStringLiteral("qc-passed");
        typeAndEnter("userTagFilter", tag);
        QVERIFY(settled());
        const int carrying = countChildren(world->bulkFolder, [&](const ica::sim::DataSnapshot &d) {
            return d.userTags.contains(tag);
        });
        QVERIFY(carrying > model()->rowCount()); // more than one page

        MatchCollector *collector = widget->selectionBar()->collector();
        QVERIFY(collector);
        QSignalSpy finished(collector, &MatchCollector::finished);
        auto *selectAll = child<QToolButton>("selectAllMatchingButton");
        QVERIFY(selectAll->isEnabled());
        selectAll->click();
        QVERIFY(collector->isRunning());
        QVERIFY(!selectAll->isEnabled());
        QVERIFY(child<QToolButton>("cancelSelectButton")->isVisible());
        QVERIFY(labelText("selectionLabel").startsWith(QStringLiteral("Selecting")));
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(collector->outcome(), MatchCollector::Outcome::Done);
        QCOMPARE(widget->selectedItems().size(), carrying);
        for (const ProjectData &item : widget->selectedItems())
            QVERIFY(item.tags.userTags.contains(tag));
        QCOMPARE(labelText("selectionLabel"),
                 QStringLiteral("All %L1 matching items selected").arg(carrying));
        QCOMPARE(view()->selectedRowNumbers().size(), qsizetype(model()->rowCount()));
        QVERIFY(!child<QToolButton>("cancelSelectButton")->isVisible());

        // Rows loaded later are selected too; the matches stay the selection.
        const int loaded = model()->rowCount();
        QVERIFY(loaded < carrying);
        QVERIFY(scrollPast(loaded));
        QCOMPARE(view()->selectedRowNumbers().size(), qsizetype(model()->rowCount()));
        QCOMPARE(widget->selectedItems().size(), carrying);

        // tagRequested carries every match.
        QSignalSpy requested(widget.get(), &ui::BrowserWidget::tagRequested);
        child<QPushButton>("tagSelectedButton")->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(1).value<QList<ProjectData>>().size(), carrying);

        // A click by the user makes the selection the rows again.
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rowCenter(view()->rowAt(5)));
        QCOMPARE(widget->selectedItems().size(), 1);
        QCOMPARE(labelText("selectionLabel"), QStringLiteral("1 selected"));

        // Cancelled: nothing selected.
        widget->selectAllMatching();
        QVERIFY(collector->isRunning());
        child<QToolButton>("cancelSelectButton")->click();
        QCOMPARE(collector->outcome(), MatchCollector::Outcome::Cancelled);
        QCOMPARE(widget->selectedItems().size(), 1);

        // More than a batch may hold: said next to the table.
        collector->setLimit(50);
        finished.clear();
        widget->selectAllMatching();
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(collector->outcome(), MatchCollector::Outcome::LimitExceeded);
        auto *message = child<ui::MessageBar>("browserMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), collector->message());
        QVERIFY(!widget->selectionBar()->isAllMatchingSelected());

        // Done again, then a new question drops the matches.
        collector->setLimit(MatchCollector::DefaultLimit);
        finished.clear();
        widget->selectAllMatching();
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(widget->selectedItems().size(), carrying);
        child<QToolButton>("clearFilterButton")->click();
        QVERIFY(widget->selectedItems().isEmpty());
        QCOMPARE(labelText("selectionLabel"), QStringLiteral("Nothing selected"));
    }

    void refreshReadsAgainWithoutReset() {
        QVERIFY(openBulkFolder());
        QSignalSpy resets(model(), &QAbstractItemModel::modelReset);
        QSignalSpy applied(lister(), &DataLister::pageApplied);
        const int before = int(world->nam.count(QStringLiteral("/data")));
        child<QToolButton>("refreshButton")->click();
        QVERIFY(lister()->isLoading());
        QVERIFY(applied.wait(Timeout));
        QVERIFY(int(world->nam.count(QStringLiteral("/data"))) > before);
        QCOMPARE(resets.count(), 0);
    }
};

QTEST_MAIN(TstBrowserTable)
#include "tst_browsertable.moc"
