// The app's client code against a hostile HTTP server on loopback (HostileServer):
// ApiClient and the typed APIs, collectAllPages in both modes and ItemsPager's
// load-all get an error with a clear message from every misbehaviour, never a
// crash, a hang or unbounded memory.
#include "core/api/authenticator.h"
#include "core/api/batchapi.h"
#include "core/api/pagecollector.h"
#include "core/api/projectapi.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemspager.h"
#include "tests/support/callwaiter.h"
#include "tests/support/hostileserver.h"
#include "tests/support/simfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace ica;
using ica::test::CallWaiter;
using ica::test::HostileServer;
using Behaviour = HostileServer::Behaviour;

namespace {

/// The client's bounds in these tests: short, so the suite stays fast.
constexpr std::chrono::milliseconds Deadline{2500};
/// Generous: a call must end within this (several times its deadline).
constexpr int WaitMs = 20000;

/// Peak resident memory of this process so far, in MiB (VmHWM), or -1.
qint64 peakRssMib() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024;
    }
    return -1;
}

struct Hostile {
    explicit Hostile(Behaviour behaviour)
        : server(behaviour) {
        if (!server.listen())
            qFatal("hostile server: %s", qPrintable(server.errorString()));
        client.setServerUrl(server.baseUrl());
        client.setAuthenticator(new StaticAuthenticator(StaticAuthenticator::Kind::ApiKey,
                                                        QStringLiteral("hostile-test-key")));
        client.setDefaultDeadline(Deadline);
        client.setDefaultTimeout(Deadline);
        // No retries: each misbehaviour is seen once, whatever is counted as transient.
        client.setRetryPolicy(RetryPolicy::none());
    }
    HostileServer server;
    ApiClient client;
};

ProjectsQuery firstProjects() {
    return ProjectsQuery{{}, PageRequest::atOffset(0, 10), {}};
}

/// A create-batch body: one group adding user tag "x" to one well-formed data ID.
CreateBatchRequest oneIdBatch() {
    DataUpdateGroup group;
    group.dataIds = {QStringLiteral("fil.0123456789abcdef0123456789abcdef")};
    group.userTags.addTags = {QStringLiteral("x")};
    return CreateBatchRequest{{group}};
}

/// collectAllPages over the batch items listing, to its end or first error.
Result<QList<BatchItem>> collectItems(ApiClient *client, PageRequest::Mode mode, QObject *ctx) {
    std::optional<Result<QList<BatchItem>>> result;
    BatchApi api(client);
    collectAllPages<BatchItem>(
        [api, mode](const PageRequest &page, QObject *context,
                    ResultCallback<BatchItemPage> cb) mutable {
            return api.listItems(
                QStringLiteral("p1"), QStringLiteral("b1"),
                ItemsQuery{
                    {}, page, mode == PageRequest::Mode::Offset ? QStringLiteral("id") : QString()},
                context, std::move(cb));
        },
        CollectOptions{mode, 100, 2, {}}, ctx,
        [&result](const Result<QList<BatchItem>> &r) { result = r; });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 60000))
        qFatal("collectAllPages did not end");
    return *result;
}

} // namespace

class TestHostileClient final : public QObject {
    Q_OBJECT

