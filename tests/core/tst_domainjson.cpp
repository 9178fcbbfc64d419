// JSON round trips of every domain type, both status spellings, unknown enum
// values, decode errors with paths, and malformed or truncated bodies.
#include "core/domain/batch.h"
#include "core/domain/fastitemdecoder.h"
#include "core/domain/jsondecode.h"
#include "core/domain/problem.h"
#include "core/domain/project.h"
#include "core/domain/projectdata.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace ica;
using ica::test::setTexts;

namespace {

QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

template <typename T> T roundTrip(const T &value) {
    const Decoded<T> decoded = decodeJson<T>(compact(value.toJson()));
    if (!decoded.ok())
        qWarning() << decoded.describe();
    return decoded.value.value_or(T{});
}

QDateTime at(const char *text) {
    return parseDateTime(QString::fromLatin1(text));
}

BatchItem sampleItem(int n, ItemStatus status) {
    BatchItem item;
    item.id = QStringLiteral("6f1c2a9e-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    item.request.dataId = QStringLiteral("fil.%1").arg(n, 32, 16, QLatin1Char('a'));
    item.request.userTags.addTags = {QStringLiteral("reviewed"), QStringLiteral("cohort+B")};
    item.request.technicalTags.removeTags = {QStringLiteral("pending")};
    item.request.willBeArchivedAt = at("2027-01-30T08:30:00Z");
    item.status = status;
    if (status == ItemStatus::Failed)
        item.additionalStatusInformation = QStringLiteral("Data not found");
    return item;
}

} // namespace

class TestDomainJson final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createBatchRequestRoundTrip() {
        CreateBatchRequest request;
        DataUpdateGroup group;
        group.dataIds = {QStringLiteral("fil.0123456789abcdef0123456789abcdef"),
                         QStringLiteral("fol.fedcba9876543210fedcba9876543210")};
        group.userTags.addTags = {QStringLiteral("a"), QStringLiteral("b")};
        group.userTags.removeTags = {QStringLiteral("c")};
        group.technicalTags.addTags = {QStringLiteral("t1")};
        group.willBeDeletedAt = at("2027-03-01T00:00:00Z");
        group.clearWillBeArchivedAt = true;
        request.dataUpdateGroups = {
            group, DataUpdateGroup{{QStringLiteral("x")}, {}, {}, {}, {}, false, true}};
        QCOMPARE(roundTrip(request), request);
        QCOMPARE(request.dataIdCount(), 3);

        // The body has exactly the API's field names.
        const QJsonObject json = request.toJson();
        const QJsonObject first =
            json.value(QLatin1String("dataUpdateGroups")).toArray().at(0).toObject();
        QCOMPARE(first.value(QLatin1String("willBeDeletedAt")).toString(),
                 QStringLiteral("2027-03-01T00:00:00Z"));
        QCOMPARE(first.value(QLatin1String("userTags"))
                     .toObject()
                     .value(QLatin1String("removeTags"))
                     .toArray()
                     .size(),
                 1);
        QVERIFY(first.value(QLatin1String("clearWillBeArchivedAt")).toBool());
        QVERIFY(!first.contains(QLatin1String("clearWillBeDeletedAt")));
    }

    void groupThatChangesNothing() {
        DataUpdateGroup group;
        group.dataIds = {QStringLiteral("fil.1")};
        QVERIFY(group.changesNothing());
        group.clearWillBeDeletedAt = true;
        QVERIFY(!group.changesNothing());
    }

