// `batch create --undo-file` and `batch undo` end to end against the simulator: a
// batch of 2,000 files (a few unknown IDs, tags added and removed, dates set and
// cleared) is undone and every file's tags and dates are as before, read back with
// data GETs through the real client; changes someone else made in between stay and
// are reported; bad undo files, another project and a running batch are refused
// with clear messages.
#include "tests/cli/clitestsupport.h"
#include "tests/support/callwaiter.h"
#include "tests/support/simfixture.h"

#include "core/data/datalookup.h"
#include "simulator/icasimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using clitest::CliResult;

namespace {

/// What a batch may change on a file, as the API shows it.
struct Fields {
    QStringList userTags;
    QStringList technicalTags;
    QDateTime archiveAt;
    QDateTime deleteAt;

    friend bool operator==(const Fields &a, const Fields &b) {
        // Tag order is not part of the state: compare as sets.
        return QSet<QString>(a.userTags.begin(), a.userTags.end()) ==
                   QSet<QString>(b.userTags.begin(), b.userTags.end()) &&
               QSet<QString>(a.technicalTags.begin(), a.technicalTags.end()) ==
                   QSet<QString>(b.technicalTags.begin(), b.technicalTags.end()) &&
               a.archiveAt == b.archiveAt && a.deleteAt == b.deleteAt;
    }
};

QString describe(const Fields &f) {
    return QStringLiteral("user [%1] tech [%2] archive %3 delete %4")
        .arg(f.userTags.join(QLatin1Char(',')), f.technicalTags.join(QLatin1Char(',')),
             f.archiveAt.toString(Qt::ISODate), f.deleteAt.toString(Qt::ISODate));
}

QJsonObject group(const QStringList &ids, const QJsonObject &changes) {
    QJsonObject g = changes;
    g.insert(QStringLiteral("dataIds"), QJsonArray::fromStringList(ids));
    return g;
}

QStringList list(std::initializer_list<const char *> texts) {
    QStringList out;
    for (const char *t : texts)
        out.append(QString::fromLatin1(t));
    return out;
}

QJsonObject tags(std::initializer_list<const char *> addTexts,
                 std::initializer_list<const char *> removeTexts = {}) {
    const QStringList add = list(addTexts);
    const QStringList remove = list(removeTexts);
    QJsonObject o;
    if (!add.isEmpty())
        o.insert(QStringLiteral("addTags"), QJsonArray::fromStringList(add));
    if (!remove.isEmpty())
        o.insert(QStringLiteral("removeTags"), QJsonArray::fromStringList(remove));
    return o;
}

} // namespace

class TestCliUndo final : public QObject {
    Q_OBJECT

    std::unique_ptr<ica::test::SimFixture> f;
    QString m_project;
    QStringList m_files;
    int m_scratch = 0;

    QStringList server() const {
        return {QStringLiteral("--server"), f->sim->baseUrl().toString(),
                QStringLiteral("--api-key"), f->sim->apiKey()};
    }
    QStringList inProject() const { return {QStringLiteral("--project"), m_project}; }

    QString scratch(const QString &name, const QByteArray &content = {}) {
        const QString file = QStringLiteral("%1-%2").arg(++m_scratch).arg(name);
        if (content.isEmpty()) {
            const QString path = clitest::writeScratchFile(file, "x");
            QFile::remove(path);
            return path;
        }
        return clitest::writeScratchFile(file, content);
    }

    /// Creates a batch from `body` (with `extra` options), lets it run to its end and
    /// returns its ID.
    QString runBatch(const QJsonObject &body, const QStringList &extra = {}) {
        const QString path = scratch(QStringLiteral("body.json"),
                                     QJsonDocument(body).toJson(QJsonDocument::Compact));
        const CliResult r = clitest::runCli(
            QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
            QStringList{QStringLiteral("--file"), path, QStringLiteral("-o"),
                        QStringLiteral("json")} +
            extra + server());
        if (r.exitCode != 0) {
            qWarning("%s", r.describe().constData());
            return {};
        }
        const QString id = r.jsonObject()[QLatin1String("id")].toString();
        f->sim->advance(std::chrono::minutes(10));
        return id;
    }