    /// One transport misbehaviour against three calls (a listing, a GET of one
    /// object, a create POST): each fails within bounds with a message matching
    /// `expected`.
    void expectFailure(Behaviour behaviour, const QString &expected,
                       std::chrono::milliseconds deadline = Deadline) {
        Hostile h(behaviour);
        h.client.setDefaultDeadline(deadline);
        QElapsedTimer clock;
        clock.start();
        CallWaiter<ProjectPage> list;
        ProjectApi(&h.client).list(firstProjects(), this, list.callback());
        CallWaiter<Batch> get;
        BatchApi(&h.client).get(QStringLiteral("p1"), QStringLiteral("b1"), this, get.callback());
        CallWaiter<Batch> create;
        BatchApi(&h.client).create(QStringLiteral("p1"), oneIdBatch(), this, create.callback());
        QVERIFY(list.wait(WaitMs));
        QVERIFY(get.wait(WaitMs));
        QVERIFY(create.wait(WaitMs));
        const QRegularExpression pattern(expected, QRegularExpression::CaseInsensitiveOption);
        for (const ApiError &error : {list.error(), get.error(), create.error()}) {
            QVERIFY2(error.isError(), qPrintable(HostileServer::name(behaviour)));
            QVERIFY2(pattern.match(error.toString()).hasMatch(), qPrintable(error.toString()));
            QVERIFY(error.kind != ApiError::Kind::Usage);
        }
        qInfo("%s: %lld ms", qPrintable(HostileServer::name(behaviour)), clock.elapsed());
        QVERIFY2(clock.elapsed() < 4 * deadline.count(),
                 qPrintable(QString::number(clock.elapsed())));
    }

private Q_SLOTS:
    void gzipBombStopsAtTheCap() {
        expectFailure(Behaviour::GzipBomb, QStringLiteral("larger than the 16 MiB limit"));
    }
    void hugeBodyIsRefusedFromItsLength() {
        expectFailure(Behaviour::HugeBody,
                      QStringLiteral("announced 200 MiB, more than the 16 MiB"));
    }
    void endlessBodyStopsAtTheCap() {
        // Server and client share this thread, so three 16 MiB reads take a while.
        expectFailure(Behaviour::EndlessBody, QStringLiteral("larger than the 16 MiB limit"),
                      std::chrono::seconds(20));
    }
    void smallerCapIsHonoured() {
        Hostile h(Behaviour::EndlessBody);
        h.client.setMaxBodyBytes(1024 * 1024);
        CallWaiter<ProjectPage> list;
        ProjectApi(&h.client).list(firstProjects(), this, list.callback());
        QVERIFY(list.wait(WaitMs));
        QCOMPARE(list.error().kind, ApiError::Kind::Decode);
        QCOMPARE(list.error().limit, ApiError::Limit::BodySize);
        QVERIFY2(list.error().message.contains(QLatin1String("1 MiB limit")),
                 qPrintable(list.error().message));
    }
    void dripFailsAtTheDeadline() {
        expectFailure(Behaviour::Drip, QStringLiteral("not complete within the 2.5 s deadline"));
        Hostile h(Behaviour::Drip);
        CallWaiter<Batch> get;
        BatchApi(&h.client).get(QStringLiteral("p1"), QStringLiteral("b1"), this, get.callback());
        QVERIFY(get.wait(WaitMs));
        QCOMPARE(get.error().kind, ApiError::Kind::Timeout);
        QCOMPARE(get.error().limit, ApiError::Limit::Deadline);
    }
    void perRequestDeadlineWins() {
        Hostile h(Behaviour::Drip);
        h.client.setDefaultDeadline(std::chrono::minutes(5));
        ApiRequest request;
        request.path = QStringLiteral("/api/projects");
        request.deadline = std::chrono::milliseconds(1500);
        ApiCall *call = h.client.send(request);
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(finished.wait(WaitMs));
        QVERIFY2(call->error().message.contains(QLatin1String("1.5 s deadline")),
                 qPrintable(call->error().message));
    }
    void deepNestingIsADecodeError() {
        expectFailure(Behaviour::DeepNesting, QStringLiteral("^Unexpected answer from the server"));
    }
    void wrongShapesAreADecodeError() {
        expectFailure(Behaviour::WrongShapes, QStringLiteral("^Unexpected answer from the server"));
    }
    void htmlPageSaysCheckTheUrl() {
        expectFailure(
            Behaviour::HtmlLogin,
            QStringLiteral("web page, not ICA's API: check the server URL \\(127.0.0.1\\)"));
    }
    void redirectLoopEndsFast() {
        expectFailure(Behaviour::RedirectLoop,
                      QStringLiteral("redirected more than 5 times.*check the server URL"));
    }
    void redirectAwayNamesTheTarget() {
        expectFailure(Behaviour::RedirectAway,
                      QStringLiteral("redirected to https://login.example.invalid/sso, which is "
                                     "not followed"));
        // The query of the target (it may hold a session) is not repeated.
        Hostile h(Behaviour::RedirectAway);
        CallWaiter<Batch> get;
        BatchApi(&h.client).get(QStringLiteral("p1"), QStringLiteral("b1"), this, get.callback());
        QVERIFY(get.wait(WaitMs));
        QVERIFY(!get.error().toString().contains(QLatin1String("session")));
    }
    void silentServerTimesOut() {
        expectFailure(Behaviour::Silent, QStringLiteral("^Timed out: .*127.0.0.1"));
    }
    void droppedPostSaysTheOutcomeIsUnknown() {
        Hostile h(Behaviour::Drop);
        CallWaiter<Batch> create;
        BatchApi(&h.client).create(QStringLiteral("p1"), oneIdBatch(), this, create.callback());
        QVERIFY(create.wait(WaitMs));
        QCOMPARE(create.error().kind, ApiError::Kind::Network);
        QVERIFY2(create.error().message.contains(
                     QLatin1String("dropped after the request was sent: the outcome is unknown")),
                 qPrintable(create.error().toString()));
        QCOMPARE(h.server.requestCount(), 1); // never sent twice
    }

