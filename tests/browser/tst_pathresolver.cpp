// PathResolver against the simulator over loopback: file and folder paths, with and
// without the folder's trailing '/', ignoring case; unknown paths and lines that are
// not paths reported with reasons and kept out; hundreds of paths in few calls with
// short URLs; a failed call reported, not half-resolved.
#include "core/data/datalookup.h"
#include "core/data/pathresolver.h"
#include "tests/support/worldtestcase.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;
using ica::test::TestWorld;

class TestPathResolver final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestPathResolver()
        : WorldTestCase(TestWorld::bulkFolderWorld()) {}

private:
    QString idAt(const QString &path) const {
        const auto data = world->sim().dataAtPath(world->projectId, path);
        return data ? data->id : QString();
    }

private Q_SLOTS:
    void resolvesFilesAndFoldersIgnoringCase() {
        PathResolver resolver(world->client);
        QSignalSpy finished(&resolver, &PathResolver::finished);
        world->nam.urls.clear();
        resolver.resolve(world->projectId,
                         {QStringLiteral("/reference/GRCh38/GRCh38.fa"),
                          QStringLiteral("  /REFERENCE/grch38/grch38.DICT "),
                          QStringLiteral("/reference/GRCh38/"), QStringLiteral("/runs"),
                          QStringLiteral("/nope/missing.bam"),
                          QStringLiteral("fil.0123456789abcdef0123456789abcdef"),
                          QStringLiteral("/reference/../etc/"), QString(),
                          QStringLiteral("/reference/GRCh38/GRCh38.fa")});
        QVERIFY(resolver.isRunning());
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!resolver.isRunning());

        const QList<ResolvedPath> &resolved = resolver.resolved();
        QCOMPARE(resolved.size(), 4);
        QCOMPARE(resolved.at(0).data.id, idAt(QStringLiteral("/reference/GRCh38/GRCh38.fa")));
        QCOMPARE(resolved.at(1).input, QStringLiteral("/REFERENCE/grch38/grch38.DICT"));
        QCOMPARE(resolved.at(1).data.path, QStringLiteral("/reference/GRCh38/GRCh38.dict"));
        QCOMPARE(resolved.at(1).data.id, idAt(QStringLiteral("/reference/GRCh38/GRCh38.dict")));
        QCOMPARE(resolved.at(2).data.id, idAt(QStringLiteral("/reference/GRCh38/")));
        QVERIFY(resolved.at(2).data.isFolder());
        QVERIFY(!resolved.at(2).asFolder);
        QCOMPARE(resolved.at(3).input, QStringLiteral("/runs"));
        QCOMPARE(resolved.at(3).data.id, idAt(QStringLiteral("/runs/")));
        QVERIFY(resolved.at(3).asFolder);
        QCOMPARE(resolver.dataIds().size(), 4);

        const QList<UnresolvedPath> &unresolved = resolver.unresolved();
        QCOMPARE(unresolved.size(), 3);
        QCOMPARE(unresolved.at(0).input, QStringLiteral("/nope/missing.bam"));
        QCOMPARE(unresolved.at(0).reason, QStringLiteral("Not found in this project"));
        QVERIFY(unresolved.at(1).reason.startsWith(QStringLiteral("Not a project path")));
        QVERIFY(unresolved.at(2).reason.contains(QStringLiteral("\"..\"")));
        QVERIFY2(resolver.message().startsWith(QStringLiteral("3 of 7 lines were not found")),
                 qPrintable(resolver.message()));
        QVERIFY(resolver.message().contains(QStringLiteral("/nope/missing.bam")));
        // One call for the paths as given, one more for those that may be folders.
        QCOMPARE(world->nam.count(QStringLiteral("/data"),
                                  QStringLiteral("filePathMatchMode=FULL_CASE_INSENSITIVE")),
                 2);
    }

    void resolvesManyPathsInFewShortCalls() {
        QStringList paths;
        QStringList ids;
        const QStringList children = world->childIds(world->bulkFolder);
        for (int i = 0; i < 600; ++i) {
            const auto data = world->sim().data(world->projectId, children.at(i));
            paths.append(data->path);
            ids.append(data->id);
        }
        PathResolver resolver(world->client);
        QSignalSpy finished(&resolver, &PathResolver::finished);
        world->nam.urls.clear();
        resolver.resolve(world->projectId, paths);
        QVERIFY(finished.wait(Timeout));
        QVERIFY(resolver.unresolved().isEmpty());
        QCOMPARE(resolver.dataIds(), ids);
        QCOMPARE(resolver.message(), QStringLiteral("All %L1 paths were found.").arg(600));
        const int chunks = int(DataLookup::chunk(paths, QStringLiteral("filePath")).size());
        QVERIFY(chunks > 3);
        QCOMPARE(world->nam.urls.size(), chunks);
        for (const QUrl &url : std::as_const(world->nam.urls))
            QVERIFY2(url.toEncoded().size() < 8000,
                     qPrintable(QString::number(url.toEncoded().size())));
    }

    void reportsAFailedCall() {
        world->sim().faults().failNext(5, 500, QStringLiteral("/data")); // all five tries
        PathResolver resolver(world->client);
        QSignalSpy finished(&resolver, &PathResolver::finished);
        QSignalSpy errors(&resolver, &PathResolver::errorOccurred);
        resolver.resolve(world->projectId, {QStringLiteral("/reference/GRCh38/GRCh38.fa")});
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(errors.count(), 1);
        QVERIFY(resolver.resolved().isEmpty());
        QVERIFY(resolver.message().startsWith(QStringLiteral("Could not look up the paths")));
        world->sim().faults().reset();
    }

    void nothingToLookUp() {
        PathResolver resolver(world->client);
        QSignalSpy finished(&resolver, &PathResolver::finished);
        world->nam.urls.clear();
        resolver.resolve(world->projectId, {QStringLiteral("  "), QStringLiteral("not/a/path")});
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(resolver.unresolved().size(), 1);
        QVERIFY(world->nam.urls.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPathResolver)
#include "tst_pathresolver.moc"
