// Creating data update batches: validation, processing in simulated time, applied changes.

#include "tests/simulator/simtestutil.h"

#include "simulator/icasimulator.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace ica::sim;
using namespace std::chrono_literals;
using simtest::Client;
using simtest::HttpResult;

class TstSimBatch : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<IcaSimulator> m_sim;
    std::unique_ptr<Client> m_client;
    QString m_project;
    SimulatorOptions m_options;

    QString batchPath() const {
        return QStringLiteral("/api/projects/") + m_project + QStringLiteral("/dataUpdateBatch");
    }

    static QJsonObject group(const QStringList &ids, const QJsonObject &extra = {}) {
        QJsonObject g = extra;
        g.insert(QStringLiteral("dataIds"), QJsonArray::fromStringList(ids));
        return g;
    }

    static QJsonObject body(const QJsonArray &groups) {
        return QJsonObject{{QStringLiteral("dataUpdateGroups"), groups}};
    }

    static QJsonObject tagUpdate(const QStringList &add, const QStringList &remove = {}) {
        return QJsonObject{{QStringLiteral("addTags"), QJsonArray::fromStringList(add)},
                           {QStringLiteral("removeTags"), QJsonArray::fromStringList(remove)}};
    }

    HttpResult create(const QJsonObject &request) {
        return m_client->postJson(batchPath(), request);
    }

    QString jobStatus(const QString &batchId) {
        return m_client->get(batchPath() + QLatin1Char('/') + batchId)
            .json()
            .value(QLatin1String("job"))
            .toObject()
            .value(QLatin1String("status"))
            .toString();
    }

    // Item statuses over HTTP, in creation order (cursor paging).
    QStringList itemStatuses(const QString &batchId) {
        QStringList statuses;
        QString token;
        do {
            simtest::Query q{{QStringLiteral("pageSize"), QStringLiteral("1000")}};
            if (!token.isEmpty())
                q.append({QStringLiteral("pageToken"), token});
            const auto r = m_client->get(
                batchPath() + QLatin1Char('/') + batchId + QStringLiteral("/items"), q);
            for (const QJsonValue &v : r.items())
                statuses.append(v.toObject()
                                    .value(QLatin1String("processing"))
                                    .toObject()
                                    .value(QLatin1String("status"))
                                    .toString());
            token = r.json().value(QLatin1String("nextPageToken")).toString();
        } while (!token.isEmpty());
        return statuses;
    }

    static void expectBadRequest(const HttpResult &r, const QString &mentions, int status = 400) {
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject p = r.json();
        const QString text =
            p.value(QLatin1String("detail")).toString() + QLatin1Char(' ') +
            QString::fromUtf8(
                QJsonDocument(p.value(QLatin1String("parameters")).toObject()).toJson());
        QVERIFY2(text.contains(mentions), qPrintable(text));
    }

    // Files directly inside a folder with at least `minimum` files and a subfolder.
    QString folderWithSubfolders() {
        for (const QString &candidate : {QStringLiteral("/analysis/"), QStringLiteral("/runs/")}) {
            const auto folder = m_sim->dataAtPath(m_project, candidate);
            if (folder && !folder->childIds.isEmpty())
                return folder->childIds.first(); // a run or analysis folder: nested content
        }
        return {};
    }

    void collectDescendants(const QString &id, QStringList *out) {
        const auto node = m_sim->data(m_project, id);
        out->append(id);
        for (const QString &child : node->childIds)
            collectDescendants(child, out);
    }

