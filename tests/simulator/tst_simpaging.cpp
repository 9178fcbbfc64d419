// Listings: cursor and offset paging, sort, page size bounds, page tokens, filters, cost.

#include "tests/simulator/simtestutil.h"

#include "simulator/icasimulator.h"

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <random>

using namespace ica::sim;
using namespace std::chrono_literals;
using simtest::Client;
using simtest::HttpResult;
using simtest::Query;

class TstSimPaging : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<IcaSimulator> m_sim;
    std::unique_ptr<Client> m_client;
    QString m_project;

    QString dataPath(const QString &project = {}) const {
        return QStringLiteral("/api/projects/") + (project.isEmpty() ? m_project : project) +
               QStringLiteral("/data");
    }
    QString itemsPath(const QString &batchId) const {
        return QStringLiteral("/api/projects/") + m_project + QStringLiteral("/dataUpdateBatch/") +
               batchId + QStringLiteral("/items");
    }

    static QString dataId(const QJsonValue &row) {
        return row.toObject()
            .value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("id"))
            .toString();
    }
    static QJsonObject details(const QJsonValue &row) {
        return row.toObject()
            .value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("details"))
            .toObject();
    }

    QString createBatch(const QStringList &ids) {
        const QJsonObject body{{QStringLiteral("dataUpdateGroups"),
                                QJsonArray{QJsonObject{{QStringLiteral("dataIds"),
                                                        QJsonArray::fromStringList(ids)}}}}};
        const auto r = m_client->postJson(QStringLiteral("/api/projects/") + m_project +
                                              QStringLiteral("/dataUpdateBatch"),
                                          body);
        return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
    }

    // All rows of a listing in cursor mode; between pages calls `between`.
    QList<QJsonObject> cursorWalk(const QString &path, Query query, int pageSize,
                                  const std::function<void()> &between = {}) {
        QList<QJsonObject> rows;
        QString token;
        qint64 lastRemaining = -1;
        for (int guard = 0; guard < 10000; ++guard) {
            Query q = query;
            q.append({QStringLiteral("pageSize"), QString::number(pageSize)});
            if (!token.isEmpty())
                q.append({QStringLiteral("pageToken"), token});
            const auto r = m_client->get(path, q);
            if (r.status != 200) {
                qWarning() << "page failed" << r.status << r.body;
                return {};
            }
            for (const QJsonValue &v : r.items())
                rows.append(v.toObject());
            lastRemaining = r.json().value(QLatin1String("remainingRecords")).toInteger(-1);
            token = r.json().value(QLatin1String("nextPageToken")).toString();
            if (token.isEmpty())
                break;
            if (between)
                between();
        }
        if (lastRemaining != 0)
            qWarning() << "last page reported remainingRecords" << lastRemaining;
        return rows;
    }

    static void expect400(const HttpResult &r, const char *mentions) {
        QCOMPARE(r.status, 400);
        QVERIFY2(QString::fromUtf8(r.body).contains(QLatin1String(mentions)), r.body.constData());
    }

