// BatchHistoryStore on a real SQLite file: record, merge, status updates with
// raw spellings, lists per profile, removal, and survival across a reopen.
#include "core/store/batchhistorystore.h"
#include "core/store/sqlitedatabase.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace ica;

namespace {

const QString ProfileA = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
const QString ProfileB = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
const QString Project = QStringLiteral("0c8a1f00-1111-4222-8333-444455556666");

QDateTime utc(const char *text) {
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

CreateBatchRequest sampleRequest() {
    DataUpdateGroup g1;
    g1.dataIds = {QStringLiteral("fil.00000000000000000000000000000001"),
                  QStringLiteral("fil.00000000000000000000000000000002")};
    g1.userTags.addTags = {QStringLiteral("reviewed"), QStringLiteral("cohort-B")};
    g1.userTags.removeTags = {QStringLiteral("pending")};
    DataUpdateGroup g2;
    g2.dataIds = {QStringLiteral("fol.00000000000000000000000000000003")};
    g2.technicalTags.addTags = {QStringLiteral("qc-pass")};
    g2.userTags.addTags = {QStringLiteral("reviewed")};
    g2.clearWillBeArchivedAt = true;
    return CreateBatchRequest{{g1, g2}};
}

Batch sampleBatch(const QString &id, const char *status) {
    Batch b;
    b.id = id;
    b.job.id = QStringLiteral("job-") + id;
    b.job.status = JobStatus::fromString(QString::fromLatin1(status));
    b.job.timeCreated = utc("2025-03-01T10:00:00Z");
    return b;
}

} // namespace

class TstBatchHistoryStore : public QObject {
    Q_OBJECT

private:
    QString m_path;

private Q_SLOTS:
    void init() { m_path = ica::test::perTestPath(".sqlite"); }

    void summaryDescribesTheRequest() {
        QCOMPARE(summarizeRequest(sampleRequest()),
                 QStringLiteral("2 groups, 3 data IDs; user tags +reviewed, +cohort-B, -pending; "
                                "technical tags +qc-pass; archive date cleared"));
        DataUpdateGroup one;
        one.dataIds = {QStringLiteral("fil.1")};
        for (int i = 0; i < 12; ++i)
            one.userTags.addTags.append(QStringLiteral("t%1").arg(i));
        one.willBeDeletedAt = utc("2026-01-01T00:00:00Z");
        const QString text = summarizeRequest(CreateBatchRequest{{one}});
        QVERIFY2(text.startsWith(QStringLiteral("1 group, 1 data ID; user tags +t0,")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("+t7, and 4 more")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("delete on 2026-01-01T00:00:00Z")), qPrintable(text));
    }

    void recordFindListAndSurviveReopen() {
        const CreateBatchRequest request = sampleRequest();
        BatchRecord created =
            BatchRecord::fromCreated(ProfileA, Project, QStringLiteral("Cohort study"), request,
                                     sampleBatch(QStringLiteral("batch-1"), "INITIALIZED"));
        QCOMPARE(created.origin, BatchOrigin::Created);
        QCOMPARE(created.createdAt, utc("2025-03-01T10:00:00Z"));
        {
            SqliteDatabase db(m_path);
            QVERIFY(db.open());
            BatchHistoryStore store(db);
            const auto stored = store.upsert(created);
            QVERIFY2(stored.ok(), qPrintable(stored.error));
            QCOMPARE(stored.value, created);
        }
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        BatchHistoryStore store(db);
        const auto found = store.find(QStringLiteral("batch-1"), ProfileA);
        QVERIFY(found.ok());
        QVERIFY(found.value.has_value());
        QCOMPARE(*found.value, created);
        DecodeContext ctx;
        QCOMPARE(CreateBatchRequest::fromJson(found.value->request, ctx), request);
        QVERIFY(ctx.ok());
        QCOMPARE(found.value->jobStatusValue(), JobStatus(JobStatus::Initialized));

        const auto listed = store.list(ProfileA);
        QVERIFY(listed.ok());
        QCOMPARE(listed.value.size(), 1);
        QVERIFY2(listed.value.first().request.isEmpty(), "lists do not carry the request");
        QCOMPARE(listed.value.first().summary, created.summary);
        QVERIFY(!store.find(QStringLiteral("batch-1"), ProfileB).value.has_value());
        QVERIFY(!store.find(QStringLiteral("nope")).value.has_value());
    }

