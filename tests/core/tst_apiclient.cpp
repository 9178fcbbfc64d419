// The transport: auth in one place, problem+json errors, timeouts, retries (and
// the calls never repeated), cancellation, gzip, JWT exchange and re-auth, and
// every fault kind the simulator injects. Real client, real simulator, loopback.
#include "core/api/authenticator.h"
#include "core/api/batchapi.h"
#include "core/api/projectapi.h"
#include "core/api/tokenapi.h"
#include "tests/support/callwaiter.h"
#include "tests/support/simfixture.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace ica;
using namespace ica::test;

class TestApiClient final : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> f;
    QString projectId;

    /// Lists the first page of projects into `w`.
    ApiCall *listProjects(CallWaiter<ProjectPage> &w) {
        return ProjectApi(f->client.get()).list(firstProjectsPage(), &w, w.callback());
    }
    /// Creates a one-file batch in the first project into `w`.
    ApiCall *createBatch(CallWaiter<Batch> &w) {
        return BatchApi(f->client.get())
            .create(projectId, tagRequest({QStringLiteral("fil.1")}, QStringLiteral("reviewed")),
                    &w, w.callback());
    }
    /// Sets *attempts to the tries `call` took when it finishes.
    void recordAttempts(ApiCall *call, int *attempts) {
        connect(call, &ApiCall::finished, this,
                [attempts, call]() { *attempts = call->attempts(); });
    }
    /// Records the Accept-Encoding asked and the Content-Encoding answered of every reply.
    void watchEncodings(QByteArray *asked, QByteArray *contentEncoding) {
        connect(f->client->networkAccessManager(), &QNetworkAccessManager::finished, this,
                [asked, contentEncoding](QNetworkReply *reply) {
                    *contentEncoding = reply->rawHeader("Content-Encoding");
                    *asked = reply->request().rawHeader("Accept-Encoding");
                });
    }

    /// Lists projects once and remembers the first project's id.
    void loadProject() {
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QVERIFY(!w.value().items.isEmpty());
        projectId = w.value().items.first().id;
    }