    /// The files' fields read back with data GETs through the real client.
    QHash<QString, Fields> read(const QStringList &ids) {
        ica::test::CallWaiter<QList<ica::ProjectData>> w;
        ica::DataLookup::byIds(f->client.get(), m_project, {}, ids, &w, w.callback());
        if (!w.wait(60000) || !w.ok()) {
            qWarning("reading the data failed");
            return {};
        }
        QHash<QString, Fields> out;
        for (const ica::ProjectData &d : w.value())
            out.insert(d.id, {d.tags.userTags, d.tags.technicalTags, d.willBeArchivedAt,
                              d.willBeDeletedAt});
        return out;
    }

    CliResult undo(const QString &file, const QStringList &extra = {}) {
        return clitest::runCli(QStringList{QStringLiteral("batch"), QStringLiteral("undo")} +
                               inProject() + QStringList{QStringLiteral("--undo-file"), file} +
                               extra + server());
    }

private Q_SLOTS:
    void initTestCase() {
        ica::sim::SimulatorOptions options = ica::test::SimFixture::smallWorld();
        options.filesInFirstProject = 2600;
        f = std::make_unique<ica::test::SimFixture>(options);
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        m_project = f->sim->projectIds().constFirst();
        m_files = f->sim->fileIds(m_project);
        QVERIFY(m_files.size() >= 2600);
    }

    void undoRestoresEveryFile() {
        const QStringList files = m_files.mid(0, 2000);
        const QStringList unknown = clitest::unknownDataIds(5, 0x0d0);
        const QString d1 = QStringLiteral("2031-01-01T00:00:00Z");
        const QString e1 = QStringLiteral("2032-02-02T00:00:00Z");
        // Some state to restore: tags and dates on the first 800 files.
        QVERIFY(!runBatch(QJsonObject{
                              {QStringLiteral("dataUpdateGroups"),
                               QJsonArray{group(files.mid(0, 800),
                                                {{QStringLiteral("userTags"), tags({"keep"})},
                                                 {QStringLiteral("technicalTags"), tags({"t:old"})},
                                                 {QStringLiteral("willBeArchivedAt"), d1},
                                                 {QStringLiteral("willBeDeletedAt"), e1}})}}})
                     .isEmpty());
        const QHash<QString, Fields> before = read(files);
        QCOMPARE(before.size(), 2000);

        // The batch: removes "keep" and "t:old", adds tags, sets and clears dates.
        const QJsonObject body{
            {QStringLiteral("dataUpdateGroups"),
             QJsonArray{
                 group(files.mid(0, 600) + unknown,
                       {{QStringLiteral("userTags"), tags({"new"}, {"keep"})},
                        {QStringLiteral("technicalTags"), tags({}, {"t:old"})},
                        {QStringLiteral("willBeArchivedAt"),
                         QStringLiteral("2040-01-01T00:00:00Z")}}),
                 group(files.mid(600, 400), {{QStringLiteral("userTags"), tags({}, {"keep"})},
                                             {QStringLiteral("clearWillBeDeletedAt"), true}}),
                 group(files.mid(1000), {{QStringLiteral("technicalTags"), tags({"t:new"})},
                                         {QStringLiteral("userTags"), tags({"keep"})},
                                         {QStringLiteral("willBeDeletedAt"),
                                          QStringLiteral("2041-01-01T00:00:00Z")}})}}};
        const QString undoFile = scratch(QStringLiteral("undo.json"));
        const QString batchId = runBatch(body, {QStringLiteral("--undo-file"), undoFile});
        QVERIFY(!batchId.isEmpty());
        QCOMPARE(f->sim->batch(m_project, batchId)->jobStatus,
                 QStringLiteral("PARTIALLY_SUCCEEDED"));
        const QHash<QString, Fields> changed = read(files);
        QVERIFY(!(changed.value(files.at(0)) == before.value(files.at(0))));
        QVERIFY(!(changed.value(files.at(1500)) == before.value(files.at(1500))));

        // The record names the project, the batch and the request.
        QFile record(undoFile);
        QVERIFY(record.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(record.readAll()).object();
        QCOMPARE(o[QLatin1String("format")].toString(), QStringLiteral("icatag-undo"));
        QCOMPARE(o[QLatin1String("version")].toInt(), 1);
        QCOMPARE(o[QLatin1String("projectId")].toString(), m_project);
        QCOMPARE(o[QLatin1String("batchIds")].toArray().at(0).toString(), batchId);
        QCOMPARE(o[QLatin1String("request")].toObject(), body);
        QCOMPARE(o[QLatin1String("missing")].toArray().size(), 5);
        record.close();

        // Never overwritten.
        CliResult r = clitest::runCli(
            QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
            QStringList{QStringLiteral("--ids-file"), scratch(QStringLiteral("ids.txt"), "x"),
                        QStringLiteral("--add-user-tag"), QStringLiteral("a"),
                        QStringLiteral("--undo-file"), undoFile} +
            server());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("exists already")), r.describe());