    void statusAndCountsKeepRawSpellings() {
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        BatchHistoryStore store(db);
        QVERIFY(store
                    .upsert(BatchRecord::fromOpened(ProfileA, Project, QString(),
                                                    sampleBatch(QStringLiteral("b"), "RUNNING")))
                    .ok());
        const QMap<QString, qint64> counts{{QStringLiteral("INITIALISED"), 5},
                                           {QStringLiteral("UPDATED"), 90},
                                           {QStringLiteral("FAILED"), 4},
                                           {QStringLiteral("SOME_NEW_STATUS"), 1}};
        const QDateTime refreshed = utc("2025-03-01T10:05:00.250Z");
        const auto updated = store.updateStatus(ProfileA, QStringLiteral("b"),
                                                QStringLiteral("FUTURE_STATE"), counts, refreshed);
        QVERIFY(updated.ok());
        QVERIFY(updated.value);
        BatchRecord r = *store.find(QStringLiteral("b")).value;
        QCOMPARE(r.jobStatus, QStringLiteral("FUTURE_STATE"));
        QCOMPARE(r.jobStatusValue().toString(), QStringLiteral("FUTURE_STATE"));
        QCOMPARE(r.itemCounts, counts);
        QCOMPARE(r.itemTotal(), 100);
        QCOMPARE(r.lastRefreshedAt, refreshed);

        // Empty counts keep the stored ones; the status moves on.
        QVERIFY(store
                    .updateStatus(ProfileA, QStringLiteral("b"), QStringLiteral("SUCCEEDED"), {},
                                  refreshed.addSecs(60))
                    .value);
        r = *store.find(QStringLiteral("b")).value;
        QCOMPARE(r.jobStatusValue(), JobStatus(JobStatus::Succeeded));
        QCOMPARE(r.itemCounts, counts);

        const auto missing = store.updateStatus(ProfileA, QStringLiteral("unknown"),
                                                QStringLiteral("RUNNING"), counts);
        QVERIFY(missing.ok());
        QVERIFY2(!missing.value, "a batch not in the history is reported, not invented");
        QVERIFY(!store.find(QStringLiteral("unknown")).value.has_value());
    }

    void openingAgainMergesIntoTheCreatedRecord() {
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        BatchHistoryStore store(db);
        const BatchRecord created = BatchRecord::fromCreated(
            ProfileA, Project, QStringLiteral("Cohort study"), sampleRequest(),
            sampleBatch(QStringLiteral("m"), "INITIALIZED"));
        QVERIFY(store.upsert(created).ok());
        BatchRecord opened = BatchRecord::fromOpened(ProfileA, Project, QString(),
                                                     sampleBatch(QStringLiteral("m"), "RUNNING"));
        opened.itemCounts = {{QStringLiteral("UPDATING"), 3}};
        const auto merged = store.upsert(opened);
        QVERIFY2(merged.ok(), qPrintable(merged.error));
        QCOMPARE(merged.value.origin, BatchOrigin::Created);
        QCOMPARE(merged.value.projectName, QStringLiteral("Cohort study"));
        QCOMPARE(merged.value.summary, created.summary);
        QCOMPARE(merged.value.request, created.request);
        QCOMPARE(merged.value.jobStatus, QStringLiteral("RUNNING"));
        QCOMPARE(merged.value.itemCounts, opened.itemCounts);
        QCOMPARE(store.list().value.size(), 1);
    }

    void listsPerProfileNewestFirstAndRemoves() {
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        BatchHistoryStore store(db);
        const auto add = [&store](const QString &profile, const QString &id, const char *when) {
            BatchRecord r;
            r.profileId = profile;
            r.projectId = Project;
            r.batchId = id;
            r.origin = BatchOrigin::Opened;
            r.createdAt = utc(when);
            return store.upsert(r).ok();
        };
        QVERIFY(add(ProfileA, QStringLiteral("old"), "2025-01-01T00:00:00Z"));
        QVERIFY(add(ProfileA, QStringLiteral("new"), "2025-06-01T00:00:00Z"));
        QVERIFY(add(ProfileA, QStringLiteral("mid"), "2025-03-01T00:00:00Z"));
        QVERIFY(add(ProfileB, QStringLiteral("other"), "2025-04-01T00:00:00Z"));
        // The same batch id under a second profile is a record of its own.
        QVERIFY(add(ProfileB, QStringLiteral("old"), "2025-01-01T00:00:00Z"));

        QStringList ids;
        for (const BatchRecord &r : store.list(ProfileA).value)
            ids.append(r.batchId);
        QCOMPARE(ids, (QStringList{QStringLiteral("new"), QStringLiteral("mid"),
                                   QStringLiteral("old")}));
        QCOMPARE(store.list().value.size(), 5);
        QCOMPARE(store.list(ProfileB).value.first().batchId, QStringLiteral("other"));

        QVERIFY(store.remove(ProfileA, QStringLiteral("old")).value);
        QVERIFY(!store.remove(ProfileA, QStringLiteral("old")).value);
        QVERIFY(store.find(QStringLiteral("old"), ProfileB).value.has_value());
        QCOMPARE(store.removeProfile(ProfileB).value, 2);
        QCOMPARE(store.list().value.size(), 2);
    }

    void incompleteRecordsAreRefused() {
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        BatchHistoryStore store(db);
        BatchRecord r;
        r.profileId = ProfileA;
        r.batchId = QStringLiteral("x");
        const auto refused = store.upsert(r);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(QStringLiteral("one of them is missing")),
                 qPrintable(refused.error));
        QVERIFY(store.list().value.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstBatchHistoryStore)
#include "tst_batchhistorystore.moc"
