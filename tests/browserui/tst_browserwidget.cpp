// BrowserWidget, the data browser tab, driven through its real widgets against the
// simulator over loopback: the project list and setProject(); folders opened by
// double-click and Enter, breadcrumbs, back/forward/up (buttons and Alt+arrows);
// the filter bar (name on Enter, match modes, tags, statuses, an invalid filter);
// tag completion; server-side sort by header click (refused for tags); the column
// menu and the saved column layout; the next page read when scrolled to the end;
// shift-selection across pages, drag data and "Tag selected…"; "Select all
// matching" (done, cancelled, over the limit); refresh; another client.
#include "browser/browserfilterbar.h"
#include "browser/browsernavigator.h"
#include "browser/browserwidget.h"
#include "browser/databrowsermodel.h"
#include "browser/databrowserview.h"
#include "browser/dataidsmime.h"
#include "browser/matchcollector.h"
#include "browser/selectionbar.h"
#include "browser/tagcatalog.h"
#include "browserworld.h"
#include "composer/projectcatalog.h"
#include "composer/projectlistmodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace ica;
using icatest::BrowserWorld;

namespace {

constexpr int Timeout = 30000;

} // namespace

class TstBrowserWidget final : public QObject {
    Q_OBJECT

    std::unique_ptr<BrowserWorld> world;
    std::unique_ptr<ui::BrowserWidget> widget;
    std::unique_ptr<QAbstractItemModelTester> tester;

