// The browser's parts that need no server: DataFilter (normalizing setters, the
// query it builds, validation), folder paths, BrowserNavigator's history and
// breadcrumbs, TagCatalog's counting and completions with its list model,
// TagPreview's before/after rules, DataLookup's URL chunking, PathResolver's line
// test and the cell formats.
#include "core/browser/browserformat.h"
#include "core/browser/browsernavigator.h"
#include "core/browser/datafilter.h"
#include "core/browser/tagpreview.h"
#include "core/data/datalookup.h"
#include "core/data/folderpath.h"
#include "core/data/pathresolver.h"
#include "core/data/tagcatalog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace ica;

namespace {

ProjectData item(const QString &id, const QString &path, const QStringList &userTags,
                 const QStringList &technicalTags = {}) {
    ProjectData d;
    d.id = id;
    d.path = path;
    const bool folder = path.endsWith(QLatin1Char('/'));
    d.type = folder ? ProjectData::Type::Folder : ProjectData::Type::File;
    d.typeText = folder ? QStringLiteral("FOLDER") : QStringLiteral("FILE");
    d.name = folderpath::segments(path).value(folderpath::segments(path).size() - 1);
    d.tags.userTags = userTags;
    d.tags.technicalTags = technicalTags;
    return d;
}

QStringList tagsInModel(const QAbstractItemModel &model) {
    QStringList tags;
    for (int row = 0; row < model.rowCount(); ++row)
        tags.append(model.index(row, 0).data().toString());
    return tags;
}

} // namespace

