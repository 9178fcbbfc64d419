// TagRename against the simulator: a folder of 1,000 files carrying a user tag (and
// files outside it with the same tag) is found with the server's EXACT tag filter and
// filePath STARTS_WITH, every page by cursor; the plan shows each item's tags now and
// after; once the batch ran no file in the folder has the old tag, all have the new
// one, and the files outside keep theirs. Merging into an existing tag, technical
// tags, a tag nobody has and bad specs too.
#include "core/api/batchapi.h"
#include "core/data/datalookup.h"
#include "core/data/tagrename.h"
#include "tests/support/callwaiter.h"
#include "tests/support/worldtestcase.h"

#include <QSet>
#include <QTest>

using namespace ica;
using ica::test::CallWaiter;
using ica::test::TestWorld;

namespace {

/// A world whose bulk folder holds 1,000 files (a fifth of the first project).
ica::sim::SimulatorOptions thousandFileFolder() {
    ica::sim::SimulatorOptions options = TestWorld::smallWorld();
    options.filesInFirstProject = 5000;
    return options;
}

} // namespace

class TestTagRename final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestTagRename()
        : WorldTestCase(thousandFileFolder()) {}

private:
    /// The plan for `spec`, or a failed QVERIFY.
    std::optional<Result<TagRenamePlan>> find(const TagRenameSpec &spec) {
        std::optional<Result<TagRenamePlan>> result;
        QObject context;
        TagRename::find(world->client, world->projectId, spec, &context,
                        [&](const Result<TagRenamePlan> &r) { result = r; });
        (void)QTest::qWaitFor([&]() { return result.has_value(); },
                              Timeout); // a timeout shows as no answer
        return result;
    }

    /// The items with these IDs, read back through the API.
    QList<ProjectData> readBack(const QStringList &ids) {
        std::optional<Result<QList<ProjectData>>> read;
        QObject context;
        DataLookup::byIds(world->client, world->projectId, {}, ids, &context,
                          [&](const Result<QList<ProjectData>> &r) { read = r; });
        (void)QTest::qWaitFor([&]() { return read.has_value(); },
                              Timeout); // a timeout shows as no answer
        return read && read->ok() ? *read->value : QList<ProjectData>();
    }

    bool run(const CreateBatchRequest &request) {
        CallWaiter<Batch> created;
        BatchApi(world->client).create(world->projectId, request, &created, created.callback());
        if (!created.wait(Timeout) || !created.ok())
            return false;
        world->advance(std::chrono::minutes(2));
        const auto batch = world->sim().batch(world->projectId, created.value().id);
        return batch && batch->jobStatus == QLatin1String("SUCCEEDED");
    }

