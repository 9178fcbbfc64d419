// `batch create --from-table` and `tags rename` end to end through icatag (in-process)
// against the simulator: a 500-row sheet of 3 change sets with bad rows is refused
// (exit 2, every bad row by line, nothing sent), then created from its good rows
// with --skip-bad-rows as 3 groups, and every row's file carries its own tags (read
// back through the API); a sheet of paths with an unknown path; column errors. A tag
// renamed over a folder of 1,000 files (files outside keep it), --dry-run sending
// nothing, --wait, a tag nobody has.
#include "tests/cli/clitestsupport.h"
#include "tests/support/simfixture.h"

#include "core/composer/sheetimport.h"
#include "core/data/datalookup.h"
#include "simulator/icasimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using clitest::CliResult;
using clitest::CliSession;

namespace {

/// The change cells (add user, remove user, add technical) of row i.
QStringList changeCells(int i) {
    switch (i % 3) {
    case 0:
        return {QStringLiteral("sheet-a;shared"), QString(), QStringLiteral("qc:pass")};
    case 1:
        return {QStringLiteral("sheet-b|shared"), QStringLiteral("draft"), QString()};
    default:
        return {QString(), QString(), QStringLiteral("qc:fail;rerun")};
    }
}

} // namespace

class TestCliTags final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::SimFixture> f;
    QString m_project;

    QStringList server() const {
        return {QStringLiteral("--server"), f->sim->baseUrl().toString(),
                QStringLiteral("--api-key"), f->sim->apiKey()};
    }

    CliResult run(const QStringList &args) {
        return clitest::runCli(args + QStringList{QStringLiteral("--project"), m_project} +
                               server());
    }

    QList<ica::ProjectData> readBack(const QStringList &ids) {
        std::optional<ica::Result<QList<ica::ProjectData>>> read;
        QObject context;
        ica::DataLookup::byIds(f->client.get(), m_project, {}, ids, &context,
                               [&](const ica::Result<QList<ica::ProjectData>> &r) { read = r; });
        (void)QTest::qWaitFor([&]() { return read.has_value(); },
                              60000); // a timeout shows as no answer
        return read && read->ok() ? *read->value : QList<ica::ProjectData>();
    }

    /// Runs a one-group batch adding `tag` to `ids` to its end.
    bool tag(const QStringList &ids, const QString &tag) {
        const int before = f->sim->batchCount();
        const QString path = clitest::writeScratchFile(QStringLiteral("tag-ids.txt"),
                                                       ids.join(QLatin1Char('\n')).toUtf8());
        const CliResult r =
            run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--ids-file"),
                 path, QStringLiteral("--add-user-tag"), tag});
        f->sim->advance(std::chrono::minutes(2));
        return r.exitCode == 0 && f->sim->batchCount() == before + 1;
    }