    void transportMemoryStayedBounded() {
        // Runs after the bomb, the 200 MB and the endless bodies above.
        const qint64 peak = peakRssMib();
        if (peak < 0)
            QSKIP("no /proc/self/status");
#ifdef ICATAG_SANITIZED
        QSKIP("ASan's shadow memory and quarantine are resident too: no bound to check");
#endif
        QVERIFY2(peak < 200, qPrintable(QStringLiteral("peak RSS %1 MiB").arg(peak)));
    }

    void retriesAreAnnounced() {
        ica::sim::SimulatorOptions options = ica::test::SimFixture::smallWorld();
        options.faults.rateLimitNext = 2;
        options.faults.retryAfterSeconds = 0;
        ica::test::SimFixture f(options);
        QVERIFY2(f.startError.isEmpty(), qPrintable(f.startError));
        QSignalSpy retrying(f.client.get(), &ApiClient::retryScheduled);
        CallWaiter<ProjectPage> list;
        ProjectApi(f.client.get()).list(firstProjects(), this, list.callback());
        QVERIFY(list.wait(WaitMs));
        QVERIFY2(list.ok(), qPrintable(list.error().toString()));
        QCOMPARE(retrying.size(), 2);
        // The try about to be made: the second, then the third.
        QCOMPARE(retrying.at(0).at(1).toInt(), 2);
        QCOMPARE(retrying.at(1).at(1).toInt(), 3);
        QCOMPARE(retrying.at(0).at(3).value<ApiError>().httpStatus, 429);
    }
    void hugeRetryAfterGivesUpAtOnce() {
        Hostile h(Behaviour::RateLimited);
        h.client.setRetryPolicy(RetryPolicy());
        QSignalSpy retrying(&h.client, &ApiClient::retryScheduled);
        CallWaiter<Batch> get;
        BatchApi(&h.client).get(QStringLiteral("p1"), QStringLiteral("b1"), this, get.callback());
        QVERIFY(get.wait(WaitMs));
        QCOMPARE(get.error().httpStatus, 429);
        QCOMPARE(get.error().retryAfterSeconds, 3600);
        QCOMPARE(retrying.size(), 0);
        QCOMPARE(h.server.requestCount(), 1);
    }

