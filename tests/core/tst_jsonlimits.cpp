// JsonLimits on both decoder paths: deep nesting, huge strings and keys, numbers
// out of range, invalid UTF-8, NULs, lone surrogates, raw control characters and
// duplicate keys are refused by decodeJson() (QJsonDocument) and by
// decodeBatchItemPage() (simdjson) alike, with the path of the offending value.
#include "core/domain/batch.h"
#include "core/domain/fastitemdecoder.h"
#include "core/domain/jsondecode.h"
#include "core/domain/problem.h"
#include "core/domain/projectdata.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace ica;
using ica::test::setTexts;

namespace {

// One valid item with `dataId` spliced in as raw JSON text (so the test can put
// bytes there that no JSON writer would produce).
QByteArray item(const QByteArray &dataIdJson, const QByteArray &extra = {}) {
    return R"({"id":"i-1","request":{"dataId":)" + dataIdJson +
           R"(},"processing":{"status":"UPDATED"})" + extra + "}";
}

QByteArray page(const QByteArray &items, const QByteArray &extra = {}) {
    return R"({"items":[)" + items + "]" + extra + "}";
}

QByteArray nested(int depth) {
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestJsonLimits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refusedOnBothPaths_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QByteArray good = item(R"("fil.1")");

        QTest::newRow("nested 40 deep") << page(good, R"(,"x":)" + nested(40)) << QString()
                                        << QStringLiteral("deeper than 32 levels");
        QTest::newRow("nested 100000 deep")
            << page(good, R"(,"x":)" + nested(100000)) << QString() << QStringLiteral("deep");

        const QByteArray huge(JsonLimits::MaxStringBytes + 1, 'a');
        QTest::newRow("huge string") << page(item('"' + huge + '"')) << "items[0].request.dataId"
                                     << QStringLiteral("longer than the limit of 262144 bytes");
        QTest::newRow("huge key") << page(item(R"("fil.1")", ",\"" + huge + "\":1"))
                                  << QString(QStringLiteral("items[0].") +
                                             QString(64, QLatin1Char('a')) + QStringLiteral("..."))
                                  << QStringLiteral("the key a string of 262145 bytes");

        QTest::newRow("count 2^62")
            << page(good, R"(,"totalItemCount":4611686018427387904)") << "totalItemCount"
            << QStringLiteral("not a whole number from 0 to 2147483647");
        QTest::newRow("count -1") << page(good, R"(,"remainingRecords":-1)") << "remainingRecords"
                                  << QStringLiteral("-1 is not a whole number");
        QTest::newRow("count 1.5") << page(good, R"(,"totalItemCount":1.5)") << "totalItemCount"
                                   << QStringLiteral("1.5 is not a whole number");
        QTest::newRow("count 1e300") << page(good, R"(,"totalItemCount":1e300)") << "totalItemCount"
                                     << QStringLiteral("not a whole number");
        QTest::newRow("count 2^64-1") << page(good, R"(,"totalItemCount":18446744073709551615)")
                                      << "totalItemCount" << QStringLiteral("not a whole number");
        QTest::newRow("number beyond 64 bits")
            << page(good, R"(,"x":{"y":[99999999999999999999999]})") << "x.y[0]"
            << QStringLiteral("out of range (it must fit in 64 bits)");
        // QJsonDocument refuses 1e400 itself: the message gives the byte instead.
        QTest::newRow("count 1e400") << page(good, R"(,"totalItemCount":1e400)") << QString()
                                     << QStringLiteral("illegal number at byte");

        // simdjson rounds it to 0; QJsonDocument refuses it, and so must both paths.
        QTest::newRow("underflow 1e-400")
            << page(good, R"(,"x":[1e-400])") << QString() << QStringLiteral("illegal number");
        QTest::newRow("invalid UTF-8")
            << page(item("\"fil.\xff\"")) << QString() << QStringLiteral("invalid UTF8 string");
        QTest::newRow("overlong UTF-8")
            << page(item("\"\xc0\x80\"")) << QString() << QStringLiteral("invalid UTF8 string");
        QTest::newRow("UTF-8 surrogate")
            << page(item("\"\xed\xa0\x80\"")) << QString() << QStringLiteral("invalid UTF8 string");
        QTest::newRow("invalid UTF-8 key")
            << page(good, ",\"\xfe\":1") << QString() << QStringLiteral("invalid UTF8 string");
        QTest::newRow("lone surrogate")
            << page(item(R"("fil.\ud800")")) << "items[0].request.dataId"
            << QStringLiteral("lone UTF-16 surrogate");
        QTest::newRow("lone surrogate key")
            << page(good, R"(,"\udc00":1)") << "?" // shown as '?' in the message
            << QStringLiteral("the key holds a lone UTF-16 surrogate");

        QTest::newRow("NUL escape") << page(item(R"("fil.\u0000x")")) << "items[0].request.dataId"
                                    << QStringLiteral("NUL character");
        QTest::newRow("NUL in unknown member") << page(good, R"(,"note":["a","b\u0000"])")
                                               << "note[1]" << QStringLiteral("NUL character");
        QTest::newRow("raw NUL byte") << page(item(QByteArray("\"fil.\0x\"", 8))) << QString()
                                      << QStringLiteral("unescaped control character");
        QTest::newRow("raw control character") << page(item("\"fil.\x01\"")) << QString()
                                               << QStringLiteral("unescaped control character");

        QTest::newRow("duplicate items") << R"({"items":[],"items":[]})" + QByteArray() << "items"
                                         << QStringLiteral("appears more than once");
        // The simdjson path once returned both arrays and the Qt path the last one.
        QTest::newRow("duplicate items with data")
            << page(good).chopped(1) + R"(,"items":[)" + item(R"("fil.2")") + "]}"
            << "items" << QStringLiteral("appears more than once");
        QTest::newRow("duplicate spelled with an escape")
            << R"({"items":[],"\u0069tems":[]})" + QByteArray() << "items"
            << QStringLiteral("appears more than once");
        QTest::newRow("duplicate id in an item")
            << page(item(R"("fil.1")", R"(,"id":"i-2")")) << "items[0].id"
            << QStringLiteral("appears more than once");
        QTest::newRow("duplicate unknown key")
            << page(good, R"(,"x":1,"x":2)") << "x" << QStringLiteral("appears more than once");
        QByteArray many;
        for (int i = 0; i < 40; ++i)
            many += ",\"k" + QByteArray::number(i) + "\":1";
        QTest::newRow("duplicate among many keys")
            << page(good, many + R"(,"k7":2)") << "k7" << QStringLiteral("appears more than once");
    }

