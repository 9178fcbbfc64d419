// The one keyed diff engine (RowDiff, KeyedRows, RowDiffRunner) on a plain two-column
// model: every case is checked by a listener that replays the model's signals on a
// plain list and must end equal to the target, with QAbstractItemModelTester attached.
// Reorders, mass deletes, interleaved inserts and removals, repeated keys, every row
// changed, empty to full and back, random permutations (inline and on the worker
// thread), a big update applied in slices with a newer one arriving mid-way, a
// 100,000-row append applied onto the end in several slices, appends' bounded slack,
// a refresh handed in during a big append, a target handed over in pages, and appends
// waiting behind an update merged into one insertion (never across another update).
#include "core/rows/keyedrows.h"
#include "tests/support/modelsignallog.h"

#include <QAbstractItemModelTester>
#include <QAbstractTableModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;

namespace {

struct Entry {
    QString key;
    int value = 0;
};

struct EntryTraits {
    using Row = Entry;
    using Key = QString;
    using Input = Entry;
    Row make(const Input &input) const { return input; }
    Key key(const Row &row) const { return row.key; }
    bool same(const Row &a, const Row &b) const { return a.key == b.key && a.value == b.value; }
    quint32 changedColumns(const Row &a, const Row &b) const {
        return a.value != b.value ? 2u : 0u;
    }
};

/// Column 0: the key; column 1: the value.
class EntryModel final : public QAbstractTableModel {
public:
    EntryModel()
        : rows(this, EntryTraits()) {}
    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : rows.size();
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : 2;
    }
    QVariant data(const QModelIndex &index, int role) const override {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
            return {};
        const Entry &entry = rows.at(index.row());
        return index.column() == 0 ? QVariant(entry.key) : QVariant(entry.value);
    }
    KeyedRows<EntryTraits> rows;
};

using Plain = QList<QPair<QString, int>>;

/// Replays a model's row signals on a plain list, reading only the rows a signal
/// names: if the model forgot or misplaced a notification, the list ends different.
class Replay final : public QObject {
public:
    explicit Replay(QAbstractItemModel *model)
        : m_model(model) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    ++inserts;
                    for (int row = first; row <= last; ++row)
                        list.insert(row, read(row));
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    ++removes;
                    list.remove(first, last - first + 1);
                });
        connect(model, &QAbstractItemModel::rowsMoved, this,
                [this](const QModelIndex &, int first, int last, const QModelIndex &, int to) {
                    ++moves;
                    QVERIFY(first == last);
                    list.move(first, to > first ? to - 1 : to);
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    ++changes;
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        list[row] = read(row);
                });
        connect(model, &QAbstractItemModel::layoutChanged, this, [this]() { ++layouts; });
        connect(model, &QAbstractItemModel::modelReset, this, [this]() {
            ++resets;
            list.clear();
            for (int row = 0; row < m_model->rowCount(); ++row)
                list.append(read(row));
        });
    }
    QPair<QString, int> read(int row) const {
        return {m_model->index(row, 0).data().toString(), m_model->index(row, 1).data().toInt()};
    }
    Plain modelRows() const {
        Plain rows;
        for (int row = 0; row < m_model->rowCount(); ++row)
            rows.append(read(row));
        return rows;
    }
    Plain list;
    int inserts = 0, removes = 0, moves = 0, changes = 0, layouts = 0, resets = 0;

private:
    QAbstractItemModel *m_model;
};

QList<Entry> entries(const QString &keys, int value = 0) {
    QList<Entry> list;
    for (const QChar c : keys)
        list.append({QString(c), value});
    return list;
}

QList<Entry> numbered(int count, int value = 0, int from = 0) {
    QList<Entry> list;
    for (int i = from; i < from + count; ++i)
        list.append({QString::number(i), value});
    return list;
}

/// The target after dropping repeated keys (the first stays).
Plain expected(const QList<Entry> &target) {
    Plain plain;
    QSet<QString> seen;
    for (const Entry &entry : target) {
        if (seen.contains(entry.key))
            continue;
        seen.insert(entry.key);
        plain.append({entry.key, entry.value});
    }
    return plain;
}

