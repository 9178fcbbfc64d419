// The monitor's pace and progress chart against the simulator (paced batches: one
// item per 100 ms of simulated time) and a real SQLite file: each refresh round adds
// its counts to the curve, the rate and time left follow it, the chart shows it, and
// after a restart on the same database the finished batch shows the same curve.
// The tracker's clock follows the simulated time, so the rate is exact.
#include "core/monitor/batchprogresstracker.h"
#include "tests/monitor/monitorharness.h"
#include "tests/support/worldtestcase.h"
#include "ui/monitor/progresschart.h"
#include "ui/monitor/progresspanel.h"

#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace ica;
using ica::test::MonitorHarness;
using ica::test::TestWorld;

class TstMonitorProgress final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TstMonitorProgress()
        : WorldTestCase(TestWorld::pacedBatches()) {}

private:
    /// One refresh round, after `simulated` ms of the simulator's (and the curve's) time.
    bool step(MonitorHarness &h, qint64 &clockMs, int simulated) {
        clockMs += simulated;
        world->advance(std::chrono::milliseconds(simulated));
        QSignalSpy refreshed(h.monitor(), &BatchMonitor::refreshed);
        if (!QTest::qWaitFor([&] { return h.monitor()->refreshNow(); }, Timeout))
            return false;
        return refreshed.wait(Timeout) || refreshed.count() > 0;
    }
    QString label(const MonitorHarness &h, const QString &name) const {
        auto *l = h.child<QLabel>(name);
        return l ? l->text() : QStringLiteral("(no %1)").arg(name);
    }

private Q_SLOTS:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void curveFollowsTheBatchAndSurvivesARestart() {
        const QString path = TestWorld::databasePath(QStringLiteral("progress"));
        const QString batchId = world->createBatch(world->nextBatchDataIds());
        QVERIFY(!batchId.isEmpty());
        ProgressCurve shown;
        {
            MonitorHarness h(*world, path);
            qint64 clockMs = 1'700'000'000'000;
            BatchProgressTracker *tracker = h.widget->progressTracker();
            tracker->setClock([&clockMs] { return clockMs; });
            h.widget->openBatch(world->projectId, batchId);
            QTRY_VERIFY2_WITH_TIMEOUT(h.settled(), qPrintable(h.describe()), Timeout);
            QCOMPARE(tracker->batchId(), batchId);
            auto *chart = h.child<ui::ProgressChart>(QStringLiteral("progressChart"));
            QVERIFY(chart);

            // Past the start, then 1 s (10 items) per round.
            QVERIFY(step(h, clockMs, int(TestWorld::untilDone(0).count())));
            qint64 lastDone = -1;
            for (int round = 0; round < 3; ++round) {
                QVERIFY(step(h, clockMs, 1000));
                const qint64 done = tracker->curve().samples().last().counts.terminal();
                QVERIFY2(done > lastDone, qPrintable(QString::number(done)));
                lastDone = done;
            }
            QVERIFY(tracker->curve().samples().size() >= 4);
            // 30 items done in the 5 s since the first look (2 s of start, 3 s of work).
            QCOMPARE(lastDone, 30);
            QCOMPARE(tracker->curve().samples().first().counts.terminal(), 0);
            QCOMPARE(tracker->curve().itemsPerSecond().value_or(-1), 6.0);
            QCOMPARE(label(h, QStringLiteral("rateLabel")), QStringLiteral("Rate: 6.0 items/s"));
            const qint64 left = TestWorld::BatchSize - lastDone;
            QCOMPARE(tracker->curve().secondsToFinish().value_or(-1), (left * 10 + 59) / 60);
            QVERIFY2(
                label(h, QStringLiteral("etaLabel")).startsWith(QStringLiteral("Time left: about")),
                qPrintable(label(h, QStringLiteral("etaLabel"))));
            QVERIFY(chart->curve() == tracker->curve());

            // To the end: every item final, nothing left.
            QVERIFY(step(h, clockMs, 10'000));
            QTRY_VERIFY_WITH_TIMEOUT(h.monitor()->isFinished(), Timeout);
            QVERIFY(tracker->curve().samples().last().counts.allTerminal());
            QCOMPARE(tracker->curve().samples().last().counts.total(), TestWorld::BatchSize);
            QCOMPARE(label(h, QStringLiteral("etaLabel")),
                     QStringLiteral("Time left: none, every item is done"));
            shown = tracker->curve();
            QVERIFY(chart->curve() == shown);
        }
        // Another run on the same database: the finished batch shows how it ran.
        MonitorHarness h(*world, path);
        h.widget->openBatch(world->projectId, batchId);
        QTRY_VERIFY2_WITH_TIMEOUT(h.settled(), qPrintable(h.describe()), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(h.widget->progressTracker()->curve() == shown, Timeout);
        auto *chart = h.child<ui::ProgressChart>(QStringLiteral("progressChart"));
        QVERIFY(chart && chart->curve() == shown);
        QVERIFY(chart->toolTip().contains(QStringLiteral("Items per status from")));
    }

    void aBatchNotWatchedWhileItRanSaysSo() {
        const QString batchId = world->createBatch(world->dataIds(6));
        QVERIFY(!batchId.isEmpty());
        world->advance(TestWorld::untilDone(6));
        MonitorHarness h(*world, TestWorld::databasePath(QStringLiteral("progress-late")));
        h.widget->openBatch(world->projectId, batchId);
        QTRY_VERIFY2_WITH_TIMEOUT(h.settled(), qPrintable(h.describe()), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(h.monitor()->isFinished(), Timeout);
        QCOMPARE(h.widget->progressTracker()->curve().samples().size(), 1);
        QCOMPARE(label(h, QStringLiteral("rateLabel")), QStringLiteral("Rate: —"));
        auto *chart = h.child<ui::ProgressChart>(QStringLiteral("progressChart"));
        QVERIFY(chart && chart->toolTip().contains(QStringLiteral("watched while they ran")));
    }
};

QTEST_MAIN(TstMonitorProgress)
#include "tst_monitorprogress.moc"
