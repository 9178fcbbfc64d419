// Names and the name filter over many rows, with the real client against the
// simulator over loopback: 30,000 rows over ~5,000 distinct data IDs (3 naming
// nothing) get every name, each ID asked for once; a page appended later gets its
// names too; asking again asks nothing; the name filter (matched off the GUI thread)
// shows exactly the rows a full scan of the names shows, after a burst of texts only
// the last one applies, names arriving while it is set are matched again, and IDs
// that do not pack (pooled as text) match by text.
#include "core/data/datanames.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemsfilterproxy.h"
#include "core/monitor/namematches.h"
#include "simulator/icasimulator.h"
#include "tests/support/simfixture.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace ica;

class TestNameFilter final : public QObject {
    Q_OBJECT

    std::unique_ptr<test::SimFixture> f;
    QString project;
    QStringList files;

    static constexpr int Rows = 30000;

    static QStringList unknownIds() {
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.append(QStringLiteral("fil.%1").arg(0xdead0000 + i, 32, 16, QLatin1Char('0')));
        return ids;
    }

    /// `count` rows from `first` on, cycling over `ids`.
    static QList<BatchItem> rows(int first, int count, const QStringList &ids) {
        QList<BatchItem> items;
        items.reserve(count);
        for (int i = first; i < first + count; ++i) {
            BatchItem item;
            item.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 16, QLatin1Char('0'));
            item.request.dataId = ids.at(i % ids.size());
            item.status = ItemStatus(ItemStatus::Updated);
            items.append(item);
        }
        return items;
    }

    /// Every row's name state is what the simulator says (Found or NotFound).
    bool allNamed(const BatchItemsModel &model, QString *why) const {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString dataId = model.itemAt(row).request.dataId;
            const int state = model.index(row, BatchItemsModel::NameColumn)
                                  .data(BatchItemsModel::NameStateRole)
                                  .toInt();
            const auto data = f->sim->data(project, dataId);
            const int want = int(data ? DataName::State::Found : DataName::State::NotFound);
            if (state != want ||
                (data &&
                 model.index(row, BatchItemsModel::NameColumn).data().toString() != data->name)) {
                *why = QStringLiteral("row %1 (%2): state %3").arg(row).arg(dataId).arg(state);
                return false;
            }
        }
        return model.rowCount() > 0;
    }

    /// The source rows a full scan of the Name and Path cells accepts for `text`.
    static QSet<int> scan(const BatchItemsModel &model, const QString &text) {
        QSet<int> accepted;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex name = model.index(row, BatchItemsModel::NameColumn);
            if (name.data(BatchItemsModel::NameStateRole).toInt() != int(DataName::State::Found))
                continue;
            const QString path = model.index(row, BatchItemsModel::PathColumn).data().toString();
            if (name.data().toString().contains(text, Qt::CaseInsensitive) ||
                path.contains(text, Qt::CaseInsensitive))
                accepted.insert(row);
        }
        return accepted;
    }

    static QSet<int> shown(const ItemsFilterProxy &proxy) {
        QSet<int> rows;
        for (int row = 0; row < proxy.rowCount(); ++row)
            rows.insert(proxy.mapToSource(proxy.index(row, 0)).row());
        return rows;
    }