    void refusedOnBothPaths() {
        QFETCH(QByteArray, body);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto slow = decodeJson<BatchItemPage>(body);
        const auto fast = decodeBatchItemPage(body);
        QVERIFY2(!slow.ok(), "QJsonDocument path took it");
        QVERIFY2(!fast.ok(), "simdjson path took it");
        QVERIFY(!decodeBatchItemPageFast(body));
        QCOMPARE(slow.errorPath, path);
        QCOMPARE(fast.errorPath, path);
        QVERIFY2(slow.errorMessage.contains(message), qPrintable(slow.errorMessage));
        QCOMPARE(fast.errorMessage, slow.errorMessage);
    }

    void withinLimitsBothPathsAgree_data() {
        QTest::addColumn<QByteArray>("body");
        const QByteArray good = item(R"("fil.1")");
        QTest::newRow("counts at their limits")
            << page(good, R"(,"totalItemCount":2147483647,"remainingRecords":0)");
        QTest::newRow("nested 20 deep") << page(good, R"(,"x":)" + nested(20));
        QTest::newRow("string at the limit")
            << page(item('"' + QByteArray(JsonLimits::MaxStringBytes, 'a') + '"'));
        QTest::newRow("byte order mark") << "\xef\xbb\xbf" + page(good);
        QTest::newRow("escaped text") << page(item(R"("fil.\u00e9\n\ud83d\ude00")"));
        QTest::newRow("same key in two objects")
            << page(good + ',' + item(R"("fil.2")"), R"(,"x":{"items":1})");
    }