private Q_SLOTS:
    void specProblemsAndQuery() {
        TagRenameSpec spec;
        QVERIFY(!spec.problem().isEmpty());
        spec.from = QStringLiteral("a");
        QVERIFY(spec.problem().contains(QStringLiteral("new name")));
        spec.to = QStringLiteral(" a ");
        QVERIFY(spec.problem().contains(QStringLiteral("same")));
        spec.to = QStringLiteral("b");
        QVERIFY(spec.problem().isEmpty());
        spec.folderPath = QStringLiteral("runs/x");
        QVERIFY(spec.problem().contains(QStringLiteral("not a project path")));
        spec.folderPath = QStringLiteral("/runs//x");
        QVERIFY(spec.problem().isEmpty());
        QCOMPARE(spec.folderPrefix(), QStringLiteral("/runs/x/"));
        const DataQuery q = spec.query();
        QCOMPARE(q.userTags, QStringList{QStringLiteral("a")});
        QCOMPARE(q.userTagMatch, MatchMode::Exact);
        QCOMPARE(q.filePaths, QStringList{QStringLiteral("/runs/x/")});
        QCOMPARE(q.filePathMatch, DataQuery::PathMatch::StartsWith);
        spec.folderPath = QStringLiteral("/");
        QVERIFY(spec.query().filePaths.isEmpty());
        spec.kind = TagKind::Technical;
        QCOMPARE(spec.query().technicalTags, QStringList{QStringLiteral("a")});
        QVERIFY(spec.query().userTags.isEmpty());
    }

    void planKeepsOtherTagsAndMerges() {
        TagRenameSpec spec{TagKind::User, QStringLiteral("old"), QStringLiteral("new"),
                           QStringLiteral("/in/")};
        ProjectData a;
        a.id = QStringLiteral("fil.a");
        a.path = QStringLiteral("/in/a");
        a.tags.userTags = {QStringLiteral("x"), QStringLiteral("old"), QStringLiteral("y")};
        ProjectData merged = a;
        merged.id = QStringLiteral("fil.b");
        merged.tags.userTags = {QStringLiteral("new"), QStringLiteral("old")};
        ProjectData outside = a;
        outside.id = QStringLiteral("fil.c");
        outside.path = QStringLiteral("/out/c");
        ProjectData fuzzy = a; // "old-ish" is not "old": an EXACT match only
        fuzzy.id = QStringLiteral("fil.d");
        fuzzy.tags.userTags = {QStringLiteral("old-ish"), QStringLiteral("OLD")};
        const TagRenamePlan plan = TagRename::plan(spec, {a, merged, outside, fuzzy, a});
        QCOMPARE(plan.items.size(), 2);
        QCOMPARE(plan.items.at(0).tagsAfter,
                 (QStringList{QStringLiteral("x"), QStringLiteral("new"), QStringLiteral("y")}));
        QVERIFY(!plan.items.at(0).hadTarget);
        QCOMPARE(plan.items.at(1).tagsAfter, QStringList{QStringLiteral("new")});
        QVERIFY(plan.items.at(1).hadTarget);
        QCOMPARE(plan.mergedCount(), 1);
        const CreateBatchRequest request = plan.request();
        QCOMPARE(request.dataUpdateGroups.size(), 1);
        QCOMPARE(request.dataUpdateGroups.first().dataIds,
                 (QStringList{QStringLiteral("fil.a"), QStringLiteral("fil.b")}));
        QCOMPARE(request.dataUpdateGroups.first().userTags.removeTags,
                 QStringList{QStringLiteral("old")});
        QCOMPARE(request.dataUpdateGroups.first().userTags.addTags,
                 QStringList{QStringLiteral("new")});
        QVERIFY(request.dataUpdateGroups.first().technicalTags.isEmpty());
        QVERIFY(plan.summary().contains(QStringLiteral("1 of them already carry")));
        QVERIFY(TagRename::plan(spec, {}).request().dataUpdateGroups.isEmpty());
    }

    void renamesATagOverAFolderOfAThousandFiles() {
        QVERIFY(!world->bulkFolder.isEmpty());
        const QStringList inFolder = world->childIds(world->bulkFolder);
        QCOMPARE(inFolder.size(), 1000);
        // The run folder above the bulk folder: the rename walks into its subfolders.
        QString scope = world->bulkFolder.chopped(1);
        scope = scope.left(scope.lastIndexOf(QLatin1Char('/')) + 1);
        const QSet<QString> folderSet(inFolder.cbegin(), inFolder.cend());
        QStringList outside;
        for (const QString &id : std::as_const(world->fileIds)) {
            if (outside.size() == 60)
                break;
            const auto d = world->sim().data(world->projectId, id);
            if (!folderSet.contains(id) && d && !d->path.startsWith(scope))
                outside.append(id);
        }
        QCOMPARE(outside.size(), 60);
        QVERIFY(world->runBatch(inFolder + outside, TagUpdate{{QStringLiteral("batch-7")}, {}}));
        // Some files in the folder already carry the new name: they are merged.
        QVERIFY(world->runBatch(inFolder.mid(0, 25), TagUpdate{{QStringLiteral("batch-07")}, {}}));

        const TagRenameSpec spec{TagKind::User, QStringLiteral("batch-7"),
                                 QStringLiteral("batch-07"), scope};
        world->nam.urls.clear();
        const auto found = find(spec);
        QVERIFY(found.has_value());
        QVERIFY2(found->ok(), qPrintable(found->error.toString()));
        const TagRenamePlan &plan = *found->value;
        QCOMPARE(plan.items.size(), 1000);
        QCOMPARE(plan.mergedCount(), 25);
        QSet<QString> planned;
        for (const TagRenameItem &item : plan.items) {
            planned.insert(item.dataId);
            QVERIFY(item.tagsNow.contains(QStringLiteral("batch-7")));
            QVERIFY(!item.tagsAfter.contains(QStringLiteral("batch-7")));
            QCOMPARE(item.tagsAfter.count(QStringLiteral("batch-07")), 1);
        }
        QCOMPARE(planned, folderSet);
        // The server did the filtering: the tag EXACT and the folder as a path prefix.
        const int calls =
            world->nam.count(QStringLiteral("/data"), QStringLiteral("userTagMatchMode=EXACT"));
        QVERIFY2(calls >= 1, qPrintable(QString::number(calls)));
        QCOMPARE(world->nam.count(QStringLiteral("/data"),
                                  QStringLiteral("filePathMatchMode=STARTS_WITH_CASE_INSENSITIVE")),
                 calls);

        QVERIFY(run(plan.request()));
        for (const ProjectData &d : readBack(inFolder)) {
            QVERIFY2(!d.tags.userTags.contains(QStringLiteral("batch-7")), qPrintable(d.path));
            QCOMPARE(d.tags.userTags.count(QStringLiteral("batch-07")), 1);
        }
        QCOMPARE(readBack(inFolder).size(), 1000);
        const QList<ProjectData> others = readBack(outside);
        QCOMPARE(others.size(), 60);
        for (const ProjectData &d : others) {
            QVERIFY(d.tags.userTags.contains(QStringLiteral("batch-7")));
            QVERIFY(!d.tags.userTags.contains(QStringLiteral("batch-07")));
        }

        // Nothing left to rename in the folder now.
        const auto again = find(spec);
        QVERIFY(again && again->ok());
        QVERIFY(again->value->isEmpty());
        QVERIFY(again->value->summary().contains(QStringLiteral("nothing to rename")));
    }

    void renamesATechnicalTagOverTheProject() {
        const QStringList ids = world->fileIds.mid(4000, 30);
        QVERIFY(world->runBatch(ids, {}, TagUpdate{{QStringLiteral("pipe:v1")}, {}}));
        // Near misses that an EXACT match must not take: another case, a longer tag.
        const QStringList near = world->fileIds.mid(4100, 10);
        QVERIFY(world->runBatch(near.mid(0, 5), {}, TagUpdate{{QStringLiteral("PIPE:V1")}, {}}));
        QVERIFY(world->runBatch(near.mid(5), {}, TagUpdate{{QStringLiteral("pipe:v1-old")}, {}}));
        const TagRenameSpec spec{TagKind::Technical, QStringLiteral("pipe:v1"),
                                 QStringLiteral("pipe:v2"), QString()};
        // The server's own answer to technicalTag=pipe:v1&technicalTagMatchMode=EXACT.
        std::optional<Result<QList<ProjectData>>> listed;
        QObject context;
        DataLookup::run(world->client, world->projectId, {spec.query()}, &context,
                        [&](const Result<QList<ProjectData>> &r) { listed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), Timeout);
        QVERIFY(listed->ok());
        QCOMPARE(listed->value->size(), 30);
        const auto found = find(spec);
        QVERIFY(found && found->ok());
        QCOMPARE(found->value->items.size(), 30);
        QVERIFY(run(found->value->request()));
        for (const ProjectData &d : readBack(ids)) {
            QVERIFY(!d.tags.technicalTags.contains(QStringLiteral("pipe:v1")));
            QVERIFY(d.tags.technicalTags.contains(QStringLiteral("pipe:v2")));
        }
    }

    void aBadSpecFailsWithoutACall() {
        world->nam.urls.clear();
        const auto found = find({TagKind::User, QStringLiteral("a"), QStringLiteral("a"), {}});
        QVERIFY(found.has_value());
        QVERIFY(!found->ok());
        QVERIFY(found->error.toString().contains(QStringLiteral("same")));
        QCOMPARE(world->nam.urls.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTagRename)
#include "tst_tagrename.moc"
