// What is tried again and what is not, and how it is told: every GET is repeated
// after a 5xx, a gateway's page, a dropped connection, a truncated body or a
// timeout, on the same schedule as a 429, with ApiClient::retryScheduled() saying
// so; a create is repeated only after a 429. Which errors leave a create's outcome
// unknown (ApiError::outcomeUnknown()). Real client, real simulator, loopback.
#include "core/api/batchapi.h"
#include "core/api/createdbatchfinder.h"
#include "core/api/jobapi.h"
#include "core/api/projectapi.h"
#include "tests/support/callwaiter.h"
#include "tests/support/simfixture.h"

#include <QTest>

using namespace ica;
using ica::test::CallWaiter;
using ica::test::SimFixture;

namespace {

CreateBatchRequest smallRequest(const QStringList &ids) {
    return ica::test::tagRequest(ids, QStringLiteral("retry"));
}

struct Retry {
    QString path;
    int attempt;
    qint64 delayMs;
    ApiError error;
};

ApiError httpError(int status, bool withProblem) {
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = status;
    if (withProblem) {
        Problem p;
        p.status = status;
        p.title = QStringLiteral("Bad Request");
        e.problem = p;
    }
    return e;
}

ApiError networkError(QNetworkReply::NetworkError code) {
    ApiError e;
    e.kind = ApiError::Kind::Network;
    e.networkError = code;
    return e;
}

} // namespace

class TestApiRetry final : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> f;
    QString projectId;
    QList<Retry> retries;

