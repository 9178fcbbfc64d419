// Seeded data generation, seen through the HTTP API: determinism, size, tree shape, speed.

#include "tests/simulator/simtestutil.h"

#include "simulator/datastore.h"
#include "simulator/icasimulator.h"

#include <QElapsedTimer>
#include <QSet>

using namespace ica::sim;
using simtest::Client;

class TstSimData : public QObject {
    Q_OBJECT

private:
    static SimulatorOptions options(quint64 seed, int files = 3000) {
        SimulatorOptions o;
        o.seed = seed;
        o.filesInFirstProject = files;
        o.manualClock = true;
        return o;
    }

    // Every data item of a project, walking cursor pages.
    static QList<QJsonObject> allData(Client &client, const QString &projectId) {
        QList<QJsonObject> rows;
        QString token;
        for (int guard = 0; guard < 1000; ++guard) {
            simtest::Query q{{QStringLiteral("pageSize"), QStringLiteral("1000")}};
            if (!token.isEmpty())
                q.append({QStringLiteral("pageToken"), token});
            const auto r = client.get(
                QStringLiteral("/api/projects/") + projectId + QStringLiteral("/data"), q);
            if (r.status != 200)
                return {};
            for (const QJsonValue &v : r.items())
                rows.append(v.toObject());
            token = r.json().value(QLatin1String("nextPageToken")).toString();
            if (token.isEmpty())
                break;
        }
        return rows;
    }

private Q_SLOTS:
    void sameSeedGivesIdenticalAnswers() {
        IcaSimulator a(options(42));
        IcaSimulator b(options(42));
        QVERIFY(a.start());
        QVERIFY(b.start());
        Client ca(a.baseUrl(), a.apiKey());
        Client cb(b.baseUrl(), b.apiKey());
        QCOMPARE(a.apiKey(), b.apiKey());

        const auto pa = ca.get(QStringLiteral("/api/projects"));
        const auto pb = cb.get(QStringLiteral("/api/projects"));
        QCOMPARE(pa.status, 200);
        QCOMPARE(pa.body, pb.body);

        const QString projectId = a.projectIds().first();
        const auto da =
            ca.get(QStringLiteral("/api/projects/") + projectId + QStringLiteral("/data"),
                   {{QStringLiteral("pageOffset"), QStringLiteral("500")},
                    {QStringLiteral("pageSize"), QStringLiteral("700")}});
        const auto db =
            cb.get(QStringLiteral("/api/projects/") + projectId + QStringLiteral("/data"),
                   {{QStringLiteral("pageOffset"), QStringLiteral("500")},
                    {QStringLiteral("pageSize"), QStringLiteral("700")}});
        QCOMPARE(da.status, 200);
        QCOMPARE(da.items().size(), 700);
        QCOMPARE(da.body, db.body);
    }

    void differentSeedsDiffer() {
        IcaSimulator a(options(1));
        IcaSimulator b(options(2));
        QVERIFY(a.projectIds() != b.projectIds());
        QVERIFY(a.tenantId() != b.tenantId());
        QVERIFY(a.apiKey() != b.apiKey());
        QVERIFY(a.fileIds(a.projectIds().first()) != b.fileIds(b.projectIds().first()));
    }

    void firstProjectHoldsRequestedFilesWithABigFolder() {
        SimulatorOptions o = options(7, 20000);
        IcaSimulator sim(o);
        QVERIFY(sim.start());
        Client client(sim.baseUrl(), sim.apiKey());

        // The first project in default order is the big one.
        const auto projects = client.get(QStringLiteral("/api/projects"));
        QCOMPARE(projects.items().size(), o.projectCount);
        const QString first =
            projects.items().first().toObject().value(QLatin1String("id")).toString();
        QCOMPARE(first, sim.projectIds().first());

        const QString dataPath = QStringLiteral("/api/projects/") + first + QStringLiteral("/data");
        const auto files =
            client.get(dataPath, {{QStringLiteral("type"), QStringLiteral("FILE")},
                                  {QStringLiteral("pageOffset"), QStringLiteral("0")},
                                  {QStringLiteral("pageSize"), QStringLiteral("1")}});
        QCOMPARE(files.status, 200);
        QVERIFY(files.json().value(QLatin1String("totalItemCount")).toInteger() >=
                o.filesInFirstProject);

        // Find the biggest folder from the store, then confirm it over HTTP.
        const Project &project = sim.store().project(0);
        size_t biggest = 0;
        QString biggestPath;
        for (const DataNode &node : project.nodes) {
            if (node.folder && node.children.size() > biggest) {
                biggest = node.children.size();
                biggestPath = node.path;
            }
        }
        QVERIFY2(biggest >= 1000, qPrintable(QString::number(biggest)));
        const auto listing =
            client.get(dataPath, {{QStringLiteral("parentFolderPath"), biggestPath},
                                  {QStringLiteral("pageOffset"), QStringLiteral("0")},
                                  {QStringLiteral("pageSize"), QStringLiteral("10")}});
        QCOMPARE(listing.json().value(QLatin1String("totalItemCount")).toInteger(),
                 qint64(biggest));
    }