private Q_SLOTS:
    void initTestCase() {
        SimulatorOptions o;
        o.filesInFirstProject = 6000;
        o.manualClock = true;
        o.itemsPerSecond = 2000;
        m_sim = std::make_unique<IcaSimulator>(o);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<Client>(m_sim->baseUrl(), m_sim->apiKey());
        m_project = m_sim->projectIds().first();
    }

    void dataCursorPagingIsCompleteAndUnique() {
        const QList<QJsonObject> rows = cursorWalk(dataPath(), {}, 777);
        QSet<QString> ids;
        for (const QJsonObject &row : rows)
            ids.insert(dataId(row));
        QCOMPARE(ids.size(), rows.size());
        // Every file and folder, checked against a count the API gives independently.
        const auto total =
            m_client->get(dataPath(), {{QStringLiteral("pageOffset"), QStringLiteral("0")},
                                       {QStringLiteral("pageSize"), QStringLiteral("1")}});
        QCOMPARE(qint64(rows.size()),
                 total.json().value(QLatin1String("totalItemCount")).toInteger());
        const QStringList files = m_sim->fileIds(m_project);
        for (const QString &f : files)
            QVERIFY(ids.contains(f));
    }

    void itemCursorPagingIsUniqueWhileStatusesChange() {
        QStringList ids = m_sim->fileIds(m_project).mid(0, 4000);
        for (int i = 0; i < 1000; ++i) // unknown ids: these items end FAILED
            ids.append(QStringLiteral("fil.%1").arg(i, 32, 10, QLatin1Char('0')));
        std::shuffle(ids.begin(), ids.end(), std::mt19937(7)); // failures spread out
        const QString batchId = createBatch(ids);
        QVERIFY(!batchId.isEmpty());
        m_sim->advance(std::chrono::milliseconds(m_sim->options().initializeMs +
                                                 m_sim->options().waitForResourcesMs));

        // Unfiltered: complete and unique while items move between statuses.
        QSet<QString> seenStatuses;
        const QList<QJsonObject> all =
            cursorWalk(itemsPath(batchId), {}, 300, [&] { m_sim->advance(170ms); });
        QSet<QString> itemIds;
        QStringList dataIds;
        for (const QJsonObject &item : all) {
            itemIds.insert(item.value(QLatin1String("id")).toString());
            dataIds.append(item.value(QLatin1String("request"))
                               .toObject()
                               .value(QLatin1String("dataId"))
                               .toString());
            seenStatuses.insert(item.value(QLatin1String("processing"))
                                    .toObject()
                                    .value(QLatin1String("status"))
                                    .toString());
        }
        QCOMPARE(itemIds.size(), ids.size());
        QCOMPARE(all.size(), ids.size());
        QCOMPARE(dataIds, ids);            // creation order
        QVERIFY(seenStatuses.size() >= 2); // statuses really changed during the walk

        // Filtered on statuses that items enter while we page: still no duplicates, and every
        // row had the requested status.
        const QString second = createBatch(ids);
        m_sim->advance(std::chrono::milliseconds(m_sim->options().initializeMs +
                                                 m_sim->options().waitForResourcesMs + 300));
        QSet<QString> finishedIds;
        const QList<QJsonObject> finished =
            cursorWalk(itemsPath(second),
                       {{QStringLiteral("status"), QStringLiteral("UPDATED")},
                        {QStringLiteral("status"), QStringLiteral("FAILED")}},
                       250, [&] { m_sim->advance(100ms); });
        for (const QJsonObject &item : finished) {
            finishedIds.insert(item.value(QLatin1String("id")).toString());
            const QString status = item.value(QLatin1String("processing"))
                                       .toObject()
                                       .value(QLatin1String("status"))
                                       .toString();
            QVERIFY(status == QLatin1String("UPDATED") || status == QLatin1String("FAILED"));
        }
        QCOMPARE(finishedIds.size(), finished.size());
        QVERIFY(finished.size() > 250); // more than a page: the cursor moved on
    }

    void offsetPaging() {
        const QStringList ids = m_sim->fileIds(m_project).mid(0, 950);
        const QString batchId = createBatch(ids);
        QSet<QString> seen;
        for (int offset = 0; offset < ids.size(); offset += 400) {
            const auto r = m_client->get(itemsPath(batchId),
                                         {{QStringLiteral("pageOffset"), QString::number(offset)},
                                          {QStringLiteral("pageSize"), QStringLiteral("400")}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(QLatin1String("totalItemCount")).toInt(), ids.size());
            QVERIFY(r.json().contains(QLatin1String("nextPageToken")));
            QCOMPARE(r.json().value(QLatin1String("nextPageToken")).toString(), QString());
            QCOMPARE(r.items().size(), qMin(400, int(ids.size()) - offset));
            for (const QJsonValue &v : r.items())
                seen.insert(v.toObject().value(QLatin1String("id")).toString());
        }
        QCOMPARE(seen.size(), ids.size());
        const auto beyond = m_client->get(itemsPath(batchId),
                                          {{QStringLiteral("pageOffset"), QStringLiteral("5000")}});
        QCOMPARE(beyond.status, 200);
        QVERIFY(beyond.items().isEmpty());

        // Offset paging with a status filter counts only matching items.
        m_sim->advance(1h);
        const auto updated = m_client->get(itemsPath(batchId),
                                           {{QStringLiteral("status"), QStringLiteral("UPDATED")},
                                            {QStringLiteral("pageOffset"), QStringLiteral("900")}});
        QCOMPARE(updated.json().value(QLatin1String("totalItemCount")).toInt(), ids.size());
        QCOMPARE(updated.items().size(), int(ids.size()) - 900);
        const auto none = m_client->get(itemsPath(batchId),
                                        {{QStringLiteral("status"), QStringLiteral("UPDATING")},
                                         {QStringLiteral("pageOffset"), QStringLiteral("0")}});
        QCOMPARE(none.json().value(QLatin1String("totalItemCount")).toInt(), 0);
    }

    void sorting() {
        // Data: a folder listing sorted by name, both directions, against a client-side sort.
        const auto folder = m_sim->dataAtPath(m_project, QStringLiteral("/runs/"));
        QVERIFY(folder);
        const QString monthPath = m_sim->data(m_project, folder->childIds.first())->path;
        const QString runPath =
            m_sim->data(m_project, m_sim->dataAtPath(m_project, monthPath)->childIds.first())->path;
        const QString fastqPath = runPath + QStringLiteral("Fastq/");
        for (const bool desc : {false, true}) {
            const auto r = m_client->get(
                dataPath(), {{QStringLiteral("parentFolderPath"), fastqPath},
                             {QStringLiteral("sort"),
                              desc ? QStringLiteral("name desc") : QStringLiteral("name")},
                             {QStringLiteral("pageSize"), QStringLiteral("1000")}});
            QCOMPARE(r.status, 200);
            QStringList names;
            for (const QJsonValue &v : r.items())
                names.append(details(v).value(QLatin1String("name")).toString());
            QVERIFY(names.size() > 5);
            QStringList expected = names;
            std::sort(expected.begin(), expected.end(), [desc](const QString &a, const QString &b) {
                const int c = a.compare(b, Qt::CaseInsensitive);
                return desc ? c > 0 : c < 0;
            });
            QCOMPARE(names, expected);
        }
        // Multiple keys: timeCreated desc, then name.
        const auto multi = m_client->get(
            dataPath(), {{QStringLiteral("type"), QStringLiteral("FILE")},
                         {QStringLiteral("sort"), QStringLiteral("timeCreated desc, name asc")},
                         {QStringLiteral("pageSize"), QStringLiteral("500")}});
        QCOMPARE(multi.status, 200);
        for (qsizetype i = 1; i < multi.items().size(); ++i) {
            const QJsonObject a = details(multi.items().at(i - 1));
            const QJsonObject b = details(multi.items().at(i));
            const QString ta = a.value(QLatin1String("timeCreated")).toString();
            const QString tb = b.value(QLatin1String("timeCreated")).toString();
            QVERIFY(ta >= tb);
            if (ta == tb)
                QVERIFY(a.value(QLatin1String("name"))
                            .toString()
                            .compare(b.value(QLatin1String("name")).toString(),
                                     Qt::CaseInsensitive) <= 0);
        }
        // Items sorted by dataId descending.
        const QStringList ids = m_sim->fileIds(m_project).mid(200, 300);
        const QString batchId = createBatch(ids);
        const auto items = m_client->get(itemsPath(batchId),
                                         {{QStringLiteral("sort"), QStringLiteral("dataId desc")},
                                          {QStringLiteral("pageSize"), QStringLiteral("1000")}});
        QCOMPARE(items.status, 200);
        QStringList got;
        for (const QJsonValue &v : items.items())
            got.append(v.toObject()
                           .value(QLatin1String("request"))
                           .toObject()
                           .value(QLatin1String("dataId"))
                           .toString());
        QStringList expected = ids;
        std::sort(expected.begin(), expected.end(), std::greater<QString>());
        QCOMPARE(got, expected);
        QCOMPARE(items.json().value(QLatin1String("totalItemCount")).toInt(), ids.size());
        // Projects by name descending.
        const auto projects =
            m_client->get(QStringLiteral("/api/projects"),
                          {{QStringLiteral("sort"), QStringLiteral("name desc")}});
        QStringList projectNames;
        for (const QJsonValue &v : projects.items())
            projectNames.append(v.toObject().value(QLatin1String("name")).toString());
        QStringList sortedNames = projectNames;
        std::sort(sortedNames.begin(), sortedNames.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) > 0;
        });
        QCOMPARE(projectNames, sortedNames);
        QVERIFY(projectNames.size() > 1);

        // Sorting is for offset paging only, and on known fields only.
        const auto first =
            m_client->get(itemsPath(batchId), {{QStringLiteral("pageSize"), QStringLiteral("10")}});
        const QString token = first.json().value(QLatin1String("nextPageToken")).toString();
        QVERIFY(!token.isEmpty());
        expect400(
            m_client->get(itemsPath(batchId), {{QStringLiteral("pageToken"), token},
                                               {QStringLiteral("sort"), QStringLiteral("dataId")}}),
            "sort");
        expect400(
            m_client->get(itemsPath(batchId), {{QStringLiteral("sort"), QStringLiteral("colour")}}),
            "colour");
        expect400(
            m_client->get(dataPath(), {{QStringLiteral("sort"), QStringLiteral("name sideways")}}),
            "sideways");
    }

    void pageSizeBounds() {
        for (const char *bad : {"0", "1001", "-5", "abc", ""}) {
            const auto r =
                m_client->get(dataPath(), {{QStringLiteral("pageSize"), QLatin1String(bad)}});
            QCOMPARE(r.status, 400);
            QCOMPARE(r.json()
                         .value(QLatin1String("parameters"))
                         .toObject()
                         .value(QLatin1String("parameter"))
                         .toString(),
                     QStringLiteral("pageSize"));
        }
        const auto one =
            m_client->get(dataPath(), {{QStringLiteral("pageSize"), QStringLiteral("1")}});
        QCOMPARE(one.items().size(), 1);
        const auto max =
            m_client->get(dataPath(), {{QStringLiteral("pageSize"), QStringLiteral("1000")}});
        QCOMPARE(max.items().size(), 1000);
        expect400(m_client->get(dataPath(), {{QStringLiteral("pageOffset"), QStringLiteral("-1")}}),
                  "pageOffset");
        expect400(
            m_client->get(dataPath(), {{QStringLiteral("pageOffset"), QStringLiteral("200000")}}),
            "pageOffset");
    }

    void pageTokens() {
        const auto first =
            m_client->get(dataPath(), {{QStringLiteral("type"), QStringLiteral("FILE")},
                                       {QStringLiteral("pageSize"), QStringLiteral("5")}});
        const QString token = first.json().value(QLatin1String("nextPageToken")).toString();
        QVERIFY(!token.isEmpty());
        // Continues with another page size.
        const auto next =
            m_client->get(dataPath(), {{QStringLiteral("type"), QStringLiteral("FILE")},
                                       {QStringLiteral("pageSize"), QStringLiteral("7")},
                                       {QStringLiteral("pageToken"), token}});
        QCOMPARE(next.status, 200);
        QCOMPARE(next.items().size(), 7);
        QVERIFY(dataId(next.items().first()) != dataId(first.items().last()));
        // Foreign: other filters, other project, other listing kind; garbage; mixed modes.
        expect400(m_client->get(dataPath(), {{QStringLiteral("type"), QStringLiteral("FOLDER")},
                                             {QStringLiteral("pageToken"), token}}),
                  "pageToken");
        expect400(m_client->get(dataPath(m_sim->projectIds().at(1)),
                                {{QStringLiteral("type"), QStringLiteral("FILE")},
                                 {QStringLiteral("pageToken"), token}}),
                  "pageToken");
        expect400(
            m_client->get(QStringLiteral("/api/projects"), {{QStringLiteral("pageToken"), token}}),
            "pageToken");
        expect400(
            m_client->get(dataPath(), {{QStringLiteral("pageToken"), QStringLiteral("bm9wZQ")}}),
            "pageToken");
        QString tampered = token;
        tampered[0] = tampered[0] == QLatin1Char('M') ? QLatin1Char('N') : QLatin1Char('M');
        expect400(m_client->get(dataPath(), {{QStringLiteral("type"), QStringLiteral("FILE")},
                                             {QStringLiteral("pageToken"), tampered}}),
                  "pageToken");
        expect400(m_client->get(dataPath(), {{QStringLiteral("type"), QStringLiteral("FILE")},
                                             {QStringLiteral("pageToken"), token},
                                             {QStringLiteral("pageOffset"), QStringLiteral("0")}}),
                  "pageOffset");
    }

    void dataFilters() {
        const QStringList files = m_sim->fileIds(m_project);
        const auto sample = m_sim->data(m_project, files.at(files.size() / 2));
        QVERIFY(sample);
        const auto ids = [](const HttpResult &r) {
            QStringList out;
            for (const QJsonValue &v : r.items())
                out.append(dataId(v));
            return out;
        };
        const auto query = [&](const Query &q) {
            Query all = q;
            all.append({QStringLiteral("pageSize"), QStringLiteral("1000")});
            const auto r = m_client->get(dataPath(), all);
            if (r.status != 200)
                qWarning() << r.body;
            return r;
        };

        // filename EXACT / FUZZY (case-insensitive substring) / EXCLUDE
        const auto exact = query({{QStringLiteral("filename"), sample->name},
                                  {QStringLiteral("filenameMatchMode"), QStringLiteral("EXACT")}});
        QVERIFY(ids(exact).contains(sample->id));
        for (const QJsonValue &v : exact.items())
            QCOMPARE(details(v).value(QLatin1String("name")).toString(), sample->name);
        const QString fragment = sample->name.mid(2, 6).toUpper();
        const auto fuzzy = query({{QStringLiteral("filename"), fragment},
                                  {QStringLiteral("filenameMatchMode"), QStringLiteral("FUZZY")}});
        QVERIFY(ids(fuzzy).contains(sample->id));
        for (const QJsonValue &v : fuzzy.items())
            QVERIFY(details(v)
                        .value(QLatin1String("name"))
                        .toString()
                        .contains(fragment, Qt::CaseInsensitive));
        const auto excluded = m_client->get(
            dataPath(), {{QStringLiteral("filename"), sample->name},
                         {QStringLiteral("filenameMatchMode"), QStringLiteral("EXCLUDE")},
                         {QStringLiteral("pageOffset"), QStringLiteral("0")}});
        const auto everything =
            m_client->get(dataPath(), {{QStringLiteral("pageOffset"), QStringLiteral("0")}});
        QCOMPARE(excluded.json().value(QLatin1String("totalItemCount")).toInteger(),
                 everything.json().value(QLatin1String("totalItemCount")).toInteger() -
                     exact.items().size());

        // filePath STARTS_WITH (case-insensitive, recursive) and FULL
        const QString parentPath =
            sample->path.left(sample->path.lastIndexOf(QLatin1Char('/')) + 1);
        const auto under = query({{QStringLiteral("filePath"), parentPath.toUpper()}});
        QVERIFY(ids(under).contains(sample->id));
        for (const QJsonValue &v : under.items())
            QVERIFY(details(v)
                        .value(QLatin1String("path"))
                        .toString()
                        .startsWith(parentPath, Qt::CaseInsensitive));
        const auto full =
            query({{QStringLiteral("filePath"), sample->path.toLower()},
                   {QStringLiteral("filePathMatchMode"), QStringLiteral("FULL_CASE_INSENSITIVE")}});
        QCOMPARE(ids(full), QStringList{sample->id});
        const auto folderFull =
            query({{QStringLiteral("filePath"), parentPath},
                   {QStringLiteral("filePathMatchMode"), QStringLiteral("FULL_CASE_INSENSITIVE")}});
        QCOMPARE(folderFull.items().size(), 1);
        QCOMPARE(details(folderFull.items().first()).value(QLatin1String("dataType")).toString(),
                 QStringLiteral("FOLDER"));

        // parentFolderPath: direct children only
        const auto children = query({{QStringLiteral("parentFolderPath"), parentPath}});
        QVERIFY(ids(children).contains(sample->id));
        for (const QJsonValue &v : children.items()) {
            const QString path = details(v).value(QLatin1String("path")).toString();
            QVERIFY(path.startsWith(parentPath));
            QVERIFY(!path.mid(parentPath.size())
                         .chopped(path.endsWith(QLatin1Char('/')) ? 1 : 0)
                         .contains(QLatin1Char('/')));
        }

        // type, status (repeatable), formatCode (repeatable), id (repeatable)
        for (const QJsonValue &v :
             query({{QStringLiteral("type"), QStringLiteral("FOLDER")}}).items())
            QCOMPARE(details(v).value(QLatin1String("dataType")).toString(),
                     QStringLiteral("FOLDER"));
        const auto statuses = query({{QStringLiteral("status"), QStringLiteral("ARCHIVED")},
                                     {QStringLiteral("status"), QStringLiteral("PARTIAL")}});
        QVERIFY(!statuses.items().isEmpty());
        for (const QJsonValue &v : statuses.items())
            QVERIFY(QStringList({QStringLiteral("ARCHIVED"), QStringLiteral("PARTIAL")})
                        .contains(details(v).value(QLatin1String("status")).toString()));
        const auto formats = query({{QStringLiteral("formatCode"), QStringLiteral("BAM")},
                                    {QStringLiteral("formatCode"), QStringLiteral("VCF")}});
        QVERIFY(!formats.items().isEmpty());
        for (const QJsonValue &v : formats.items())
            QVERIFY(QStringList({QStringLiteral("BAM"), QStringLiteral("VCF")})
                        .contains(details(v)
                                      .value(QLatin1String("format"))
                                      .toObject()
                                      .value(QLatin1String("code"))
                                      .toString()));
        const auto byId =
            query({{QStringLiteral("id"), files[3]}, {QStringLiteral("id"), files[1]}});
        QCOMPARE(ids(byId), (QStringList{files[1], files[3]}));
        expect400(m_client->get(dataPath(), {{QStringLiteral("status"), QStringLiteral("SHINY")}}),
                  "status");
        expect400(m_client->get(dataPath(), {{QStringLiteral("type"), QStringLiteral("LINK")}}),
                  "type");

        // userTag / technicalTag with match modes
        const QString tech = sample->technicalTags.first();
        const auto techExact = query({{QStringLiteral("technicalTag"), tech}});
        QVERIFY(ids(techExact).contains(sample->id));
        for (const QJsonValue &v : techExact.items())
            QVERIFY(simtest::strings(details(v)
                                         .value(QLatin1String("tags"))
                                         .toObject()
                                         .value(QLatin1String("technicalTags")))
                        .contains(tech));
        const auto techFuzzy =
            query({{QStringLiteral("technicalTag"), tech.mid(1, 5).toUpper()},
                   {QStringLiteral("technicalTagMatchMode"), QStringLiteral("FUZZY")},
                   {QStringLiteral("pageOffset"), QStringLiteral("0")}});
        QVERIFY(techFuzzy.json().value(QLatin1String("totalItemCount")).toInt() >=
                techExact.items().size());
        const auto reviewed =
            m_client->get(dataPath(), {{QStringLiteral("userTag"), QStringLiteral("needs-review")},
                                       {QStringLiteral("pageOffset"), QStringLiteral("0")}});
        const auto notReviewed = m_client->get(
            dataPath(), {{QStringLiteral("userTag"), QStringLiteral("needs-review")},
                         {QStringLiteral("userTagMatchMode"), QStringLiteral("EXCLUDE")},
                         {QStringLiteral("pageOffset"), QStringLiteral("0")}});
        const qint64 tagged = reviewed.json().value(QLatin1String("totalItemCount")).toInteger();
        QVERIFY(tagged > 0);
        QCOMPARE(tagged + notReviewed.json().value(QLatin1String("totalItemCount")).toInteger(),
                 everything.json().value(QLatin1String("totalItemCount")).toInteger());
        expect400(m_client->get(dataPath(), {{QStringLiteral("userTag"), QStringLiteral("x")},
                                             {QStringLiteral("userTagMatchMode"),
                                              QStringLiteral("SOMETIMES")}}),
                  "userTagMatchMode");

        // projects: search on the name
        const QString name = m_client->get(QStringLiteral("/api/projects"))
                                 .items()
                                 .at(1)
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const auto found = m_client->get(QStringLiteral("/api/projects"),
                                         {{QStringLiteral("search"), name.mid(3, 5).toLower()}});
        QVERIFY(!found.items().isEmpty());
        for (const QJsonValue &v : found.items())
            QVERIFY(v.toObject()
                        .value(QLatin1String("name"))
                        .toString()
                        .contains(name.mid(3, 5), Qt::CaseInsensitive));
    }

    void costOfThousandRowPages() {
        SimulatorOptions o = simtest::oneProject(20000);
        IcaSimulator sim(o);
        QVERIFY(sim.start());
        Client client(sim.baseUrl(), sim.apiKey());
        const QString project = sim.projectIds().first();
        const QJsonObject body{
            {QStringLiteral("dataUpdateGroups"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("dataIds"), QJsonArray::fromStringList(sim.fileIds(project))},
                 {QStringLiteral("userTags"),
                  QJsonObject{
                      {QStringLiteral("addTags"), QJsonArray{QStringLiteral("bench")}}}}}}}};
        QElapsedTimer timer;
        timer.start();
        const auto created = client.postJson(
            QStringLiteral("/api/projects/") + project + QStringLiteral("/dataUpdateBatch"), body);
        const qint64 createMs = timer.elapsed();
        QCOMPARE(created.status, 201);
        const QString items =
            QStringLiteral("/api/projects/") + project + QStringLiteral("/dataUpdateBatch/") +
            created.json().value(QLatin1String("id")).toString() + QStringLiteral("/items");
        sim.advance(4s); // mid-processing: mixed statuses

        // Round trip as a client sees it, and the server's own share (Server-Timing header).
        struct Cost {
            double roundTripMs = -1;
            double serverMs = -1;
        };
        const auto measure = [&](const QString &path, const Query &q, int rounds,
                                 const QByteArray &encoding) {
            const QList<QPair<QByteArray, QByteArray>> headers{{"Accept-Encoding", encoding}};
            client.get(path, q, headers); // warm-up (connection)
            Cost cost;
            double server = 0;
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < rounds; ++i) {
                const auto r = client.get(path, q, headers);
                if (r.status != 200)
                    return Cost{};
                server += r.header("Server-Timing").split('=').last().toDouble();
            }
            cost.roundTripMs = double(t.nsecsElapsed()) / 1e6 / rounds;
            cost.serverMs = server / rounds;
            return cost;
        };
        const Query page{{QStringLiteral("pageSize"), QStringLiteral("1000")}};
        const Query offsetPage{{QStringLiteral("pageSize"), QStringLiteral("1000")},
                               {QStringLiteral("pageOffset"), QStringLiteral("10000")},
                               {QStringLiteral("status"), QStringLiteral("WAITING_RESOURCES")}};
        const QString dataPath =
            QStringLiteral("/api/projects/") + project + QStringLiteral("/data");
        const Cost cursorPlain = measure(items, page, 20, "identity");
        const Cost cursorGzip = measure(items, page, 20, "gzip");
        const Cost offsetPlain = measure(items, offsetPage, 20, "identity");
        const Cost dataPlain = measure(dataPath, page, 10, "identity");
        const Cost dataGzip = measure(dataPath, page, 10, "gzip");
        qInfo("create batch of 20000 items: %lld ms round trip", createMs);
        qInfo("items page of 1000, cursor: server %.2f ms (plain) / %.2f ms (gzip); round trip "
              "%.2f / %.2f ms",
              cursorPlain.serverMs, cursorGzip.serverMs, cursorPlain.roundTripMs,
              cursorGzip.roundTripMs);
        qInfo("items page of 1000, offset 10000 + status filter: server %.2f ms (plain)",
              offsetPlain.serverMs);
        qInfo(
            "data page of 1000: server %.2f ms (plain) / %.2f ms (gzip); round trip %.2f / %.2f ms",
            dataPlain.serverMs, dataGzip.serverMs, dataPlain.roundTripMs, dataGzip.roundTripMs);
        QVERIFY(cursorPlain.serverMs > 0 && cursorGzip.serverMs > 0 && offsetPlain.serverMs > 0);
        QVERIFY(dataPlain.serverMs > 0 && dataGzip.serverMs > 0);
#ifdef QT_NO_DEBUG
        QVERIFY2(cursorPlain.serverMs < 25 && offsetPlain.serverMs < 25,
                 "serving a 1,000-item page should cost a few ms");
#endif
    }
};

QTEST_GUILESS_MAIN(TstSimPaging)
#include "tst_simpaging.moc"
