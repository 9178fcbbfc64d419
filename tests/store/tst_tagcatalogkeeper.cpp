// The tag catalog remembers, per profile, in a real SQLite file: what a TagCatalog
// learns from listings and sent batches is written by TagCatalogKeeper and comes back
// in the next run (completion knows the tags after a restart), without inflating the
// counts when the same items are seen again; another profile sees none of it; a
// profile's tags go with the profile. Also the batch progress curves' store.
#include "core/data/tagcatalog.h"
#include "core/data/tagcatalogkeeper.h"
#include "core/store/storeworker.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace ica;

namespace {

const QString ProfileA = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
const QString ProfileB = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");

ProjectData item(const QString &id, const QStringList &user, const QStringList &technical = {}) {
    ProjectData d;
    d.id = id;
    d.tags.userTags = user;
    d.tags.technicalTags = technical;
    return d;
}

/// One run of the app: a store on `path`, a catalog and its keeper.
struct Run {
    explicit Run(const QString &path)
        : store(path)
        , keeper(&catalog, &store) {}
    /// Chooses `profileId` and waits until its remembered tags are in.
    bool choose(const QString &profileId) {
        QSignalSpy loaded(&keeper, &TagCatalogKeeper::loaded);
        keeper.setProfileId(profileId);
        return loaded.wait(10000) || loaded.count() > 0;
    }
    StoreWorker store;
    TagCatalog catalog;
    TagCatalogKeeper keeper;
};

} // namespace

class TstTagCatalogKeeper : public QObject {
    Q_OBJECT

private:
    QString m_path;

private Q_SLOTS:
    void init() { m_path = ica::test::perTestPath(".sqlite"); }

    void completionKnowsTheTagsAfterARestart() {
        {
            Run run(m_path);
            QVERIFY(run.choose(ProfileA));
            QCOMPARE(run.catalog.tagCount(TagKind::User), 0);
            run.catalog.learnData({item(QStringLiteral("fil.1"), {QStringLiteral("tumour")},
                                        {QStringLiteral("qc:pass")}),
                                   item(QStringLiteral("fil.2"), {QStringLiteral("tumour")}),
                                   item(QStringLiteral("fil.3"), {QStringLiteral("normal")})});
            CreateBatchRequest sent;
            DataUpdateGroup group;
            group.dataIds = {QStringLiteral("fil.9")};
            group.userTags.addTags = {QStringLiteral("reviewed")};
            group.technicalTags.addTags = {QStringLiteral("pipeline:v2")};
            group.userTags.removeTags = {QStringLiteral("draft")}; // removed: not learned
            sent.dataUpdateGroups = {group};
            run.catalog.learnRequest(sent);
            QCOMPARE(run.catalog.useCount(TagKind::User, QStringLiteral("tumour")), 2);
            QVERIFY(!run.catalog.tags(TagKind::User).contains(QStringLiteral("draft")));
        } // the keeper writes what is pending as it goes; the store finishes posted work
        {
            Run run(m_path);
            QVERIFY(run.choose(ProfileA));
            QCOMPARE(run.catalog.tags(TagKind::User),
                     (QStringList{QStringLiteral("tumour"), QStringLiteral("normal"),
                                  QStringLiteral("reviewed")}));
            QCOMPARE(run.catalog.tags(TagKind::Technical),
                     (QStringList{QStringLiteral("pipeline:v2"), QStringLiteral("qc:pass")}));
            QCOMPARE(run.catalog.completions(TagKind::User, QStringLiteral("tu")),
                     QStringList{QStringLiteral("tumour")});
            // The same items seen again: the counts are floors, not added up.
            run.catalog.learnData({item(QStringLiteral("fil.1"), {QStringLiteral("tumour")}),
                                   item(QStringLiteral("fil.2"), {QStringLiteral("tumour")})});
            QCOMPARE(run.catalog.useCount(TagKind::User, QStringLiteral("tumour")), 2);
            // A third item carrying it: now more than remembered.
            run.catalog.learnData({item(QStringLiteral("fil.4"), {QStringLiteral("tumour")})});
            QCOMPARE(run.catalog.useCount(TagKind::User, QStringLiteral("tumour")), 3);
        } // this run ends: its store finishes the writes posted
        Run later(m_path);
        QVERIFY(later.choose(ProfileA));
        QCOMPARE(later.catalog.useCount(TagKind::User, QStringLiteral("tumour")), 3);
    }