    void dataLooksRealistic() {
        IcaSimulator sim(options(3));
        QVERIFY(sim.start());
        Client client(sim.baseUrl(), sim.apiKey());
        const QList<QJsonObject> rows = allData(client, sim.projectIds().first());
        QVERIFY(rows.size() > 3000);

        QSet<QString> ids;
        QSet<QString> formats;
        QSet<QString> statuses;
        int withUserTags = 0;
        int fastqR1 = 0;
        for (const QJsonObject &row : rows) {
            const QJsonObject data = row.value(QLatin1String("data")).toObject();
            const QJsonObject details = data.value(QLatin1String("details")).toObject();
            const QString id = data.value(QLatin1String("id")).toString();
            QVERIFY2(simtest::isDataId(id), qPrintable(id));
            ids.insert(id);
            const bool folder =
                details.value(QLatin1String("dataType")).toString() == QLatin1String("FOLDER");
            QCOMPARE(id.startsWith(QLatin1String("fol.")), folder);
            const QString path = details.value(QLatin1String("path")).toString();
            const QString name = details.value(QLatin1String("name")).toString();
            QVERIFY(path.startsWith(QLatin1Char('/')));
            QCOMPARE(path.endsWith(QLatin1Char('/')), folder);
            QVERIFY(path.endsWith(folder ? name + QLatin1Char('/') : name));
            if (!folder) {
                formats.insert(details.value(QLatin1String("format"))
                                   .toObject()
                                   .value(QLatin1String("code"))
                                   .toString());
                QVERIFY(details.value(QLatin1String("fileSizeInBytes")).toInteger() > 0);
                fastqR1 += name.endsWith(QLatin1String("_R1_001.fastq.gz"));
            }
            statuses.insert(details.value(QLatin1String("status")).toString());
            withUserTags += !details.value(QLatin1String("tags"))
                                 .toObject()
                                 .value(QLatin1String("userTags"))
                                 .toArray()
                                 .isEmpty();
        }
        QCOMPARE(ids.size(), rows.size()); // ids are unique
        for (const char *code : {"FASTQ", "BAM", "VCF", "CSV", "JSON"})
            QVERIFY2(formats.contains(QLatin1String(code)), code);
        QVERIFY(statuses.contains(QStringLiteral("AVAILABLE")));
        QVERIFY(statuses.contains(QStringLiteral("ARCHIVED")));
        QVERIFY(withUserTags > 0);
        QVERIFY(fastqR1 > 100);

        // The documented layout exists.
        const QString projectId = sim.projectIds().first();
        for (const char *path : {"/runs/", "/analysis/", "/reference/"})
            QVERIFY2(sim.dataAtPath(projectId, QLatin1String(path)).has_value(), path);
    }

    void generationIsFast() {
        QElapsedTimer timer;
        timer.start();
        IcaSimulator sim(options(11, 20000));
        const qint64 ms = timer.elapsed();
        qInfo("generating %d projects with %d files in the first took %lld ms",
              sim.options().projectCount, sim.options().filesInFirstProject, ms);
        QCOMPARE(sim.store().project(0).fileCount, 20000);
        // Sanitizers slow every allocation several times: the debug bound then.
#if defined(QT_NO_DEBUG) && !defined(ICATAG_SANITIZED)
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
#else
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
#endif
    }
};

QTEST_GUILESS_MAIN(TstSimData)
#include "tst_simdata.moc"
