// IdListParser: any mix of separators, trimming and quotes, line numbers, the
// duplicate and malformed reports, the shape check of fil./fol. IDs, project
// paths as whole-line tokens.
#include "core/composer/idlistparser.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ica;

namespace {

QString fil(int n) {
    return QStringLiteral("fil.") + QString::number(n, 16).rightJustified(32, QLatin1Char('0'));
}

QString fol(int n) {
    return QStringLiteral("fol.") + QString::number(n, 16).rightJustified(32, QLatin1Char('0'));
}

} // namespace

class TstIdListParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitsOnEveryKindOfSeparator() {
        const QString text = fil(1) + QStringLiteral(",") + fil(2) + QStringLiteral("\t") + fil(3) +
                             QStringLiteral("  ") + fil(4) + QStringLiteral(";\r\n") + fil(5) +
                             QStringLiteral(" ,\n\n") + fol(6);
        const IdParseResult r = IdListParser::parse(text);
        QCOMPARE(r.ids(), (QStringList{fil(1), fil(2), fil(3), fil(4), fil(5), fol(6)}));
        QVERIFY(r.duplicates.isEmpty());
        QVERIFY(r.malformed.isEmpty());
    }

    void trimsAndStripsQuotes() {
        const IdParseResult r = IdListParser::parse(
            QStringLiteral("  \"%1\" , '%2'\n`%3`  ").arg(fil(1), fil(2), fol(3)));
        QCOMPARE(r.ids(), (QStringList{fil(1), fil(2), fol(3)}));
    }

    void emptyTextGivesNothing() {
        QVERIFY(IdListParser::parse(QString()).entries.isEmpty());
        QVERIFY(IdListParser::parse(QStringLiteral(" ,\n\t;; \n")).entries.isEmpty());
    }

    void reportsLineNumbers() {
        const QString text =
            fil(1) + QStringLiteral("\n\n") + fil(2) + QStringLiteral(", bad\n") + fil(1);
        const IdParseResult r = IdListParser::parse(text);
        QCOMPARE(r.entries.size(), 4);
        QCOMPARE(r.entries.at(0).line, 1);
        QCOMPARE(r.entries.at(1).line, 3);
        QCOMPARE(r.entries.at(2).line, 3);
        QCOMPARE(r.entries.at(3).line, 4);
        QCOMPARE(r.linesOf(fil(1)), (QList<int>{1, 4}));
    }

    void reportsDuplicatesKeepingTheFirst() {
        const QString text =
            QStringList{fil(1), fil(2), fil(1), fil(3), fil(2), fil(1)}.join(QLatin1Char('\n'));
        const IdParseResult r = IdListParser::parse(text);
        QCOMPARE(r.ids().size(), 6); // repeats kept for the validator
        QCOMPARE(r.uniqueIds(), (QStringList{fil(1), fil(2), fil(3)}));
        QCOMPARE(r.duplicates.size(), 3);
        QCOMPARE(r.duplicates.at(0).id, fil(1));
        QCOMPARE(r.duplicates.at(0).line, 3);
        QCOMPARE(r.duplicates.at(1).id, fil(2));
        QCOMPARE(r.duplicates.at(1).line, 5);
    }

    void reportsMalformedIds() {
        const QString text = QStringLiteral("%1\nfil.123\nxyz\n%2\nFIL.%3")
                                 .arg(fil(1), fol(2), QString(32, QLatin1Char('a')));
        const IdParseResult r = IdListParser::parse(text);
        QCOMPARE(r.malformed.size(), 3);
        QCOMPARE(r.malformed.at(0).id, QStringLiteral("fil.123"));
        QCOMPARE(r.malformed.at(0).line, 2);
        QCOMPARE(r.malformed.at(1).id, QStringLiteral("xyz"));
        QCOMPARE(r.malformed.at(2).line, 5); // the prefix is lower case in ICA
    }

    void shapeCheck_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("wellFormed");
        QTest::addColumn<bool>("folder");
        QTest::newRow("file") << fil(7) << true << false;
        QTest::newRow("folder") << fol(7) << true << true;
        QTest::newRow("upper hex")
            << QStringLiteral("fil.") + QString(32, QLatin1Char('F')) << true << false;
        QTest::newRow("31 digits")
            << QStringLiteral("fil.") + QString(31, QLatin1Char('0')) << false << false;
        QTest::newRow("33 digits")
            << QStringLiteral("fil.") + QString(33, QLatin1Char('0')) << false << false;
        QTest::newRow("not hex") << QStringLiteral("fil.") + QString(32, QLatin1Char('g')) << false
                                 << false;
        QTest::newRow("other prefix")
            << QStringLiteral("dat.") + QString(32, QLatin1Char('0')) << false << false;
        QTest::newRow("bare folder prefix") << QStringLiteral("fol.x") << false << true;
    }

    void shapeCheck() {
        QFETCH(QString, id);
        QFETCH(bool, wellFormed);
        QFETCH(bool, folder);
        QCOMPARE(IdListParser::isWellFormed(id), wellFormed);
        QCOMPARE(IdListParser::isFolderId(id), folder);
    }

    void parsesValuesWithTheirRowNumbers() {
        const IdParseResult r = IdListParser::parseValues(
            {fil(1), QStringLiteral(" %1 , %2 ").arg(fil(2), fil(3)), QString(), fil(1)}, 2);
        QCOMPARE(r.ids(), (QStringList{fil(1), fil(2), fil(3), fil(1)}));
        QCOMPARE(r.entries.at(1).line, 3);
        QCOMPARE(r.entries.at(3).line, 5);
        QCOMPARE(r.duplicates.size(), 1);
    }

    void formatsOnePerLine() {
        QCOMPARE(IdListParser::format({fil(1), fil(2)}), fil(1) + QLatin1Char('\n') + fil(2));
        QCOMPARE(IdListParser::parse(IdListParser::format({fil(1), fil(2)})).ids(),
                 (QStringList{fil(1), fil(2)}));
    }

    void aPathLineIsOneToken() {
        const QString text = fil(1) + QStringLiteral("\n  /runs/x/my sample, v2;b.bam  \n") +
                             QStringLiteral("/runs/x/\n") + fil(2) +
                             QStringLiteral(", /ref/a.fa\n\"/quoted run/s 1.bam\",\n/");
        const IdParseResult r = IdListParser::parse(text);
        QCOMPARE(r.ids(),
                 (QStringList{fil(1), QStringLiteral("/runs/x/my sample, v2;b.bam"),
                              QStringLiteral("/runs/x/"), fil(2), QStringLiteral("/ref/a.fa"),
                              QStringLiteral("/quoted run/s 1.bam"), QStringLiteral("/")}));
        QCOMPARE(r.entries.at(1).line, 2);
        QCOMPARE(r.entries.at(2).line, 3);
        QCOMPARE(r.entries.at(4).line, 4); // after an ID on its line: split as usual
        QCOMPARE(r.entries.at(5).line, 5);
        // Paths are not malformed IDs; a lone "/" names nothing and is.
        QCOMPARE(r.malformed.size(), 1);
        QCOMPARE(r.malformed.first().id, QStringLiteral("/"));
        QCOMPARE(r.malformed.first().line, 6);
    }

    void repeatedPathsAreDuplicates() {
        const IdParseResult r = IdListParser::parseValues(
            {QStringLiteral("/runs/a b.bam"), fil(1), QStringLiteral(" /runs/a b.bam ")});
        QCOMPARE(r.ids().size(), 3);
        QCOMPARE(r.duplicates.size(), 1);
        QCOMPARE(r.duplicates.first().id, QStringLiteral("/runs/a b.bam"));
        QCOMPARE(r.duplicates.first().line, 3);
        QVERIFY(r.malformed.isEmpty());
    }

    void isPath_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("path");
        QTest::newRow("file") << QStringLiteral("/runs/x/sample.bam") << true;
        QTest::newRow("folder") << QStringLiteral("/runs/x/") << true;
        QTest::newRow("spaces") << QStringLiteral("/my runs/s 1.bam") << true;
        QTest::newRow("root") << QStringLiteral("/") << false;
        QTest::newRow("slashes") << QStringLiteral("///") << false;
        QTest::newRow("relative") << QStringLiteral("runs/x.bam") << false;
        QTest::newRow("url") << QStringLiteral("https://example.com/x") << false;
        QTest::newRow("id") << fil(1) << false;
    }

    void isPath() {
        QFETCH(QString, token);
        QFETCH(bool, path);
        QCOMPARE(IdListParser::isPath(token), path);
    }

    void largeListsAreQuick() {
        QStringList ids;
        for (int i = 0; i < 100000; ++i)
            ids.append(fil(i));
        QElapsedTimer timer;
        timer.start();
        const IdParseResult r = IdListParser::parse(ids.join(QStringLiteral(",\n")));
        QCOMPARE(r.entries.size(), 100000);
        QVERIFY(r.duplicates.isEmpty());
        QVERIFY2(timer.elapsed() < 5000, "100,000 IDs must parse in well under a second or two");
    }
};

QTEST_GUILESS_MAIN(TstIdListParser)
#include "tst_idlistparser.moc"
