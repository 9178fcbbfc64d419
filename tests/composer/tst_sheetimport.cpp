// SheetImport: the mapping guessed from header names, tag cells and dates read, rows
// grouped by change set, every kind of bad row reported with its line and kept out;
// a 100,000-row sheet built off the calling thread; and end to end against the
// simulator: a 500-row sheet of 3 change sets (plus bad rows) becomes 3 groups, is
// created and run, and every row's file carries its own tags (read back by listing);
// a sheet of paths is resolved, an unknown path reported by line.
#include "core/api/batchapi.h"
#include "core/composer/sheetimport.h"
#include "core/data/datalookup.h"
#include "tests/support/callwaiter.h"
#include "tests/support/worldtestcase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace ica;
using Role = SheetMapping::Role;
using ica::test::CallWaiter;
using ica::test::TestWorld;

namespace {

DelimitedTable table(const QString &csv) {
    return DelimitedFileReader::read(QStringLiteral("sheet.csv"), csv.toUtf8());
}

QString fakeId(int n) {
    return QStringLiteral("fil.%1").arg(n, 32, 16, QLatin1Char('0'));
}

/// The three change sets of the end-to-end sheet, by row number.
QStringList changeCells(int i) {
    switch (i % 3) {
    case 0:
        return {QStringLiteral("cohort-a;reviewed"), QString(), QStringLiteral("qc:pass"),
                QString()};
    case 1:
        return {QStringLiteral("cohort-b"), QStringLiteral("draft"), QString(), QString()};
    default:
        return {QString(), QString(), QStringLiteral("qc:fail|rerun"), QStringLiteral("stale")};
    }
}

} // namespace

class TestSheetImport final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestSheetImport()
        : WorldTestCase(TestWorld::smallWorld()) {}