    void anotherProfileSeesNoneOfIt() {
        Run run(m_path);
        QVERIFY(run.choose(ProfileA));
        run.catalog.learnData({item(QStringLiteral("fil.1"), {QStringLiteral("secret-study")})});
        QVERIFY(run.choose(ProfileB));
        QCOMPARE(run.catalog.tagCount(TagKind::User), 0); // written for A, then cleared
        run.catalog.learnData({item(QStringLiteral("fil.7"), {QStringLiteral("b-only")})});
        QVERIFY(run.choose(ProfileA));
        QCOMPARE(run.catalog.tags(TagKind::User), QStringList{QStringLiteral("secret-study")});
        QVERIFY(run.choose(ProfileB));
        QCOMPARE(run.catalog.tags(TagKind::User), QStringList{QStringLiteral("b-only")});
    }

    void aDeletedProfileTakesItsTagsAndCurves() {
        {
            Run run(m_path);
            QVERIFY(run.choose(ProfileA));
            run.catalog.learnData({item(QStringLiteral("fil.1"), {QStringLiteral("gone")})});
            run.keeper.flush();
            bool done = false;
            run.store.saveProgress(ProfileA, QStringLiteral("batch-1"), QByteArray("{}"), nullptr,
                                   [&](const StoreResult<bool> &r) { done = r.ok(); });
            QTRY_VERIFY(done);
            bool removed = false;
            run.store.removeProfileBatches(ProfileA, nullptr,
                                           [&](const StoreResult<int> &r) { removed = r.ok(); });
            QTRY_VERIFY(removed);
            QByteArray curve("not read");
            bool read = false;
            run.store.loadProgress(ProfileA, QStringLiteral("batch-1"), nullptr,
                                   [&](const StoreResult<QByteArray> &r) {
                                       read = r.ok();
                                       curve = r.value;
                                   });
            QTRY_VERIFY(read);
            QVERIFY(curve.isEmpty());
        }
        Run run(m_path);
        QVERIFY(run.choose(ProfileA));
        QCOMPARE(run.catalog.tagCount(TagKind::User), 0);
    }

    void progressCurvesAreKeptPerProfileAndBatch() {
        StoreWorker store(m_path);
        int pending = 3;
        const auto countDown = [&](const StoreResult<bool> &r) {
            QVERIFY(r.ok());
            --pending;
        };
        store.saveProgress(ProfileA, QStringLiteral("b1"), QByteArray("A1"), nullptr, countDown);
        store.saveProgress(ProfileB, QStringLiteral("b1"), QByteArray("B1"), nullptr, countDown);
        store.saveProgress(ProfileA, QStringLiteral("b1"), QByteArray("A1-again"), nullptr,
                           countDown);
        QTRY_COMPARE(pending, 0);
        QMap<QString, QByteArray> read;
        for (const QString &profile : {ProfileA, ProfileB})
            store.loadProgress(profile, QStringLiteral("b1"), nullptr,
                               [&read, profile](const StoreResult<QByteArray> &r) {
                                   read.insert(profile, r.value);
                               });
        QTRY_COMPARE(read.size(), 2);
        QCOMPARE(read.value(ProfileA), QByteArray("A1-again"));
        QCOMPARE(read.value(ProfileB), QByteArray("B1"));
        bool removed = false;
        store.removeBatch(ProfileA, QStringLiteral("b1"), nullptr,
                          [&](const StoreResult<bool> &) { removed = true; });
        QTRY_VERIFY(removed);
        read.clear();
        store.loadProgress(ProfileA, QStringLiteral("b1"), nullptr,
                           [&read](const StoreResult<QByteArray> &r) {
                               read.insert(QStringLiteral("a"), r.value);
                           });
        QTRY_COMPARE(read.size(), 1);
        QVERIFY(read.value(QStringLiteral("a")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstTagCatalogKeeper)
#include "tst_tagcatalogkeeper.moc"