constexpr bool OnWorker = true;

/// An EntryModel that QAbstractItemModelTester checks after every change, with a
/// Replay of its signals; with `onWorker` its diffs run on the worker thread however
/// small they are.
struct DiffRig {
    explicit DiffRig(bool onWorker = false) {
        if (onWorker)
            model.rows.runner()->setInlineLimit(0);
    }
    EntryModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    Replay replay{&model};
};

} // namespace

class TestRowDiff final : public QObject {
    Q_OBJECT

    /// Applies `target` and checks the replayed list and the model against it.
    static void applyAndCheck(DiffRig &rig, const QList<Entry> &target) {
        applyAndCheck(rig.model, rig.replay, target);
    }
    static void applyAndCheck(EntryModel &model, Replay &replay, const QList<Entry> &target) {
        model.rows.setTarget(target);
        QTRY_VERIFY_WITH_TIMEOUT(model.rows.isSettled(), 120000);
        QCOMPARE(replay.list, expected(target));
        QCOMPARE(replay.modelRows(), expected(target));
        QCOMPARE(replay.layouts, 0);
        QCOMPARE(replay.resets, 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rows.rowOf(replay.list.at(row).first), row);
    }

private Q_SLOTS:
    void longestRunIsLongestAndIncreasing() {
        const QList<int> values{5, 1, 6, 2, 7, 3, 8, 4, 9};
        const QList<int> run = longestIncreasingRun(values);
        QCOMPARE(run.size(), 5); // 1 2 3 4 9
        for (int k = 1; k < run.size(); ++k) {
            QVERIFY(run.at(k) > run.at(k - 1));
            QVERIFY(values.at(run.at(k)) > values.at(run.at(k - 1)));
        }
    }

    void rotationIsOneMove() {
        DiffRig rig;
        applyAndCheck(rig, entries(QStringLiteral("abcdef")));
        rig.replay.moves = 0;
        applyAndCheck(rig, entries(QStringLiteral("bcdefa")));
        QCOMPARE(rig.replay.moves, 1);
        rig.replay.moves = 0;
        applyAndCheck(rig, entries(QStringLiteral("abcdef")));
        QCOMPARE(rig.replay.moves, 1);
    }

    void reverseMovesAllButOne() {
        DiffRig rig;
        applyAndCheck(rig, numbered(50));
        QList<Entry> reversed = numbered(50);
        std::reverse(reversed.begin(), reversed.end());
        rig.replay.moves = rig.replay.inserts = rig.replay.removes = 0;
        applyAndCheck(rig, reversed);
        QCOMPARE(rig.replay.moves, 49);
        QCOMPARE(rig.replay.inserts, 0);
        QCOMPARE(rig.replay.removes, 0);
    }

    void massDeleteGoesInBlocks() {
        DiffRig rig(OnWorker);
        applyAndCheck(rig, numbered(9000));
        QList<Entry> kept;
        for (int i = 0; i < 9000; ++i)
            if (i % 3 == 0 || (i >= 3000 && i < 6000))
                kept.append({QString::number(i), 0});
        rig.replay.removes = 0;
        applyAndCheck(rig, kept);
        QCOMPARE(rig.replay.removes, 2000); // one block per gap: 1000 before 3000, 1000 after 6000
        QCOMPARE(rig.replay.moves, 0);
        QCOMPARE(rig.replay.changes, 0);
    }

    void interleavedInsertsAndRemovals() {
        DiffRig rig;
        applyAndCheck(rig, entries(QStringLiteral("abcdefghij")));
        rig.replay.inserts = rig.replay.removes = 0;
        applyAndCheck(rig, entries(QStringLiteral("XbYdZZfWhV")));
        QCOMPARE(rig.replay.removes, 5); // a c e g i j -> a, c, e, g, ij
        QCOMPARE(rig.replay.inserts, 5); // X, Y, ZZ... Z repeated once: X Y Z W V
        QCOMPARE(rig.replay.moves, 0);
    }