    void batchAndJobRoundTrip() {
        Batch batch;
        batch.id = QStringLiteral("0d6c7b0e-1111-4222-8333-444455556666");
        batch.job.id = QStringLiteral("1d6c7b0e-1111-4222-8333-444455556666");
        batch.job.status = JobStatus::PartiallySucceeded;
        batch.job.subjectType = QStringLiteral("ProjectDataUpdateBatch");
        batch.job.subjectId = batch.id;
        batch.job.timeCreated = at("2026-11-30T08:30:00Z");
        batch.job.timeStarted = at("2026-11-30T08:30:01.250Z");
        batch.job.owner.id = QStringLiteral("2d6c7b0e-1111-4222-8333-444455556666");
        batch.job.owner.firstname = QStringLiteral("Ada");
        batch.job.owner.lastname = QStringLiteral("Lovelace");
        batch.job.additionalStatusInformation = QStringLiteral("3 of 10 items failed");
        QCOMPARE(roundTrip(batch), batch);
        QCOMPARE(batch.job.owner.displayName(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(batch.job.timeStarted.time().msec(), 250);
    }

    void itemPageRoundTripBothDecoders() {
        BatchItemPage page;
        for (int i = 0; i < 6; ++i)
            page.items.append(sampleItem(i, ItemStatus(ItemStatus::knownValues()[i])));
        page.info.nextPageToken = QStringLiteral("opaque-token");
        page.info.remainingRecords = 42;
        const QByteArray body = compact(page.toJson());
        const auto slow = decodeJson<BatchItemPage>(body);
        const auto fast = decodeBatchItemPage(body);
        QVERIFY2(slow.ok(), qPrintable(slow.describe()));
        QVERIFY2(fast.ok(), qPrintable(fast.describe()));
        QCOMPARE(*slow.value, page);
        QCOMPARE(*fast.value, page);
    }

    void statusSpellings_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isJob");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("terminal");
        QTest::newRow("job INITIALIZED") << "INITIALIZED" << true << true << false;
        QTest::newRow("job WAITING_FOR_RESOURCES")
            << "WAITING_FOR_RESOURCES" << true << true << false;
        QTest::newRow("job STOPPED") << "STOPPED" << true << true << true;
        QTest::newRow("job PARTIALLY_SUCCEEDED") << "PARTIALLY_SUCCEEDED" << true << true << true;
        QTest::newRow("job item spelling INITIALISED") << "INITIALISED" << true << false << false;
        QTest::newRow("item INITIALISED") << "INITIALISED" << false << true << false;
        QTest::newRow("item WAITING_RESOURCES") << "WAITING_RESOURCES" << false << true << false;
        QTest::newRow("item PARTIALLY_UPDATED") << "PARTIALLY_UPDATED" << false << true << true;
        QTest::newRow("item job spelling INITIALIZED") << "INITIALIZED" << false << false << false;
        QTest::newRow("item future value") << "QUEUED_ON_MARS" << false << false << false;
    }

    void statusSpellings() {
        QFETCH(QString, text);
        QFETCH(bool, isJob);
        QFETCH(bool, known);
        QFETCH(bool, terminal);
        if (isJob) {
            const JobStatus s = JobStatus::fromString(text);
            QCOMPARE(s.isKnown(), known);
            QCOMPARE(s.isTerminal(), terminal);
            QCOMPARE(s.toString(), text); // unknown values keep their raw text
        } else {
            const ItemStatus s = ItemStatus::fromString(text);
            QCOMPARE(s.isKnown(), known);
            QCOMPARE(s.isTerminal(), terminal);
            QCOMPARE(s.toString(), text);
        }
    }

    void unknownStatusSurvivesDecoding() {
        const QByteArray body = R"({"items":[{"id":"i1","request":{"dataId":"fil.1"},
            "processing":{"status":"RETRYING"}}],"nextPageToken":""})";
        const auto fast = decodeBatchItemPage(body);
        QVERIFY(fast.ok());
        QCOMPARE(fast.value->items.at(0).status.value(), ItemStatus::Unknown);
        QCOMPARE(fast.value->items.at(0).status.toString(), QStringLiteral("RETRYING"));
    }

    void projectRoundTrip() {
        Project p;
        setTexts({{&p.id, "3d6c7b0e-1111-4222-8333-444455556666"},
                  {&p.name, "Cohort B"},
                  {&p.shortDescription, "WGS"},
                  {&p.tenantName, "demo-lab"},
                  {&p.regionCode, "EU"},
                  {&p.billingMode, "PROJECT"}});
        p.userTags = {QStringLiteral("wgs")};
        p.timeCreated = at("2025-01-01T00:00:00Z");
        QCOMPARE(roundTrip(p), p);
        ProjectPage page;
        page.items = {p, p};
        page.info.totalItemCount = 2;
        QCOMPARE(roundTrip(page), page);
    }

    void projectDataRoundTrip() {
        ProjectData d;
        setTexts({{&d.projectId, "3d6c7b0e-1111-4222-8333-444455556666"},
                  {&d.id, "fil.0123456789abcdef0123456789abcdef"},
                  {&d.name, "S1_R1_001.fastq.gz"},
                  {&d.path, "/runs/2026-11/S1_R1_001.fastq.gz"},
                  {&d.typeText, "FILE"},
                  {&d.status, "AVAILABLE"},
                  {&d.formatCode, "FASTQ"}});
        d.type = ProjectData::Type::File;
        d.sizeInBytes = qint64(5) * 1024 * 1024 * 1024;
        d.tags.userTags = {QStringLiteral("reviewed")};
        d.tags.connectorTags = {QStringLiteral("uploader")};
        d.timeCreated = at("2026-11-01T10:00:00Z");
        d.timeModified = at("2026-11-02T10:00:00Z");
        d.willBeDeletedAt = at("2027-11-02T10:00:00Z");
        QCOMPARE(roundTrip(d), d);
    }

    void problemAndToken() {
        Problem p;
        p.type = QStringLiteral("https://ica.illumina.com/problems/validation");
        p.title = QStringLiteral("Bad request");
        p.status = 400;
        p.detail = QStringLiteral("dataUpdateGroups is required");
        p.parameters = {{QStringLiteral("field"), QStringLiteral("dataUpdateGroups")}};
        p.timestamp = at("2026-11-30T08:30:00Z");
        QCOMPARE(roundTrip(p), p);
        QCOMPARE(roundTrip(Token{QStringLiteral("a.b.c")}).token, QStringLiteral("a.b.c"));
    }

    void jwtClaims() {
        const QByteArray payload =
            QByteArray(R"({"exp":1800000000,"tid":"t-1","tns":"demo-lab","sub":"u"})")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const auto claims = JwtClaims::parse(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.") +
                                             QString::fromLatin1(payload) + QStringLiteral(".sig"));
        QVERIFY(claims);
        QCOMPARE(claims->expiresAt.toSecsSinceEpoch(), 1800000000);
        QCOMPARE(claims->tenantName, QStringLiteral("demo-lab"));
        QCOMPARE(claims->tenantId, QStringLiteral("t-1"));
        QVERIFY(!JwtClaims::parse(QStringLiteral("not-a-jwt")));
        QVERIFY(!JwtClaims::parse(QStringLiteral("a.!!!.c")));
    }

    void missingRequiredFieldNamesItsPath_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("path");
        QTest::newRow("no items") << QByteArray(R"({"nextPageToken":""})") << "items";
        QTest::newRow("no dataId")
            << QByteArray(
                   R"({"items":[{"id":"a","request":{"dataId":"x"},"processing":{"status":"UPDATED"}},
                                       {"id":"b","request":{},"processing":{"status":"UPDATED"}}]})")
            << "items[1].request.dataId";
        QTest::newRow("no status")
            << QByteArray(R"({"items":[{"id":"a","request":{"dataId":"x"},"processing":{}}]})")
            << "items[0].processing.status";
        QTest::newRow("wrong type")
            << QByteArray(
                   R"({"items":[{"id":7,"request":{"dataId":"x"},"processing":{"status":"UPDATED"}}]})")
            << "items[0].id";
        QTest::newRow("bad date")
            << QByteArray(
                   R"({"items":[{"id":"a","request":{"dataId":"x","willBeDeletedAt":"tomorrow"},"processing":{"status":"UPDATED"}}]})")
            << "items[0].request.willBeDeletedAt";
        QTest::newRow("tag not a string")
            << QByteArray(
                   R"({"items":[{"id":"a","request":{"dataId":"x","userTags":{"addTags":["ok",3]}},"processing":{"status":"UPDATED"}}]})")
            << "items[0].request.userTags.addTags[1]";
    }

    void missingRequiredFieldNamesItsPath() {
        QFETCH(QByteArray, body);
        QFETCH(QString, path);
        const auto slow = decodeJson<BatchItemPage>(body);
        const auto fast = decodeBatchItemPage(body);
        QVERIFY(!slow.ok());
        QVERIFY(!fast.ok());
        QCOMPARE(slow.errorPath, path);
        QCOMPARE(fast.errorPath, path);
        QVERIFY(fast.describe().startsWith(path + QStringLiteral(": ")));
    }

    void jobRequiredFields() {
        const auto decoded = decodeJson<Batch>(
            R"({"id":"b","job":{"id":"j","status":"RUNNING","subjectType":"x","subjectId":"b","timeCreated":"2026-11-30T08:30:00Z"}})");
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.errorPath, QStringLiteral("job.owner"));
    }

    void malformedAndTruncatedBodies() {
        BatchItemPage page;
        for (int i = 0; i < 50; ++i)
            page.items.append(sampleItem(i, ItemStatus::Updated));
        const QByteArray body = compact(page.toJson());
        // Every prefix of a valid body is rejected without a crash.
        for (qsizetype cut = 0; cut < body.size(); cut += 97) {
            const auto fast = decodeBatchItemPage(body.left(cut));
            QVERIFY2(!fast.ok(), qPrintable(QString::number(cut)));
            QVERIFY(!fast.errorMessage.isEmpty());
        }
        QVERIFY(!decodeJson<Batch>("[1,2,3]").ok());
        QVERIFY(!decodeJson<Batch>("").ok());
        QVERIFY(
            decodeJson<Batch>("\xff\xfe{").errorMessage.contains(QStringLiteral("not valid JSON")));
    }

    void dateTimesAreUtc() {
        QCOMPARE(formatDateTime(parseDateTime(QStringLiteral("2026-11-30T09:30:00+01:00"))),
                 QStringLiteral("2026-11-30T08:30:00Z"));
        QVERIFY(!parseDateTime(QStringLiteral("30/11/2026")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestDomainJson)
#include "tst_domainjson.moc"