    void cursorSeenTwiceEndsTheListing() {
        for (const Behaviour behaviour : {Behaviour::RepeatCursor, Behaviour::CycleCursor}) {
            Hostile h(behaviour);
            const Result<QList<BatchItem>> r =
                collectItems(&h.client, PageRequest::Mode::Cursor, this);
            QVERIFY(!r.ok());
            QVERIFY2(r.error.message.contains(
                         QLatin1String("the same page cursor twice; stopping to avoid an endless")),
                     qPrintable(r.error.toString()));
            QVERIFY(h.server.requestCount() <= 4);
        }
    }
    void repeatedRowsEndTheListing() {
        Hostile h(Behaviour::EndlessCursor);
        Result<QList<BatchItem>> r = collectItems(&h.client, PageRequest::Mode::Cursor, this);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(QLatin1String("same rows again for the page number 2")),
                 qPrintable(r.error.toString()));
        // Offset mode: the server ignores pageOffset and sends page 0 again.
        Hostile o(Behaviour::RepeatCursor);
        r = collectItems(&o.client, PageRequest::Mode::Offset, this);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(QLatin1String("same rows again for the page at offset")),
                 qPrintable(r.error.toString()));
    }
    void oversizedPageEndsTheListing() {
        for (const auto mode : {PageRequest::Mode::Cursor, PageRequest::Mode::Offset}) {
            Hostile h(Behaviour::OversizedPage);
            const Result<QList<BatchItem>> r = collectItems(&h.client, mode, this);
            QVERIFY(!r.ok());
            QVERIFY2(r.error.message.contains(QLatin1String("201 rows on a page of at most 100")),
                     qPrintable(r.error.toString()));
        }
    }
    void hugeTotalIsNotAUsageError() {
        Hostile h(Behaviour::HugeTotal);
        const Result<QList<BatchItem>> r = collectItems(&h.client, PageRequest::Mode::Offset, this);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, ApiError::Kind::Decode);
        // The decoder refuses a count outside 0..INT_MAX before the paging guard looks.
        QVERIFY2(r.error.toString().contains(QLatin1String("totalItemCount: 4611686018427387904")),
                 qPrintable(r.error.toString()));
        QCOMPARE(h.server.requestCount(), 1);
    }

    void itemsPagerLoadAllStops() {
        for (const Behaviour behaviour :
             {Behaviour::RepeatCursor, Behaviour::CycleCursor, Behaviour::EndlessCursor}) {
            Hostile h(behaviour);
            BatchItemsModel model;
            ItemsPager pager(&h.client, &model);
            pager.setMode(ItemsQueryState::Mode::Cursor);
            QSignalSpy errors(&pager, &ItemsPager::errorOccurred);
            pager.setBatch(QStringLiteral("p1"), QStringLiteral("b1"));
            QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), WaitMs);
            if (errors.isEmpty()) {
                QVERIFY(pager.hasMore());
                QVERIFY(pager.loadAll());
                QTRY_VERIFY_WITH_TIMEOUT(!pager.isLoading(), WaitMs);
            }
            QCOMPARE(errors.size(), 1);
            QVERIFY2(pager.lastError().message.contains(QLatin1String("avoid an endless listing")),
                     qPrintable(pager.lastError().toString()));
            QVERIFY(!pager.hasMore());
            QVERIFY(h.server.requestCount() <= 4);
        }
    }
    void itemsPagerRefusesAnOversizedPage() {
        Hostile h(Behaviour::OversizedPage);
        BatchItemsModel model;
        ItemsPager pager(&h.client, &model);
        QSignalSpy errors(&pager, &ItemsPager::errorOccurred);
        pager.setBatch(QStringLiteral("p1"), QStringLiteral("b1"));
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() == 1, WaitMs);
        QVERIFY2(pager.lastError().message.contains(QLatin1String("rows on a page of at most")),
                 qPrintable(pager.lastError().toString()));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostileClient)
#include "tst_hostileclient.moc"