    void withinLimitsBothPathsAgree() {
        QFETCH(QByteArray, body);
        const auto slow = decodeJson<BatchItemPage>(body);
        const auto fast = decodeBatchItemPageFast(body);
        QVERIFY2(slow.ok(), qPrintable(slow.describe()));
        QVERIFY(fast);
        QCOMPARE(*fast, *slow.value);
    }

    void wholeNumberWrittenAsDouble() {
        // 5.0 is a whole number: simdjson types it a double, so the fast path hands
        // it to the slow one, which takes it.
        const auto decoded =
            decodeBatchItemPage(page(item(R"("fil.1")"), R"(,"totalItemCount":5.0)"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.describe()));
        QCOMPARE(decoded.value->info.totalItemCount, 5);
    }

    void zeroWrittenAsDouble() {
        // 0.0 may be an underflow to the simdjson path: it leaves it to the other one.
        const QByteArray body = page(item(R"("fil.1")"), R"(,"x":0.0)");
        QVERIFY(!decodeBatchItemPageFast(body));
        QVERIFY(decodeBatchItemPage(body).ok());
    }

    void otherBodiesGetTheLimits() {
        // A file size below zero or beyond 2^53, a problem status out of range.
        ProjectData d;
        setTexts(
            {{&d.id, "fil.1"}, {&d.name, "a"}, {&d.typeText, "FILE"}, {&d.status, "AVAILABLE"}});
        d.timeCreated = d.timeModified = QDateTime::currentDateTimeUtc();
        d.sizeInBytes = 10;
        const QByteArray body = QJsonDocument(d.toJson()).toJson(QJsonDocument::Compact);
        QVERIFY(decodeJson<ProjectData>(body).ok());
        QVERIFY(body.contains("\"fileSizeInBytes\":10"));
        for (const QByteArray &size : {QByteArray("-1"), QByteArray("9007199254740993")}) {
            const auto bad = decodeJson<ProjectData>(QByteArray(body).replace(
                "\"fileSizeInBytes\":10", QByteArray("\"fileSizeInBytes\":" + size)));
            QVERIFY(!bad.ok());
            QCOMPARE(bad.errorPath, QStringLiteral("data.details.fileSizeInBytes"));
        }
        QVERIFY(!decodeJson<Problem>(R"({"title":"x","status":1099511627776})").ok());
        QCOMPARE(decodeJson<Problem>(R"({"title":"x","status":404})").value->status, 404);
        QCOMPARE(decodeJson<Batch>(R"({"id":"a","id":"b"})").errorPath, QStringLiteral("id"));
    }

    void jwtClaimsWithinLimits() {
        auto jwt = [](const QByteArray &payload) -> QString {
            return QStringLiteral("eyJhbGciOiJIUzI1NiJ9.") +
                   QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding |
                                                        QByteArray::OmitTrailingEquals)) +
                   QStringLiteral(".sig");
        };
        QCOMPARE(JwtClaims::parse(jwt(R"({"exp":1800000000})"))->expiresAt.toSecsSinceEpoch(),
                 1800000000);
        // An exp no date can hold is no expiry, not a date in 1970 or an overflow.
        for (const char *exp : {"1e300", "-5", "4611686018427387904"})
            QVERIFY(
                !JwtClaims::parse(jwt(R"({"exp":)" + QByteArray(exp) + "}"))->expiresAt.isValid());
        QVERIFY(!JwtClaims::parse(jwt(R"({"sub":"a","sub":"b"})")));
        QVERIFY(!JwtClaims::parse(jwt(R"({"sub":"\u0000"})")));
    }
};

QTEST_GUILESS_MAIN(TestJsonLimits)
#include "tst_jsonlimits.moc"
