// DataBrowserModel + BrowserNavigator against the simulator over loopback: browsing
// folders with breadcrumbs, back, forward and up; a folder of thousands of entries
// read page by page with fetchMore (each row once, blocks of one page); server-side
// sort by name; the name, type, tag and recursive filters; refresh as a diff after a
// batch changed tags (no reset: inserts, removals, dataChanged, a layout change for
// a new order); refreshRows(); errors; and the tag catalog fed by the listings.
#include "core/browser/browsernavigator.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/data/tagcatalog.h"
#include "tests/browser/listerwait.h"
#include "tests/support/statusspy.h"
#include "tests/support/worldtestcase.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;
using ica::test::TestWorld;

namespace {

QStringList column(const DataBrowserModel &model, int role, int col = 0) {
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, col).data(role).toString());
    return values;
}

QStringList idsOf(const DataBrowserModel &model) {
    return column(model, DataBrowserModel::DataIdRole);
}

int rowNamed(const DataBrowserModel &model, const QString &name) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.itemAt(row).name == name)
            return row;
    }
    return -1;
}

/// Structural notifications, counted.
struct Notifications {
    explicit Notifications(QAbstractItemModel *model)
        : resets(model, &QAbstractItemModel::modelReset)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , layouts(model, &QAbstractItemModel::layoutChanged)
        , moved(model, &QAbstractItemModel::rowsMoved) {}
    void clear() {
        resets.clear();
        inserted.clear();
        removed.clear();
        changed.clear();
        layouts.clear();
        moved.clear();
    }
    QSignalSpy resets;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
    QSignalSpy layouts;
    QSignalSpy moved;
};

} // namespace

class TestDataBrowserModel final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestDataBrowserModel()
        : WorldTestCase(TestWorld::bulkFolderWorld()) {}