private Q_SLOTS:
    void init() {
        m_options = SimulatorOptions{};
        m_options.filesInFirstProject = 2000;
        m_options.manualClock = true;
        m_options.itemsPerSecond = 20; // chunks of 2 items per 100 ms
        m_sim = std::make_unique<IcaSimulator>(m_options);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<Client>(m_sim->baseUrl(), m_sim->apiKey());
        m_project = m_sim->projectIds().first();
    }

    void cleanup() {
        m_client.reset();
        m_sim.reset();
    }

    void validationErrors() {
        const QString file = m_sim->fileIds(m_project).first();
        const QString folder = folderWithSubfolders();
        QVERIFY(!folder.isEmpty());

        expectBadRequest(create(QJsonObject{}), QStringLiteral("dataUpdateGroups"));
        expectBadRequest(create(body(QJsonArray{})), QStringLiteral("dataUpdateGroups"));
        expectBadRequest(create(body(QJsonArray{QJsonObject{}})),
                         QStringLiteral("dataUpdateGroups[0].dataIds"));
        expectBadRequest(create(body(QJsonArray{group({file}), group({})})),
                         QStringLiteral("dataUpdateGroups[1].dataIds"));
        expectBadRequest(create(body(QJsonArray{QJsonObject{{QStringLiteral("dataIds"), 5}}})),
                         QStringLiteral("dataUpdateGroups[0].dataIds"));
        expectBadRequest(
            create(body(QJsonArray{group(
                {file}, {{QStringLiteral("willBeArchivedAt"), QStringLiteral("next tuesday")}})})),
            QStringLiteral("willBeArchivedAt"));
        expectBadRequest(
            create(body(QJsonArray{group({file}, {{QStringLiteral("willBeDeletedAt"),
                                                   QStringLiteral("2027-02-30T08:30:00Z")}})})),
            QStringLiteral("willBeDeletedAt"));
        // Archive/delete dates on a folder: the problem names the folder.
        expectBadRequest(create(body(QJsonArray{
                             group({file, folder}, {{QStringLiteral("willBeDeletedAt"),
                                                     QStringLiteral("2027-01-30T08:30:00Z")}})})),
                         folder);
        // Too many ids across the call.
        QStringList many;
        for (int i = 0; i < 60000; ++i)
            many.append(QStringLiteral("fil.%1").arg(i, 32, 16, QLatin1Char('0')));
        expectBadRequest(create(body(QJsonArray{group(many), group(many)})),
                         QString::number(100000));
        // Malformed JSON: the problem says where.
        const auto malformed = m_client->post(
            batchPath(), "{\n  \"dataUpdateGroups\": [\n    {\"dataIds\": [\"a\",]}\n]}");
        expectBadRequest(malformed, QStringLiteral("line 3"));
        QCOMPARE(malformed.json()
                     .value(QLatin1String("parameters"))
                     .toObject()
                     .value(QLatin1String("line"))
                     .toString(),
                 QStringLiteral("3"));
        // Wrong media type, unknown project.
        expectBadRequest(m_client->post(batchPath(), "{}", "text/plain"),
                         QStringLiteral("application/json"), 415);
        const auto unknownProject = m_client->postJson(
            QStringLiteral("/api/projects/00000000-0000-4000-8000-000000000000/dataUpdateBatch"),
            body(QJsonArray{group({file})}));
        QCOMPARE(unknownProject.status, 404);
        // Nothing was created by any of these.
        QCOMPARE(m_sim->batchCount(), 0);
        // Both media types are accepted.
        const QByteArray ok = QJsonDocument(body(QJsonArray{group({file})})).toJson();
        QCOMPARE(m_client->post(batchPath(), ok, "application/json").status, 201);
        QCOMPARE(m_client->post(batchPath(), ok, "application/vnd.illumina.v3+json; charset=utf-8")
                     .status,
                 201);
    }

    void processesThroughEveryStatus() {
        const QStringList files = m_sim->fileIds(m_project).mid(10, 9);
        const QString unknown = QStringLiteral("fil.ffffffffffffffffffffffffffffffff");
        const auto created = create(body(QJsonArray{
            group(files + QStringList{unknown},
                  {{QStringLiteral("userTags"), tagUpdate({QStringLiteral("sim-test")})}})}));
        QCOMPARE(created.status, 201);
        const QString batchId = created.json().value(QLatin1String("id")).toString();
        const int itemCount = files.size() + 1;
        QCOMPARE(m_sim->batch(m_project, batchId)->itemCount, itemCount);

        QCOMPARE(jobStatus(batchId), QStringLiteral("INITIALIZED"));
        QCOMPARE(itemStatuses(batchId), QStringList(itemCount, QStringLiteral("INITIALISED")));

        m_sim->advance(std::chrono::milliseconds(m_options.initializeMs));
        QCOMPARE(jobStatus(batchId), QStringLiteral("WAITING_FOR_RESOURCES"));
        QCOMPARE(itemStatuses(batchId),
                 QStringList(itemCount, QStringLiteral("WAITING_RESOURCES")));
        QVERIFY(!created.json()
                     .value(QLatin1String("job"))
                     .toObject()
                     .contains(QLatin1String("timeStarted")));

        m_sim->advance(std::chrono::milliseconds(m_options.waitForResourcesMs));
        QCOMPARE(jobStatus(batchId), QStringLiteral("RUNNING"));
        QStringList statuses = itemStatuses(batchId);
        QVERIFY(statuses.contains(QStringLiteral("UPDATING")));
        QVERIFY(statuses.contains(QStringLiteral("WAITING_RESOURCES")));

        // Half-way: finished items first, in creation order.
        const int msForAll = itemCount * 1000 / m_options.itemsPerSecond;
        m_sim->advance(std::chrono::milliseconds(msForAll / 2));
        statuses = itemStatuses(batchId);
        QCOMPARE(jobStatus(batchId), QStringLiteral("RUNNING"));
        const int done = int(statuses.count(QStringLiteral("UPDATED")));
        QVERIFY(done > 0 && done < itemCount);
        for (int i = 0; i < done; ++i)
            QCOMPARE(statuses[i], QStringLiteral("UPDATED"));

        QSignalSpy finished(m_sim.get(), &IcaSimulator::batchFinished);
        m_sim->advance(std::chrono::milliseconds(msForAll));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("PARTIALLY_SUCCEEDED"));
        const QJsonObject job = m_client->get(batchPath() + QLatin1Char('/') + batchId)
                                    .json()
                                    .value(QLatin1String("job"))
                                    .toObject();
        QCOMPARE(job.value(QLatin1String("status")).toString(),
                 QStringLiteral("PARTIALLY_SUCCEEDED"));
        QVERIFY(simtest::isDateTime(job.value(QLatin1String("timeStarted"))));
        QVERIFY(simtest::isDateTime(job.value(QLatin1String("timeFinished"))));
        QVERIFY(job.value(QLatin1String("timeFinished")).toString() >=
                job.value(QLatin1String("timeStarted")).toString());
        statuses = itemStatuses(batchId);
        QCOMPARE(statuses.count(QStringLiteral("UPDATED")), files.size());
        QCOMPARE(statuses.count(QStringLiteral("FAILED")), 1);
        QCOMPARE(statuses.last(), QStringLiteral("FAILED")); // the unknown id came last

        // The unknown id's item says why it failed.
        const auto failed =
            m_client->get(batchPath() + QLatin1Char('/') + batchId + QStringLiteral("/items"),
                          {{QStringLiteral("status"), QStringLiteral("FAILED")}});
        QCOMPARE(failed.items().size(), 1);
        const QJsonObject processing =
            failed.items().first().toObject().value(QLatin1String("processing")).toObject();
        QVERIFY(processing.value(QLatin1String("additionalStatusInformation"))
                    .toString()
                    .contains(QLatin1String("not found")));
    }

    void terminalStatuses() {
        const QString file = m_sim->fileIds(m_project).first();
        const QString a =
            create(body(QJsonArray{group({file})})).json().value(QLatin1String("id")).toString();
        const QString b =
            create(body(QJsonArray{group({QStringLiteral("fil.1"), QStringLiteral("nope")})}))
                .json()
                .value(QLatin1String("id"))
                .toString();
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        m_sim->advance(1h);
        QCOMPARE(jobStatus(a), QStringLiteral("SUCCEEDED"));
        QCOMPARE(jobStatus(b), QStringLiteral("FAILED"));
        QCOMPARE(m_sim->batch(m_project, b)->itemStatusCounts.value(QStringLiteral("FAILED")), 2);
    }

    void tagsAndDatesAreApplied() {
        const QStringList files = m_sim->fileIds(m_project).mid(100, 4);
        const auto before = m_sim->data(m_project, files[0]);
        const QString existingUserTag = QStringLiteral("to-be-removed");
        // First give one file a tag and dates, then change them.
        QCOMPARE(
            create(body(QJsonArray{group(
                       files.mid(0, 1), {{QStringLiteral("userTags"), tagUpdate({existingUserTag})},
                                         {QStringLiteral("willBeArchivedAt"),
                                          QStringLiteral("2027-03-01T10:00:00Z")},
                                         {QStringLiteral("willBeDeletedAt"),
                                          QStringLiteral("2028-03-01T10:00:00+02:00")}})}))
                .status,
            201);
        m_sim->advance(1h);
        auto after = m_sim->data(m_project, files[0]);
        QVERIFY(after->userTags.contains(existingUserTag));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(after->willBeArchivedAt, Qt::UTC),
                 QDateTime(QDate(2027, 3, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(after->willBeDeletedAt, Qt::UTC),
                 QDateTime(QDate(2028, 3, 1), QTime(8, 0), Qt::UTC));
        QVERIFY(after->timeModified > before->timeModified);

        const auto created = create(body(QJsonArray{
            group(files.mid(0, 2),
                  {{QStringLiteral("userTags"),
                    tagUpdate({QStringLiteral("reviewed")}, {existingUserTag})},
                   {QStringLiteral("technicalTags"), tagUpdate({QStringLiteral("pipeline:test")})},
                   {QStringLiteral("clearWillBeArchivedAt"), true}}),
            group(files.mid(2, 2),
                  {{QStringLiteral("technicalTags"), tagUpdate({QStringLiteral("other")})}})}));
        QCOMPARE(created.status, 201);
        const QString batchId = created.json().value(QLatin1String("id")).toString();
        // Not applied before the items are processed.
        QVERIFY(!m_sim->data(m_project, files[0])->userTags.contains(QStringLiteral("reviewed")));
        m_sim->advance(1h);
        QCOMPARE(jobStatus(batchId), QStringLiteral("SUCCEEDED"));

        // Visible through the API, not only in the store.
        const auto fetched = m_client->get(QStringLiteral("/api/projects/") + m_project +
                                           QStringLiteral("/data/") + files[0]);
        const QJsonObject details = fetched.json()
                                        .value(QLatin1String("data"))
                                        .toObject()
                                        .value(QLatin1String("details"))
                                        .toObject();
        const QJsonObject tags = details.value(QLatin1String("tags")).toObject();
        QVERIFY(simtest::strings(tags.value(QLatin1String("userTags")))
                    .contains(QStringLiteral("reviewed")));
        QVERIFY(!simtest::strings(tags.value(QLatin1String("userTags"))).contains(existingUserTag));
        QVERIFY(simtest::strings(tags.value(QLatin1String("technicalTags")))
                    .contains(QStringLiteral("pipeline:test")));
        QVERIFY(!details.contains(QLatin1String("willBeArchivedAt")));
        QVERIFY(details.contains(QLatin1String("willBeDeletedAt")));
        // The second group touched only its own ids.
        QVERIFY(m_sim->data(m_project, files[2])->technicalTags.contains(QStringLiteral("other")));
        QVERIFY(!m_sim->data(m_project, files[2])->userTags.contains(QStringLiteral("reviewed")));
        QVERIFY(!m_sim->data(m_project, files[0])->technicalTags.contains(QStringLiteral("other")));

        // A listing filtered on the new tag finds exactly the updated files.
        const auto listed =
            m_client->get(QStringLiteral("/api/projects/") + m_project + QStringLiteral("/data"),
                          {{QStringLiteral("userTag"), QStringLiteral("reviewed")}});
        QCOMPARE(listed.items().size(), 2);
    }

    void foldersApplyRecursively() {
        const QString folder = folderWithSubfolders();
        QStringList all;
        collectDescendants(folder, &all);
        QVERIFY(all.size() > 5);
        const QString file = m_sim->fileIds(m_project).last();
        // A folder and a duplicate id in the same group: one item per distinct requested id.
        const auto created = create(
            body(QJsonArray{group({folder, file, file}, {{QStringLiteral("userTags"),
                                                          tagUpdate({QStringLiteral("tree")})}})}));
        QCOMPARE(created.status, 201);
        const QString batchId = created.json().value(QLatin1String("id")).toString();
        QCOMPARE(m_sim->batch(m_project, batchId)->itemCount, 2);
        m_sim->advance(1h);
        for (const QString &id : all)
            QVERIFY2(m_sim->data(m_project, id)->userTags.contains(QStringLiteral("tree")),
                     qPrintable(id));
        QVERIFY(m_sim->data(m_project, file)->userTags.contains(QStringLiteral("tree")));
        // Nothing outside the folder (other than the file) changed.
        const auto tagged =
            m_client->get(QStringLiteral("/api/projects/") + m_project + QStringLiteral("/data"),
                          {{QStringLiteral("userTag"), QStringLiteral("tree")},
                           {QStringLiteral("pageSize"), QStringLiteral("1000")}});
        QCOMPARE(tagged.items().size() +
                     tagged.json().value(QLatin1String("remainingRecords")).toInt(),
                 all.size() + (all.contains(file) ? 0 : 1));
    }

    void sameIdInTwoGroupsGivesTwoItems() {
        const QString file = m_sim->fileIds(m_project).first();
        const auto created = create(body(QJsonArray{
            group({file}, {{QStringLiteral("userTags"), tagUpdate({QStringLiteral("a")})}}),
            group({file}, {{QStringLiteral("userTags"),
                            tagUpdate({QStringLiteral("b")}, {QStringLiteral("a")})}})}));
        const QString batchId = created.json().value(QLatin1String("id")).toString();
        QCOMPARE(m_sim->batch(m_project, batchId)->itemCount, 2);
        m_sim->advance(1h);
        // Applied in creation order: the second group removed what the first added.
        const QStringList tags = m_sim->data(m_project, file)->userTags;
        QVERIFY(tags.contains(QStringLiteral("b")));
        QVERIFY(!tags.contains(QStringLiteral("a")));
    }

    void batchOfAnotherProjectIsNotFound() {
        const QString file = m_sim->fileIds(m_project).first();
        const QString batchId =
            create(body(QJsonArray{group({file})})).json().value(QLatin1String("id")).toString();
        const QString other = m_sim->projectIds().at(1);
        QCOMPARE(m_client
                     ->get(QStringLiteral("/api/projects/") + other +
                           QStringLiteral("/dataUpdateBatch/") + batchId)
                     .status,
                 404);
        QCOMPARE(m_client
                     ->get(batchPath() + QLatin1Char('/') + batchId + QStringLiteral("/items/") +
                           QStringLiteral("00000000-0000-4000-8000-000000000000"))
                     .status,
                 404);
    }

    void journalKeepsBatchesAcrossRestarts() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SimulatorOptions options = m_options;
        options.journalPath = dir.filePath(QStringLiteral("journal.jsonl"));
        auto first = std::make_unique<IcaSimulator>(options);
        QVERIFY(first->start());
        Client client(first->baseUrl(), first->apiKey());
        const QStringList files = first->fileIds(m_project).mid(0, 30);
        const auto created = client.postJson(
            batchPath(),
            body(QJsonArray{group(files, QJsonObject{{QStringLiteral("userTags"),
                                                      tagUpdate({QStringLiteral("kept")})}})}));
        QCOMPARE(created.status, 201);
        const QString batchId = created.json().value(QLatin1String("id")).toString();
        // A rejected call is not journalled.
        QCOMPARE(client.postJson(batchPath(), QJsonObject{}).status, 400);
        first.reset();

        // A new simulator with the same seed and journal has the batch, finished, with
        // the same id, and the data carries its changes.
        IcaSimulator second(options);
        QVERIFY(second.start());
        QCOMPARE(second.batchCount(), 1);
        const auto batch = second.batch(m_project, batchId);
        QVERIFY(batch.has_value());
        QCOMPARE(batch->jobStatus, QStringLiteral("SUCCEEDED"));
        QCOMPARE(batch->itemCount, 30);
        QVERIFY(second.data(m_project, files.first())->userTags.contains(QStringLiteral("kept")));
        QVERIFY(second.data(m_project, files.last())->userTags.contains(QStringLiteral("kept")));
    }

    void manualClockStandsStill() {
        const qint64 before = m_sim->nowMs();
        QTest::qWait(150);
        QCOMPARE(m_client->get(QStringLiteral("/api/projects")).status, 200);
        QCOMPARE(m_sim->nowMs(), before);
        m_sim->advance(1234ms);
        QCOMPARE(m_sim->nowMs(), before + 1234);
    }

    void realTimeClockFollowsSpeed() {
        SimulatorOptions o;
        o.filesInFirstProject = 100;
        o.projectCount = 1;
        o.speed = 40; // simulated seconds per real second
        o.itemsPerSecond = 100;
        IcaSimulator sim(o);
        QVERIFY(sim.start());
        Client client(sim.baseUrl(), sim.apiKey());
        const QString project = sim.projectIds().first();
        QSignalSpy finished(&sim, &IcaSimulator::batchFinished);
        QElapsedTimer real;
        real.start();
        sim.syncClock(); // nowMs() reports the clock as of its last sync
        const qint64 simStart = sim.nowMs();
        const auto created = client.postJson(
            QStringLiteral("/api/projects/") + project + QStringLiteral("/dataUpdateBatch"),
            body(QJsonArray{group(sim.fileIds(project).mid(0, 20))}));
        QCOMPARE(created.status, 201);
        // Needs initializeMs + waitForResourcesMs + 20 items at 100/s of simulated time,
        // i.e. a fraction of a real second at speed 40; no advance() calls.
        QVERIFY(finished.wait(10000));
        const qint64 simulated = sim.nowMs() - simStart;
        const qint64 needed = o.initializeMs + o.waitForResourcesMs + 20 * 1000 / o.itemsPerSecond;
        QVERIFY2(simulated >= needed, qPrintable(QString::number(simulated)));
        QVERIFY2(simulated <= qint64((real.elapsed() + 10) * o.speed),
                 qPrintable(QStringLiteral("%1 simulated ms in %2 real ms")
                                .arg(simulated)
                                .arg(real.elapsed())));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("SUCCEEDED"));
    }

    void jobsListing() {
        const QString file = m_sim->fileIds(m_project).first();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(create(body(QJsonArray{group({file})})).status, 201);
        m_sim->advance(1h);
        QCOMPARE(create(body(QJsonArray{group({file})})).status, 201);
        const auto succeeded = m_client->get(
            QStringLiteral("/api/jobs"), {{QStringLiteral("status"), QStringLiteral("SUCCEEDED")}});
        QCOMPARE(succeeded.status, 200);
        QCOMPARE(succeeded.items().size(), 3);
        const auto initialized =
            m_client->get(QStringLiteral("/api/jobs"),
                          {{QStringLiteral("status"), QStringLiteral("INITIALIZED")}});
        QCOMPARE(initialized.items().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstSimBatch)
#include "tst_simbatch.moc"