        // Dry run: the inverse, nothing sent.
        const int batches = f->sim->batchCount();
        r = undo(undoFile, {QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(f->sim->batchCount(), batches);
        const QJsonArray groups = r.jsonObject()[QLatin1String("dataUpdateGroups")].toArray();
        QVERIFY2(groups.size() >= 4, r.describe());
        QVERIFY2(r.err.contains(QLatin1String("5 failed in the batch")), r.describe());

        // The undo, then every file is as before.
        r = undo(undoFile, {QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(f->sim->batchCount(), batches + 1);
        const QString undoId = r.jsonObject()[QLatin1String("id")].toString();
        f->sim->advance(std::chrono::minutes(10));
        QCOMPARE(f->sim->batch(m_project, undoId)->jobStatus, QStringLiteral("SUCCEEDED"));
        const QHash<QString, Fields> after = read(files);
        QCOMPARE(after.size(), 2000);
        int differing = 0;
        for (const QString &id : files) {
            if (!(after.value(id) == before.value(id))) {
                if (++differing < 5)
                    qWarning("%s: before %s, after undo %s", qPrintable(id),
                             qPrintable(describe(before.value(id))),
                             qPrintable(describe(after.value(id))));
            }
        }
        QCOMPARE(differing, 0);
    }

    void othersChangesStayAndAreReported() {
        const QStringList files = m_files.mid(2000, 30);
        const QString undoFile = scratch(QStringLiteral("undo2.json"));
        QVERIFY(!runBatch(QJsonObject{{QStringLiteral("dataUpdateGroups"),
                                       QJsonArray{group(
                                           files, {{QStringLiteral("userTags"), tags({"x"})},
                                                   {QStringLiteral("willBeArchivedAt"),
                                                    QStringLiteral("2045-05-05T00:00:00Z")}})}}},
                          {QStringLiteral("--undo-file"), undoFile})
                     .isEmpty());
        const QHash<QString, Fields> before = [&]() {
            UndoProbe probe;
            return probe.before(undoFile);
        }();
        QCOMPARE(before.size(), 30);
        // Someone else: removes "x" from files 0-4, sets another archive date on 5-9.
        const QString other = QStringLiteral("2046-06-06T00:00:00Z");
        QVERIFY(!runBatch(QJsonObject{
                              {QStringLiteral("dataUpdateGroups"),
                               QJsonArray{group(files.mid(0, 5),
                                                {{QStringLiteral("userTags"), tags({}, {"x"})}}),
                                          group(files.mid(5, 5),
                                                {{QStringLiteral("willBeArchivedAt"), other}})}}})
                     .isEmpty());
        const CliResult r = undo(undoFile);
        QVERIFY2(r.exitCode == 0, r.describe());
        for (int i = 0; i < 10; ++i)
            QVERIFY2(r.err.contains(files.at(i)), r.describe());
        QVERIFY2(r.err.contains(QLatin1String("user tag \"x\" was already removed since")),
                 r.describe());
        QVERIFY2(r.err.contains(QLatin1String("archive date was changed since")), r.describe());
        f->sim->advance(std::chrono::minutes(10));
        const QHash<QString, Fields> after = read(files);
        for (int i = 0; i < 30; ++i) {
            const Fields &a = after.value(files.at(i));
            const Fields &b = before.value(files.at(i));
            QVERIFY2(!a.userTags.contains(QLatin1String("x")) ||
                         b.userTags.contains(QLatin1String("x")),
                     qPrintable(files.at(i)));
            if (i >= 5 && i < 10)
                QCOMPARE(a.archiveAt, QDateTime::fromString(other, Qt::ISODate)); // theirs stays
            else
                QCOMPARE(a.archiveAt, b.archiveAt);
        }
    }

    void badFilesAndStatesAreRefused() {
        // Missing file.
        CliResult r = undo(scratch(QStringLiteral("none.json")));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("does not exist")), r.describe());
        // Damaged file.
        r = undo(scratch(QStringLiteral("damaged.json"), "{\"format\":\"icatag-undo\",\"vers"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("damaged")), r.describe());
        // Not an undo record.
        r = undo(scratch(QStringLiteral("other.json"), "{\"dataUpdateGroups\":[]}"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("not an ICA Tagger undo record")), r.describe());

        // Another project.
        const QString undoFile = scratch(QStringLiteral("undo3.json"));
        const QString ids = scratch(QStringLiteral("ids3.txt"), m_files.at(2100).toUtf8());
        r = clitest::runCli(
            QStringList{QStringLiteral("batch"), QStringLiteral("create")} + inProject() +
            QStringList{QStringLiteral("--ids-file"), ids, QStringLiteral("--add-user-tag"),
                        QStringLiteral("y"), QStringLiteral("--undo-file"), undoFile} +
            server());
        QVERIFY2(r.exitCode == 0, r.describe());
        r = clitest::runCli(QStringList{QStringLiteral("batch"), QStringLiteral("undo"),
                                        QStringLiteral("--project"), f->sim->projectIds().at(1),
                                        QStringLiteral("--undo-file"), undoFile} +
                            server());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("is for project")), r.describe());
        // Not ended yet (the clock has not moved): refused, nothing sent.
        const int batches = f->sim->batchCount();
        r = undo(undoFile);
        QVERIFY2(r.exitCode != 0 && r.err.contains(QLatin1String("has not ended yet")),
                 r.describe());
        QCOMPARE(f->sim->batchCount(), batches);
        f->sim->advance(std::chrono::minutes(1));
    }

private:
    /// Reads the "before" state recorded in an undo file.
    struct UndoProbe {
        QHash<QString, Fields> before(const QString &path) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return {};
            QHash<QString, Fields> out;
            const QJsonArray items =
                QJsonDocument::fromJson(file.readAll()).object()[QLatin1String("items")].toArray();
            for (const QJsonValue &v : items) {
                const QJsonObject o = v.toObject();
                Fields fields;
                for (const QJsonValue &t : o[QLatin1String("u")].toArray())
                    fields.userTags.append(t.toString());
                for (const QJsonValue &t : o[QLatin1String("t")].toArray())
                    fields.technicalTags.append(t.toString());
                fields.archiveAt =
                    QDateTime::fromString(o[QLatin1String("a")].toString(), Qt::ISODateWithMs);
                fields.deleteAt =
                    QDateTime::fromString(o[QLatin1String("d")].toString(), Qt::ISODateWithMs);
                out.insert(o[QLatin1String("id")].toString(), fields);
            }
            return out;
        }
    };
};

QTEST_GUILESS_MAIN(TestCliUndo)
#include "tst_cliundo.moc"