private Q_SLOTS:
    void init() {
        f = std::make_unique<SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        projectId = f->sim->projectIds().constFirst();
        retries.clear();
        connect(
            f->client.get(), &ApiClient::retryScheduled, this,
            [this](const ApiRequest &request, int attempt, qint64 delayMs, const ApiError &error) {
                retries.append({request.path, attempt, delayMs, error});
            });
    }
    void cleanup() { f.reset(); }

    void getIsRetriedAfter500AndTold() {
        f->sim->faults().failNext(2, 500);
        CallWaiter<ProjectPage> w;
        ProjectApi(f->client.get()).list(ica::test::firstProjectsPage(), &w, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(retries.size(), 2);
        QCOMPARE(retries.at(0).attempt, 2);
        QCOMPARE(retries.at(0).delayMs, 10); // the fixture's schedule: 10, 20, 40, 80 ms
        QCOMPARE(retries.at(1).attempt, 3);
        QCOMPARE(retries.at(1).delayMs, 20);
        QCOMPARE(retries.at(0).error.httpStatus, 500);
        QCOMPARE(retries.at(0).path, QStringLiteral("/api/projects"));
        QVERIFY(retries.at(0).error.shortReason().startsWith(QStringLiteral("HTTP 500")));
    }

    void getIsRetriedAfterAGatewayPage() {
        f->sim->faults().gatewayNext(1, 502);
        CallWaiter<ProjectPage> w;
        ProjectApi(f->client.get()).list(ica::test::firstProjectsPage(), &w, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().error.httpStatus, 502);
        QVERIFY(!retries.first().error.problem.has_value()); // the gateway's HTML page
    }

    void getIsRetriedAfterATimeout() {
        f->client->setDefaultTimeout(std::chrono::milliseconds(300));
        f->sim->faults().slowNext(1, 3000);
        CallWaiter<ProjectPage> w;
        ProjectApi(f->client.get()).list(ica::test::firstProjectsPage(), &w, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().error.kind, ApiError::Kind::Timeout);
    }

    void droppedAndTruncatedGetsAreRetried() {
        f->sim->faults().dropNext(1);
        f->sim->faults().truncateNext(1);
        CallWaiter<ProjectPage> w;
        ProjectApi(f->client.get()).list(ica::test::firstProjectsPage(), &w, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(f->sim->faults().options().dropNext, 0);
        QCOMPARE(f->sim->faults().options().truncateNext, 0);
        // Qt itself sends a GET again once when the connection closes before any
        // answer, so the drop may be cured below us; the truncated body is ours to retry.
        QVERIFY(!retries.isEmpty());
        for (const Retry &r : std::as_const(retries))
            QCOMPARE(r.error.kind, ApiError::Kind::Network);
    }

    void retriesStopAfterTheSchedule() {
        f->sim->faults().failNext(100, 503);
        CallWaiter<ProjectPage> w;
        ProjectApi(f->client.get()).list(ica::test::firstProjectsPage(), &w, w.callback());
        QVERIFY(w.wait());
        QCOMPARE(w.error().httpStatus, 503);
        QCOMPARE(retries.size(), 4); // five tries in all
        QCOMPARE(f->sim->faults().options().failNext, 95);
    }

    void createIsNotRetriedAfterAGateway504ButTheServerTookIt() {
        const int before = f->sim->batchCount();
        f->sim->faults().gatewayNext(1, 504, QStringLiteral("dataUpdateBatch"));
        CallWaiter<Batch> w;
        BatchApi(f->client.get())
            .create(projectId, smallRequest(f->sim->fileIds(projectId).mid(0, 2)), &w,
                    w.callback());
        QVERIFY(w.wait());
        QCOMPARE(w.error().httpStatus, 504);
        QVERIFY(w.error().outcomeUnknown());
        QVERIFY(retries.isEmpty());
        QVERIFY(!QTest::qWaitFor([&]() { return f->sim->batchCount() > before + 1; }, 300));
        QCOMPARE(f->sim->batchCount(), before + 1);
    }

    void createIsRetriedAfter429AndToldSo() {
        const int before = f->sim->batchCount();
        f->sim->faults().rateLimitNext(1, 0, QStringLiteral("dataUpdateBatch"));
        CallWaiter<Batch> w;
        BatchApi(f->client.get())
            .create(projectId, smallRequest(f->sim->fileIds(projectId).mid(2, 2)), &w,
                    w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().error.httpStatus, 429);
        QCOMPARE(retries.first().delayMs, 0); // Retry-After: 0
        QCOMPARE(f->sim->batchCount(), before + 1);
    }

    void outcomeUnknownClassification() {
        QVERIFY(!httpError(400, true).outcomeUnknown()); // ICA refused it
        QVERIFY(!httpError(403, true).outcomeUnknown());
        QVERIFY(!httpError(429, true).outcomeUnknown());
        QVERIFY(httpError(400, false).outcomeUnknown()); // not ICA's answer: a proxy's
        QVERIFY(httpError(500, true).outcomeUnknown());
        QVERIFY(httpError(502, false).outcomeUnknown());
        QVERIFY(httpError(503, true).outcomeUnknown());
        QVERIFY(httpError(504, false).outcomeUnknown());
        QVERIFY(networkError(QNetworkReply::RemoteHostClosedError).outcomeUnknown());
        QVERIFY(!networkError(QNetworkReply::ConnectionRefusedError).outcomeUnknown());
        QVERIFY(!networkError(QNetworkReply::HostNotFoundError).outcomeUnknown());
        ApiError timeout;
        timeout.kind = ApiError::Kind::Timeout;
        QVERIFY(timeout.outcomeUnknown());
        QVERIFY(ApiError::decode(201, QStringLiteral("bad")).outcomeUnknown());
        QVERIFY(!ApiError::usage(QStringLiteral("no key")).outcomeUnknown());

        QVERIFY(httpError(500, false).isTransient());
        QVERIFY(!httpError(501, false).isTransient());
        QVERIFY(timeout.isTransient());
        QVERIFY(!httpError(404, true).isTransient());
    }

    void jobsListTheBatchesOfAProject() {
        CallWaiter<Batch> created;
        BatchApi(f->client.get())
            .create(projectId, smallRequest(f->sim->fileIds(projectId).mid(4, 3)), &created,
                    created.callback());
        QVERIFY(created.wait());
        QVERIFY(created.ok());
        CallWaiter<JobPage> w;
        JobApi(f->client.get())
            .list(PageRequest::atOffset(0, 100), QStringLiteral("timeCreated desc"), &w,
                  w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        bool found = false;
        for (const JobListing &job : w.value().items) {
            if (job.job.subjectId == created.value().id) {
                found = true;
                QCOMPARE(job.job.subjectType, QStringLiteral("ProjectDataUpdateBatch"));
                QCOMPARE(job.projectId, projectId);
                QCOMPARE(job.job.id, created.value().job.id);
            }
        }
        QVERIFY(found);

        // The finder keeps only this project's batches since the time given.
        CreatedBatchFinder finder(f->client.get());
        std::optional<QList<CreatedBatchCandidate>> candidates;
        connect(&finder, &CreatedBatchFinder::finished, this,
                [&candidates](const QList<CreatedBatchCandidate> &list, const ApiError &error) {
                    if (!error.isError())
                        candidates = list;
                });
        QVERIFY(finder.start(projectId, created.value().job.timeCreated.addSecs(-1)));
        QTRY_VERIFY(candidates.has_value());
        QCOMPARE(candidates->size(), 1);
        QCOMPARE(candidates->first().batchId, created.value().id);
        QCOMPARE(candidates->first().itemCount, 3);
        candidates.reset();
        QVERIFY(finder.start(f->sim->projectIds().last(), QDateTime::fromSecsSinceEpoch(0)));
        QTRY_VERIFY(candidates.has_value());
        QVERIFY(candidates->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiRetry)
#include "tst_apiretry.moc"
