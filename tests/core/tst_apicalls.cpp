// Every call of the core against the simulator: projects (search, both paging
// modes, sort), data (folder listing, name/path/type/tag filters, get), and batches
// (create, validation problems, unknown IDs, processing to the end, items with
// status filters, both paging modes, sort, page size bounds, single item), plus
// collectAllPages in both modes.
#include "core/api/batchapi.h"
#include "core/api/dataapi.h"
#include "core/api/pagecollector.h"
#include "core/api/projectapi.h"
#include "tests/support/callwaiter.h"
#include "tests/support/simfixture.h"

#include <QSet>
#include <QTest>

using namespace ica;
using ica::test::CallWaiter;
using ica::test::SimFixture;

class TestApiCalls final : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> f;
    QString projectId;
    QList<ProjectData> files; // a few hundred files of the first project

    template <typename T> T await(CallWaiter<T> &w) {
        if (!w.wait())
            qFatal("no answer");
        if (!w.ok())
            qFatal("%s", qPrintable(w.error().toString()));
        return w.value();
    }

    QList<ProjectData> collectData(DataQuery query, PageRequest::Mode mode) {
        DataApi api(f->client.get());
        std::optional<Result<QList<ProjectData>>> result;
        const QString project = projectId;
        collectAllPages<ProjectData>(
            [api, query, project](const PageRequest &page, QObject *ctx,
                                  ResultCallback<ProjectDataPage> cb) mutable {
                DataQuery q = query;
                q.page = page;
                return api.list(project, q, ctx, std::move(cb));
            },
            CollectOptions{mode, 250, 3, {}}, this,
            [&result](const Result<QList<ProjectData>> &r) { result = r; });
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 30000))
            qFatal("collect timed out");
        if (!result->ok())
            qFatal("%s", qPrintable(result->error.toString()));
        return *result->value;
    }

    Batch createBatch(const CreateBatchRequest &request) {
        CallWaiter<Batch> w;
        BatchApi(f->client.get()).create(projectId, request, &w, w.callback());
        return await(w);
    }

    BatchItemPage items(const QString &batchId, const ItemsQuery &query) {
        CallWaiter<BatchItemPage> w;
        BatchApi(f->client.get()).listItems(projectId, batchId, query, &w, w.callback());
        return await(w);
    }

    ApiError createError(const QByteArray &rawBody) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/api/projects/%1/dataUpdateBatch").arg(projectId);
        request.jsonBody = rawBody;
        ApiCall *call = f->client->send(request);
        ApiError error;
        bool done = false;
        connect(call, &ApiCall::finished, this, [&]() {
            error = call->error();
            done = true;
        });
        if (!QTest::qWaitFor([&done]() { return done; }, 20000))
            qFatal("no answer");
        return error;
    }