    template <typename T> T *child(const char *name) const {
        return widget->findChild<T *>(QLatin1String(name));
    }
    DataBrowserModel *model() const { return widget->model(); }
    ui::DataBrowserView *view() const { return widget->view(); }
    QString labelText(const char *name) const {
        const QLabel *label = child<QLabel>(name);
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    /// The question asked is answered (at least its first page).
    bool settled() const {
        return QTest::qWaitFor([this]() { return model() && !model()->isLoading(); }, Timeout);
    }
    /// Reads pages until every row is loaded.
    bool loadAll() const {
        return QTest::qWaitFor(
            [this]() {
                if (model()->canFetchMore())
                    model()->fetchMore();
                return model()->isComplete() && !model()->isLoading();
            },
            Timeout);
    }
    /// Scrolls to the end, as the user would, until more than `rows` rows are loaded.
    bool scrollPast(int rows) const {
        return QTest::qWaitFor(
            [this, rows]() {
                QScrollBar *bar = view()->verticalScrollBar();
                if (!model()->isLoading())
                    bar->setValue(bar->maximum());
                return model()->rowCount() > rows;
            },
            Timeout);
    }
    int rowNamed(const QString &name) const {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->itemAt(row).name == name)
                return row;
        }
        return -1;
    }
    /// Opens the bulk folder through the navigator and waits for its first page.
    bool openBulkFolder() {
        widget->setProject(world->projectId);
        widget->navigator()->navigateTo(world->bulkFolder);
        return settled() && model()->folderPath() == world->bulkFolder;
    }
    /// The simulator's children of `folder` that `keep` accepts.
    template <typename F> int countChildren(const QString &folder, F keep) const {
        int n = 0;
        for (const QString &id : world->childIds(folder))
            n += keep(*world->sim().data(world->projectId, id)) ? 1 : 0;
        return n;
    }
    void typeAndEnter(const char *field, const QString &text) {
        auto *edit = child<QLineEdit>(field);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    void selectComboData(const char *name, int value) {
        auto *combo = child<QComboBox>(name);
        QVERIFY(combo);
        const int index = combo->findData(value);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    }
    QPoint rowCenter(int row) const {
        return view()->visualRect(model()->index(row, DataBrowserModel::NameColumn)).center();
    }
    void clickHeader(int column) {
        QHeaderView *header = view()->horizontalHeader();
        view()->scrollTo(model()->index(0, column));
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QVERIFY(x > 0 && x < header->viewport()->width());
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }

private Q_SLOTS:
    void initTestCase() {
        world = std::make_unique<BrowserWorld>();
        QVERIFY2(world->startError().isEmpty(), qPrintable(world->startError()));
        QVERIFY(world->discover());
    }
    void init() {
        widget = std::make_unique<ui::BrowserWidget>();
        widget->resize(1200, 700);
        widget->setClient(world->client.get());
        tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    }
    void cleanup() {
        tester.reset();
        widget.reset();
    }
    void cleanupTestCase() { world.reset(); }

    void choosesProjectsFromTheList() {
        QCOMPARE(widget->objectName(), QStringLiteral("dataBrowser"));
        QCOMPARE(model()->sortColumn(), -1); // showing the table asked for no sort
        QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(), -1);
        QSignalSpy changed(widget.get(), &ui::BrowserWidget::projectChanged);
        // Chosen before the list has loaded: selected once it has.
        widget->setProject(world->projectId);
        QCOMPARE(widget->projectId(), world->projectId);
        QCOMPARE(widget->navigator()->projectId(), world->projectId);
        auto *combo = child<QComboBox>("browserProject");
        QVERIFY(combo);
        QTRY_VERIFY_WITH_TIMEOUT(combo->count() >= 2, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(combo->currentData(ProjectListModel::IdRole).toString(),
                                  world->projectId, Timeout);
        QTRY_VERIFY(!widget->projectName().isEmpty());
        QCOMPARE(widget->projectName(), combo->currentText());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toString(), world->projectId);
        QCOMPARE(changed.last().at(1).toString(), widget->projectName());

        QVERIFY(settled());
        QStringList names;
        for (int row = 0; row < model()->rowCount(); ++row)
            names.append(model()->itemAt(row).name);
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("analysis"), QStringLiteral("reference"),
                                     QStringLiteral("runs")}));
        const QList<QToolButton *> crumbs =
            child<QWidget>("breadcrumbBar")->findChildren<QToolButton *>(QStringLiteral("crumb"));
        QCOMPARE(crumbs.size(), 1);
        QCOMPARE(crumbs.first()->text(), widget->projectName());
        QCOMPARE(crumbs.first()->property("path").toString(), QStringLiteral("/"));
        QCOMPARE(labelText("positionLabel"), model()->positionText());

        // The user picks the other project with the keyboard.
        const int current = combo->currentIndex();
        const int other = widget->projectCatalog()->model()->rowOf(world->otherProjectId);
        QVERIFY(other >= 0 && other != current);
        combo->setFocus();
        for (int i = 0; i < qAbs(other - current); ++i)
            QTest::keyClick(combo, other > current ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(widget->projectId(), world->otherProjectId);
        QCOMPARE(model()->projectId(), world->otherProjectId);
        QCOMPARE(changed.last().at(0).toString(), world->otherProjectId);
        QCOMPARE(changed.last().at(1).toString(), combo->currentText());
        QVERIFY(settled());
        QVERIFY(model()->rowCount() > 0);
    }

    void opensFoldersAndGoesBackAndUp() {
        widget->setProject(world->projectId);
        QVERIFY(settled());
        auto *back = child<QToolButton>("backButton");
        auto *forward = child<QToolButton>("forwardButton");
        auto *up = child<QToolButton>("upButton");
        QVERIFY(!back->isEnabled() && !forward->isEnabled() && !up->isEnabled());

        // Into "runs" with a double-click.
        const int runs = rowNamed(QStringLiteral("runs"));
        QVERIFY(runs >= 0);
        // As a real double-click comes: click, press, double-click (QTest::mouseDClick
        // alone sends no press, and the view only takes a double-click on the row pressed).
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rowCenter(runs));
        QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, rowCenter(runs));
        QTest::mouseDClick(view()->viewport(), Qt::LeftButton, {}, rowCenter(runs));
        QCOMPARE(widget->navigator()->currentPath(), QStringLiteral("/runs/"));
        QVERIFY(back->isEnabled() && up->isEnabled() && !forward->isEnabled());

        // Down to the bulk folder with Enter, one folder at a time.
        const QStringList segments =
            world->bulkFolder.split(QLatin1Char('/'), Qt::SkipEmptyParts).mid(1);
        QVERIFY(segments.size() >= 2);
        for (const QString &segment : segments) {
            QVERIFY(settled());
            const int row = rowNamed(segment);
            QVERIFY2(row >= 0, qPrintable(segment));
            view()->setCurrentIndex(model()->index(row, 0));
            QTest::keyClick(view(), Qt::Key_Return);
        }
        QCOMPARE(model()->folderPath(), world->bulkFolder);
        QVERIFY(settled());
        QVERIFY(model()->rowCount() > 0);

        // A file opens nothing.
        view()->setCurrentIndex(model()->index(0, 0));
        QVERIFY(!model()->itemAt(0).isFolder());
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(model()->folderPath(), world->bulkFolder);

        // The breadcrumbs: root, runs, then each segment; a click goes there.
        QList<QToolButton *> crumbs =
            child<QWidget>("breadcrumbBar")->findChildren<QToolButton *>(QStringLiteral("crumb"));
        QCOMPARE(crumbs.size(), segments.size() + 2);
        QCOMPARE(crumbs.last()->property("path").toString(), world->bulkFolder);
        QCOMPARE(crumbs.at(1)->property("path").toString(), QStringLiteral("/runs/"));
        crumbs.at(1)->click();
        QCOMPARE(model()->folderPath(), QStringLiteral("/runs/"));
        QTRY_COMPARE(child<QWidget>("breadcrumbBar")
                         ->findChildren<QToolButton *>(QStringLiteral("crumb"))
                         .size(),
                     2);

        back->click();
        QCOMPARE(model()->folderPath(), world->bulkFolder);
        QVERIFY(forward->isEnabled());
        up->click();
        QCOMPARE(model()->folderPath(),
                 world->bulkFolder.left(world->bulkFolder.lastIndexOf(QLatin1Char('/'), -2) + 1));
        back->click();
        QCOMPARE(model()->folderPath(), world->bulkFolder);
        forward->click();
        QVERIFY(model()->folderPath() != world->bulkFolder);

        // The keyboard shortcuts, once the window is active (a button's shortcut
        // "animates" the click: it comes a moment later).
        const QString parent =
            world->bulkFolder.left(world->bulkFolder.lastIndexOf(QLatin1Char('/'), -2) + 1);
        widget->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(widget.get()));
        view()->setFocus();
        QTest::keyClick(view(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(model()->folderPath(), world->bulkFolder);
        QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(model()->folderPath(), parent);
        QTest::keyClick(view(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(model()->folderPath(), world->bulkFolder);
        QTest::keyClick(view(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(model()->folderPath(), parent);
        QCOMPARE(widget->navigator()->backHistory().first(), world->bulkFolder);
    }

    void filtersByNameOnEnter() {
        QVERIFY(openBulkFolder());
        typeAndEnter("nameFilter", QStringLiteral("l003"));
        QCOMPARE(model()->filter().name(), QStringLiteral("l003"));
        QCOMPARE(model()->filter().nameMatch(), MatchMode::Fuzzy);
        QVERIFY(loadAll());
        const int expected = countChildren(world->bulkFolder, [](const icasim::DataSnapshot &d) {
            return d.name.contains(QStringLiteral("l003"), Qt::CaseInsensitive);
        });
        QVERIFY(expected > 0);
        QCOMPARE(model()->rowCount(), expected);
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY2(model()->itemAt(row).name.contains(QStringLiteral("L003")),
                     qPrintable(model()->itemAt(row).name));

        // Typing alone applies nothing; a match mode applies at once.
        const QString exactName = QStringLiteral("POOL00002_S2_L001_R2_001.fastq.gz");
        auto *name = child<QLineEdit>("nameFilter");
        name->setText(exactName);
        QCOMPARE(model()->filter().name(), QStringLiteral("l003"));
        selectComboData("nameMatch", int(MatchMode::Exact));
        QCOMPARE(model()->filter().name(), exactName);
        QCOMPARE(model()->filter().nameMatch(), MatchMode::Exact);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->itemAt(0).name, exactName);

        // A filter ICA would refuse: said next to the table, the rows stay.
        typeAndEnter("nameFilter", QStringLiteral("a/b"));
        auto *message = child<QLabel>("browserMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("cannot contain")),
                 qPrintable(message->text()));
        QCOMPARE(model()->filter().name(), exactName);
        QCOMPARE(model()->rowCount(), 1);

        child<QToolButton>("clearFilterButton")->click();
        QVERIFY(model()->filter().isEmpty());
        QVERIFY(child<QLineEdit>("nameFilter")->text().isEmpty());
        QVERIFY(!message->isVisible());
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(world->bulkFolder).size());
    }

    void filtersByTagsStatusTypeAndSubfolders() {
        QVERIFY(openBulkFolder());
        const QString tag = QStringLiteral("qc-passed");
        const int carrying = countChildren(world->bulkFolder, [&](const icasim::DataSnapshot &d) {
            return d.userTags.contains(tag);
        });
        QVERIFY(carrying > 0);
        typeAndEnter("userTagFilter", tag + QStringLiteral(", "));
        QCOMPARE(model()->filter().userTags(), QStringList{tag});
        QCOMPARE(model()->filter().userTagMatch(), MatchMode::Exact);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), carrying);
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY(model()->itemAt(row).tags.userTags.contains(tag));

        selectComboData("userTagMatch", int(MatchMode::Exclude));
        QCOMPARE(model()->filter().userTagMatch(), MatchMode::Exclude);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(world->bulkFolder).size() - carrying);
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY(!model()->itemAt(row).tags.userTags.contains(tag));
        child<QToolButton>("clearFilterButton")->click();

        typeAndEnter("technicalTagFilter", QStringLiteral("novaseqx"));
        selectComboData("technicalTagMatch", int(MatchMode::Fuzzy));
        QCOMPARE(model()->filter().technicalTags(), QStringList{QStringLiteral("novaseqx")});
        QCOMPARE(model()->filter().technicalTagMatch(), MatchMode::Fuzzy);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(world->bulkFolder).size());
        child<QToolButton>("clearFilterButton")->click();

        // Statuses from the menu, formats on Enter.
        auto *statusButton = child<QToolButton>("statusFilter");
        QAction *available =
            statusButton->menu()->findChild<QAction *>(QStringLiteral("status_AVAILABLE"));
        QVERIFY(available);
        available->trigger();
        QCOMPARE(model()->filter().statuses(), QStringList{QStringLiteral("AVAILABLE")});
        QVERIFY(statusButton->text().contains(QStringLiteral("Available")));
        typeAndEnter("formatFilter", QStringLiteral("fastq, bam"));
        QCOMPARE(model()->filter().formatCodes(),
                 QStringList({QStringLiteral("FASTQ"), QStringLiteral("BAM")}));
        QVERIFY(loadAll());
        const int available_ = countChildren(world->bulkFolder, [](const icasim::DataSnapshot &d) {
            return d.status == QLatin1String("AVAILABLE");
        });
        QCOMPARE(model()->rowCount(), available_);
        child<QToolButton>("clearFilterButton")->click();
        QVERIFY(!available->isChecked());

        // Folders only, at the root; then a name searched in every subfolder.
        widget->navigator()->navigateTo(QStringLiteral("/runs/"));
        selectComboData("typeFilter", int(DataQuery::Type::Folder));
        QCOMPARE(model()->filter().type(), DataQuery::Type::Folder);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(QStringLiteral("/runs/")).size());
        selectComboData("typeFilter", int(DataQuery::Type::Any));
        selectComboData("nameMatch", int(MatchMode::Exact));
        typeAndEnter("nameFilter", QStringLiteral("SampleSheet.csv"));
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), 0);
        child<QCheckBox>("recursiveCheck")->click();
        QVERIFY(model()->filter().recursive());
        QVERIFY(model()->isRecursiveListing());
        QVERIFY(loadAll());
        QVERIFY(model()->rowCount() > 1);
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->itemAt(row).name, QStringLiteral("SampleSheet.csv"));

        // setFilter() shows a filter without applying it.
        DataFilter shown;
        shown.setUserTags({QStringLiteral("x"), QStringLiteral("y")});
        shown.setUserTagMatch(MatchMode::Fuzzy);
        auto *bar = widget->filterBar();
        QSignalSpy edited(bar, &ui::BrowserFilterBar::filterEdited);
        bar->setFilter(shown);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(bar->filter(), shown);
        QCOMPARE(child<QLineEdit>("userTagFilter")->text(), QStringLiteral("x, y"));
    }

    void completesTagsFromTheCatalog() {
        TagCatalog catalog;
        widget->setTagCatalog(&catalog);
        QVERIFY(openBulkFolder());
        QTRY_VERIFY(catalog.useCount(TagKind::User, QStringLiteral("qc-passed")) > 0);
        auto *edit = child<QLineEdit>("userTagFilter");
        QCompleter *completer = edit->completer();
        QVERIFY(completer);
        QCOMPARE(completer->filterMode(), Qt::MatchContains);
        QCOMPARE(completer->caseSensitivity(), Qt::CaseInsensitive);
        QVERIFY(child<QLineEdit>("technicalTagFilter")->completer());
        // The tag after the last comma is completed; the ones before stay.
        edit->setText(QStringLiteral("first, QC-PA"));
        completer->setCompletionPrefix(edit->text());
        QVERIFY(completer->completionCount() > 0);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("first, qc-passed"));
        const int row = catalog.tags(TagKind::User).indexOf(QStringLiteral("qc-passed"));
        QVERIFY(row >= 0);
        QCOMPARE(completer->pathFromIndex(completer->model()->index(row, 0)),
                 QStringLiteral("first, qc-passed"));
        widget->setTagCatalog(nullptr);
        QVERIFY(!edit->completer());
    }

    void sortsByHeaderClickButNotByTags() {
        QVERIFY(openBulkFolder());
        QSignalSpy resets(model(), &QAbstractItemModel::modelReset);
        clickHeader(DataBrowserModel::NameColumn);
        QCOMPARE(model()->sortColumn(), int(DataBrowserModel::NameColumn));
        QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(),
                 int(DataBrowserModel::NameColumn));
        QCOMPARE(resets.count(), 1);
        QVERIFY(settled());
        QCOMPARE(view()->horizontalHeader()->sortIndicatorOrder(), model()->sortOrder());
        const int direction = model()->sortOrder() == Qt::AscendingOrder ? 1 : -1;
        for (int row = 1; row < model()->rowCount(); ++row)
            QVERIFY(direction * model()->itemAt(row - 1).name.compare(model()->itemAt(row).name,
                                                                      Qt::CaseInsensitive) <=
                    0);
        const Qt::SortOrder order = model()->sortOrder();
        clickHeader(DataBrowserModel::NameColumn);
        QVERIFY(model()->sortOrder() != order);

        // ICA cannot sort by tags: nothing is asked, the indicator stays, the user is told.
        resets.clear();
        clickHeader(DataBrowserModel::UserTagsColumn);
        QCOMPARE(model()->sortColumn(), int(DataBrowserModel::NameColumn));
        QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(),
                 int(DataBrowserModel::NameColumn));
        QCOMPARE(view()->horizontalHeader()->sortIndicatorOrder(), model()->sortOrder());
        QCOMPARE(resets.count(), 0);
        auto *message = child<QLabel>("browserMessage");
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
        QCOMPARE(model()->sortColumn(), -1);
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
        widget->setClient(world->client.get());
        tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view()->isColumnHidden(DataBrowserModel::PathColumn));
        QCOMPARE(header->hiddenSectionCount(), 1);
        // The folder is still the one browsed.
        QCOMPARE(model()->folderPath(), world->bulkFolder);
        QVERIFY(settled());
        QVERIFY(model()->rowCount() > 0);
    }

    void scrollingToTheEndReadsTheNextPage() {
        widget->setProject(world->projectId);
        QVERIFY(settled());
        QVERIFY(model()->setPageSize(100));
        widget->navigator()->navigateTo(world->bulkFolder);
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 100);
        QCOMPARE(labelText("positionLabel"), model()->positionText());
        QVERIFY(labelText("positionLabel").contains(QStringLiteral("100")));
        // Rows have one fixed height: nothing measures them.
        QCOMPARE(view()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
        QCOMPARE(view()->rowHeight(0), view()->rowHeight(99));

        QScrollBar *bar = view()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0); // the view lays the rows out a moment later
        // Laid out without reaching the end: no page was asked for.
        QVERIFY(!model()->isLoading());
        QCOMPARE(model()->rowCount(), 100);
        bar->setValue(bar->maximum());
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 200, Timeout);
        QVERIFY(settled());
        QCOMPARE(labelText("positionLabel"), model()->positionText());
        bar->setValue(bar->maximum());
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 300, Timeout);
    }

    void selectsAcrossPagesDragsAndRequestsTagging() {
        widget->setProject(world->projectId);
        QVERIFY(settled());
        QVERIFY(model()->setPageSize(100));
        widget->navigator()->navigateTo(world->bulkFolder);
        QVERIFY(settled());
        auto *tag = child<QPushButton>("tagSelectedButton");
        QVERIFY(!tag->isEnabled());
        QSignalSpy requested(widget.get(), &ui::BrowserWidget::tagRequested);
        QSignalSpy messages(widget.get(), &ui::BrowserWidget::statusMessage);
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
        QVERIFY(model()->setPageSize(50)); // fewer rows per page than items match
        widget->navigator()->navigateTo(world->bulkFolder);
        QVERIFY(settled());
        const QString tag = QStringLiteral("qc-passed");
        typeAndEnter("userTagFilter", tag);
        QVERIFY(settled());
        const int carrying = countChildren(world->bulkFolder, [&](const icasim::DataSnapshot &d) {
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
        auto *message = child<QLabel>("browserMessage");
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
        QSignalSpy applied(model(), &DataBrowserModel::pageApplied);
        const int before = int(world->nam.count(QStringLiteral("/data")));
        child<QToolButton>("refreshButton")->click();
        QVERIFY(model()->isLoading());
        QVERIFY(applied.wait(Timeout));
        QVERIFY(int(world->nam.count(QStringLiteral("/data"))) > before);
        QCOMPARE(resets.count(), 0);
    }

    void unknownProjectIsReported() {
        widget->setProject(QStringLiteral("00000000-0000-4000-8000-0000000000ff"));
        auto *message = child<QLabel>("browserMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), Timeout);
        QVERIFY(!message->text().isEmpty());
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 0);
    }
};

QTEST_MAIN(TstBrowserWidget)
#include "tst_browserwidget.moc"
