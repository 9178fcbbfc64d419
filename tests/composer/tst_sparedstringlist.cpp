// SparedStringList: a long list edited while readers hold copies of it (as the
// draft check and the autosave hold a group's IDs) stays equal to a plain list
// edited the same way, every reader keeps exactly what it took, and an edit that
// finds the list shared takes the spare instead of copying the list.
#include "core/composer/sparedstringlist.h"

#include <QRandomGenerator>
#include <QTest>

#include <utility>

using namespace ica;

namespace {

QString fil(qsizetype n) {
    return QStringLiteral("fil.") + QString::number(n, 16).rightJustified(32, QLatin1Char('0'));
}

QStringList fils(qsizetype from, qsizetype count) {
    QStringList ids;
    ids.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        ids.append(fil(from + i));
    return ids;
}

/// What `list` holds now, in an array of its own (the strings are shared).
QStringList snapshot(const QStringList &list) {
    QStringList copy = list;
    copy.detach();
    return copy;
}

} // namespace

class TstSparedStringList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editsWhileReadersHoldTheListMatchAPlainList() {
        const qsizetype count = SparedStringList::SpareFrom + 500;
        SparedStringList list;
        list.splice(0, 0, fils(0, count));
        list.prepareSpare();
        QVERIFY(list.hasSpare());
        QStringList plain = fils(0, count);
        // Each reader: the list it holds, and a copy of what it was when taken.
        QList<std::pair<QStringList, QStringList>> readers;
        QRandomGenerator random(11);
        int sharedWithSpare = 0;
        for (int step = 0; step < 200; ++step) {
            if (random.bounded(3) == 0 && readers.size() < 3)
                readers.append({list.list(), snapshot(list.list())});
            if (!readers.isEmpty() && random.bounded(4) == 0)
                readers.removeFirst();
            const qsizetype begin = random.bounded(plain.size());
            const qsizetype removed = random.bounded(qMin<qsizetype>(3, plain.size() - begin) + 1);
            const QStringList strings = fils(1000000 + step * 4, random.bounded(4));
            const bool shared = !list.list().isDetached();
            const bool spare = list.hasSpare();
            const int swaps = list.spareSwaps();

            list.splice(begin, removed, strings);
            plain.remove(begin, removed);
            for (qsizetype i = 0; i < strings.size(); ++i)
                plain.insert(begin + i, strings.at(i));

            QCOMPARE(list.list(), plain);
            QVERIFY(list.list().isDetached()); // edited in an array of its own
            if (shared && spare) {
                QCOMPARE(list.spareSwaps(), swaps + 1);
                ++sharedWithSpare;
            } else {
                QCOMPARE(list.spareSwaps(), swaps);
            }
            for (const auto &[held, taken] : std::as_const(readers))
                QCOMPARE(held, taken);
            // The next spare is copied on a worker from what the readers hold, and
            // taken in (the edits since replayed) by the next edit.
            if (step % 10 == 9)
                QTRY_VERIFY(list.hasSpare());
        }
        QVERIFY(sharedWithSpare >= 10);
    }

    void shortListsAndCopiesKeepNoSpare() {
        SparedStringList shortList;
        shortList.splice(0, 0, fils(0, 100));
        shortList.prepareSpare();
        QVERIFY(!shortList.hasSpare()); // copying 100 strings costs nothing
        const QStringList reader = shortList.list();
        shortList.splice(0, 1, {fil(7)});
        QCOMPARE(reader.first(), fil(0));
        QCOMPARE(shortList.list().first(), fil(7));

        SparedStringList longList;
        longList.splice(0, 0, fils(0, SparedStringList::SpareFrom));
        longList.prepareSpare();
        SparedStringList copy = longList; // a copy has the strings, not the spare
        QVERIFY(!copy.hasSpare());
        QCOMPARE(copy.list(), longList.list());
        SparedStringList moved = std::move(longList); // a move keeps it
        QVERIFY(moved.hasSpare());
        moved.clear();
        QVERIFY(moved.list().isEmpty());
        QVERIFY(!moved.hasSpare());
    }
};

QTEST_GUILESS_MAIN(TstSparedStringList)
#include "tst_sparedstringlist.moc"