private Q_SLOTS:
    void initTestCase() {
        f = std::make_unique<SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        CallWaiter<ProjectPage> w;
        ProjectApi(f->client.get())
            .list(ProjectsQuery{{}, PageRequest::atOffset(0, 10), {}}, &w, w.callback());
        projectId = await(w).items.first().id;
        DataQuery query;
        query.type = DataQuery::Type::File;
        query.page = PageRequest::atOffset(0, 300);
        CallWaiter<ProjectDataPage> d;
        DataApi(f->client.get()).list(projectId, query, &d, d.callback());
        files = await(d).items;
        QCOMPARE(files.size(), 300);
    }
    void cleanupTestCase() { f.reset(); }

    // --- projects

    void projectsSearchAndSort() {
        CallWaiter<ProjectPage> all;
        ProjectApi api(f->client.get());
        api.list(ProjectsQuery{{}, PageRequest::atOffset(0, 100), QStringLiteral("name desc")},
                 &all, all.callback());
        const ProjectPage page = await(all);
        QCOMPARE(page.info.totalItemCount.value_or(-1), qint64(page.items.size()));
        for (int i = 1; i < page.items.size(); ++i)
            QVERIFY(page.items[i - 1].name.compare(page.items[i].name, Qt::CaseInsensitive) >= 0);

        const QString name = page.items.first().name;
        CallWaiter<ProjectPage> found;
        api.list(ProjectsQuery{name.left(5), PageRequest::atOffset(0, 100), {}}, &found,
                 found.callback());
        const ProjectPage hits = await(found);
        QVERIFY(!hits.items.isEmpty());
        for (const Project &p : hits.items)
            QVERIFY(p.name.contains(name.left(5), Qt::CaseInsensitive));
    }

    void projectsCursorPaging() {
        CallWaiter<ProjectPage> first;
        ProjectApi api(f->client.get());
        api.list(ProjectsQuery{{}, PageRequest::cursor({}, 1), {}}, &first, first.callback());
        const ProjectPage p1 = await(first);
        QCOMPARE(p1.items.size(), 1);
        QVERIFY(p1.info.hasMore());
        QVERIFY(p1.info.remainingRecords.has_value());
        CallWaiter<ProjectPage> second;
        api.list(ProjectsQuery{{}, PageRequest::cursor(p1.info.nextPageToken, 1), {}}, &second,
                 second.callback());
        const ProjectPage p2 = await(second);
        QCOMPARE(p2.items.size(), 1);
        QVERIFY(p2.items.first().id != p1.items.first().id);
    }

    // --- data

    void folderListingIsOneLevel() {
        DataQuery root;
        root.parentFolderPath = QStringLiteral("/");
        root.page = PageRequest::atOffset(0, 1000);
        CallWaiter<ProjectDataPage> w;
        DataApi(f->client.get()).list(projectId, root, &w, w.callback());
        const ProjectDataPage page = await(w);
        QVERIFY(!page.items.isEmpty());
        ProjectData folder;
        for (const ProjectData &d : page.items) {
            QCOMPARE(d.path.count(QLatin1Char('/')) - (d.isFolder() ? 1 : 0), 1);
            if (d.isFolder() && folder.id.isEmpty())
                folder = d;
        }
        QVERIFY(!folder.id.isEmpty());
        QVERIFY(folder.id.startsWith(QStringLiteral("fol.")));

        DataQuery inside;
        inside.parentFolderPath = folder.path;
        inside.page = PageRequest::atOffset(0, 50);
        CallWaiter<ProjectDataPage> c;
        DataApi(f->client.get()).list(projectId, inside, &c, c.callback());
        const ProjectDataPage children = await(c);
        QVERIFY(!children.items.isEmpty());
        for (const ProjectData &d : children.items)
            QVERIFY2(d.path.startsWith(folder.path), qPrintable(d.path));
    }

    void nameFilters() {
        const ProjectData target = files.at(17);
        DataQuery exact;
        exact.filenames = {target.name};
        exact.filenameMatch = MatchMode::Exact;
        exact.page = PageRequest::atOffset(0, 100);
        CallWaiter<ProjectDataPage> w;
        DataApi(f->client.get()).list(projectId, exact, &w, w.callback());
        const ProjectDataPage page = await(w);
        QVERIFY(!page.items.isEmpty());
        for (const ProjectData &d : page.items)
            QCOMPARE(d.name, target.name);

        DataQuery fuzzy;
        fuzzy.filenames = {QStringLiteral(".BAM")};
        fuzzy.filenameMatch = MatchMode::Fuzzy;
        fuzzy.type = DataQuery::Type::File;
        fuzzy.page = PageRequest::atOffset(0, 100);
        CallWaiter<ProjectDataPage> z;
        DataApi(f->client.get()).list(projectId, fuzzy, &z, z.callback());
        const ProjectDataPage bams = await(z);
        QVERIFY(!bams.items.isEmpty());
        for (const ProjectData &d : bams.items)
            QVERIFY(d.name.contains(QStringLiteral(".bam"), Qt::CaseInsensitive));
    }

    void fullPathResolvesOneFile() {
        const ProjectData target = files.at(5);
        DataQuery query;
        query.filePaths = {target.path.toUpper()}; // matching ignores case
        query.filePathMatch = DataQuery::PathMatch::Full;
        query.page = PageRequest::atOffset(0, 10);
        CallWaiter<ProjectDataPage> w;
        DataApi(f->client.get()).list(projectId, query, &w, w.callback());
        const ProjectDataPage page = await(w);
        QCOMPARE(page.items.size(), 1);
        QCOMPARE(page.items.first().id, target.id);
    }

    void typeAndTagFilters() {
        DataQuery folders;
        folders.type = DataQuery::Type::Folder;
        folders.page = PageRequest::atOffset(0, 100);
        CallWaiter<ProjectDataPage> w;
        DataApi(f->client.get()).list(projectId, folders, &w, w.callback());
        for (const ProjectData &d : await(w).items)
            QVERIFY(d.isFolder());

        QString tag;
        for (const ProjectData &d : files) {
            if (!d.tags.userTags.isEmpty()) {
                tag = d.tags.userTags.first();
                break;
            }
        }
        QVERIFY2(!tag.isEmpty(), "the seeded data carries user tags");
        for (MatchMode mode : {MatchMode::Exact, MatchMode::Exclude}) {
            DataQuery tagged;
            tagged.userTags = {tag};
            tagged.userTagMatch = mode;
            tagged.page = PageRequest::atOffset(0, 200);
            CallWaiter<ProjectDataPage> t;
            DataApi(f->client.get()).list(projectId, tagged, &t, t.callback());
            const ProjectDataPage page = await(t);
            QVERIFY(!page.items.isEmpty());
            for (const ProjectData &d : page.items)
                QCOMPARE(d.tags.userTags.contains(tag), mode == MatchMode::Exact);
        }
    }

    void dataSortAndGet() {
        DataQuery query;
        query.type = DataQuery::Type::File;
        query.sort = QStringLiteral("name desc");
        query.page = PageRequest::atOffset(0, 100);
        CallWaiter<ProjectDataPage> w;
        DataApi(f->client.get()).list(projectId, query, &w, w.callback());
        const ProjectDataPage page = await(w);
        for (int i = 1; i < page.items.size(); ++i)
            QVERIFY(page.items[i - 1].name.compare(page.items[i].name, Qt::CaseInsensitive) >= 0);

        CallWaiter<ProjectData> one;
        DataApi(f->client.get()).get(projectId, files.at(3).id, &one, one.callback());
        QCOMPARE(await(one), files.at(3));
    }

    void collectAllDataBothModes() {
        DataQuery query;
        query.type = DataQuery::Type::File;
        const QList<ProjectData> cursor = collectData(query, PageRequest::Mode::Cursor);
        const QList<ProjectData> offset = collectData(query, PageRequest::Mode::Offset);
        QCOMPARE(cursor.size(), 1500);
        QCOMPARE(offset.size(), 1500);
        QSet<QString> ids;
        for (const ProjectData &d : cursor)
            ids.insert(d.id);
        QCOMPARE(ids.size(), 1500);
        for (const ProjectData &d : offset)
            QVERIFY(ids.contains(d.id));
    }

    // --- batches

    void createValidationProblems_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no groups") << QByteArray("{}");
        QTest::newRow("no dataIds")
            << QByteArray(R"({"dataUpdateGroups":[{"userTags":{"addTags":["a"]}}]})");
        QTest::newRow("empty dataIds") << QByteArray(R"({"dataUpdateGroups":[{"dataIds":[]}]})");
        QTest::newRow("bad date") << QByteArray(
            R"({"dataUpdateGroups":[{"dataIds":["fil.1"],"willBeDeletedAt":"soon"}]})");
        QTest::newRow("not json") << QByteArray("{\"dataUpdateGroups\": [");
    }

    void createValidationProblems() {
        QFETCH(QByteArray, body);
        const ApiError error = createError(body);
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 400);
        QVERIFY(error.problem.has_value());
        QVERIFY(!error.detail().isEmpty());
    }

    void moreThan100000IdsIsRefused() {
        DataUpdateGroup group;
        group.dataIds.reserve(100001);
        for (int i = 0; i <= 100000; ++i)
            group.dataIds.append(QStringLiteral("fil.%1").arg(i, 32, 16, QLatin1Char('0')));
        group.userTags.addTags = {QStringLiteral("x")};
        CallWaiter<Batch> w;
        BatchApi(f->client.get()).create(projectId, CreateBatchRequest{{group}}, &w, w.callback());
        QVERIFY(w.wait(60000));
        QCOMPARE(w.error().httpStatus, 400);
    }

    void datesOnAFolderAreRefused() {
        DataQuery folders;
        folders.type = DataQuery::Type::Folder;
        folders.page = PageRequest::atOffset(0, 1);
        CallWaiter<ProjectDataPage> w;
        DataApi(f->client.get()).list(projectId, folders, &w, w.callback());
        const QString folderId = await(w).items.first().id;
        DataUpdateGroup group;
        group.dataIds = {folderId};
        group.willBeArchivedAt = QDateTime::currentDateTimeUtc().addDays(30);
        CallWaiter<Batch> c;
        BatchApi(f->client.get()).create(projectId, CreateBatchRequest{{group}}, &c, c.callback());
        QVERIFY(c.wait());
        QCOMPARE(c.error().httpStatus, 400);
        QVERIFY(c.error().detail().contains(folderId));
    }

    void batchRunsToTheEndWithUnknownIdsFailed() {
        const QStringList unknown = {QStringLiteral("fil.00000000000000000000000000000bad"),
                                     QStringLiteral("fil.00000000000000000000000000000bee")};
        DataUpdateGroup group;
        for (int i = 0; i < 200; ++i)
            group.dataIds.append(files.at(i).id);
        group.dataIds += unknown;
        group.userTags.addTags = {QStringLiteral("reviewed")};
        group.technicalTags.addTags = {QStringLiteral("cohort-B")};
        const Batch batch = createBatch(CreateBatchRequest{{group}});
        QCOMPARE(batch.job.status.isTerminal(), false);

        f->sim->advance(std::chrono::minutes(5));
        CallWaiter<Batch> got;
        BatchApi(f->client.get()).get(projectId, batch.id, &got, got.callback());
        const Batch done = await(got);
        QCOMPARE(done.job.status.value(), JobStatus::PartiallySucceeded);
        QVERIFY(done.job.timeFinished.isValid());

        // Status filter: exactly the unknown IDs failed.
        const BatchItemPage failed =
            items(batch.id, ItemsQuery{{ItemStatus::Failed}, PageRequest::atOffset(0, 100), {}});
        QCOMPARE(failed.info.totalItemCount.value_or(-1), 2);
        QStringList failedIds;
        for (const BatchItem &item : failed.items) {
            failedIds.append(item.request.dataId);
            QVERIFY(!item.additionalStatusInformation.isEmpty());
        }
        failedIds.sort();
        QCOMPARE(failedIds, unknown);

        // Two statuses as repeated parameters.
        const BatchItemPage both =
            items(batch.id, ItemsQuery{{ItemStatus::Failed, ItemStatus::Updated},
                                       PageRequest::atOffset(0, 10),
                                       {}});
        QCOMPARE(both.info.totalItemCount.value_or(-1), 202);

        // The tags were really applied.
        CallWaiter<ProjectData> data;
        DataApi(f->client.get()).get(projectId, files.at(0).id, &data, data.callback());
        const ProjectData tagged = await(data);
        QVERIFY(tagged.tags.userTags.contains(QStringLiteral("reviewed")));
        QVERIFY(tagged.tags.technicalTags.contains(QStringLiteral("cohort-B")));

        // Single item.
        CallWaiter<BatchItem> one;
        BatchApi(f->client.get())
            .getItem(projectId, batch.id, failed.items.first().id, &one, one.callback());
        QCOMPARE(await(one), failed.items.first());
    }

    void itemPagingSortAndBounds() {
        DataUpdateGroup group;
        for (int i = 0; i < 250; ++i)
            group.dataIds.append(files.at(i).id);
        group.userTags.removeTags = {QStringLiteral("nothing")};
        const Batch batch = createBatch(CreateBatchRequest{{group}});

        // Offset: total and pages.
        const BatchItemPage p0 = items(batch.id, ItemsQuery{{}, PageRequest::atOffset(0, 100), {}});
        QCOMPARE(p0.items.size(), 100);
        QCOMPARE(p0.info.totalItemCount.value_or(-1), 250);
        QCOMPARE(p0.info.nextPageToken, QString());
        const BatchItemPage p2 =
            items(batch.id, ItemsQuery{{}, PageRequest::atOffset(200, 100), {}});
        QCOMPARE(p2.items.size(), 50);

        // Sort by data ID descending.
        const BatchItemPage sorted = items(
            batch.id, ItemsQuery{{}, PageRequest::atOffset(0, 250), QStringLiteral("dataId desc")});
        QCOMPARE(sorted.items.size(), 250);
        for (int i = 1; i < sorted.items.size(); ++i)
            QVERIFY(sorted.items[i - 1].request.dataId >= sorted.items[i].request.dataId);

        // Cursor: complete and unique while statuses change between pages.
        QSet<QString> seen;
        QString token;
        int pages = 0;
        do {
            const BatchItemPage page =
                items(batch.id, ItemsQuery{{}, PageRequest::cursor(token, 60), {}});
            for (const BatchItem &item : page.items)
                QVERIFY2(!seen.contains(item.id), "cursor paging repeated an item");
            for (const BatchItem &item : page.items)
                seen.insert(item.id);
            token = page.info.nextPageToken;
            f->sim->advance(std::chrono::milliseconds(30)); // statuses move on
            ++pages;
        } while (!token.isEmpty() && pages < 100);
        QCOMPARE(seen.size(), 250);

        // Page size out of range is a problem.
        CallWaiter<BatchItemPage> tooBig;
        BatchApi(f->client.get())
            .listItems(projectId, batch.id, ItemsQuery{{}, PageRequest::atOffset(0, 5000), {}},
                       &tooBig, tooBig.callback());
        QVERIFY(tooBig.wait());
        QCOMPARE(tooBig.error().httpStatus, 400);
        QVERIFY(tooBig.error().problem.has_value());
    }

    void collectAllItemsBothModes() {
        DataUpdateGroup group;
        for (int i = 0; i < 300; ++i)
            group.dataIds.append(files.at(i).id);
        group.technicalTags.addTags = {QStringLiteral("t")};
        const Batch batch = createBatch(CreateBatchRequest{{group, group}});
        BatchApi api(f->client.get());
        const QString project = projectId;
        for (const auto mode : {PageRequest::Mode::Cursor, PageRequest::Mode::Offset}) {
            std::optional<Result<QList<BatchItem>>> result;
            qint64 lastProgress = 0;
            CollectOptions options{mode, 64, 3,
                                   [&lastProgress](qint64 n, qint64) { lastProgress = n; }};
            collectAllPages<BatchItem>(
                [api, project, batch](const PageRequest &page, QObject *ctx,
                                      ResultCallback<BatchItemPage> cb) mutable {
                    return api.listItems(project, batch.id, ItemsQuery{{}, page, {}}, ctx,
                                         std::move(cb));
                },
                options, this, [&result](const Result<QList<BatchItem>> &r) { result = r; });
            QVERIFY(QTest::qWaitFor([&result]() { return result.has_value(); }, 30000));
            QVERIFY2(result->ok(), qPrintable(result->error.toString()));
            QCOMPARE(result->value->size(), 600);
            QCOMPARE(lastProgress, 600);
            QSet<QString> ids;
            for (const BatchItem &item : *result->value)
                ids.insert(item.id);
            QCOMPARE(ids.size(), 600);
        }
    }
};

QTEST_GUILESS_MAIN(TestApiCalls)
#include "tst_apicalls.moc"
