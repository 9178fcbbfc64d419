// The CLI's pure parts, without a server: ID files, splitting a create body,
// table/CSV rendering, option values, redaction and paging hints.
#include "cli/batchsplit.h"
#include "cli/console.h"
#include "cli/idsfile.h"
#include "cli/optionvalues.h"
#include "cli/output.h"
#include "cli/paging.h"
#include "tests/cli/clitestsupport.h"

#include <QBuffer>
#include <QTest>
#include <QTimeZone>

using namespace ica::cli;

class TestCliUnits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void idsFileSeparatorsBlankLinesAndDuplicates() {
        const QByteArray content = "\xEF\xBB\xBF" // byte order mark
                                   "fil.00000000000000000000000000000001\r\n"
                                   "\n"
                                   "  fil.00000000000000000000000000000002, "
                                   "fil.00000000000000000000000000000003\tfol."
                                   "0000000000000000000000000000000a\n"
                                   "   \t \n"
                                   "fil.00000000000000000000000000000002\n"
                                   "weird-id,fil.00000000000000000000000000000001";
        const IdList list = IdsFileReader::parse(content);
        QCOMPARE(list.ids, QStringList({QStringLiteral("fil.00000000000000000000000000000001"),
                                        QStringLiteral("fil.00000000000000000000000000000002"),
                                        QStringLiteral("fil.00000000000000000000000000000003"),
                                        QStringLiteral("fol.0000000000000000000000000000000a"),
                                        QStringLiteral("weird-id")}));
        QCOMPARE(list.duplicates.size(), 2);
        QCOMPARE(list.duplicates.at(0).id, QStringLiteral("fil.00000000000000000000000000000002"));
        QCOMPARE(list.duplicates.at(0).line, 5);
        QCOMPARE(list.duplicates.at(0).firstLine, 3);
        QCOMPARE(list.duplicates.at(1).line, 6);
        QCOMPARE(list.duplicates.at(1).firstLine, 1);
        QCOMPARE(list.unusual, QStringList{QStringLiteral("weird-id")});
    }

    void idsFileUnreadable() {
        IdList list;
        QString error;
        QVERIFY(!IdsFileReader::readFile(QStringLiteral("/nonexistent/ids.txt"), &list, &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent/ids.txt")), qPrintable(error));
    }

    void splitKeepsOrderAndChanges() {
        ica::CreateBatchRequest body;
        ica::DataUpdateGroup a;
        a.dataIds = clitest::unknownDataIds(7, 1);
        a.userTags.addTags = {QStringLiteral("a")};
        ica::DataUpdateGroup b;
        b.dataIds = clitest::unknownDataIds(4, 2);
        b.technicalTags.removeTags = {QStringLiteral("t")};
        body.dataUpdateGroups = {a, b};

        const QList<ica::CreateBatchRequest> parts = splitCreateRequest(body, 5);
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0).dataIdCount(), 5);
        QCOMPARE(parts.at(1).dataIdCount(), 5);
        QCOMPARE(parts.at(2).dataIdCount(), 1);
        // Part 2 holds the last 2 IDs of group a and the first 3 of group b.
        QCOMPARE(parts.at(1).dataUpdateGroups.size(), 2);
        QCOMPARE(parts.at(1).dataUpdateGroups.at(0).userTags, a.userTags);
        QCOMPARE(parts.at(1).dataUpdateGroups.at(1).technicalTags, b.technicalTags);
        QStringList all;
        for (const ica::CreateBatchRequest &part : parts) {
            for (const ica::DataUpdateGroup &group : part.dataUpdateGroups)
                all += group.dataIds;
        }
        QCOMPARE(all, a.dataIds + b.dataIds);
        QCOMPARE(splitCreateRequest(body, 100).size(), 1);
    }

    void csvQuotingFollowsRfc4180() {
        TextTable table({QStringLiteral("a"), QStringLiteral("b")});
        table.addRow({QStringLiteral("plain"), QStringLiteral("x,y")});
        table.addRow({QStringLiteral("say \"hi\""), QStringLiteral("line\nbreak")});
        const QString csv = table.toCsv();
        QVERIFY(csv.endsWith(QLatin1String("\r\n")));
        QVERIFY(csv.contains(QLatin1String("\"say \"\"hi\"\"\"")));
        const QList<QStringList> rows = clitest::parseCsv(csv);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1), QStringList({QStringLiteral("plain"), QStringLiteral("x,y")}));
        QCOMPARE(rows.at(2),
                 QStringList({QStringLiteral("say \"hi\""), QStringLiteral("line\nbreak")}));
    }

    void tableColumnsAreAligned() {
        TextTable table({QStringLiteral("ID"), QStringLiteral("NAME")});
        table.addRow({QStringLiteral("1"), QStringLiteral("short")});
        table.addRow({QStringLiteral("12345"), QStringLiteral("x")});
        QCOMPARE(table.render(), QStringLiteral("ID     NAME\n"
                                                "1      short\n"
                                                "12345  x\n"));
        QCOMPARE(table.render(false), QStringLiteral("1      short\n"
                                                     "12345  x\n"));
    }

    void dateTimesAreUtc() {
        QDateTime value;
        QString error;
        QVERIFY(parseUtcDateTime(QStringLiteral("--archive-at"),
                                 QStringLiteral("2030-01-02T03:04:05Z"), &value, &error));
        QCOMPARE(value, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
        QVERIFY(parseUtcDateTime(QStringLiteral("--archive-at"),
                                 QStringLiteral("2030-01-02T03:04:05+02:00"), &value, &error));
        QCOMPARE(value, QDateTime(QDate(2030, 1, 2), QTime(1, 4, 5), QTimeZone::utc()));
        // Without a zone the time is UTC, not local time.
        QVERIFY(parseUtcDateTime(QStringLiteral("--archive-at"),
                                 QStringLiteral("2030-01-02T03:04:05"), &value, &error));
        QCOMPARE(value, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
        for (const char *bad : {"tomorrow", "2030-13-01T00:00:00Z", "2030-01-02", ""}) {
            QVERIFY2(!parseUtcDateTime(QStringLiteral("--delete-at"), QLatin1String(bad), &value,
                                       &error),
                     bad);
            QVERIFY(error.startsWith(QLatin1String("--delete-at")));
            QVERIFY(error.contains(QLatin1String("2026-11-30T08:30:00Z")));
        }
    }

    void itemStatusesAreCheckedWithAHint() {
        QList<ica::ItemStatus> statuses;
        QString error;
        QVERIFY(parseItemStatuses({QStringLiteral("failed,updated"), QStringLiteral("FAILED")},
                                  &statuses, &error));
        QCOMPARE(statuses.size(), 2);
        QCOMPARE(statuses.at(0), ica::ItemStatus(ica::ItemStatus::Failed));
        QVERIFY(!parseItemStatuses({QStringLiteral("SUCCEEDED")}, &statuses, &error));
        QVERIFY(error.contains(QLatin1String("job status")));
        QVERIFY(error.contains(QLatin1String("INITIALISED, WAITING_RESOURCES, UPDATING, UPDATED, "
                                             "PARTIALLY_UPDATED, FAILED")));
    }

    void sortSyntax() {
        QString error;
        QVERIFY(checkSortSyntax(QStringLiteral("name"), &error));
        QVERIFY(checkSortSyntax(QStringLiteral("timeCreated desc, name asc"), &error));
        QVERIFY(!checkSortSyntax(QStringLiteral("name descending"), &error));
        QVERIFY(!checkSortSyntax(QStringLiteral("name,,"), &error));
        QVERIFY(error.contains(QLatin1String("--sort")));
    }

    void consoleRedactsSecrets() {
        QBuffer out;
        QBuffer err;
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        Console console(&out, &err);
        console.addSecret(QStringLiteral("s3cr3t-key"));
        console.addSecret(QStringLiteral("ab")); // too short to hide safely
        console.out(QStringLiteral("key=s3cr3t-key ab\n"));
        console.errLine(QStringLiteral("x s3cr3t-key y"));
        QCOMPARE(out.data(), QByteArray("key=*** ab\n"));
        QCOMPARE(err.data(), QByteArray("x *** y\n"));
    }

    void nextPageHints() {
        ica::PageInfo info;
        info.totalItemCount = 10;
        QCOMPARE(nextPageHint(ica::PageRequest::atOffset(0, 4), info, 4),
                 QStringLiteral("rows 1-4 of 10; next page: --offset 4"));
        QCOMPARE(nextPageHint(ica::PageRequest::atOffset(8, 4), info, 2),
                 QStringLiteral("rows 9-10 of 10"));
        ica::PageInfo cursor;
        cursor.nextPageToken = QStringLiteral("abc");
        cursor.remainingRecords = 6;
        QCOMPARE(nextPageHint(ica::PageRequest::cursor(QString(), 4), cursor, 4),
                 QStringLiteral("next page (about 6 more rows): --cursor 'abc'"));
        QVERIFY(nextPageHint(ica::PageRequest::cursor(QString(), 4), ica::PageInfo(), 2).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliUnits)
#include "tst_cliunits.moc"