private Q_SLOTS:
    void initTestCase() {
        sim::SimulatorOptions options = test::SimFixture::smallWorld();
        options.filesInFirstProject = 4997;
        f = std::make_unique<test::SimFixture>(options);
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        project = f->sim->projectIds().constFirst();
        files = f->sim->fileIds(project) + unknownIds();
        QCOMPARE(files.size(), 5000);
    }

    void cleanupTestCase() { f.reset(); }

    void namesArriveForEveryRowOnce() {
        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QStringList later = files.mid(0, 40); // in a page appended later
        const QStringList first = files.mid(40);
        model.setItems(rows(0, Rows, first));
        QCOMPARE(model.rowCount(), Rows);
        DataNameCache names;
        names.setClient(f->client.get());
        model.setNameSource(&names, project);
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(allNamed(model, &why), qPrintable(why), 40000);
        QCOMPARE(names.size(), first.size());
        // Each distinct ID asked for once: 4,960 IDs, 2,000 a lookup at most.
        const int lookups = names.lookupsSent();
        QVERIFY2(lookups >= 3 && lookups <= 4, qPrintable(QString::number(lookups)));

        // Asked again (as after every page): nothing new, nothing asked.
        model.requestNames();
        QTRY_VERIFY(model.isNameWalkIdle());
        QCOMPARE(names.lookupsSent(), lookups);
        QCOMPARE(names.pendingCount(), 0);

        // A page of rows with IDs not seen yet gets its names as well, in one lookup.
        model.appendPage(rows(Rows, 80, later));
        QTRY_COMPARE(model.rowCount(), Rows + 80);
        model.requestNames();
        QTRY_VERIFY2_WITH_TIMEOUT(allNamed(model, &why), qPrintable(why), 20000);
        QCOMPARE(names.lookupsSent(), lookups + 1);
        QCOMPARE(names.size(), files.size());
    }

    void filterGivesExactlyTheFullScan() {
        BatchItemsModel model;
        model.setItems(rows(0, Rows, files));
        DataNameCache names;
        names.setClient(f->client.get());
        ItemsFilterProxy proxy;
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        QAbstractItemModelTester proxyTester(&proxy, Mode::QtTest);
        proxy.setItemsModel(&model);
        proxy.setSourceModel(&model);
        QSignalSpy changed(&proxy, &ItemsFilterProxy::filterChanged);

        // Set before any name is known: no row; the names arriving are matched again.
        const QString name = f->sim->data(project, files.at(1234))->name;
        const QString text = name.left(6).toLower(); // case does not matter
        QVERIFY(!text.isEmpty());
        proxy.setNameFilter(text);
        QTRY_VERIFY(!proxy.isMatching());
        QCOMPARE(proxy.nameFilter(), text);
        QCOMPARE(proxy.rowCount(), 0);
        model.setNameSource(&names, project);
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(allNamed(model, &why), qPrintable(why), 40000);
        QTRY_VERIFY(!proxy.isMatching());
        const QSet<int> expected = scan(model, text);
        QVERIFY(expected.size() >= 6 && expected.size() < Rows); // 1,234 and its repeats
        QTRY_COMPARE(shown(proxy), expected);

        // A burst of texts (as typed, no event loop in between): only the last applies.
        changed.clear();
        const QString last = name.left(4);
        for (const QString &typed :
             {name.left(1), name.left(2), name.left(3), QStringLiteral("zz"), name.left(5), last})
            proxy.setNameFilter(typed);
        QCOMPARE(proxy.wantedNameFilter(), last);
        QTRY_VERIFY(!proxy.isMatching());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(proxy.nameFilter(), last);
        const QSet<int> lastExpected = scan(model, last);
        QVERIFY(lastExpected.size() > expected.size());
        QCOMPARE(shown(proxy), lastExpected);

        // Off at once: every row.
        proxy.setNameFilter(QString());
        QVERIFY(!proxy.isActive());
        QCOMPARE(proxy.rowCount(), Rows);
    }

    void unpackedIdsMatchByText() {
        // IDs that are neither UUIDs nor "fil."-style hex are kept as text (they are
        // pooled in the model, so their packed value depends on the pool).
        DataNames names;
        names.insert(QStringLiteral("odd id"),
                     DataName{DataName::State::Found, QStringLiteral("Sample.BAM"), {}});
        names.insert(files.first(), DataName{DataName::State::Found, QStringLiteral("x"),
                                             QStringLiteral("/runs/sample/x")});
        names.insert(QStringLiteral("gone"), DataName{DataName::State::NotFound, {}, {}});
        const NameMatches matches = NameMatches::of(QStringLiteral("SAMPLE"), names);
        QCOMPARE(matches.size(), 2);
        ItemValuePool pool;
        QVERIFY(matches.contains(PackedText::pack(QStringLiteral("odd id"), pool), pool));
        QVERIFY(matches.contains(PackedText::pack(files.first(), pool), pool));
        QVERIFY(!matches.contains(PackedText::pack(QStringLiteral("gone"), pool), pool));
        QVERIFY(!matches.contains(PackedText::pack(files.last(), pool), pool));
    }
};

QTEST_MAIN(TestNameFilter)
#include "tst_namefilter.moc"
