// ProgressCurve, the points of the monitor's progress chart and the source of its
// rate and time left: plateaus keep two ends, the curve stays bounded, the rate
// follows the last minute, the time left follows the rate, a finished batch is not
// stretched, and the stored JSON reads back (damaged JSON gives an empty curve).
// Also the panel's texts for a rate and a time left.
#include "core/monitor/progresscurve.h"
#include "ui/monitor/progresspanel.h"

#include <QLocale>
#include <QTest>

using namespace ica;

namespace {

/// `done` of `total` items UPDATED, the rest UPDATING.
ItemStatusCounts counts(qint64 done, qint64 total, qint64 failed = 0) {
    ItemStatusCounts c;
    c.setCount(ItemStatus::Updated, done - failed);
    c.setCount(ItemStatus::Failed, failed);
    c.setCount(ItemStatus::Updating, total - done);
    return c;
}

} // namespace

class TstProgressCurve final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void plateauKeepsItsTwoEnds() {
        ProgressCurve curve;
        curve.add(1000, counts(0, 100));
        curve.add(2000, counts(10, 100));
        curve.add(3000, counts(10, 100));
        curve.add(4000, counts(10, 100));
        curve.add(5000, counts(10, 100));
        QCOMPARE(curve.samples().size(), 3);
        QCOMPARE(curve.samples().at(1).atMs, 2000);
        QCOMPARE(curve.samples().at(2).atMs, 5000);
        curve.add(6000, counts(20, 100));
        QCOMPARE(curve.samples().size(), 4);
        QCOMPARE(curve.samples().last().counts.count(ItemStatus::Updated), 20);
    }

    void ignoresEmptyBatchesAndClockStepsBack() {
        ProgressCurve curve;
        curve.add(1000, ItemStatusCounts());
        QVERIFY(curve.isEmpty());
        QVERIFY(curve.add(5000, counts(1, 10)));
        QVERIFY(!curve.add(4000, counts(2, 10))); // unchanged: the tracker writes nothing
        QCOMPARE(curve.samples().size(), 1);
        QCOMPARE(curve.samples().first().counts.terminal(), 1);
    }

    void aFinishedBatchIsNotStretched() {
        ProgressCurve curve;
        curve.add(1000, counts(5, 10));
        curve.add(2000, counts(10, 10, 2));
        curve.add(90'000'000, counts(10, 10, 2)); // opened again the next day
        QCOMPARE(curve.samples().size(), 2);
        QCOMPARE(curve.samples().last().atMs, 2000);
        QCOMPARE(curve.secondsToFinish(), std::optional<qint64>(0));
    }

    void staysBoundedAndKeepsBothEnds() {
        ProgressCurve curve;
        const int total = 100'000;
        for (int i = 0; i <= 5000; ++i)
            curve.add(qint64(i) * 1000, counts(qint64(i) * 20, total));
        QVERIFY2(curve.samples().size() <= ProgressCurve::MaxSamples,
                 qPrintable(QString::number(curve.samples().size())));
        QVERIFY(curve.samples().size() > ProgressCurve::MaxSamples / 2);
        QCOMPARE(curve.samples().first().atMs, 0);
        QCOMPARE(curve.samples().last().atMs, 5'000'000);
        for (qsizetype i = 1; i < curve.samples().size(); ++i)
            QVERIFY(curve.samples().at(i - 1).atMs < curve.samples().at(i).atMs);
        // The recent half keeps its resolution: the rate is still exact.
        QCOMPARE(curve.itemsPerSecond().value_or(-1), 20.0);
    }

    void rateFollowsTheLastMinute() {
        ProgressCurve curve;
        QVERIFY(!curve.itemsPerSecond());
        curve.add(0, counts(0, 10'000));
        QVERIFY(!curve.itemsPerSecond()); // one point: no pace yet
        curve.add(500, counts(5, 10'000));
        QVERIFY(!curve.itemsPerSecond()); // under a second: no pace yet
        // Slow for two minutes (1 item/s), then fast (50 items/s) for one.
        qint64 done = 5;
        for (int s = 1; s <= 120; ++s)
            curve.add(500 + s * 1000, counts(done += 1, 10'000));
        QCOMPARE(curve.itemsPerSecond().value_or(-1), 1.0);
        for (int s = 121; s <= 180; ++s)
            curve.add(500 + s * 1000, counts(done += 50, 10'000));
        QCOMPARE(curve.itemsPerSecond().value_or(-1), 50.0);
        const qint64 left = 10'000 - done;
        QCOMPARE(curve.secondsToFinish().value_or(-1), (left + 49) / 50);
    }

    void noPaceNoTimeLeft() {
        ProgressCurve curve;
        curve.add(0, counts(3, 10));
        curve.add(5000, counts(3, 10));
        QCOMPARE(curve.itemsPerSecond().value_or(-1), 0.0);
        QVERIFY(!curve.secondsToFinish());
    }

    void jsonRoundTrip() {
        ProgressCurve curve;
        ItemStatusCounts odd = counts(4, 10, 1);
        odd.setCount(ItemStatus::Unknown, 3);
        odd.setCount(ItemStatus::WaitingResources, 2);
        curve.add(1000, counts(0, 10));
        curve.add(2000, odd);
        curve.add(3000, counts(10, 10, 1));
        const ProgressCurve back = ProgressCurve::fromJson(curve.toJson());
        QVERIFY(back == curve);
        QCOMPARE(back.samples().at(1).counts.count(ItemStatus::Unknown), 3);
        QCOMPARE(back.samples().at(1).counts.count(ItemStatus::WaitingResources), 2);
    }

    void damagedJsonGivesAnEmptyCurve_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{{{");
        QTest::newRow("other format") << QByteArray(R"({"format":9,"statuses":[],"samples":[]})");
        QTest::newRow("short row")
            << QByteArray(R"({"format":1,"statuses":["UPDATED"],"samples":[[1]]})");
        QTest::newRow("time not a number")
            << QByteArray(R"({"format":1,"statuses":["UPDATED"],"samples":[["x",1,0]]})");
        QTest::newRow("time backwards")
            << QByteArray(R"({"format":1,"statuses":["UPDATED"],"samples":[[5,1,0],[4,2,0]]})");
    }
    void damagedJsonGivesAnEmptyCurve() {
        QFETCH(QByteArray, json);
        QVERIFY(ProgressCurve::fromJson(json).isEmpty());
    }

    void panelTexts() {
        using ica::ui::ProgressPanel;
        QCOMPARE(ProgressPanel::rateText(std::nullopt), QStringLiteral("Rate: —"));
        QCOMPARE(ProgressPanel::rateText(2.25), QStringLiteral("Rate: 2.3 items/s"));
        QCOMPARE(ProgressPanel::rateText(1234.4), QStringLiteral("Rate: 1,234 items/s"));
        QCOMPARE(ProgressPanel::etaText(std::nullopt), QStringLiteral("Time left: —"));
        QCOMPARE(ProgressPanel::etaText(0), QStringLiteral("Time left: none, every item is done"));
        QCOMPARE(ProgressPanel::etaText(42), QStringLiteral("Time left: about 42 s"));
        QCOMPARE(ProgressPanel::etaText(61), QStringLiteral("Time left: about 2 min"));
        QCOMPARE(ProgressPanel::etaText(3 * 3600 + 5 * 60),
                 QStringLiteral("Time left: about 3 h 5 min"));
    }
};

QTEST_MAIN(TstProgressCurve)
#include "tst_progresscurve.moc"