private Q_SLOTS:
    void init() {
        f = std::make_unique<SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        loadProject();
    }
    void cleanup() { f.reset(); }

    void apiKeyIsSentOnEveryCall() {
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY(w.ok());
        QVERIFY(w.value().info.totalItemCount.value_or(0) >= 2);
    }

    void wrongKeyIsAProblemWithoutTheKey() {
        const QString wrongKey = QStringLiteral("not-the-key-0123456789");
        f->client->setAuthenticator(
            new StaticAuthenticator(StaticAuthenticator::Kind::ApiKey, wrongKey));
        QSignalSpy unauthorized(f->client.get(), &ApiClient::unauthorized);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QCOMPARE(w.error().kind, ApiError::Kind::Http);
        QCOMPARE(w.error().httpStatus, 401);
        QVERIFY(w.error().problem.has_value());
        QCOMPARE(w.error().problem->status, 401);
        QVERIFY(!w.error().title().isEmpty());
        QVERIFY(!w.error().toString().contains(wrongKey));
        QCOMPARE(unauthorized.count(), 1);
    }

    void noCredentialsIs401() {
        f->client->setAuthenticator(nullptr);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QCOMPARE(w.error().httpStatus, 401);
    }

    void tokenExchangeThenBearer() {
        CallWaiter<Token> token;
        TokenApi(f->client.get()).createToken(f->sim->apiKey(), &token, token.callback());
        QVERIFY(token.wait());
        QVERIFY2(token.ok(), qPrintable(token.error().toString()));
        const auto claims = JwtClaims::parse(token.value().token);
        QVERIFY(claims.has_value());
        QVERIFY(claims->expiresAt > QDateTime::currentDateTimeUtc());
        QVERIFY(!claims->tenantName.isEmpty());

        f->client->setAuthenticator(
            new StaticAuthenticator(StaticAuthenticator::Kind::BearerToken, token.value().token));
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
    }

    void oneExchangeServesConcurrentCalls() {
        auto *auth = new TokenExchangeAuthenticator(f->client.get(), f->sim->apiKey());
        f->client->setAuthenticator(auth);
        QSignalSpy changed(auth, &Authenticator::tokenChanged);
        CallWaiter<ProjectPage> a, b, c;
        ProjectApi api(f->client.get());
        api.list(firstProjectsPage(), &a, a.callback());
        api.list(firstProjectsPage(), &b, b.callback());
        api.list(firstProjectsPage(), &c, c.callback());
        QVERIFY(a.wait() && b.wait() && c.wait());
        QVERIFY(a.ok() && b.ok() && c.ok());
        QCOMPARE(changed.count(), 1);
        QVERIFY(auth->expiresAt().isValid());
        QVERIFY(!auth->tenantName().isEmpty());
    }

    void unauthorizedTokenIsRenewedOnceAndTheCallRepeated() {
        // A second simulator accepts the same key but signs with its own secret, so a
        // token from the first one is refused there with 401.
        ica::sim::SimulatorOptions options = SimFixture::smallWorld();
        options.seed = 99;
        options.apiKeys = {f->sim->apiKey()};
        SimFixture other(options);
        QVERIFY(other.startError.isEmpty());

        auto *auth = new TokenExchangeAuthenticator(f->client.get(), f->sim->apiKey());
        f->client->setAuthenticator(auth);
        QSignalSpy changed(auth, &Authenticator::tokenChanged);
        CallWaiter<ProjectPage> first;
        ProjectApi(f->client.get()).list(firstProjectsPage(), &first, first.callback());
        QVERIFY(first.wait());
        QVERIFY(first.ok());

        f->client->setServerUrl(other.sim->baseUrl());
        QSignalSpy unauthorized(f->client.get(), &ApiClient::unauthorized);
        CallWaiter<ProjectPage> second;
        ProjectApi(f->client.get()).list(firstProjectsPage(), &second, second.callback());
        QVERIFY(second.wait());
        QVERIFY2(second.ok(), qPrintable(second.error().toString()));
        QCOMPARE(changed.count(), 2); // exchanged again after the 401
        QCOMPARE(unauthorized.count(), 0);
    }

    void problemJsonIsDecoded() {
        CallWaiter<Batch> w;
        BatchApi(f->client.get())
            .get(projectId, QStringLiteral("00000000-0000-4000-8000-000000000000"), &w,
                 w.callback());
        QVERIFY(w.wait());
        QCOMPARE(w.error().kind, ApiError::Kind::Http);
        QCOMPARE(w.error().httpStatus, 404);
        QVERIFY(w.error().problem.has_value());
        QCOMPARE(w.error().problem->status, 404);
        QVERIFY(!w.error().problem->title.isEmpty());
        QVERIFY(w.error().toString().contains(QStringLiteral("404")));
    }

    void silenceTimesOut() {
        f->sim->faults().setLatency(5000);
        f->client->setDefaultTimeout(std::chrono::milliseconds(200));
        f->client->setRetryPolicy(RetryPolicy::none());
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QCOMPARE(w.error().kind, ApiError::Kind::Timeout);
        QVERIFY(w.error().toString().contains(QStringLiteral("0.2 s")));
    }

    void cancelEndsTheCallAtOnce() {
        f->sim->faults().setLatency(5000);
        CallWaiter<ProjectPage> w;
        ApiCall *call = listProjects(w);
        call->cancel();
        QVERIFY(w.wait(2000));
        QCOMPARE(w.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(w.calls(), 1);
    }

    void callbackDroppedWithItsContext() {
        f->sim->faults().setLatency(200);
        auto *context = new QObject;
        bool called = false;
        ProjectApi(f->client.get())
            .list(firstProjectsPage(), context,
                  [&called](const Result<ProjectPage> &) { called = true; });
        delete context;
        // A second call on a live context finishes after the first one would have.
        CallWaiter<ProjectPage> later;
        ProjectApi(f->client.get()).list(firstProjectsPage(), &later, later.callback());
        QVERIFY(later.wait());
        QVERIFY(!called);
    }

    void getIsRetriedAfter503() {
        f->sim->faults().failNext(2, 503);
        CallWaiter<ProjectPage> w;
        ApiCall *call = listProjects(w);
        int attempts = 0;
        recordAttempts(call, &attempts);
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(attempts, 3);
    }

    void retriesGiveUpWithTheLastError() {
        f->sim->faults().failNext(10, 500);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QCOMPARE(w.error().httpStatus, 500);
    }

    void postIsNeverRepeatedAfter500() {
        const int before = f->sim->batchCount();
        f->sim->faults().failNext(1, 500, QStringLiteral("dataUpdateBatch"));
        CallWaiter<Batch> w;
        createBatch(w);
        QVERIFY(w.wait());
        QCOMPARE(w.error().httpStatus, 500);
        QCOMPARE(f->sim->batchCount(), before);
    }

    void droppedPostIsNotRepeated() {
        const int before = f->sim->batchCount();
        f->sim->faults().dropNext(1, QStringLiteral("dataUpdateBatch"));
        CallWaiter<Batch> w;
        createBatch(w);
        QVERIFY(w.wait());
        QCOMPARE(w.error().kind, ApiError::Kind::Network);
        // The server took it before the connection dropped: exactly one batch, not two.
        QCOMPARE(f->sim->batchCount(), before + 1);
    }

    void rateLimitedPostWaitsRetryAfterThenSucceeds() {
        const int before = f->sim->batchCount();
        f->sim->faults().rateLimitNext(1, 1, QStringLiteral("dataUpdateBatch"));
        CallWaiter<Batch> w;
        ApiCall *call = createBatch(w);
        int attempts = 0;
        recordAttempts(call, &attempts);
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(attempts, 2);
        QCOMPARE(f->sim->batchCount(), before + 1);
    }

    void rateLimitWithoutRetriesReportsRetryAfter() {
        f->client->setRetryPolicy(RetryPolicy::none());
        f->sim->faults().rateLimitNext(1, 7);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QCOMPARE(w.error().httpStatus, 429);
        QCOMPARE(w.error().retryAfterSeconds, 7);
        QVERIFY(w.error().isTransient());
    }

    void droppedGetIsRetried() {
        f->sim->faults().dropNext(1);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
    }

    void truncatedBodyIsAnErrorNotACrash() {
        f->client->setRetryPolicy(RetryPolicy::none());
        f->sim->faults().truncateNext(1);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY(!w.ok());
        QVERIFY(w.error().kind == ApiError::Kind::Network ||
                w.error().kind == ApiError::Kind::Decode);
        QVERIFY(!w.error().toString().isEmpty());
    }

    void truncatedGetIsRetried() {
        f->sim->faults().truncateNext(1);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
    }

    void answersAreGzipped() {
        // The simulator is on 127.0.0.1, where Auto asks for no gzip: Always does.
        f->client->setAnswerCompression(ApiClient::AnswerCompression::Always);
        QByteArray contentEncoding;
        QByteArray asked;
        watchEncodings(&asked, &contentEncoding);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY(w.ok()); // decoded after decompression
        QCOMPARE(asked, QByteArray("gzip"));
        QCOMPARE(contentEncoding, QByteArray("gzip"));
    }

    void loopbackAnswersAreNotGzipped() {
        // By default a remote server is asked for gzip, a loopback one is not.
        ApiClient remote;
        remote.setServerUrl(QUrl(QStringLiteral("https://ica.illumina.com/ica/rest")));
        QVERIFY(remote.asksForGzip());
        remote.setServerUrl(QUrl(QStringLiteral("http://localhost:8080/ica/rest")));
        QVERIFY(!remote.asksForGzip());
        remote.setAnswerCompression(ApiClient::AnswerCompression::Always);
        QVERIFY(remote.asksForGzip());

        QByteArray contentEncoding("unset");
        QByteArray asked;
        watchEncodings(&asked, &contentEncoding);
        CallWaiter<ProjectPage> w;
        listProjects(w);
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QVERIFY(!w.value().items.isEmpty());
        QCOMPARE(asked, QByteArray("identity"));
        QCOMPARE(contentEncoding, QByteArray());
    }

    void largePagesAreDecodedOffTheCallersThread() {
        // A 1,000-item page is larger than the off-thread threshold; the callback
        // still runs on this thread.
        DataUpdateGroup group;
        for (int i = 0; i < 1000; ++i)
            group.dataIds.append(QStringLiteral("fil.%1").arg(i, 32, 16, QLatin1Char('0')));
        group.userTags.addTags = {QStringLiteral("x")};
        CallWaiter<Batch> created;
        BatchApi api(f->client.get());
        api.create(projectId, CreateBatchRequest{{group}}, &created, created.callback());
        QVERIFY(created.wait());
        QVERIFY(created.ok());
        QThread *callbackThread = nullptr;
        CallWaiter<BatchItemPage> page;
        api.listItems(projectId, created.value().id,
                      ItemsQuery{{}, PageRequest::atOffset(0, 1000), {}}, &page,
                      [&page, &callbackThread](const Result<BatchItemPage> &r) {
                          callbackThread = QThread::currentThread();
                          page.callback()(r);
                      });
        QVERIFY(page.wait());
        QVERIFY(page.ok());
        QCOMPARE(page.value().items.size(), 1000);
        QCOMPARE(callbackThread, QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