private Q_SLOTS:
    void guessesTheMappingFromHeaderNames() {
        const DelimitedTable t =
            table(QStringLiteral(
                      "Data ID,Add User Tags,remove_user_tags,add-technical-tags,Remove Tech Tags,"
                      "Archive date,Delete Date,note\n%1,a,,,,,,x\n")
                      .arg(fakeId(1)));
        const SheetMapping m = SheetMapping::guess(t);
        QVERIFY(m.hasHeader);
        QCOMPARE(m.column(Role::DataId), 0);
        QCOMPARE(m.column(Role::Path), -1);
        QCOMPARE(m.column(Role::AddUserTags), 1);
        QCOMPARE(m.column(Role::RemoveUserTags), 2);
        QCOMPARE(m.column(Role::AddTechnicalTags), 3);
        QCOMPARE(m.column(Role::RemoveTechnicalTags), 4);
        QCOMPARE(m.column(Role::ArchiveDate), 5);
        QCOMPARE(m.column(Role::DeleteDate), 6);
        QVERIFY(m.problem().isEmpty());

        // No telling header: the column of paths is found from its cells.
        const SheetMapping byCells =
            SheetMapping::guess(table(QStringLiteral("file,x\n/runs/a.bam,t\n/runs/b.bam,t\n")));
        QVERIFY(byCells.hasHeader);
        QCOMPARE(byCells.column(Role::Path), 0);
        QVERIFY(!byCells.problem().isEmpty()); // no change column yet

        QCOMPARE(SheetMapping::findColumn({QStringLiteral("id"), QStringLiteral("Tags")},
                                          QStringLiteral(" tags ")),
                 1);
        QCOMPARE(SheetMapping::findColumn({QStringLiteral("id")}, QStringLiteral("3")), 2);
        QCOMPARE(SheetMapping::findColumn({QStringLiteral("id")}, QStringLiteral("nope")), -1);
        QCOMPARE(SheetMapping::findColumn({QStringLiteral("id")}, QStringLiteral("0")), -1);
    }

    void mappingProblemsAreNamed() {
        SheetMapping m;
        QVERIFY(m.problem().contains(QStringLiteral("ID column or the paths")) ||
                m.problem().contains(QStringLiteral("data IDs or the paths")));
        m.setColumn(Role::DataId, 0);
        m.setColumn(Role::Path, 1);
        QVERIFY(m.problem().contains(QStringLiteral("not both")));
        m.setColumn(Role::Path, -1);
        QVERIFY(m.problem().contains(QStringLiteral("at least one column of changes")));
        m.setColumn(Role::AddUserTags, 0);
        QVERIFY(m.problem().contains(QStringLiteral("Column 1")));
        m.setColumn(Role::AddUserTags, 1);
        QVERIFY(m.problem().isEmpty());
    }

    void readsTagCellsAndDates() {
        QCOMPARE(SheetImport::splitTags(QStringLiteral(" a ; b|c;;a | ")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(SheetImport::splitTags(QStringLiteral(" ; | ")).isEmpty());
        QCOMPARE(SheetImport::parseDate(QStringLiteral("2027-01-31")),
                 QDateTime(QDate(2027, 1, 31), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(SheetImport::parseDate(QStringLiteral("2027-01-31T08:30:00")),
                 QDateTime(QDate(2027, 1, 31), QTime(8, 30), QTimeZone::utc()));
        QCOMPARE(SheetImport::parseDate(QStringLiteral("2027-01-31T08:30:00+02:00")),
                 QDateTime(QDate(2027, 1, 31), QTime(6, 30), QTimeZone::utc()));
        QVERIFY(!SheetImport::parseDate(QStringLiteral("31/01/2027")).isValid());
        QVERIFY(!SheetImport::parseDate(QStringLiteral("2027-02-30")).isValid());
    }

    void groupsRowsByChangeSetAndReportsBadRows() {
        const QString csv =
            QStringLiteral("id,add user tags,remove user tags,archive date\n" // line 1
                           "%1,b;a,,\n"                                       // 2: group 1
                           "%2,a|b,,\n"                                       // 3: group 1
                           ",a,,\n"                                           // 4: no ID
                           "fil.123,a,,\n"                                    // 5: malformed
                           "%3,a,,someday\n"                                  // 6: bad date
                           "%3,x,x,\n"                                        // 7: both
                           "%3,,,\n"                                          // 8: no change
                           ",,,\n"                                            // 9: blank
                           "%3,,old,2027-03-01\n"                             // 10: group 2
                           "%1,a;b,,\n"                                       // 11: repeat
                           "%4,,old,2027-03-01\n")                            // 12: folder
                .arg(fakeId(1), fakeId(2), fakeId(3), QStringLiteral("fol.") + fakeId(4).mid(4));
        const DelimitedTable t = table(csv);
        const SheetMapping m = SheetMapping::guess(t);
        QCOMPARE(m.column(Role::ArchiveDate), 3);
        const SheetPlan plan = SheetImport::build(t, m);
        QVERIFY(plan.ok());
        QCOMPARE(plan.dataRows, 10);
        QCOMPARE(plan.groups.size(), 2);
        QCOMPARE(plan.groups.at(0).dataIds, (QStringList{fakeId(1), fakeId(2)}));
        QCOMPARE(plan.groups.at(0).userTags.addTags,
                 (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
        QCOMPARE(plan.groupLines.at(0), (QList<int>{2, 3}));
        QCOMPARE(plan.groups.at(1).dataIds, QStringList{fakeId(3)});
        QCOMPARE(plan.groups.at(1).userTags.removeTags, QStringList{QStringLiteral("old")});
        QCOMPARE(plan.groups.at(1).willBeArchivedAt,
                 QDateTime(QDate(2027, 3, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(plan.duplicateRows, 1);
        QCOMPARE(plan.goodRows(), 3);

        QCOMPARE(plan.badRows.size(), 6);
        const QList<int> lines{4, 5, 6, 7, 8, 12};
        const QStringList reasons{
            QStringLiteral("no data ID"),    QStringLiteral("not a data ID"),
            QStringLiteral("is not a date"), QStringLiteral("both added and removed"),
            QStringLiteral("no change"),     QStringLiteral("is a folder")};
        for (int i = 0; i < lines.size(); ++i) {
            QCOMPARE(plan.badRows.at(i).line, lines.at(i));
            QVERIFY2(plan.badRows.at(i).reason.contains(reasons.at(i)),
                     qPrintable(plan.badRows.at(i).reason));
        }
        QVERIFY2(plan.summary().contains(QStringLiteral("2 groups")), qPrintable(plan.summary()));
        QVERIFY(plan.summary().contains(QStringLiteral("6 bad rows")));

        // A mapping that cannot work is the plan's error, not a crash.
        SheetMapping none;
        QVERIFY(!SheetImport::build(t, none).ok());
    }

    void buildsALargeSheetOffTheCallingThread() {
        QString csv = QStringLiteral("id,tags\n");
        constexpr int Rows = 100000;
        for (int i = 0; i < Rows; ++i)
            csv += fakeId(i + 1) + (i % 2 ? QStringLiteral(",odd\n") : QStringLiteral(",even\n"));
        const DelimitedTable t = table(csv);
        QCOMPARE(t.rows.size(), Rows + 1);
        const SheetMapping m = SheetMapping::guess(t);
        QCOMPARE(m.column(Role::AddUserTags), 1);
        QObject context;
        std::optional<SheetPlan> plan;
        QThread *thread = nullptr;
        SheetImport::buildAsync(t, m, &context, [&](const SheetPlan &p) {
            plan = p;
            thread = QThread::currentThread();
        });
        QVERIFY(!plan.has_value()); // not done on the caller's stack
        QTRY_VERIFY_WITH_TIMEOUT(plan.has_value(), Timeout);
        QCOMPARE(thread, QThread::currentThread()); // delivered back on the caller's thread
        QCOMPARE(plan->groups.size(), 2);
        QCOMPARE(plan->groups.at(0).dataIds.size(), Rows / 2);
        QCOMPARE(plan->groups.at(1).dataIds.size(), Rows / 2);
        QVERIFY(plan->badRows.isEmpty());
    }

    void fiveHundredRowsBecomeThreeGroupsAndEveryFileGetsItsTags() {
        const QStringList ids = world->fileIds.mid(0, 500);
        QCOMPARE(ids.size(), 500);
        QString csv = QStringLiteral(
            "dataId\tadd_user_tags\tremove_user_tags\tadd_technical_tags\tremove_technical_tags\n");
        for (int i = 0; i < ids.size(); ++i)
            csv += (QStringList{ids.at(i)} + changeCells(i)).join(QLatin1Char('\t')) +
                   QLatin1Char('\n');
        csv += QStringLiteral("not-an-id\tx\t\t\t\n");     // line 502
        csv += ids.at(0) + QStringLiteral("\t\t\t\t\n");   // line 503
        csv += ids.at(1) + QStringLiteral("\tz\tz\t\t\n"); // line 504
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sheet.tsv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv.toUtf8());
        file.close();

        const DelimitedTable t = SheetImport::readFile(path);
        QVERIFY2(t.ok(), qPrintable(t.error));
        const SheetPlan plan = SheetImport::build(t, SheetMapping::guess(t));
        QCOMPARE(plan.groups.size(), 3);
        QCOMPARE(plan.goodRows(), 500);
        QCOMPARE(plan.badRows.size(), 3);
        QCOMPARE(plan.badRows.at(0).line, 502);
        QCOMPARE(plan.badRows.at(1).line, 503);
        QCOMPARE(plan.badRows.at(2).line, 504);

        CallWaiter<Batch> created;
        BatchApi(world->client)
            .create(world->projectId, plan.request(), &created, created.callback());
        QVERIFY(created.wait(Timeout));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        world->advance(std::chrono::minutes(2));
        QCOMPARE(world->sim().batch(world->projectId, created.value().id)->jobStatus,
                 QStringLiteral("SUCCEEDED"));

        // Read every file back through the API and check its own row's changes.
        std::optional<Result<QList<ProjectData>>> read;
        QObject context;
        DataLookup::byIds(world->client, world->projectId, {}, ids, &context,
                          [&](const Result<QList<ProjectData>> &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), Timeout);
        QVERIFY(read->ok());
        QCOMPARE(read->value->size(), 500);
        QHash<QString, int> row;
        for (int i = 0; i < ids.size(); ++i)
            row.insert(ids.at(i), i);
        for (const ProjectData &d : *read->value) {
            const int i = row.value(d.id, -1);
            QVERIFY(i >= 0);
            const QStringList cells = changeCells(i);
            for (const QString &tag : SheetImport::splitTags(cells.at(0)))
                QVERIFY2(d.tags.userTags.contains(tag), qPrintable(d.id + QLatin1Char(' ') + tag));
            for (const QString &tag : SheetImport::splitTags(cells.at(1)))
                QVERIFY(!d.tags.userTags.contains(tag));
            for (const QString &tag : SheetImport::splitTags(cells.at(2)))
                QVERIFY(d.tags.technicalTags.contains(tag));
            for (const QString &tag : SheetImport::splitTags(cells.at(3)))
                QVERIFY(!d.tags.technicalTags.contains(tag));
            // And not another group's tags.
            if (i % 3 != 0)
                QVERIFY(!d.tags.userTags.contains(QStringLiteral("cohort-a")));
            if (i % 3 != 1)
                QVERIFY(!d.tags.userTags.contains(QStringLiteral("cohort-b")));
            if (i % 3 != 2)
                QVERIFY(!d.tags.technicalTags.contains(QStringLiteral("rerun")));
        }
    }

    void pathsAreResolvedAndUnknownOnesReportedByLine() {
        const QStringList ids = world->fileIds.mid(600, 4);
        QStringList paths;
        for (const QString &id : ids)
            paths.append(world->sim().data(world->projectId, id)->path);
        const QString csv = QStringLiteral("path,tags\n%1,p1\n%2,p1\n/nowhere/x.bam,p1\n"
                                           "%3,p2\nnot/a/path,p2\n%4,p1\n")
                                .arg(paths.at(0).toUpper(), paths.at(1), paths.at(2), paths.at(0));
        SheetPlan plan = SheetImport::build(table(csv), SheetMapping::guess(table(csv)));
        QCOMPARE(plan.groups.size(), 2);
        QCOMPARE(plan.badRows.size(), 1); // "not/a/path", line 6
        QCOMPARE(plan.badRows.at(0).line, 6);
        QVERIFY(plan.groups.at(0).dataIds.isEmpty()); // until resolved

        QObject context;
        std::optional<bool> ok;
        SheetImport::resolvePaths(world->client, world->projectId, &plan, &context,
                                  [&](bool good, const QString &) { ok = good; });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), Timeout);
        QVERIFY(*ok);
        QCOMPARE(plan.groups.size(), 2);
        // Line 7 names line 2's file again (other case): merged, not sent twice.
        QCOMPARE(plan.groups.at(0).dataIds, (QStringList{ids.at(0), ids.at(1)}));
        QCOMPARE(plan.groups.at(1).dataIds, QStringList{ids.at(2)});
        QCOMPARE(plan.badRows.size(), 2);
        QCOMPARE(plan.badRows.at(0).line, 4);
        QVERIFY2(plan.badRows.at(0).reason.contains(QStringLiteral("Not found")),
                 qPrintable(plan.badRows.at(0).reason));
        QCOMPARE(plan.badRows.at(1).line, 6);
    }
};

QTEST_GUILESS_MAIN(TestSheetImport)
#include "tst_sheetimport.moc"
