// DraftStore on a real SQLite file: save (insert, then update by id), list,
// load, rename, discard, survival across a reopen, and real crashes: a child
// process saves and exits without closing anything, once after a committed save
// and once in the middle of an uncommitted one.
#include "core/store/draftstore.h"
#include "core/store/sqlitedatabase.h"
#include "tests/support/testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <cstdlib>
#include <cstring>

using namespace ica;

namespace {

const QString ProfileA = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
const QString ProfileB = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
constexpr int CrashCode = 42;

QJsonObject content(int version) {
    return QJsonObject{
        {QStringLiteral("dataUpdateGroups"),
         QJsonArray{
             QJsonObject{{QStringLiteral("dataIds"),
                          QJsonArray{QStringLiteral("fil.00000000000000000000000000000001")}},
                         {QStringLiteral("userTags"),
                          QJsonObject{{QStringLiteral("addTags"),
                                       QJsonArray{QStringLiteral("v%1").arg(version)}}}}}}},
        {QStringLiteral("ui"), QJsonObject{{QStringLiteral("version"), version},
                                           {QStringLiteral("splitter"), QStringLiteral("1:2")}}}};
}

/// A clock that moves one second per call, from a fixed start.
DraftStore::Clock steppingClock() {
    auto t = std::make_shared<QDateTime>(QDateTime(QDate(2025, 5, 1), QTime(9, 0), Qt::UTC));
    return [t] {
        *t = t->addSecs(1);
        return *t;
    };
}

/// The child: saves draft "crash-draft" at version 1 (committed), then, with
/// `mode` "mid-save", starts a save of version 2 that never commits; then dies
/// without closing the database or running any destructor.
int crashingChild(const char *path, const char *mode) {
    SqliteDatabase db(QString::fromLocal8Bit(path));
    if (!db.open())
        return 2;
    DraftStore store(db);
    Draft d;
    d.id = QStringLiteral("crash-draft");
    d.name = QStringLiteral("Before the crash");
    d.profileId = ProfileA;
    d.content = content(1);
    if (!store.save(d).ok())
        return 3;
    if (std::strcmp(mode, "mid-save") == 0) {
        QSqlQuery q(db.database());
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")) ||
            !q.exec(QStringLiteral("UPDATE drafts SET content_json = '{\"half\":', name = 'torn' "
                                   "WHERE id = 'crash-draft'")))
            return 4;
    }
    std::_Exit(CrashCode);
}

} // namespace

class TstDraftStore : public QObject {
    Q_OBJECT

private:
    QString m_path;

    void runCrashingChild(const char *mode) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--crash-child"), m_path, QString::fromLatin1(mode)});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), CrashCode);
    }

private Q_SLOTS:
    void init() { m_path = ica::test::perTestPath(".sqlite"); }

    void saveInsertsThenUpdatesById() {
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        DraftStore store(db, steppingClock());
        Draft d;
        d.profileId = ProfileA;
        d.projectId = QStringLiteral("proj");
        d.content = content(1);
        const auto first = store.save(d);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QVERIFY(!first.value.id.isEmpty());
        QCOMPARE(first.value.createdAt, first.value.updatedAt);
        QCOMPARE(first.value.createdAt.timeSpec(), Qt::UTC);

        Draft edited = first.value;
        edited.content = content(2);
        edited.name = QStringLiteral("Cohort B tags");
        const auto second = store.save(edited);
        QVERIFY(second.ok());
        QCOMPARE(second.value.id, first.value.id);
        QCOMPARE(second.value.createdAt, first.value.createdAt);
        QVERIFY(second.value.updatedAt > first.value.updatedAt);

        const auto loaded = store.load(first.value.id);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value.has_value());
        QCOMPARE(*loaded.value, second.value);
        QCOMPARE(loaded.value->content, content(2));
        QCOMPARE(store.list().value.size(), 1);
    }

    void listRenameDiscard() {
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        DraftStore store(db, steppingClock());
        const auto save = [&store](const QString &profile, const QString &name) {
            Draft d;
            d.profileId = profile;
            d.name = name;
            d.content = content(1);
            return store.save(d).value.id;
        };
        const QString a = save(ProfileA, QStringLiteral("first"));
        const QString b = save(ProfileB, QStringLiteral("second"));
        const QString c = save(ProfileA, QStringLiteral("third"));

        auto listed = store.list(ProfileA);
        QVERIFY(listed.ok());
        QCOMPARE(listed.value.size(), 2);
        QCOMPARE(listed.value.at(0).id, c); // newest change first
        QCOMPARE(listed.value.at(1).id, a);
        QVERIFY2(listed.value.at(0).content.isEmpty(), "lists do not carry the content");
        QCOMPARE(store.list().value.size(), 3);

        QVERIFY(store.rename(a, QStringLiteral("  renamed  ")).value);
        QCOMPARE(store.load(a).value->name, QStringLiteral("renamed"));
        QCOMPARE(store.list(ProfileA).value.first().id, a); // renaming is a change
        QVERIFY(!store.rename(QStringLiteral("missing"), QStringLiteral("x")).value);

        QVERIFY(store.discard(b).value);
        QVERIFY(!store.load(b).value.has_value());
        QVERIFY(!store.discard(b).value);
        QCOMPARE(store.list().value.size(), 2);
    }

    void survivesReopen() {
        QString id;
        {
            SqliteDatabase db(m_path);
            QVERIFY(db.open());
            DraftStore store(db);
            Draft d;
            d.name = QStringLiteral("kept");
            d.content = content(7);
            id = store.save(d).value.id;
        }
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        DraftStore store(db);
        const auto loaded = store.load(id);
        QVERIFY(loaded.value.has_value());
        QCOMPARE(loaded.value->name, QStringLiteral("kept"));
        QCOMPARE(loaded.value->content, content(7));
    }

    // A crash after a committed save keeps it; a crash in the middle of the next save
    // leaves the last whole draft.
    void crashKeepsTheLastWholeDraft_data() {
        QTest::addColumn<QByteArray>("crashPoint");
        QTest::newRow("after a committed save") << QByteArray("after-save");
        QTest::newRow("in the middle of a save") << QByteArray("mid-save");
    }
    void crashKeepsTheLastWholeDraft() {
        QFETCH(QByteArray, crashPoint);
        runCrashingChild(crashPoint.constData());
        SqliteDatabase db(m_path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        const auto loaded = DraftStore(db).load(QStringLiteral("crash-draft"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QVERIFY(loaded.value.has_value());
        QCOMPARE(loaded.value->name, QStringLiteral("Before the crash"));
        QCOMPARE(loaded.value->content, content(1));
    }

    void damagedContentIsReported() {
        SqliteDatabase db(m_path);
        QVERIFY(db.open());
        DraftStore store(db);
        Draft d;
        d.name = QStringLiteral("victim");
        const QString id = store.save(d).value.id;
        QSqlQuery q(db.database());
        QVERIFY(q.exec(
            QStringLiteral("UPDATE drafts SET content_json = '[1,' WHERE id = '%1'").arg(id)));
        const auto loaded = store.load(id);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error.contains(QStringLiteral("\"victim\" is damaged")) &&
                     loaded.error.contains(QStringLiteral("discard it")),
                 qPrintable(loaded.error));
        QVERIFY(store.discard(id).value);
    }
};

int main(int argc, char **argv) {
    if (argc == 4 && std::strcmp(argv[1], "--crash-child") == 0) {
        QCoreApplication app(argc, argv);
        return crashingChild(argv[2], argv[3]);
    }
    QCoreApplication app(argc, argv);
    TstDraftStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_draftstore.moc"
