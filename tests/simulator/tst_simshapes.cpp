// Every endpoint answers the spec's JSON shape: required fields, formats, content types.

#include "tests/simulator/simtestutil.h"

#include "simulator/icasimulator.h"

using namespace ica::sim;
using simtest::Client;
using simtest::isDateTime;
using simtest::isUuid;

class TstSimShapes : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<IcaSimulator> m_sim;
    std::unique_ptr<Client> m_client;
    QString m_project;

    QString dataPath() const {
        return QStringLiteral("/api/projects/") + m_project + QStringLiteral("/data");
    }
    QString batchPath() const {
        return QStringLiteral("/api/projects/") + m_project + QStringLiteral("/dataUpdateBatch");
    }

    static void checkAudit(const QJsonObject &o) {
        SIM_REQUIRE_KEYS(o, QStringLiteral("id"), QStringLiteral("ownerId"),
                         QStringLiteral("tenantId"), QStringLiteral("timeCreated"),
                         QStringLiteral("timeModified"));
        QVERIFY(isUuid(o.value(QLatin1String("id"))));
        QVERIFY(isUuid(o.value(QLatin1String("ownerId"))));
        QVERIFY(isUuid(o.value(QLatin1String("tenantId"))));
        QVERIFY(isDateTime(o.value(QLatin1String("timeCreated"))));
        QVERIFY(isDateTime(o.value(QLatin1String("timeModified"))));
    }

    static void checkRegion(const QJsonObject &region) {
        checkAudit(region);
        SIM_REQUIRE_KEYS(region, QStringLiteral("cityName"), QStringLiteral("code"),
                         QStringLiteral("country"));
        const QJsonObject country = region.value(QLatin1String("country")).toObject();
        checkAudit(country);
        SIM_REQUIRE_KEYS(country, QStringLiteral("code"), QStringLiteral("name"),
                         QStringLiteral("region"));
    }

    static void checkProject(const QJsonObject &p) {
        checkAudit(p);
        SIM_REQUIRE_KEYS(p, QStringLiteral("active"), QStringLiteral("billingMode"),
                         QStringLiteral("name"), QStringLiteral("region"), QStringLiteral("tags"));
        QVERIFY(p.value(QLatin1String("active")).isBool());
        QVERIFY(QStringList({QStringLiteral("PROJECT"), QStringLiteral("TENANT")})
                    .contains(p.value(QLatin1String("billingMode")).toString()));
        checkRegion(p.value(QLatin1String("region")).toObject());
        const QJsonObject tags = p.value(QLatin1String("tags")).toObject();
        QVERIFY(tags.value(QLatin1String("technicalTags")).isArray());
        QVERIFY(tags.value(QLatin1String("userTags")).isArray());
        if (p.contains(QLatin1String("storageBundle"))) {
            const QJsonObject bundle = p.value(QLatin1String("storageBundle")).toObject();
            checkAudit(bundle);
            SIM_REQUIRE_KEYS(bundle, QStringLiteral("bundleName"),
                             QStringLiteral("entitlementName"), QStringLiteral("region"));
        }
    }

    static void checkUser(const QJsonObject &u) {
        checkAudit(u);
        SIM_REQUIRE_KEYS(u, QStringLiteral("active"), QStringLiteral("email"),
                         QStringLiteral("emailVerified"), QStringLiteral("tenantAdministrator"),
                         QStringLiteral("twoFactorAuthentication"), QStringLiteral("username"));
    }

    static void checkProjectData(const QJsonObject &row) {
        SIM_REQUIRE_KEYS(row, QStringLiteral("data"), QStringLiteral("projectId"));
        QVERIFY(isUuid(row.value(QLatin1String("projectId"))));
        const QJsonObject data = row.value(QLatin1String("data")).toObject();
        SIM_REQUIRE_KEYS(data, QStringLiteral("id"), QStringLiteral("details"));
        const QJsonObject d = data.value(QLatin1String("details")).toObject();
        SIM_REQUIRE_KEYS(d, QStringLiteral("dataType"), QStringLiteral("name"),
                         QStringLiteral("owningProjectId"), QStringLiteral("status"),
                         QStringLiteral("tags"), QStringLiteral("tenantId"),
                         QStringLiteral("timeCreated"), QStringLiteral("timeModified"));
        QVERIFY(isDateTime(d.value(QLatin1String("timeCreated"))));
        QVERIFY(isUuid(d.value(QLatin1String("owningProjectId"))));
        QVERIFY(QStringList({QStringLiteral("PARTIAL"), QStringLiteral("AVAILABLE"),
                             QStringLiteral("ARCHIVING"), QStringLiteral("ARCHIVED"),
                             QStringLiteral("UNARCHIVING"), QStringLiteral("DELETING")})
                    .contains(d.value(QLatin1String("status")).toString()));
        const QString type = d.value(QLatin1String("dataType")).toString();
        QVERIFY(type == QLatin1String("FILE") || type == QLatin1String("FOLDER"));
        const QJsonObject tags = d.value(QLatin1String("tags")).toObject();
        for (const char *key : {"technicalTags", "userTags", "connectorTags", "runInTags",
                                "runOutTags", "referenceTags"})
            QVERIFY2(tags.value(QLatin1String(key)).isArray(), key);
        if (type == QLatin1String("FILE")) {
            const QJsonObject format = d.value(QLatin1String("format")).toObject();
            checkAudit(format);
            SIM_REQUIRE_KEYS(format, QStringLiteral("code"));
        }
        if (d.contains(QLatin1String("region")))
            checkRegion(d.value(QLatin1String("region")).toObject());
        for (const char *key : {"willBeArchivedAt", "willBeDeletedAt"}) {
            if (d.contains(QLatin1String(key)))
                QVERIFY2(isDateTime(d.value(QLatin1String(key))), key);
        }
    }

    static void checkProblem(const simtest::HttpResult &r, int status) {
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject p = r.json();
        SIM_REQUIRE_KEYS(p, QStringLiteral("type"), QStringLiteral("title"),
                         QStringLiteral("status"), QStringLiteral("timestamp"),
                         QStringLiteral("parameters"), QStringLiteral("detail"));
        QCOMPARE(p.value(QLatin1String("status")).toInt(), status);
        QVERIFY(p.value(QLatin1String("parameters")).isObject());
        QVERIFY(isDateTime(p.value(QLatin1String("timestamp"))));
    }

