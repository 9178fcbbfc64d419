// BatchSplitter (fewest batches, every ID once and in order, each part keeps its
// group's changes), SubmitPlan (bodies and counts) and DraftDocument (JSON round
// trip, damaged drafts, the request it makes).
#include "core/composer/batchsplitter.h"
#include "core/composer/draftdocument.h"
#include "core/composer/submitplan.h"
#include "tests/composer/composertestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ica;
using composertest::fil;
using composertest::fils;
using composertest::fol;

namespace {

DataUpdateGroup group(const QStringList &ids, const QString &tag) {
    DataUpdateGroup g;
    g.dataIds = ids;
    g.userTags.addTags = {tag};
    g.technicalTags.removeTags = {tag + QStringLiteral("-old")};
    return g;
}

QStringList allIds(const QList<CreateBatchRequest> &requests) {
    QStringList ids;
    for (const CreateBatchRequest &r : requests)
        for (const DataUpdateGroup &g : r.dataUpdateGroups)
            ids.append(g.dataIds);
    return ids;
}

} // namespace

class TstBatchSplitter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smallRequestIsNotSplit() {
        CreateBatchRequest r;
        r.dataUpdateGroups = {group(fils(10), QStringLiteral("a"))};
        const QList<CreateBatchRequest> out = BatchSplitter::split(r);
        QCOMPARE(out.size(), 1);
        QVERIFY(out.first() == r);
        QCOMPARE(BatchSplitter::batchCount(r), 1);
        QVERIFY(BatchSplitter::split(CreateBatchRequest()).isEmpty());
    }

    void fillsEachBatchAndCutsLargeGroups() {
        CreateBatchRequest r;
        r.dataUpdateGroups = {group(fils(3000), QStringLiteral("a")),
                              group(fils(4000, 3000), QStringLiteral("b")),
                              group(fils(500, 7000), QStringLiteral("c"))};
        const QList<CreateBatchRequest> out = BatchSplitter::split(r, 5000);
        QCOMPARE(out.size(), 2);
        QCOMPARE(BatchSplitter::batchCount(r, 5000), 2);
        QCOMPARE(out.at(0).dataIdCount(), 5000);
        QCOMPARE(out.at(1).dataIdCount(), 2500);
        // Group b was cut: 2000 IDs in the first batch, 2000 in the second.
        QCOMPARE(out.at(0).dataUpdateGroups.size(), 2);
        QCOMPARE(out.at(0).dataUpdateGroups.at(1).dataIds.size(), 2000);
        QCOMPARE(out.at(1).dataUpdateGroups.size(), 2);
        QCOMPARE(out.at(1).dataUpdateGroups.at(0).dataIds.size(), 2000);
        // Every part keeps its group's changes.
        QCOMPARE(out.at(1).dataUpdateGroups.at(0).userTags.addTags,
                 QStringList{QStringLiteral("b")});
        QCOMPARE(out.at(1).dataUpdateGroups.at(0).technicalTags.removeTags,
                 QStringList{QStringLiteral("b-old")});
        QCOMPARE(out.at(1).dataUpdateGroups.at(1).userTags.addTags,
                 QStringList{QStringLiteral("c")});
        QCOMPARE(allIds(out), allIds({r}));
    }

    void oneHugeGroup() {
        CreateBatchRequest r;
        DataUpdateGroup g = group(fils(12001), QStringLiteral("x"));
        g.willBeArchivedAt = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        r.dataUpdateGroups = {g};
        const QList<CreateBatchRequest> out = BatchSplitter::split(r);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(2).dataIdCount(), 2001);
        for (const CreateBatchRequest &b : out) {
            QCOMPARE(b.dataUpdateGroups.size(), 1);
            QCOMPARE(b.dataUpdateGroups.first().willBeArchivedAt, g.willBeArchivedAt);
        }
        QCOMPARE(allIds(out), g.dataIds);
    }

    void exactMultiplesMakeNoEmptyBatch() {
        CreateBatchRequest r;
        r.dataUpdateGroups = {group(fils(5000), QStringLiteral("a")),
                              group(fils(5000, 5000), QStringLiteral("b"))};
        const QList<CreateBatchRequest> out = BatchSplitter::split(r);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).dataUpdateGroups.size(), 1);
        QCOMPARE(out.at(1).dataUpdateGroups.size(), 1);
    }

    void groupsWithoutIdsTravelAlong() {
        CreateBatchRequest r;
        r.dataUpdateGroups = {group(fils(5000), QStringLiteral("a")),
                              group({}, QStringLiteral("e")),
                              group(fils(1, 5000), QStringLiteral("b"))};
        const QList<CreateBatchRequest> out = BatchSplitter::split(r);
        QCOMPARE(out.size(), BatchSplitter::batchCount(r));
        QCOMPARE(out.at(0).dataUpdateGroups.size(), 2); // the empty group stays with batch 1
    }

    void joinUndoesTheSplitOfIds() {
        CreateBatchRequest r;
        r.dataUpdateGroups = {group(fils(7000), QStringLiteral("a"))};
        const CreateBatchRequest joined = BatchSplitter::join(BatchSplitter::split(r, 3000));
        QCOMPARE(joined.dataUpdateGroups.size(), 3);
        QCOMPARE(allIds({joined}), r.dataUpdateGroups.first().dataIds);
    }

    void planCountsAndBodies() {
        DraftDocument d;
        d.projectId = QStringLiteral("p");
        d.projectName = QStringLiteral("P");
        DataUpdateGroup a = group(fils(4000), QStringLiteral("a")); // 2 tag changes
        DataUpdateGroup b = group(fils(1001, 4000), QStringLiteral("b"));
        b.userTags.removeTags = {QStringLiteral("z")}; // 3 tag changes
        b.willBeDeletedAt = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        b.clearWillBeArchivedAt = true;
        d.groups = {a, b};

        SubmitPlan plan = SubmitPlan::of(d);
        QCOMPARE(plan.requests.size(), 1);
        SubmitCounts counts = plan.counts();
        QCOMPARE(counts.batches, 1);
        QCOMPARE(counts.groups, 2);
        QCOMPARE(counts.dataIds, 5001);
        QCOMPARE(counts.tagChanges, 5);
        QCOMPARE(counts.dateChanges, 2);
        QCOMPARE(counts.describe(), QStringLiteral("1 batch, 2 groups, 5,001 data IDs, "
                                                   "5 tag changes, 2 date changes"));

        d.splitAccepted = true;
        plan = SubmitPlan::of(d);
        QCOMPARE(plan.requests.size(), 2);
        QCOMPARE(plan.counts().batches, 2);
        QCOMPARE(plan.counts().groups, 2); // the draft's groups, not the parts

        const QByteArray compact = SubmitPlan::bodyJson(plan.requests.first(), false);
        QCOMPARE(compact,
                 QJsonDocument(plan.requests.first().toJson()).toJson(QJsonDocument::Compact));
        const QByteArray pretty = SubmitPlan::bodyJson(plan.requests.first());
        QVERIFY(pretty.contains("\n    \"dataUpdateGroups\": ["));
        QCOMPARE(QJsonDocument::fromJson(pretty), QJsonDocument::fromJson(compact));

        QVERIFY(SubmitPlan::of(DraftDocument()).requests.isEmpty());
    }

    void documentRoundTrip() {
        DraftDocument d;
        d.projectId = QStringLiteral("b3f6f2a4-0000-4000-8000-000000000001");
        d.projectName = QStringLiteral("Run 42");
        DataUpdateGroup g =
            group({fil(1), fil(1), QStringLiteral("odd id")}, QStringLiteral(" padded"));
        g.userTags.addTags.append(QString()); // blank tags survive, for the validator
        g.willBeArchivedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 30), Qt::UTC);
        g.clearWillBeDeletedAt = true;
        d.groups = {g, DataUpdateGroup()};
        d.splitAccepted = true;

        const QJsonObject json = d.toJson();
        QCOMPARE(json.value(QStringLiteral("format")).toInt(), DraftDocument::FormatVersion);
        QCOMPARE(json.value(QStringLiteral("dataUpdateGroups")).toArray().size(), 2);
        QString error;
        const DraftDocument back = DraftDocument::fromJson(json, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(back == d);
        QVERIFY(back.toRequest() == d.toRequest());
        QCOMPARE(d.dataIdCount(), 3);
    }

    void blankDocument() {
        DraftDocument d;
        QVERIFY(d.isBlank());
        d.projectId = QStringLiteral("p");
        QVERIFY(d.isBlank()); // a project alone is not worth saving
        d.groups = {DataUpdateGroup()};
        QVERIFY(d.isBlank());
        d.groups.first().technicalTags.addTags = {QStringLiteral("t")};
        QVERIFY(!d.isBlank());
    }

    void damagedDraftKeepsWhatItCan() {
        QJsonObject json = DraftDocument::fromRequest(QStringLiteral("p"), QStringLiteral("P"),
                                                      [] {
                                                          CreateBatchRequest r;
                                                          r.dataUpdateGroups = {
                                                              group({fil(1)}, QStringLiteral("a"))};
                                                          return r;
                                                      }())
                               .toJson();
        QJsonArray groups = json.value(QStringLiteral("dataUpdateGroups")).toArray();
        groups.append(QJsonObject{{QStringLiteral("dataIds"), 42}});
        json.insert(QStringLiteral("dataUpdateGroups"), groups);
        QString error;
        const DraftDocument back = DraftDocument::fromJson(json, &error);
        QCOMPARE(back.groups.size(), 2);
        QCOMPARE(back.groups.first().dataIds, QStringList{fil(1)});
        QVERIFY2(error.contains(QStringLiteral("group 2")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstBatchSplitter)
#include "tst_batchsplitter.moc"