    void repeatedKeysKeepTheFirst() {
        DiffRig rig;
        QList<Entry> target = entries(QStringLiteral("abcabd"));
        target[3].value = 7; // the second "a": ignored
        applyAndCheck(rig, target);
        QCOMPARE(rig.model.rowCount(), 4);
        QCOMPARE(rig.replay.list.at(0).second, 0);
    }

    void everyRowChangedIsOneSpan() {
        DiffRig rig;
        applyAndCheck(rig, numbered(500, 1));
        QSignalSpy changed(&rig.model, &QAbstractItemModel::dataChanged);
        applyAndCheck(rig, numbered(500, 2));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), rig.model.index(0, 1));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), rig.model.index(499, 1));
    }

    void emptyToFullAndBack() {
        DiffRig rig(OnWorker);
        applyAndCheck(rig, numbered(5000));
        QCOMPARE(rig.replay.inserts, 3); // chunks of at most ChunkRows
        applyAndCheck(rig, {});
        QCOMPARE(rig.replay.removes, 3);
        QCOMPARE(rig.model.rowCount(), 0);
    }

    void randomPermutationsReachTheTarget_data() {
        QTest::addColumn<bool>("onWorker");
        QTest::newRow("inline") << false;
        QTest::newRow("worker thread") << true;
    }
    void randomPermutationsReachTheTarget() {
        QFETCH(bool, onWorker);
        QRandomGenerator rng(4711);
        DiffRig rig(onWorker);
        for (int round = 0; round < 150; ++round) {
            // Keys from a pool of 120: some stay, some go, some arrive, order shuffled,
            // a few values change, some keys repeat.
            QList<Entry> target;
            const int count = int(rng.bounded(120));
            for (int i = 0; i < count; ++i)
                target.append({QString::number(rng.bounded(120)), int(rng.bounded(3))});
            if (round % 5 == 0) // a pure permutation of what is shown
                target = [&]() {
                    QList<Entry> shown;
                    for (const auto &row : std::as_const(rig.replay.list))
                        shown.append({row.first, row.second});
                    std::shuffle(shown.begin(), shown.end(), rng);
                    return shown;
                }();
            const int before = int(rig.replay.list.size());
            rig.replay.moves = 0;
            applyAndCheck(rig, target);
            QVERIFY(rig.replay.moves <= qMax(0, before - 1));
        }
    }

    void bigUpdateIsAppliedInSlicesAndANewerOneWaits() {
        DiffRig rig(OnWorker);
        applyAndCheck(rig, numbered(2000));
        // Every other row goes, the rest change, new rows arrive between them: thousands
        // of signals (the tester checks each), more than one slice's worth.
        QList<Entry> first;
        for (int i = 0; i < 2000; i += 2) {
            first.append({QString::number(i), 1});
            first.append({QStringLiteral("n%1").arg(i), 1});
        }
        QList<Entry> second = numbered(1000, 5, 1500);
        bool submittedSecond = false;
        int consistentChecks = 0;
        connect(rig.model.rows.runner(), &RowDiffRunner::sliceApplied, this, [&]() {
            // Between slices the model is whole: what the signals said is what it shows.
            if (consistentChecks < 3) {
                QCOMPARE(rig.replay.list, rig.replay.modelRows());
                ++consistentChecks;
            }
            if (!submittedSecond) {
                submittedSecond = true;
                rig.model.rows.setTarget(second);
            }
        });
        QSignalSpy settled(rig.model.rows.runner(), &RowDiffRunner::settled);
        rig.model.rows.setTarget(first);
        QVERIFY(!rig.model.rows.isSettled());
        QTRY_VERIFY_WITH_TIMEOUT(rig.model.rows.isSettled(), 60000);
        QVERIFY(submittedSecond);
        QVERIFY(consistentChecks > 0);
        QCOMPARE(settled.size(), 1);
        QCOMPARE(rig.replay.list, expected(second));
        QCOMPARE(rig.replay.modelRows(), expected(second));
        QCOMPARE(rig.replay.layouts, 0);
        QCOMPARE(rig.replay.resets, 0);
    }

    void bigAppendGoesOntoTheEndInSeveralSlicesAndStaysConsistent_data() {
        QTest::addColumn<int>("big");
        QTest::newRow("10,000 rows, model tester") << 10000;
        QTest::newRow("100,000 rows") << 100000;
    }
    void bigAppendGoesOntoTheEndInSeveralSlicesAndStaysConsistent() {
        QFETCH(const int, big);
        EntryModel model;
        model.rows.runner()->setInlineLimit(0);
        // The tester checks every row on every signal: over 100,000 rows that takes
        // minutes, so the big case relies on the replay (which reads what is signalled).
        std::unique_ptr<QAbstractItemModelTester> tester;
        if (big <= 10000)
            tester = std::make_unique<QAbstractItemModelTester>(
                &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Replay replay(&model);
        model.rows.append(numbered(1000), true);
        QTRY_VERIFY_WITH_TIMEOUT(model.rows.isSettled(), 120000);
        int checks = 0;
        connect(model.rows.runner(), &RowDiffRunner::sliceApplied, this, [&]() {
            if (checks < 3) { // between slices: what the signals said is what it shows
                QCOMPARE(replay.list, replay.modelRows());
                ++checks;
            }
        });
        replay.inserts = 0;
        model.rows.append(numbered(big, 7, 1000), true);
        QVERIFY(!model.rows.isSettled());
        QTRY_VERIFY_WITH_TIMEOUT(model.rows.isSettled(), 60000);
        // One block, signalled in chunks of at most ChunkRows rows, all at the end.
        QVERIFY(replay.inserts >= big / KeyedRows<EntryTraits>::ChunkRows);
        QCOMPARE(replay.list, expected(numbered(1000) + numbered(big, 7, 1000)));
        QCOMPARE(replay.modelRows(), replay.list);
        QCOMPARE(replay.resets, 0);
        for (const int row : {0, 999, 1000, big / 2, big + 999})
            QCOMPARE(model.rows.rowOf(replay.list.at(row).first), row);
        // Appended in place: the list grew by a bounded slack, not by doubling.
        const qsizetype size = model.rows.rows().size();
        QVERIFY(model.rows.rows().capacity() <= size + size / 4 + 16);
    }

    void pagedAppendsKeepASmallSlackAndFindEveryRow() {
        DiffRig rig;
        QList<Entry> all;
        int grownOnTheWorker = 0;
        for (int page = 0; page < 40; ++page) {
            const QList<Entry> rows = numbered(100, page, page * 100);
            all += rows;
            rig.model.rows.append(rows, true);
            // Applied before the call returns, unless the page grows a list of more
            // rows than inlineLimit(): the worker copies them into the larger list.
            if (!rig.model.rows.isSettled()) {
                QVERIFY(page * 100 > rig.model.rows.runner()->inlineLimit() - 100);
                ++grownOnTheWorker;
                QTRY_VERIFY(rig.model.rows.isSettled());
            }
            QCOMPARE(rig.model.rowCount(), (page + 1) * 100);
            const qsizetype size = rig.model.rows.rows().size();
            QVERIFY(rig.model.rows.rows().capacity() <= qMax(size + size / 4, size + 100) + 16);
        }
        QCOMPARE(rig.replay.inserts, 40);
        QCOMPARE(rig.replay.list, expected(all));
        QVERIFY(grownOnTheWorker > 0); // 4,000 rows grow past the limit of 2,000
        for (int row = 0; row < all.size(); ++row)
            QCOMPARE(rig.model.rows.rowOf(all.at(row).key), row);
    }

    void refreshInterleavedWithABigAppend() {
        // A "load all" page arrives and is being applied in slices (chunks of
        // ChunkRows rows) when a refresh of the window (a block gone, a block changed,
        // one new row) is handed in, and then the next page: each is applied after
        // the one before, never a reset.
        DiffRig rig(OnWorker);
        const QList<Entry> loaded = numbered(6000);
        QList<QList<Entry>> window; // the refresh, in pages as the loader hands it over
        for (int first = 0; first < loaded.size(); first += 1000) {
            QList<Entry> page;
            for (int i = first; i < first + 1000; ++i) {
                if (i >= 1000 && i < 1500)
                    continue; // gone
                page.append({loaded.at(i).key, i >= 3000 && i < 4000 ? 1 : 0});
            }
            window.append(page);
        }
        window.last().append({QStringLiteral("new"), 2});
        const QList<Entry> nextPage = numbered(500, 4, 6000);
        bool handedIn = false;
        connect(&rig.model, &QAbstractItemModel::rowsInserted, this, [&]() {
            if (handedIn)
                return;
            handedIn = true; // mid-way through the big append
            rig.model.rows.setTarget(window);
            rig.model.rows.append(nextPage, true);
        });
        rig.model.rows.append(loaded, true);
        QTRY_VERIFY_WITH_TIMEOUT(rig.model.rows.isSettled(), 60000);
        QVERIFY(handedIn);
        QList<Entry> target;
        for (const QList<Entry> &page : std::as_const(window))
            target += page;
        target += nextPage;
        QCOMPARE(rig.replay.list, expected(target));
        QCOMPARE(rig.replay.modelRows(), rig.replay.list);
        QCOMPARE(rig.replay.resets, 0);
        QCOMPARE(rig.replay.layouts, 0);
        QCOMPARE(rig.model.rows.rowOf(QStringLiteral("new")), int(target.size() - 501));
        QCOMPARE(rig.model.rows.rowOf(QStringLiteral("1003")), -1);
    }

    void pagesAreJoinedInOrderAndTheFirstOfARepeatedKeyStays() {
        DiffRig rig(OnWorker);
        const QList<QList<Entry>> pages{
            entries(QStringLiteral("abc"), 1), {}, entries(QStringLiteral("dbe"), 2)};
        rig.model.rows.setTarget(pages);
        QTRY_VERIFY(rig.model.rows.isSettled());
        QCOMPARE(rig.replay.list, (Plain{{QStringLiteral("a"), 1},
                                         {QStringLiteral("b"), 1},
                                         {QStringLiteral("c"), 1},
                                         {QStringLiteral("d"), 2},
                                         {QStringLiteral("e"), 2}}));
        QCOMPARE(rig.replay.modelRows(), rig.replay.list);
    }

    void appendsWaitingBehindAnUpdateAreMergedIntoOneInsertion() {
        // Pages of a "load all" that arrive while an update is computed off the GUI
        // thread wait, and are merged: one insertion block, and the rows (values and
        // order) those of applying the pages one after another.
        DiffRig rig(OnWorker);
        ica::test::ModelSignalLog log(&rig.model);
        QList<Entry> pageA = numbered(5, 1, 10);           // 10..14 new
        pageA.append({QStringLiteral("3"), 5});            // a shown row changes
        pageA.append({QStringLiteral("10"), 9});           // repeated in its page: ignored
        QList<Entry> pageB = numbered(3, 2, 15);           // 15..17 new
        pageB.append({QStringLiteral("12"), 7});           // a row of page A changes
        pageB.append({QStringLiteral("3"), 0});            // back to what is shown
        const QList<Entry> pageC{{QStringLiteral("4"), 6}, // a shown row changes
                                 {QStringLiteral("18"), 3}};
        const QList<QList<Entry>> pages{numbered(10), pageA, pageB, pageC};

        // What applying them one by one gives (each settled before the next).
        DiffRig oneByOne;
        for (const QList<Entry> &page : pages) {
            oneByOne.model.rows.append(page, true);
            QTRY_VERIFY(oneByOne.model.rows.isSettled());
        }
        QCOMPARE(oneByOne.replay.inserts, 4);

        for (const QList<Entry> &page : pages)
            rig.model.rows.append(page, true); // the first is computed; the rest wait
        QVERIFY(!rig.model.rows.isSettled());
        QTRY_VERIFY(rig.model.rows.isSettled());
        QCOMPARE(rig.replay.list, oneByOne.replay.list);
        QCOMPARE(rig.replay.modelRows(), rig.replay.list);
        QCOMPARE(rig.replay.list.at(3), (QPair<QString, int>{QStringLiteral("3"), 0}));
        QCOMPARE(rig.replay.list.at(4), (QPair<QString, int>{QStringLiteral("4"), 6}));
        QCOMPARE(rig.replay.list.at(10), (QPair<QString, int>{QStringLiteral("10"), 1}));
        QCOMPARE(rig.replay.list.at(12), (QPair<QString, int>{QStringLiteral("12"), 7}));
        QCOMPARE(rig.replay.list.size(), 19);
        // The first page, then the three merged: the one row that really changed, then
        // the new rows in one block.
        QCOMPARE(log.entries,
                 (QStringList{QStringLiteral("ins 0-9"), QStringLiteral("chg 4-4 c1-1"),
                              QStringLiteral("ins 10-18")}));
        for (int row = 0; row < rig.replay.list.size(); ++row)
            QCOMPARE(rig.model.rows.rowOf(rig.replay.list.at(row).first), row);
    }

    void appendsDoNotMergeAcrossAnotherUpdate() {
        // An append, an update, an append, all waiting: the update stays between them.
        DiffRig rig(OnWorker);
        ica::test::ModelSignalLog log(&rig.model);
        rig.model.rows.append(numbered(4), true);
        rig.model.rows.append(numbered(2, 0, 4), true);
        rig.model.rows.update({}, {QStringLiteral("5")});
        rig.model.rows.append({{QStringLiteral("5"), 1}, {QStringLiteral("6"), 1}}, true);
        QTRY_VERIFY(rig.model.rows.isSettled());
        QCOMPARE(log.entries, (QStringList{QStringLiteral("ins 0-3"), QStringLiteral("ins 4-5"),
                                           QStringLiteral("rem 5-5"), QStringLiteral("ins 5-6")}));
        QCOMPARE(rig.replay.modelRows(), rig.replay.list);
        QCOMPARE(rig.replay.list.last(), (QPair<QString, int>{QStringLiteral("6"), 1}));
    }

    void appendAndUpdate() {
        DiffRig rig;
        rig.model.rows.append(entries(QStringLiteral("abc")), true);
        QList<Entry> page = entries(QStringLiteral("bdea"));
        page[0].value = 3; // b changes
        rig.model.rows.append(page, true);
        QTRY_VERIFY(rig.model.rows.isSettled());
        QCOMPARE(rig.replay.list, (Plain{{QStringLiteral("a"), 0},
                                         {QStringLiteral("b"), 3},
                                         {QStringLiteral("c"), 0},
                                         {QStringLiteral("d"), 0},
                                         {QStringLiteral("e"), 0}}));
        rig.model.rows.update({{QStringLiteral("c"), 9}, {QStringLiteral("zz"), 1}},
                              {QStringLiteral("a"), QStringLiteral("d")});
        QTRY_VERIFY(rig.model.rows.isSettled());
        QCOMPARE(
            rig.replay.list,
            (Plain{{QStringLiteral("b"), 3}, {QStringLiteral("c"), 9}, {QStringLiteral("e"), 0}}));
        QCOMPARE(rig.replay.modelRows(), rig.replay.list);
        QCOMPARE(rig.model.rows.rowOf(QStringLiteral("e")), 2);
        QCOMPARE(rig.model.rows.rowOf(QStringLiteral("a")), -1);
    }
};

QTEST_GUILESS_MAIN(TestRowDiff)
#include "tst_rowdiff.moc"
