// The pure logic of the client's bounds: PageGuard (paging that cannot loop or
// balloon) and gunzip's size and ratio limits, without a network.
#include "core/api/gunzip.h"
#include "core/api/pageguard.h"

#include <QTest>

#include <zlib.h>

using namespace ica;

namespace {

QByteArray gzip(const QByteArray &plain) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(plain.size()))) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    stream.avail_in = uInt(plain.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

/// Text that compresses like JSON does (a few times, not a thousand).
QByteArray jsonLike(qsizetype size) {
    QByteArray text;
    for (int i = 0; text.size() < size; ++i)
        text += R"({"id":"fil.)" + QByteArray::number(i * 7919 % 100003, 16) + R"(","n":)" +
                QByteArray::number(i) + "},";
    text.truncate(size);
    return text;
}

} // namespace

class TestBounds final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pageSizeCheck() {
        QVERIFY(!PageGuard::checkPageSize(100, 100));
        QVERIFY(!PageGuard::checkPageSize(0, 100));
        const auto error = PageGuard::checkPageSize(101, 100);
        QVERIFY(error);
        QCOMPARE(error->kind, ApiError::Kind::Decode);
        QVERIFY(error->message.contains(QLatin1String("101 rows on a page of at most 100")));
    }

    void cursorSeenTwice() {
        PageGuard guard;
        QVERIFY(!guard.checkNextCursor(QString()));
        QVERIFY(!guard.checkNextCursor(QStringLiteral("A")));
        QVERIFY(!guard.checkNextCursor(QStringLiteral("B")));
        const auto error = guard.checkNextCursor(QStringLiteral("A"));
        QVERIFY(error);
        QCOMPARE(error->message, QStringLiteral("The server sent the same page cursor twice; "
                                                "stopping to avoid an endless listing."));
        // The first page's empty token counts too.
        QVERIFY(guard.checkNextCursor(QString()));
    }

    void rowCounts() {
        PageGuard guard(1000);
        QVERIFY(!guard.checkRowCount(10, 10));
        QVERIFY(!guard.checkRowCount(999, -1));
        QVERIFY(guard.checkRowCount(11, 10)->message.contains(
            QLatin1String("more rows (11) than the 10")));
        QVERIFY(guard.checkRowCount(1001, -1)->message.contains(QLatin1String("past 1000 rows")));
        QVERIFY(!PageGuard(0).checkRowCount(1 << 30, -1)); // 0: no cap
    }

    void offsetTotal() {
        QVERIFY(!PageGuard::checkOffsetTotal(200000, 200000));
        const auto error = PageGuard::checkOffsetTotal(qint64(1) << 62, 200000);
        QVERIFY(error);
        QVERIFY(error->kind != ApiError::Kind::Usage); // the server said it: not exit 2
        QVERIFY(error->message.contains(QLatin1String("4611686018427387904 rows match")));
    }

    void repeatedPageNamesThePage() {
        const ApiError error = PageGuard::repeatedPage(QStringLiteral("at offset 300"));
        QVERIFY(error.message.contains(QLatin1String("page at offset 300")));
    }

    void gunzipRoundTrip() {
        const QByteArray plain = jsonLike(3 * 1024 * 1024);
        const std::optional<QByteArray> out = gunzip(gzip(plain), 16 * 1024 * 1024);
        QVERIFY(out);
        QCOMPARE(*out, plain);
    }

    void gunzipExactlyAtTheCap() {
        const QByteArray plain = jsonLike(100000);
        QVERIFY(gunzip(gzip(plain), plain.size()));
        QString why;
        bool tooLarge = false;
        QVERIFY(!gunzip(gzip(plain), plain.size() - 1, &why, &tooLarge));
        QVERIFY(tooLarge);
        QVERIFY2(why.contains(QLatin1String("more than 99999 bytes")), qPrintable(why));
    }

    void gunzipRefusesABomb() {
        // 64 MiB of zeros: ~64 KB compressed. Refused once past the floor, long before
        // the cap, and without allocating the whole.
        const QByteArray bomb = gzip(QByteArray(64 * 1024 * 1024, '\0'));
        QVERIFY(bomb.size() < 200 * 1024);
        QString why;
        bool tooLarge = false;
        QVERIFY(!gunzip(bomb, qint64(1) << 40, &why, &tooLarge));
        QVERIFY(tooLarge);
        QVERIFY2(why.contains(QLatin1String("gzip bomb")), qPrintable(why));
    }

    void gunzipTellsBrokenFromTooLarge() {
        const QByteArray zipped = gzip(jsonLike(50000));
        QString why;
        bool tooLarge = true;
        QVERIFY(!gunzip(zipped.left(zipped.size() / 2), 1 << 20, &why, &tooLarge));
        QVERIFY(!tooLarge);
        QCOMPARE(why, QStringLiteral("the gzip data ends early"));
        QVERIFY(!gunzip(QByteArray("not gzip at all"), 1 << 20, &why, &tooLarge));
        QVERIFY(!tooLarge);
    }
};

QTEST_GUILESS_MAIN(TestBounds)
#include "tst_bounds.moc"
