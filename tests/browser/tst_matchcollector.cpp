// MatchCollector ("select everything that matches") and TagPreview::load() against
// the simulator over loopback: every matching ID across many cursor pages, with
// progress; a whole large folder; the 100,000-ID batch limit (here a small limit)
// stops early with a message; cancel drops the run; a filter ICA would refuse; and
// the before/after preview of a draft read from the server.
#include "core/browser/matchcollector.h"
#include "core/browser/tagpreview.h"
#include "tests/support/statusspy.h"
#include "tests/support/worldtestcase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;
using ica::test::TestWorld;

namespace {

QSet<QString> setOf(const QStringList &list) {
    return QSet<QString>(list.begin(), list.end());
}

} // namespace

class TestMatchCollector final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestMatchCollector()
        : WorldTestCase(TestWorld::bulkFolderWorld()) {}

private Q_SLOTS:
    void collectsEveryMatchAcrossPages() {
        const QString tag = QStringLiteral("qc-passed");
        QStringList expected;
        for (const QString &id : world->sim().fileIds(world->projectId)) {
            if (world->sim().data(world->projectId, id)->userTags.contains(tag))
                expected.append(id);
        }
        QVERIFY(expected.size() > 300); // several pages of 100

        MatchCollector collector(world->client);
        collector.setPageSize(100);
        QSignalSpy progress(&collector, &MatchCollector::progress);
        QSignalSpy finished(&collector, &MatchCollector::finished);
        DataFilter filter;
        filter.setUserTags({tag});
        filter.setRecursive(true);
        world->nam.urls.clear();
        collector.start(world->projectId, QStringLiteral("/"), filter);
        QVERIFY(collector.isRunning());
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(finished.first().first().value<MatchCollector::Outcome>(),
                 MatchCollector::Outcome::Done);
        QCOMPARE(collector.outcome(), MatchCollector::Outcome::Done);
        const QStringList ids = collector.dataIds();
        QCOMPARE(ids.size(), expected.size());
        QCOMPARE(setOf(ids), setOf(expected));
        const int pages = int((expected.size() + 99) / 100);
        QCOMPARE(progress.count(), pages);
        QCOMPARE(world->nam.count(QStringLiteral("/data"), QStringLiteral("userTag=qc-passed")),
                 pages);
        // Progress knew the total from the first page on (ICA's estimate).
        QCOMPARE(progress.first().at(1).toLongLong(), qint64(expected.size()));
        for (const ProjectData &match : collector.matches()) {
            QVERIFY(match.tags.userTags.contains(tag));
            QVERIFY(match.path.startsWith(QLatin1Char('/')));
        }
        QVERIFY(collector.message().contains(QStringLiteral("%L1").arg(expected.size())));
    }

    void collectsAWholeFolder() {
        MatchCollector collector(world->client);
        QSignalSpy finished(&collector, &MatchCollector::finished);
        QSignalSpy received(&collector, &MatchCollector::dataReceived);
        collector.start(world->projectId, world->bulkFolder, DataFilter());
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(collector.outcome(), MatchCollector::Outcome::Done);
        const QStringList expected = world->childIds(world->bulkFolder);
        QCOMPARE(collector.dataIds(), expected); // the server's order, each once
        QCOMPARE(received.count(), 1);
    }

    void stopsAboveTheBatchLimit() {
        MatchCollector collector(world->client);
        collector.setLimit(1000);
        collector.setPageSize(500);
        QSignalSpy finished(&collector, &MatchCollector::finished);
        ica::test::StatusSpy messages;
        world->nam.urls.clear();
        collector.start(world->projectId, world->bulkFolder, DataFilter());
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(collector.outcome(), MatchCollector::Outcome::LimitExceeded);
        QVERIFY(collector.matches().isEmpty());
        QVERIFY(collector.dataIds().isEmpty());
        QVERIFY2(
            collector.message().contains(QStringLiteral("More than %L1 items match").arg(1000)),
            qPrintable(collector.message()));
        QVERIFY(collector.message().contains(QStringLiteral("Narrow the filter")));
        QCOMPARE(messages.last().first().toString(), collector.message());
        // It stopped reading once past the limit: 3 of the folder's 7 pages.
        QCOMPARE(world->nam.count(QStringLiteral("/data")), 3);
    }

    void cancelDropsTheRun() {
        world->sim().faults().setLatency(300, QStringLiteral("/data"));
        MatchCollector collector(world->client);
        collector.setPageSize(100);
        QSignalSpy finished(&collector, &MatchCollector::finished);
        collector.start(world->projectId, world->bulkFolder, DataFilter());
        QVERIFY(collector.isRunning());
        collector.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(collector.outcome(), MatchCollector::Outcome::Cancelled);
        QVERIFY(collector.matches().isEmpty());
        world->sim().faults().reset();

        // A new run is not disturbed by what the old one still had on its way.
        DataFilter filter;
        filter.setType(DataQuery::Type::File);
        collector.start(world->projectId, QStringLiteral("/reference/GRCh38/"), filter);
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(collector.outcome(), MatchCollector::Outcome::Done);
        QCOMPARE(collector.dataIds().size(), 6);
    }

    void refusesABadFilter() {
        MatchCollector collector(world->client);
        QSignalSpy finished(&collector, &MatchCollector::finished);
        DataFilter filter;
        filter.setStatuses({QStringLiteral("LOST")});
        collector.start(world->projectId, QStringLiteral("/"), filter);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(collector.outcome(), MatchCollector::Outcome::Failed);
        QVERIFY(collector.message().contains(QStringLiteral("LOST")));
    }

    void previewLoadsTheCurrentTags() {
        const QStringList files = world->childIds(QStringLiteral("/reference/GRCh38/"));
        QCOMPARE(files.size(), 6);
        const auto folder =
            world->sim().dataAtPath(world->projectId, QStringLiteral("/reference/"));
        QVERIFY(folder);
        const QString unknown = QStringLiteral("fil.%1").arg(42, 32, 10, QLatin1Char('0'));

        CreateBatchRequest request;
        DataUpdateGroup group;
        group.dataIds = {files.at(0), files.at(1), folder->id, unknown};
        group.userTags.addTags = {QStringLiteral("preview-added")};
        group.technicalTags.removeTags = {QStringLiteral("reference:GRCh38")};
        request.dataUpdateGroups.append(group);

        TagPreview preview;
        QAbstractItemModelTester tester(&preview,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loading(&preview, &TagPreview::loadingChanged);
        preview.load(world->client, world->projectId, request);
        QVERIFY(preview.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isLoading(), Timeout);
        QCOMPARE(loading.count(), 2);
        QCOMPARE(preview.rowCount(), 3);
        QCOMPARE(preview.missingIds(), QStringList{unknown});
        for (int row = 0; row < preview.rowCount(); ++row) {
            const TagPreview::Row &r = preview.rowAt(row);
            QVERIFY(r.userAfter.contains(QStringLiteral("preview-added")));
            QVERIFY(!r.technicalAfter.contains(QStringLiteral("reference:GRCh38")));
            const auto now = world->sim().data(world->projectId, r.data.id);
            QCOMPARE(r.userBefore, now->userTags); // read from the server, not changed there
            QCOMPARE(r.technicalBefore, now->technicalTags);
        }
        QCOMPARE(preview.folderCount(), 1);
        QVERIFY(preview.summary().contains(QStringLiteral("everything inside them")));
    }
};

QTEST_GUILESS_MAIN(TestMatchCollector)
#include "tst_matchcollector.moc"