private:
    /// The simulator's data of the children of a folder.
    QList<ica::sim::DataSnapshot> children(const QString &folder) const {
        QList<ica::sim::DataSnapshot> out;
        for (const QString &id : world->childIds(folder))
            out.append(*world->sim().data(world->projectId, id));
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(startWorld(), qPrintable(world->startError()));
        QVERIFY(world->childIds(world->bulkFolder).size() >= 3000);
    }

    void theModelOnlyHoldsRows() {
        // Passive: without a lister nothing is fetched or sorted, and the rows a lister
        // handed over stay when it goes.
        DataBrowserModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(!model.canFetchMore());
        model.fetchMore();
        model.sort(DataBrowserModel::NameColumn);
        QCOMPARE(model.rowCount(), 0);
        {
            DataLister lister(world->client, &model);
            QCOMPARE(model.pager(), &lister);
            lister.setLocation(world->projectId, world->bulkFolder); // more than a page
            QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && !lister.isLoading(), Timeout);
            QVERIFY(model.canFetchMore()); // through the lister
            QVERIFY(!lister.isComplete());
        }
        QCOMPARE(model.pager(), nullptr);
        QVERIFY(!model.canFetchMore());
        QCOMPARE(model.rowCount(), DataBrowserModel::DefaultPageSize);
    }

    void browsesFoldersWithBreadcrumbsAndHistory() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        BrowserNavigator nav;
        nav.setProject(world->projectId);
        nav.attach(&lister);
        QTRY_VERIFY_WITH_TIMEOUT(lister.isComplete(), Timeout);
        QCOMPARE(lister.folderPath(), QStringLiteral("/"));
        QStringList rootNames = column(model, Qt::DisplayRole);
        rootNames.sort();
        QCOMPARE(rootNames, QStringList({QStringLiteral("analysis"), QStringLiteral("reference"),
                                         QStringLiteral("runs")}));
        QVERIFY(model.index(0, 0).data(DataBrowserModel::IsFolderRole).toBool());

        // Into "runs" by its row, as a double click would.
        QVERIFY(nav.open(model.index(rowNamed(model, QStringLiteral("runs")), 0)));
        QCOMPARE(nav.currentPath(), QStringLiteral("/runs/"));
        QCOMPARE(lister.folderPath(), QStringLiteral("/runs/"));
        QTRY_VERIFY_WITH_TIMEOUT(lister.isComplete(), Timeout);
        QCOMPARE(model.rowCount(), world->childIds(QStringLiteral("/runs/")).size());
        static const QRegularExpression month(QStringLiteral("^\\d{4}-\\d{2}$"));
        for (const QString &name : column(model, Qt::DisplayRole))
            QVERIFY2(month.match(name).hasMatch(), qPrintable(name));

        QVERIFY(nav.navigateTo(QStringLiteral("/reference/GRCh38")));
        QTRY_VERIFY_WITH_TIMEOUT(lister.isComplete(), Timeout);
        QCOMPARE(model.rowCount(), 6);
        QStringList labels;
        for (const Breadcrumb &crumb : nav.breadcrumbs())
            labels.append(crumb.label);
        QCOMPARE(labels, QStringList({QStringLiteral("Project"), QStringLiteral("reference"),
                                      QStringLiteral("GRCh38")}));
        const int fasta = rowNamed(model, QStringLiteral("GRCh38.fa"));
        QVERIFY(fasta >= 0);
        QVERIFY(!nav.open(model.index(fasta, 0))); // a file opens nothing

        // What a row shows.
        const auto cell = [&](int col, int role = Qt::DisplayRole) {
            return model.index(fasta, col).data(role);
        };
        QCOMPARE(cell(DataBrowserModel::PathColumn).toString(),
                 QStringLiteral("/reference/GRCh38/GRCh38.fa"));
        QCOMPARE(cell(DataBrowserModel::NameColumn, DataBrowserModel::PathRole).toString(),
                 QStringLiteral("/reference/GRCh38/GRCh38.fa"));
        QVERIFY(
            cell(0, DataBrowserModel::DataIdRole).toString().startsWith(QStringLiteral("fil.")));
        QCOMPARE(cell(DataBrowserModel::TypeColumn).toString(), QStringLiteral("File"));
        QCOMPARE(cell(DataBrowserModel::FormatColumn).toString(), QStringLiteral("FASTA"));
        QCOMPARE(cell(DataBrowserModel::SizeColumn).toString(), QStringLiteral("3.3 GB"));
        QCOMPARE(cell(DataBrowserModel::SizeColumn, DataBrowserModel::SortRole).toLongLong(),
                 3273481150LL);
        QCOMPARE(
            cell(DataBrowserModel::TechnicalTagsColumn, DataBrowserModel::TagsRole).toStringList(),
            QStringList{QStringLiteral("reference:GRCh38")});
        QCOMPARE(
            cell(DataBrowserModel::NameColumn, DataBrowserModel::TechnicalTagsRole).toStringList(),
            QStringList{QStringLiteral("reference:GRCh38")});
        QVERIFY(!cell(DataBrowserModel::NameColumn, DataBrowserModel::TagsRole).isValid());
        const QString status = cell(DataBrowserModel::StatusColumn).toString();
        QVERIFY2(!status.isEmpty() && status.at(0).isUpper() &&
                     status.mid(1) == status.mid(1).toLower(),
                 qPrintable(status));
        QVERIFY(cell(DataBrowserModel::ModifiedColumn).toDateTime().isValid());

        QVERIFY(nav.back());
        QCOMPARE(lister.folderPath(), QStringLiteral("/runs/"));
        QVERIFY(nav.up());
        QCOMPARE(lister.folderPath(), QStringLiteral("/"));
        QVERIFY(nav.back());
        QCOMPARE(lister.folderPath(), QStringLiteral("/runs/"));
        QTRY_VERIFY_WITH_TIMEOUT(lister.isComplete(), Timeout);
        QCOMPARE(model.rowCount(), world->childIds(QStringLiteral("/runs/")).size());
    }

    void fetchMoreReadsALargeFolderPageByPage() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        QVERIFY(lister.setPageSize(500));
        Notifications signals_(&model);
        world->nam.urls.clear();
        lister.setLocation(world->projectId, world->bulkFolder);
        const QStringList expected = world->childIds(world->bulkFolder);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, Timeout);
        // ICA's estimate of the rest is known after the first page.
        QCOMPARE(lister.expectedCount().value_or(-1), qint64(expected.size()));
        QVERIFY(ica::test::loadAllRows(lister));

        QCOMPARE(model.rowCount(), expected.size());
        const QStringList ids = idsOf(model);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size()); // each row once
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()),
                 QSet<QString>(expected.begin(), expected.end()));
        for (int row = 0; row < ids.size(); ++row)
            QCOMPARE(model.rowOf(ids.at(row)), row);
        QCOMPARE(signals_.resets.count(), 1); // the new question only
        QVERIFY(signals_.inserted.count() >= 7);
        for (const QList<QVariant> &block : std::as_const(signals_.inserted))
            QVERIFY(block.at(2).toInt() - block.at(1).toInt() + 1 <= 500);
        const int pages = int((expected.size() + 499) / 500);
        QCOMPARE(world->nam.count(QStringLiteral("/data"), QStringLiteral("parentFolderPath=")),
                 pages);
        QVERIFY(!model.canFetchMore());
        QCOMPARE(lister.positionText(), QStringLiteral("%L1 items").arg(expected.size()));
    }

    void sortsByNameOnTheServer() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        lister.setLocation(world->projectId, world->bulkFolder);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, Timeout);
        world->nam.urls.clear();
        model.sort(DataBrowserModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(lister.sortColumn(), int(DataBrowserModel::NameColumn));
        QCOMPARE(lister.sortOrder(), Qt::DescendingOrder);
        QVERIFY(ica::test::loadAllRows(lister));
        const QStringList expected = world->childIds(world->bulkFolder);
        QCOMPARE(model.rowCount(), expected.size());
        const QStringList names = column(model, Qt::DisplayRole, DataBrowserModel::NameColumn);
        for (int i = 1; i < names.size(); ++i)
            QVERIFY2(names.at(i - 1).compare(names.at(i), Qt::CaseInsensitive) >= 0,
                     qPrintable(names.at(i - 1) + QStringLiteral(" < ") + names.at(i)));
        const QStringList ids = idsOf(model);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), expected.size());
        QVERIFY(world->nam.count(QStringLiteral("/data"), QStringLiteral("sort=name desc")) >= 1);
        QVERIFY(world->nam.count(QStringLiteral("/data"), QStringLiteral("pageOffset=")) >= 1);

        // Tags cannot be sorted by ICA: nothing is asked, the user is told.
        QVERIFY(!DataBrowserModel::canSort(DataBrowserModel::UserTagsColumn));
        QVERIFY(DataBrowserModel::canSort(DataBrowserModel::ModifiedColumn));
        ica::test::StatusSpy messages;
        const int requests = int(world->nam.urls.size());
        model.sort(DataBrowserModel::UserTagsColumn, Qt::AscendingOrder);
        QCOMPARE(lister.sortColumn(), int(DataBrowserModel::NameColumn));
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.first().first().toString().contains(QStringLiteral("cannot sort")));
        QCOMPARE(int(world->nam.urls.size()), requests);
        QVERIFY(!model.headerData(DataBrowserModel::UserTagsColumn, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());

        lister.clearSort();
        QCOMPARE(lister.sortColumn(), -1);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, Timeout);
        QVERIFY(
            !world->nam.urls.last().query(QUrl::FullyDecoded).contains(QStringLiteral("sort=")));
    }

    void nameFilterFuzzyAndExact() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        lister.setLocation(world->projectId, world->bulkFolder);
        DataFilter filter;
        filter.setName(QStringLiteral("l003"));
        filter.setNameMatch(MatchMode::Fuzzy);
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        int expected = 0;
        for (const ica::sim::DataSnapshot &child : children(world->bulkFolder))
            expected += child.name.contains(QStringLiteral("l003"), Qt::CaseInsensitive) ? 1 : 0;
        QVERIFY(expected > 0);
        QCOMPARE(model.rowCount(), expected);
        for (const QString &name : column(model, Qt::DisplayRole))
            QVERIFY2(name.contains(QStringLiteral("L003")), qPrintable(name));

        filter.setName(QStringLiteral("POOL00002_S2_L001_R2_001.fastq.gz"));
        filter.setNameMatch(MatchMode::Exact);
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.itemAt(0).name, QStringLiteral("POOL00002_S2_L001_R2_001.fastq.gz"));
        filter.setName(QStringLiteral("pool00002_s2_l001_r2_001.fastq.gz")); // EXACT minds case
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 0);
    }

    void typeFilter() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        DataFilter filter;
        filter.setType(DataQuery::Type::Folder);
        QVERIFY(lister.setFilter(filter));
        lister.setLocation(world->projectId, QStringLiteral("/reference/"));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.itemAt(0).isFolder());
        lister.setFolder(QStringLiteral("/reference/GRCh38/"));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 0);
        filter.setType(DataQuery::Type::File);
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 6);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!model.itemAt(row).isFolder());
    }

    void tagFiltersExactAndExclude() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        lister.setLocation(world->projectId, world->bulkFolder);
        const QString tag = QStringLiteral("qc-passed");
        int carrying = 0;
        const QList<ica::sim::DataSnapshot> all = children(world->bulkFolder);
        for (const ica::sim::DataSnapshot &child : all)
            carrying += child.userTags.contains(tag) ? 1 : 0;
        QVERIFY(carrying > 0);

        DataFilter filter;
        filter.setUserTags({tag});
        filter.setUserTagMatch(MatchMode::Exact);
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), carrying);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.itemAt(row).tags.userTags.contains(tag));

        filter.setUserTagMatch(MatchMode::Exclude);
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), all.size() - carrying);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!model.itemAt(row).tags.userTags.contains(tag));

        DataFilter technical;
        technical.setTechnicalTags({QStringLiteral("novaseqx")});
        technical.setTechnicalTagMatch(MatchMode::Fuzzy);
        QVERIFY(lister.setFilter(technical));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), all.size());
    }

    void recursiveSearchBelowTheFolder() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        lister.setLocation(world->projectId, QStringLiteral("/runs/"));
        DataFilter filter;
        filter.setName(QStringLiteral("SampleSheet.csv"));
        filter.setNameMatch(MatchMode::Exact);
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 0); // not in /runs/ itself
        QVERIFY(!lister.isRecursiveListing());

        filter.setRecursive(true);
        QVERIFY(lister.setFilter(filter));
        QVERIFY(lister.isRecursiveListing());
        QVERIFY(ica::test::loadAllRows(lister));
        int expected = 0;
        for (const QString &id : world->sim().fileIds(world->projectId)) {
            const auto data = world->sim().data(world->projectId, id);
            expected += data->name == QLatin1String("SampleSheet.csv") ? 1 : 0;
        }
        QVERIFY(expected > 1);
        QCOMPARE(model.rowCount(), expected);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.itemAt(row).path.startsWith(QStringLiteral("/runs/")));

        // STARTS_WITH the folder's path matches the folder too; it is left out.
        QSignalSpy received(&lister, &DataLister::dataReceived);
        filter.setName(QStringLiteral("reference"));
        filter.setNameMatch(MatchMode::Fuzzy);
        QVERIFY(lister.setFilter(filter));
        lister.setFolder(QStringLiteral("/reference/"));
        QVERIFY(ica::test::loadAllRows(lister));
        QVERIFY(!received.isEmpty());
        const auto lastAnswer = received.last().first().value<QList<ProjectData>>();
        QCOMPARE(lastAnswer.size(), 1);
        QCOMPARE(lastAnswer.first().path, QStringLiteral("/reference/"));
        QCOMPARE(model.rowCount(), 0);
    }

    void refusesAFilterIcaWouldRefuse() {
        DataBrowserModel model;
        DataLister lister(world->client, &model);
        lister.setLocation(world->projectId, QStringLiteral("/"));
        QTRY_VERIFY_WITH_TIMEOUT(lister.isComplete(), Timeout);
        ica::test::StatusSpy messages;
        DataFilter filter;
        filter.setStatuses({QStringLiteral("GONE")});
        QVERIFY(!lister.setFilter(filter));
        QCOMPARE(lister.filter(), DataFilter());
        QCOMPARE(model.rowCount(), 3); // what was shown stays
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.first().first().toString().contains(QStringLiteral("GONE")));
    }

    void refreshAppliesTheDifference() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        const QStringList ids = world->childIds(world->bulkFolder);
        const QString tag = QStringLiteral("browser-diff");
        DataFilter filter;
        filter.setUserTags({tag});
        QVERIFY(lister.setFilter(filter));
        lister.setLocation(world->projectId, world->bulkFolder);
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 0);

        Notifications signals_(&model);
        QVERIFY(world->runBatch(ids.mid(0, 5), TagUpdate{{tag}, {}}));
        QVERIFY(lister.refresh());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, Timeout);
        QTRY_VERIFY(!lister.isLoading());
        QCOMPARE(signals_.resets.count(), 0);
        QCOMPARE(signals_.inserted.count(), 1);

        signals_.clear();
        QVERIFY(world->runBatch({ids.at(1)}, TagUpdate{{}, {tag}}));
        QVERIFY(world->runBatch({ids.at(10), ids.at(11)}, TagUpdate{{tag}, {}}));
        QVERIFY(lister.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(signals_.inserted.count() > 0 && !lister.isLoading(), Timeout);
        QCOMPARE(signals_.resets.count(), 0);
        QCOMPARE(signals_.removed.count(), 1);
        QCOMPARE(signals_.inserted.count(), 1);
        QCOMPARE(idsOf(model),
                 QStringList({ids.at(0), ids.at(2), ids.at(3), ids.at(4), ids.at(10), ids.at(11)}));
    }

    void refreshShowsChangedTagsInPlace() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        QVERIFY(rig.show(world->projectId, world->bulkFolder));
        const int rows = model.rowCount();
        const QStringList touched{model.itemAt(7).id, model.itemAt(8).id, model.itemAt(2000).id};
        QPersistentModelIndex watched = model.index(2000, DataBrowserModel::UserTagsColumn);

        Notifications signals_(&model);
        QVERIFY(world->runBatch(touched, TagUpdate{{QStringLiteral("browser-refresh")}, {}},
                                TagUpdate{{QStringLiteral("pipeline:checked")}, {}}));
        QVERIFY(lister.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(signals_.changed.count() > 0 && !lister.isLoading(), Timeout);
        QCOMPARE(signals_.resets.count(), 0);
        QCOMPARE(signals_.inserted.count(), 0);
        QCOMPARE(signals_.removed.count(), 0);
        QCOMPARE(model.rowCount(), rows);
        // Rows 7-8 in one notification, row 2000 in another; only changed columns.
        QCOMPARE(signals_.changed.count(), 2);
        for (const QList<QVariant> &change : std::as_const(signals_.changed)) {
            const auto topLeft = change.at(0).value<QModelIndex>();
            const auto bottomRight = change.at(1).value<QModelIndex>();
            QVERIFY(touched.contains(model.itemAt(topLeft.row()).id));
            QVERIFY(touched.contains(model.itemAt(bottomRight.row()).id));
            QCOMPARE(topLeft.column(), int(DataBrowserModel::UserTagsColumn));
            QCOMPARE(bottomRight.column(), int(DataBrowserModel::ModifiedColumn));
        }
        QVERIFY(watched.data(DataBrowserModel::TagsRole)
                    .toStringList()
                    .contains(QStringLiteral("browser-refresh")));
        QVERIFY(model.itemAt(7).tags.technicalTags.contains(QStringLiteral("pipeline:checked")));
    }

    void refreshMovesRowsWhenTheSortOrderChanged() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        lister.setLocation(world->projectId, QStringLiteral("/reference/GRCh38/"));
        model.sort(DataBrowserModel::ModifiedColumn, Qt::AscendingOrder);
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 6);
        const QString firstId = model.itemAt(0).id;
        QPersistentModelIndex first = model.index(0, DataBrowserModel::NameColumn);

        Notifications signals_(&model);
        QVERIFY(world->runBatch({firstId}, TagUpdate{{QStringLiteral("browser-moved")}, {}}));
        QVERIFY(lister.refresh());
        // The row whose order changed moves (the engine's fewest moves), no layout change.
        QTRY_VERIFY_WITH_TIMEOUT(signals_.moved.count() > 0 && !lister.isLoading(), Timeout);
        QCOMPARE(signals_.moved.count(), 1);
        QCOMPARE(signals_.layouts.count(), 0);
        QCOMPARE(signals_.resets.count(), 0);
        QCOMPARE(signals_.inserted.count(), 0);
        QCOMPARE(signals_.removed.count(), 0);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(first.data(DataBrowserModel::DataIdRole).toString(), firstId);
        QVERIFY(first.row() > 0); // modified just now: later than the rest
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.itemAt(row - 1).timeModified <= model.itemAt(row).timeModified);
        QVERIFY(model.itemAt(first.row()).tags.userTags.contains(QStringLiteral("browser-moved")));
    }

    void refreshRowsReadsJustThoseRows() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        QVERIFY(rig.show(world->projectId, world->bulkFolder));
        const QString tag = QStringLiteral("browser-rows");
        const QStringList touched{model.itemAt(100).id, model.itemAt(300).id, model.itemAt(301).id};
        QVERIFY(world->runBatch(touched, TagUpdate{{tag}, {}}));

        Notifications signals_(&model);
        QSignalSpy done(&lister, &DataLister::rowsRefreshed);
        world->nam.urls.clear();
        const QString notLoaded = QStringLiteral("fil.%1").arg(7, 32, 10, QLatin1Char('0'));
        lister.refreshRows(touched + QStringList{notLoaded});
        QVERIFY(done.wait(Timeout));
        QCOMPARE(done.first().first().toStringList(), touched);
        QCOMPARE(world->nam.urls.size(), 1); // one call for the three IDs
        QVERIFY(world->nam.count(QStringLiteral("/data"), QStringLiteral("id=")) == 1);
        QCOMPARE(signals_.resets.count(), 0);
        QCOMPARE(signals_.removed.count(), 0);
        QCOMPARE(signals_.changed.count(), 2); // row 100, rows 300-301
        for (const QString &id : touched)
            QVERIFY(model.itemAt(model.rowOf(id)).tags.userTags.contains(tag));

        // With a tag filter, a row that lost the tag leaves the listing.
        DataFilter filter;
        filter.setUserTags({tag});
        QVERIFY(lister.setFilter(filter));
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(world->runBatch({touched.at(1)}, TagUpdate{{}, {tag}}));
        signals_.clear();
        done.clear();
        lister.refreshRows(touched);
        QVERIFY(done.wait(Timeout));
        QCOMPARE(signals_.removed.count(), 1);
        QCOMPARE(signals_.resets.count(), 0);
        QCOMPARE(idsOf(model), QStringList({touched.at(0), touched.at(2)}));
    }

    void reportsErrors() {
        ica::test::ListingRig rig(world->client);
        DataBrowserModel &model = rig.model;
        DataLister &lister = rig.lister;
        QSignalSpy errors(&lister, &DataLister::errorOccurred);
        ica::test::StatusSpy messages;
        lister.setLocation(QStringLiteral("00000000-0000-4000-8000-000000000000"),
                           QStringLiteral("/"));
        QVERIFY(errors.wait(Timeout));
        QCOMPARE(lister.lastError().httpStatus, 404);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore());
        QVERIFY(!lister.isLoading());
        QVERIFY(messages.last().first().toString().startsWith(QStringLiteral("Could not list /")));

        ica::test::StatusSpy pathMessages;
        lister.setFolder(QStringLiteral("/a/../b/"));
        QCOMPARE(pathMessages.count(), 1);
        QCOMPARE(lister.folderPath(), QStringLiteral("/"));
    }

    void catalogLearnsFromListings() {
        DataBrowserModel model;
        DataLister lister(world->client, &model);
        TagCatalog catalog;
        connect(&lister, &DataLister::dataReceived, &catalog, &TagCatalog::learnData);
        lister.setLocation(world->projectId, world->bulkFolder);
        QVERIFY(ica::test::loadAllRows(lister));
        QCOMPARE(catalog.completions(TagKind::Technical, QStringLiteral("instr")),
                 QStringList{QStringLiteral("instrument:NovaSeqX")});
        QCOMPARE(catalog.useCount(TagKind::Technical, QStringLiteral("instrument:NovaSeqX")),
                 model.rowCount());
        QVERIFY(catalog.completions(TagKind::User, QStringLiteral("qc"))
                    .contains(QStringLiteral("qc-passed")));
    }
};

QTEST_GUILESS_MAIN(TestDataBrowserModel)
#include "tst_databrowsermodel.moc"