private Q_SLOTS:
    void initTestCase() {
        SimulatorOptions o;
        o.filesInFirstProject = 2000;
        o.manualClock = true;
        m_sim = std::make_unique<IcaSimulator>(o);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<Client>(m_sim->baseUrl(), m_sim->apiKey());
        m_project = m_sim->projectIds().first();
    }

    void projects() {
        const auto r = m_client->get(QStringLiteral("/api/projects"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/vnd.illumina.v3+json"));
        QVERIFY(!r.items().isEmpty());
        for (const QJsonValue &v : r.items())
            checkProject(v.toObject());

        const auto one = m_client->get(QStringLiteral("/api/projects/") + m_project);
        QCOMPARE(one.status, 200);
        checkProject(one.json());
        QCOMPARE(one.json().value(QLatin1String("id")).toString(), m_project);
    }

    void dataListingAndItem() {
        const auto r =
            m_client->get(dataPath(), {{QStringLiteral("pageSize"), QStringLiteral("200")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.items().size(), 200);
        bool sawFolder = false;
        bool sawFile = false;
        for (const QJsonValue &v : r.items()) {
            checkProjectData(v.toObject());
            if (QTest::currentTestFailed())
                return;
            const QString type = v.toObject()
                                     .value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("details"))
                                     .toObject()
                                     .value(QLatin1String("dataType"))
                                     .toString();
            sawFolder |= type == QLatin1String("FOLDER");
            sawFile |= type == QLatin1String("FILE");
        }
        QVERIFY(sawFolder && sawFile);

        const QString id = m_sim->fileIds(m_project).first();
        const auto one = m_client->get(dataPath() + QLatin1Char('/') + id);
        QCOMPARE(one.status, 200);
        checkProjectData(one.json());
        QCOMPARE(one.json()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
                 id);
    }

    void batchJobAndItems() {
        const QStringList files = m_sim->fileIds(m_project).mid(0, 3);
        const QJsonObject body{
            {QStringLiteral("dataUpdateGroups"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("dataIds"), QJsonArray::fromStringList(files)},
                 {QStringLiteral("userTags"),
                  QJsonObject{{QStringLiteral("addTags"), QJsonArray{QStringLiteral("x")}}}}}}}};
        const auto created = m_client->postJson(batchPath(), body);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("Content-Type"), QByteArray("application/vnd.illumina.v3+json"));
        const QJsonObject batch = created.json();
        SIM_REQUIRE_KEYS(batch, QStringLiteral("id"), QStringLiteral("job"));
        QVERIFY(isUuid(batch.value(QLatin1String("id"))));
        const QJsonObject job = batch.value(QLatin1String("job")).toObject();
        SIM_REQUIRE_KEYS(job, QStringLiteral("id"), QStringLiteral("owner"),
                         QStringLiteral("status"), QStringLiteral("subjectId"),
                         QStringLiteral("subjectType"), QStringLiteral("timeCreated"));
        QVERIFY(isUuid(job.value(QLatin1String("id"))));
        QCOMPARE(job.value(QLatin1String("subjectId")).toString(),
                 batch.value(QLatin1String("id")).toString());
        QVERIFY(isDateTime(job.value(QLatin1String("timeCreated"))));
        checkUser(job.value(QLatin1String("owner")).toObject());
        checkProject(job.value(QLatin1String("project")).toObject());

        const QString batchId = batch.value(QLatin1String("id")).toString();
        const auto fetched = m_client->get(batchPath() + QLatin1Char('/') + batchId);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json().value(QLatin1String("id")).toString(), batchId);

        const auto jobAgain =
            m_client->get(QStringLiteral("/api/jobs/") + job.value(QLatin1String("id")).toString());
        QCOMPARE(jobAgain.status, 200);
        QCOMPARE(jobAgain.json().value(QLatin1String("subjectId")).toString(), batchId);

        const auto items =
            m_client->get(batchPath() + QLatin1Char('/') + batchId + QStringLiteral("/items"));
        QCOMPARE(items.status, 200);
        QCOMPARE(items.items().size(), files.size());
        for (const QJsonValue &v : items.items()) {
            const QJsonObject item = v.toObject();
            SIM_REQUIRE_KEYS(item, QStringLiteral("id"), QStringLiteral("request"),
                             QStringLiteral("processing"));
            QVERIFY(isUuid(item.value(QLatin1String("id"))));
            SIM_REQUIRE_KEYS(item.value(QLatin1String("request")).toObject(),
                             QStringLiteral("dataId"));
            SIM_REQUIRE_KEYS(item.value(QLatin1String("processing")).toObject(),
                             QStringLiteral("status"));
            QCOMPARE(simtest::strings(item.value(QLatin1String("request"))
                                          .toObject()
                                          .value(QLatin1String("userTags"))
                                          .toObject()
                                          .value(QLatin1String("addTags"))),
                     QStringList{QStringLiteral("x")});
        }
        const QString itemId =
            items.items().first().toObject().value(QLatin1String("id")).toString();
        const auto one = m_client->get(batchPath() + QLatin1Char('/') + batchId +
                                       QStringLiteral("/items/") + itemId);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value(QLatin1String("id")).toString(), itemId);
    }

    void token() {
        const auto r = m_client->post(QStringLiteral("/api/tokens"), {}, {});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QLatin1String("token")).isString());
    }

    void problems() {
        checkProblem(m_client->get(QStringLiteral("/api/nothing-here")), 404);
        checkProblem(m_client->get(QStringLiteral("/api/projects/") + m_sim->tenantId()), 404);
        checkProblem(
            m_client->get(dataPath() + QStringLiteral("/fil.0123456789abcdef0123456789abcdef")),
            404);
        checkProblem(
            m_client->get(batchPath() + QStringLiteral("/00000000-0000-4000-8000-000000000000")),
            404);
        checkProblem(m_client->get(batchPath() + QStringLiteral("/not-a-uuid")), 400);

        // Outside the API root.
        Client root(
            QUrl(m_sim->baseUrl().toString().replace(QLatin1String("/ica/rest"), QString())),
            m_sim->apiKey());
        checkProblem(root.get(QStringLiteral("/elsewhere")), 404);

        // Wrong method: 405 with Allow.
        const auto wrong =
            m_client->send("DELETE", m_client->url(QStringLiteral("/api/projects")), {}, {}, 20000);
        checkProblem(wrong, 405);
        QVERIFY(wrong.header("Allow").contains("GET"));
        const auto put = m_client->send("PUT", m_client->url(batchPath()), "{}", {}, 20000);
        checkProblem(put, 405);
        QCOMPARE(put.header("Allow"), QByteArray("POST"));
    }
};

QTEST_GUILESS_MAIN(TstSimShapes)
#include "tst_simshapes.moc"