class TestBrowserUnits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filterSettersNormalizeAndReportChanges() {
        DataFilter filter;
        QVERIFY(filter.isEmpty());
        QVERIFY(filter.setName(QStringLiteral("  bam ")));
        QCOMPARE(filter.name(), QStringLiteral("bam"));
        QVERIFY(!filter.setName(QStringLiteral("bam")));
        QVERIFY(filter.setStatuses({QStringLiteral("available"), QStringLiteral(" ARCHIVED"),
                                    QStringLiteral("available"), QString()}));
        QCOMPARE(filter.statuses(),
                 QStringList({QStringLiteral("AVAILABLE"), QStringLiteral("ARCHIVED")}));
        QVERIFY(!filter.setStatuses({QStringLiteral("AVAILABLE"), QStringLiteral("ARCHIVED")}));
        QVERIFY(filter.setUserTags(
            {QStringLiteral("a"), QStringLiteral(" "), QStringLiteral("a"), QStringLiteral("B")}));
        QCOMPARE(filter.userTags(), QStringList({QStringLiteral("a"), QStringLiteral("B")}));
        QVERIFY(filter.setUserTagMatch(MatchMode::Exclude));
        QVERIFY(!filter.setUserTagMatch(MatchMode::Exclude));
        QVERIFY(filter.setRecursive(true));
        QVERIFY(filter.hasSearchTerms());
        QVERIFY(filter.isRecursiveListing());
        QVERIFY(filter.clear());
        QVERIFY(filter.isEmpty());
        QVERIFY(filter.recursive()); // the choice survives clearing the terms
        QVERIFY(!filter.isRecursiveListing());
        QVERIFY(!filter.clear());
        QVERIFY(filter.setType(DataQuery::Type::Folder));
        QVERIFY(!filter.isEmpty());
        QVERIFY(!filter.hasSearchTerms());
    }

    void filterBuildsTheListingQuery() {
        DataFilter filter;
        filter.setRecursive(true);
        // No search term: the folder alone, even when recursive.
        DataQuery q = filter.query(QStringLiteral("/runs/"));
        QCOMPARE(q.parentFolderPath, QStringLiteral("/runs/"));
        QVERIFY(q.filePaths.isEmpty());

        filter.setName(QStringLiteral("bam"));
        filter.setUserTags({QStringLiteral("qc-passed")});
        filter.setTechnicalTags({QStringLiteral("run:")});
        filter.setTechnicalTagMatch(MatchMode::Fuzzy);
        filter.setFormatCodes({QStringLiteral("bam")});
        q = filter.query(QStringLiteral("/runs/"));
        QVERIFY(q.parentFolderPath.isEmpty());
        QCOMPARE(q.filePaths, QStringList{QStringLiteral("/runs/")});
        QCOMPARE(q.filePathMatch, DataQuery::PathMatch::StartsWith);
        QueryParams params;
        q.addTo(params);
        QCOMPARE(params.values(QStringLiteral("filePathMatchMode")),
                 QStringList{QStringLiteral("STARTS_WITH_CASE_INSENSITIVE")});
        QCOMPARE(params.values(QStringLiteral("filename")), QStringList{QStringLiteral("bam")});
        QCOMPARE(params.values(QStringLiteral("filenameMatchMode")),
                 QStringList{QStringLiteral("FUZZY")});
        QCOMPARE(params.values(QStringLiteral("userTagMatchMode")),
                 QStringList{QStringLiteral("EXACT")});
        QCOMPARE(params.values(QStringLiteral("technicalTagMatchMode")),
                 QStringList{QStringLiteral("FUZZY")});
        QCOMPARE(params.values(QStringLiteral("formatCode")), QStringList{QStringLiteral("BAM")});

        // A recursive search of the root has no path filter at all.
        q = filter.query(QStringLiteral("/"));
        QVERIFY(q.parentFolderPath.isEmpty());
        QVERIFY(q.filePaths.isEmpty());

        filter.setRecursive(false);
        q = filter.query(QStringLiteral("/runs/"));
        QCOMPARE(q.parentFolderPath, QStringLiteral("/runs/"));
        QVERIFY(q.filePaths.isEmpty());
    }

    void filterValidatesAndSummarizes() {
        DataFilter filter;
        QVERIFY(filter.validate().isEmpty());
        QCOMPARE(filter.summary(), QStringLiteral("no filter"));
        filter.setStatuses({QStringLiteral("AVAILABLE"), QStringLiteral("gone")});
        const QString problem = filter.validate();
        QVERIFY2(problem.contains(QStringLiteral("\"GONE\"")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("ARCHIVED")), qPrintable(problem));
        QCOMPARE(filter.statuses().size(), 2); // nothing typed is lost
        filter.setStatuses({});
        filter.setName(QStringLiteral("runs/x"));
        QVERIFY(filter.validate().contains(QStringLiteral("\"/\"")));
        filter.setName(QStringLiteral("bam"));
        filter.setUserTags({QStringLiteral("tumor"), QStringLiteral("normal")});
        filter.setUserTagMatch(MatchMode::Exclude);
        filter.setRecursive(true);
        const QString summary = filter.summary();
        QVERIFY2(summary.contains(QStringLiteral("name contains \"bam\"")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("user tag is not \"tumor\" or \"normal\"")),
                 qPrintable(summary));
        QVERIFY2(summary.endsWith(QStringLiteral("in all subfolders")), qPrintable(summary));
    }

    void folderPaths_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("parent");
        QTest::newRow("root") << QString() << QStringLiteral("/") << QStringLiteral("/");
        QTest::newRow("slash") << QStringLiteral("/") << QStringLiteral("/") << QStringLiteral("/");
        QTest::newRow("relative") << QStringLiteral("runs/x") << QStringLiteral("/runs/x/")
                                  << QStringLiteral("/runs/");
        QTest::newRow("doubled") << QStringLiteral(" //runs//x/ ") << QStringLiteral("/runs/x/")
                                 << QStringLiteral("/runs/");
        QTest::newRow("top") << QStringLiteral("/runs/") << QStringLiteral("/runs/")
                             << QStringLiteral("/");
        QTest::newRow("dotdot") << QStringLiteral("/runs/../x/") << QString() << QString();
    }

    void folderPaths() {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QFETCH(QString, parent);
        QCOMPARE(folderpath::normalize(input), normalized);
        if (!normalized.isEmpty())
            QCOMPARE(folderpath::parent(normalized), parent);
    }

    void folderContainsIgnoresCase() {
        QVERIFY(folderpath::contains(QStringLiteral("/Runs/"), QStringLiteral("/runs/x/a.bam")));
        QVERIFY(folderpath::contains(QStringLiteral("/runs/"), QStringLiteral("/runs/")));
        QVERIFY(!folderpath::contains(QStringLiteral("/runs/x/"), QStringLiteral("/runs/")));
    }

    void navigatorHistoryAndBreadcrumbs() {
        BrowserNavigator nav;
        QSignalSpy paths(&nav, &BrowserNavigator::currentPathChanged);
        QSignalSpy messages(&nav, &BrowserNavigator::problem);
        nav.setProject(QStringLiteral("p1"));
        QCOMPARE(nav.currentPath(), QStringLiteral("/"));
        QVERIFY(!nav.canGoBack());
        QVERIFY(!nav.canGoUp());
        QVERIFY(!nav.up());

        QVERIFY(nav.navigateTo(QStringLiteral("/runs/")));
        QVERIFY(!nav.navigateTo(QStringLiteral("runs"))); // the same folder
        QVERIFY(nav.navigateTo(QStringLiteral("/runs/2026-11")));
        QCOMPARE(nav.currentPath(), QStringLiteral("/runs/2026-11/"));
        const QList<Breadcrumb> crumbs = nav.breadcrumbs();
        QCOMPARE(crumbs.size(), 3);
        QCOMPARE(crumbs.at(0), (Breadcrumb{QStringLiteral("Project"), QStringLiteral("/")}));
        QCOMPARE(crumbs.at(1), (Breadcrumb{QStringLiteral("runs"), QStringLiteral("/runs/")}));
        QCOMPARE(crumbs.at(2),
                 (Breadcrumb{QStringLiteral("2026-11"), QStringLiteral("/runs/2026-11/")}));
        nav.setRootLabel(QStringLiteral("WGS"));
        QCOMPARE(nav.breadcrumbs().first().label, QStringLiteral("WGS"));

        QVERIFY(nav.back());
        QCOMPARE(nav.currentPath(), QStringLiteral("/runs/"));
        QVERIFY(nav.canGoForward());
        QVERIFY(nav.forward());
        QCOMPARE(nav.currentPath(), QStringLiteral("/runs/2026-11/"));
        QVERIFY(!nav.forward());
        QVERIFY(nav.up());
        QCOMPARE(nav.currentPath(), QStringLiteral("/runs/"));
        QCOMPARE(nav.backHistory().first(), QStringLiteral("/runs/2026-11/"));
        QVERIFY(nav.back());
        QVERIFY(nav.canGoForward());
        // A new folder ends the forward history, as in a file manager.
        QVERIFY(nav.navigateTo(QStringLiteral("/analysis/")));
        QVERIFY(!nav.canGoForward());
        QCOMPARE(paths.count(), 7);
        QCOMPARE(paths.last().first().toString(), QStringLiteral("/analysis/"));

        QVERIFY(!nav.navigateTo(QStringLiteral("/runs/../etc/")));
        QCOMPARE(nav.currentPath(), QStringLiteral("/analysis/"));
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.first().first().toString().contains(QStringLiteral("..")));

        nav.setProject(QStringLiteral("p2"));
        QCOMPARE(nav.currentPath(), QStringLiteral("/"));
        QVERIFY(!nav.canGoBack());
        QVERIFY(!nav.canGoForward());
    }

    void navigatorKeepsABoundedHistory() {
        BrowserNavigator nav;
        for (int i = 0; i < BrowserNavigator::MaxHistory + 20; ++i)
            QVERIFY(nav.navigateTo(QStringLiteral("/f%1/").arg(i)));
        QCOMPARE(nav.backHistory().size(), BrowserNavigator::MaxHistory);
    }

    void catalogOffersMostUsedFirst() {
        TagCatalog catalog;
        QSignalSpy changed(&catalog, &TagCatalog::tagsChanged);
        const QList<ProjectData> items{
            item(QStringLiteral("fil.1"), QStringLiteral("/a"), {QStringLiteral("qc-passed")}),
            item(QStringLiteral("fil.2"), QStringLiteral("/b"),
                 {QStringLiteral("qc-passed"), QStringLiteral("cohort-A")},
                 {QStringLiteral("run:R1")}),
            item(QStringLiteral("fil.3"), QStringLiteral("/c"),
                 {QStringLiteral("qc-passed"), QStringLiteral("cohort-A")}),
            item(QStringLiteral("fil.4"), QStringLiteral("/d"), {QStringLiteral("tumor")}),
        };
        catalog.learnData(items);
        QCOMPARE(changed.count(), 2); // user and technical
        QCOMPARE(catalog.completions(TagKind::User, QString()),
                 QStringList({QStringLiteral("qc-passed"), QStringLiteral("cohort-A"),
                              QStringLiteral("tumor")}));
        QCOMPARE(catalog.completions(TagKind::User, QStringLiteral("COH")),
                 QStringList{QStringLiteral("cohort-A")});
        // Tags starting with the prefix first, then those containing it.
        QCOMPARE(catalog.completions(TagKind::User, QStringLiteral("c")),
                 QStringList({QStringLiteral("cohort-A"), QStringLiteral("qc-passed")}));
        QCOMPARE(catalog.completions(TagKind::User, QString(), 1),
                 QStringList{QStringLiteral("qc-passed")});
        QCOMPARE(catalog.completions(TagKind::Technical, QStringLiteral("run")),
                 QStringList{QStringLiteral("run:R1")});

        // Seeing the same items again (a refresh) counts nothing twice.
        changed.clear();
        catalog.learnData(items);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(catalog.useCount(TagKind::User, QStringLiteral("qc-passed")), 3);

        // An item seen with other tags moves its count.
        catalog.learnData(
            {item(QStringLiteral("fil.1"), QStringLiteral("/a"), {QStringLiteral("tumor")})});
        QCOMPARE(catalog.useCount(TagKind::User, QStringLiteral("qc-passed")), 2);
        QCOMPARE(catalog.useCount(TagKind::User, QStringLiteral("tumor")), 2);

        // What the user types counts too, once per call and tag.
        catalog.learnInput(TagKind::User, {QStringLiteral("tumor"), QStringLiteral(" tumor "),
                                           QStringLiteral("fresh")});
        QCOMPARE(catalog.useCount(TagKind::User, QStringLiteral("tumor")), 3);
        QCOMPARE(catalog.completions(TagKind::User, QString()).first(), QStringLiteral("tumor"));
        QCOMPARE(catalog.tagCount(TagKind::User), 4);
        catalog.clear();
        QCOMPARE(catalog.tagCount(TagKind::User), 0);
    }

    void completionModelFollowsTheCatalog() {
        TagCatalog catalog;
        catalog.learnData({item(QStringLiteral("fil.1"), QStringLiteral("/a"),
                                {QStringLiteral("alpha"), QStringLiteral("beta")})});
        TagCompletionModel model(&catalog, TagKind::User);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(tagsInModel(model),
                 QStringList({QStringLiteral("alpha"), QStringLiteral("beta")}));
        QPersistentModelIndex beta = model.index(1, 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // beta becomes the most used, gamma is new.
        catalog.learnData(
            {item(QStringLiteral("fil.2"), QStringLiteral("/b"),
                  {QStringLiteral("beta"), QStringLiteral("gamma")}),
             item(QStringLiteral("fil.3"), QStringLiteral("/c"), {QStringLiteral("beta")})});
        QCOMPARE(tagsInModel(model), QStringList({QStringLiteral("beta"), QStringLiteral("alpha"),
                                                  QStringLiteral("gamma")}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(layout.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(beta.row(), 0);
        QCOMPARE(beta.data(TagCompletionModel::UseCountRole).toInt(), 3);
        QCOMPARE(model.index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("beta"));

        // The other kind does not disturb this model.
        catalog.learnInput(TagKind::Technical, {QStringLiteral("lab:x")});
        QCOMPARE(model.rowCount(), 3);
    }

    void applyTagUpdateRemovesThenAdds() {
        TagUpdate update;
        update.removeTags = {QStringLiteral("a"), QStringLiteral("x")};
        update.addTags = {QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("x")};
        QCOMPARE(TagPreview::applyTagUpdate({QStringLiteral("a"), QStringLiteral("b")}, update),
                 QStringList({QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("x")}));
        QCOMPARE(TagPreview::applyTagUpdate({}, TagUpdate()), QStringList());
    }

    void previewShowsBeforeAndAfter() {
        const QList<ProjectData> items{
            item(QStringLiteral("fil.A"), QStringLiteral("/a.bam"),
                 {QStringLiteral("a"), QStringLiteral("b")}),
            item(QStringLiteral("fil.B"), QStringLiteral("/b.bam"), {}),
            item(QStringLiteral("fol.F"), QStringLiteral("/f/"), {QStringLiteral("x")}),
            item(QStringLiteral("fil.C"), QStringLiteral("/f/c.txt"), {QStringLiteral("a")}),
            item(QStringLiteral("fil.D"), QStringLiteral("/g/d.txt"), {QStringLiteral("a")}),
        };
        CreateBatchRequest request;
        DataUpdateGroup first;
        first.dataIds = {QStringLiteral("fil.A"), QStringLiteral("fil.B"), QStringLiteral("fol.F"),
                         QStringLiteral("fil.missing")};
        first.userTags.addTags = {QStringLiteral("new")};
        first.userTags.removeTags = {QStringLiteral("a")};
        first.technicalTags.addTags = {QStringLiteral("t")};
        DataUpdateGroup second;
        second.dataIds = {QStringLiteral("fil.A")};
        second.userTags.removeTags = {QStringLiteral("new")};
        request.dataUpdateGroups = {first, second};

        TagPreview preview;
        QAbstractItemModelTester tester(&preview,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        preview.setPreview(items, request);
        QCOMPARE(preview.rowCount(), 5);
        // A: a removed, new added by the first group and removed by the second.
        QCOMPARE(preview.rowAt(0).userBefore,
                 QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(preview.rowAt(0).userAfter, QStringList{QStringLiteral("b")});
        QCOMPARE(preview.rowAt(0).technicalAfter, QStringList{QStringLiteral("t")});
        QCOMPARE(preview.rowAt(1).userAfter, QStringList{QStringLiteral("new")});
        // The folder and what is inside it.
        QCOMPARE(preview.rowAt(2).userAfter,
                 QStringList({QStringLiteral("x"), QStringLiteral("new")}));
        const QString folderNote = preview.index(2, TagPreview::NoteColumn).data().toString();
        QVERIFY2(folderNote.contains(QStringLiteral("everything inside")), qPrintable(folderNote));
        QCOMPARE(preview.rowAt(3).userAfter, QStringList{QStringLiteral("new")});
        QCOMPARE(preview.rowAt(3).viaFolders, QStringList{QStringLiteral("/f/")});
        QVERIFY(preview.index(3, TagPreview::NoteColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("through the folder /f/")));
        // Not in the batch at all.
        QVERIFY(!preview.rowAt(4).changed());
        QCOMPARE(preview.index(4, TagPreview::NoteColumn).data().toString(),
                 QStringLiteral("Not in this batch"));

        QCOMPARE(preview.changedCount(), 4);
        QCOMPARE(preview.folderCount(), 1);
        QCOMPARE(preview.missingIds(), QStringList{QStringLiteral("fil.missing")});
        const QString summary = preview.summary();
        QVERIFY2(summary.startsWith(QStringLiteral("4 of 5 items change")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 IDs were not found")), qPrintable(summary));

        const QModelIndex after = preview.index(1, TagPreview::UserTagsAfterColumn);
        QCOMPARE(after.data().toString(), QStringLiteral("new"));
        QCOMPARE(after.data(TagPreview::AddedTagsRole).toStringList(),
                 QStringList{QStringLiteral("new")});
        QCOMPARE(preview.index(0, TagPreview::UserTagsAfterColumn)
                     .data(TagPreview::RemovedTagsRole)
                     .toStringList(),
                 QStringList{QStringLiteral("a")});
        QCOMPARE(preview.index(0, TagPreview::NameColumn).data(TagPreview::DataIdRole).toString(),
                 QStringLiteral("fil.A"));
        QVERIFY(preview.index(2, 0).data(TagPreview::IsFolderRole).toBool());
        QVERIFY(!preview.index(4, 0).data(TagPreview::ChangedRole).toBool());

        preview.clear();
        QCOMPARE(preview.rowCount(), 0);
    }

    void lookupChunksKeepUrlsShort() {
        QStringList shortIds;
        QStringList ids;
        for (int i = 0; i < 1000; ++i) {
            shortIds.append(QStringLiteral("fil.%1").arg(i));
            ids.append(QStringLiteral("fil.%1").arg(i, 32, 16, QLatin1Char('0')));
        }
        // Short values: the count per chunk decides.
        QCOMPARE(DataLookup::chunk(shortIds, QStringLiteral("id")).size(),
                 1000 / DataLookup::MaxValuesPerChunk);
        // Real IDs ("id=" + 36 characters + "&"): the URL budget decides.
        const int perChunk = DataLookup::MaxEncodedChars / 40;
        QCOMPARE(DataLookup::chunk(ids, QStringLiteral("id")).size(),
                 (1000 + perChunk - 1) / perChunk);

        QStringList paths;
        for (int i = 0; i < 40; ++i)
            paths.append(QStringLiteral("/runs/some folder with spaces/%1/").arg(i) +
                         QString(300, QLatin1Char('x')) + QStringLiteral("/ä.bam"));
        const QList<QStringList> byLength = DataLookup::chunk(paths, QStringLiteral("filePath"));
        QVERIFY(byLength.size() > 1);
        QStringList joined;
        for (const QStringList &chunk : byLength) {
            int chars = 0;
            for (const QString &path : chunk)
                chars += int(QUrl::toPercentEncoding(path).size()) + 10;
            QVERIFY2(chars <= DataLookup::MaxEncodedChars, qPrintable(QString::number(chars)));
            joined.append(chunk);
        }
        QCOMPARE(joined, paths); // every value once, in order
        QVERIFY(DataLookup::chunk({}, QStringLiteral("id")).isEmpty());
    }

    void looksLikePath_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("path");
        QTest::newRow("file") << QStringLiteral("/runs/x/sample.bam") << true;
        QTest::newRow("folder") << QStringLiteral(" /runs/x/ ") << true;
        QTest::newRow("root") << QStringLiteral("/") << false;
        QTest::newRow("slashes") << QStringLiteral("///") << false;
        QTest::newRow("id") << QStringLiteral("fil.0123456789abcdef0123456789abcdef") << false;
        QTest::newRow("relative") << QStringLiteral("runs/x/sample.bam") << false;
        QTest::newRow("url") << QStringLiteral("/x://y") << false;
        QTest::newRow("tab") << QStringLiteral("/a\tb") << false;
    }

    void looksLikePath() {
        QFETCH(QString, line);
        QFETCH(bool, path);
        QCOMPARE(PathResolver::looksLikePath(line), path);
    }

    void normalizedPath() {
        QCOMPARE(PathResolver::normalizedPath(QStringLiteral(" //runs//x/a.bam ")),
                 QStringLiteral("/runs/x/a.bam"));
        QCOMPARE(PathResolver::normalizedPath(QStringLiteral("/runs/x/")),
                 QStringLiteral("/runs/x/"));
        QVERIFY(PathResolver::normalizedPath(QStringLiteral("/runs/./a")).isEmpty());
    }

    void cellFormats() {
        QCOMPARE(browserformat::dataSize(0), QStringLiteral("0 bytes"));
        QCOMPARE(browserformat::dataSize(1), QStringLiteral("1 byte"));
        QVERIFY(browserformat::dataSize(1500).contains(QStringLiteral("kB")));
        QVERIFY(browserformat::dataSize(3273481150LL).contains(QStringLiteral("GB")));
        QCOMPARE(browserformat::statusLabel(QStringLiteral("AVAILABLE")),
                 QStringLiteral("Available"));
        QCOMPARE(browserformat::statusLabel(QStringLiteral("PARTIALLY_DONE")),
                 QStringLiteral("Partially done"));
        QCOMPARE(browserformat::tagList({QStringLiteral("a"), QStringLiteral("b")}),
                 QStringLiteral("a, b"));
    }
};

QTEST_GUILESS_MAIN(TestBrowserUnits)
#include "tst_browserunits.moc"