private Q_SLOTS:
    void initTestCase() {
        ica::sim::SimulatorOptions options = ica::test::SimFixture::smallWorld();
        options.filesInFirstProject = 5000; // its bulk folder holds 1,000 files
        f = std::make_unique<ica::test::SimFixture>(options);
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        m_project = f->sim->projectIds().constFirst();
    }

    void sheetWithBadRowsIsRefusedThenCreatedFromItsGoodRows() {
        const QStringList ids = f->sim->fileIds(m_project).mid(0, 500);
        QString csv = QStringLiteral("Data ID,User tags,Drop user tags,Tech tags,Note\n");
        for (int i = 0; i < ids.size(); ++i)
            csv += (QStringList{ids.at(i)} + changeCells(i) + QStringList{QStringLiteral("n")})
                       .join(QLatin1Char(',')) +
                   QLatin1Char('\n');
        csv += QStringLiteral("fil.nothex,a,,,\n");             // line 502
        csv += ids.at(7) + QStringLiteral(",,,,just a note\n"); // line 503
        csv += QStringLiteral(",sheet-a,,,\n");                 // line 504
        const QString sheet = clitest::writeScratchFile(QStringLiteral("tags.csv"), csv.toUtf8());
        const QStringList create{QStringLiteral("batch"),
                                 QStringLiteral("create"),
                                 QStringLiteral("--from-table"),
                                 sheet,
                                 QStringLiteral("--id-column"),
                                 QStringLiteral("data id"),
                                 QStringLiteral("--add-user-tag-column"),
                                 QStringLiteral("User tags"),
                                 QStringLiteral("--remove-user-tag-column"),
                                 QStringLiteral("3"),
                                 QStringLiteral("--add-technical-tag-column"),
                                 QStringLiteral("Tech tags"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("json")};
        const int before = f->sim->batchCount();
        CliResult r = run(create);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY(
            r.err.contains(QStringLiteral("tags.csv line 502: \"fil.nothex\" is not a data ID")));
        QVERIFY(r.err.contains(QStringLiteral("tags.csv line 503: no change")));
        QVERIFY(r.err.contains(QStringLiteral("tags.csv line 504: no data ID")));
        QVERIFY(r.err.contains(QStringLiteral("--skip-bad-rows")));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(f->sim->batchCount(), before);

        r = run(create + QStringList{QStringLiteral("--skip-bad-rows")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(
            r.err.contains(QStringLiteral("503 rows: 3 groups of 167, 167, 166 rows; 3 bad rows "
                                          "left out")),
            qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("line 503")));
        const QString batchId = r.jsonObject()[QLatin1String("id")].toString();
        QVERIFY(!batchId.isEmpty());
        QCOMPARE(f->sim->batchCount(), before + 1);
        QCOMPARE(f->sim->batch(m_project, batchId)->itemCount, 500);
        f->sim->advance(std::chrono::minutes(2));
        QCOMPARE(f->sim->batch(m_project, batchId)->jobStatus, QStringLiteral("SUCCEEDED"));

        QHash<QString, int> row;
        for (int i = 0; i < ids.size(); ++i)
            row.insert(ids.at(i), i);
        const QList<ica::ProjectData> data = readBack(ids);
        QCOMPARE(data.size(), 500);
        for (const ica::ProjectData &d : data) {
            const int i = row.value(d.id);
            const QStringList cells = changeCells(i);
            for (const QString &t : ica::SheetImport::splitTags(cells.at(0)))
                QVERIFY(d.tags.userTags.contains(t));
            for (const QString &t : ica::SheetImport::splitTags(cells.at(2)))
                QVERIFY(d.tags.technicalTags.contains(t));
            QCOMPARE(d.tags.userTags.contains(QStringLiteral("sheet-a")), i % 3 == 0);
            QCOMPARE(d.tags.userTags.contains(QStringLiteral("sheet-b")), i % 3 == 1);
            QCOMPARE(d.tags.technicalTags.contains(QStringLiteral("rerun")), i % 3 == 2);
        }
    }

    void sheetOfPathsReportsAnUnknownPathByLine() {
        const QStringList ids = f->sim->fileIds(m_project).mid(900, 3);
        QStringList paths;
        for (const QString &id : ids)
            paths.append(f->sim->data(m_project, id)->path);
        const QString tsv = QStringLiteral("path\ttags\n%1\tby-path\n/no/such/file.bam\tby-path\n"
                                           "%2\tby-path\n%3\tby-path\n")
                                .arg(paths.at(0), paths.at(1).toUpper(), paths.at(2));
        const QString sheet = clitest::writeScratchFile(QStringLiteral("paths.tsv"), tsv.toUtf8());
        const QStringList create{QStringLiteral("batch"),
                                 QStringLiteral("create"),
                                 QStringLiteral("--from-table"),
                                 sheet,
                                 QStringLiteral("--path-column"),
                                 QStringLiteral("path"),
                                 QStringLiteral("--add-user-tag-column"),
                                 QStringLiteral("2")};
        const int before = f->sim->batchCount();
        CliResult r = run(create);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.err.contains(QStringLiteral("paths.tsv line 3: Not found")), qPrintable(r.err));
        QCOMPARE(f->sim->batchCount(), before);

        r = run(create + QStringList{QStringLiteral("--skip-bad-rows"), QStringLiteral("-o"),
                                     QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QString batchId = r.jsonObject()[QLatin1String("id")].toString();
        QCOMPARE(f->sim->batch(m_project, batchId)->itemCount, 3);
        f->sim->advance(std::chrono::minutes(1));
        for (const ica::ProjectData &d : readBack(ids))
            QVERIFY(d.tags.userTags.contains(QStringLiteral("by-path")));
    }

    void sheetOptionErrorsAreUsageErrors() {
        const QString sheet = clitest::writeScratchFile(
            QStringLiteral("small.csv"),
            QStringLiteral("id;tags\n%1;a\n").arg(f->sim->fileIds(m_project).first()).toUtf8());
        const QStringList base{QStringLiteral("batch"), QStringLiteral("create"),
                               QStringLiteral("--from-table"), sheet};
        CliResult r = run(base + QStringList{QStringLiteral("--delimiter"), QStringLiteral(";"),
                                             QStringLiteral("--id-column"), QStringLiteral("id"),
                                             QStringLiteral("--add-user-tag-column"),
                                             QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("has no column \"nope\"")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("id, tags")));
        r = run(base + QStringList{QStringLiteral("--delimiter"), QStringLiteral(";"),
                                   QStringLiteral("--id-column"), QStringLiteral("id")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("at least one column of changes")));
        r = run(base + QStringList{QStringLiteral("--ids-file"), sheet,
                                   QStringLiteral("--id-column"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--ids-file cannot be used with --from-table")));
        r = run(base + QStringList{QStringLiteral("--delimiter"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--delimiter")));
        // With the right delimiter it goes through.
        r = run(base + QStringList{QStringLiteral("--delimiter"), QStringLiteral(";"),
                                   QStringLiteral("--id-column"), QStringLiteral("1"),
                                   QStringLiteral("--add-user-tag-column"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.describe());
    }

    void renamesATagOverAFolderAndLeavesOtherFilesAlone() {
        // The largest folder of files: the bulk run's (1,000 files).
        QHash<QString, QStringList> byFolder;
        QString folder;
        for (const QString &id : f->sim->fileIds(m_project)) {
            const QString path = f->sim->data(m_project, id)->path;
            const QString parent = path.left(path.lastIndexOf(QLatin1Char('/')) + 1);
            byFolder[parent].append(id);
            if (folder.isEmpty() || byFolder[parent].size() > byFolder[folder].size())
                folder = parent;
        }
        const QStringList inFolder = byFolder.value(folder);
        QCOMPARE(inFolder.size(), 1000);
        QStringList outside;
        for (auto it = byFolder.cbegin(); it != byFolder.cend() && outside.size() < 40; ++it)
            if (!it.key().startsWith(folder))
                outside.append(it.value().mid(0, 40 - int(outside.size())));
        QCOMPARE(outside.size(), 40);
        QVERIFY(tag(inFolder + outside, QStringLiteral("lot-12")));

        const QStringList rename{QStringLiteral("tags"),
                                 QStringLiteral("rename"),
                                 QStringLiteral("--user"),
                                 QStringLiteral("--from"),
                                 QStringLiteral("lot-12"),
                                 QStringLiteral("--to"),
                                 QStringLiteral("lot-0012"),
                                 QStringLiteral("--folder"),
                                 folder.toUpper()}; // path prefixes ignore case, as ICA's
        const int before = f->sim->batchCount();
        CliResult r = run(rename + QStringList{QStringLiteral("--dry-run"), QStringLiteral("-o"),
                                               QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(f->sim->batchCount(), before);
        const QJsonArray items = r.jsonObject()[QLatin1String("items")].toArray();
        QCOMPARE(items.size(), 1000);
        const QJsonObject first = items.first().toObject();
        QVERIFY(first[QLatin1String("tagsNow")].toArray().contains(QStringLiteral("lot-12")));
        QVERIFY(first[QLatin1String("tagsAfter")].toArray().contains(QStringLiteral("lot-0012")));
        QVERIFY(r.err.contains(QStringLiteral("nothing was sent")));

        // For real, waiting for the batch: the simulated clock moves while it polls.
        // JSON with --wait is one document: the batches as they ended, with counts.
        CliSession session;
        session.start(rename +
                      QStringList{QStringLiteral("--wait"), QStringLiteral("--interval"),
                                  QStringLiteral("0.02"), QStringLiteral("--project"), m_project,
                                  QStringLiteral("-o"), QStringLiteral("json")} +
                      server());
        QTRY_VERIFY_WITH_TIMEOUT(f->sim->batchCount() == before + 1, 30000);
        QVERIFY(!session.isFinished());
        f->sim->advance(std::chrono::minutes(2));
        QVERIFY(session.waitFinished());
        QVERIFY2(session.exitCode() == 0, qPrintable(session.err()));
        QJsonParseError parseError;
        const QJsonDocument waited = QJsonDocument::fromJson(session.out().toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError && waited.isArray(),
                 qPrintable(session.out()));
        QCOMPARE(waited.array().size(), 1);
        const QJsonObject ended = waited.array().first().toObject();
        QCOMPARE(
            ended[QLatin1String("batch")][QLatin1String("job")][QLatin1String("status")].toString(),
            QStringLiteral("SUCCEEDED"));
        QCOMPARE(ended[QLatin1String("itemCounts")][QLatin1String("UPDATED")].toInt(), 1000);

        const QList<ica::ProjectData> renamed = readBack(inFolder);
        QCOMPARE(renamed.size(), 1000);
        for (const ica::ProjectData &d : renamed) {
            QVERIFY(!d.tags.userTags.contains(QStringLiteral("lot-12")));
            QVERIFY(d.tags.userTags.contains(QStringLiteral("lot-0012")));
        }
        const QList<ica::ProjectData> kept = readBack(outside);
        QCOMPARE(kept.size(), 40);
        for (const ica::ProjectData &d : kept) {
            QVERIFY(d.tags.userTags.contains(QStringLiteral("lot-12")));
            QVERIFY(!d.tags.userTags.contains(QStringLiteral("lot-0012")));
        }

        // Again: nothing in the folder has the tag any more.
        r = run(rename);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.err.contains(QStringLiteral("nothing to rename")));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(f->sim->batchCount(), before + 1);
    }

    void renameUsageErrors() {
        CliResult r =
            run({QStringLiteral("tags"), QStringLiteral("rename"), QStringLiteral("--from"),
                 QStringLiteral("a"), QStringLiteral("--to"), QStringLiteral("b")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--user or --technical")));
        r = run({QStringLiteral("tags"), QStringLiteral("rename"), QStringLiteral("--technical"),
                 QStringLiteral("--from"), QStringLiteral("a"), QStringLiteral("--to"),
                 QStringLiteral("a")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("same")));
        r = run({QStringLiteral("tags"), QStringLiteral("rename"), QStringLiteral("--user"),
                 QStringLiteral("--from"), QStringLiteral("a"), QStringLiteral("--to"),
                 QStringLiteral("b"), QStringLiteral("--folder"), QStringLiteral("relative/")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("not a project path")));
    }
};

QTEST_GUILESS_MAIN(TestCliTags)
#include "tst_clitags.moc"
