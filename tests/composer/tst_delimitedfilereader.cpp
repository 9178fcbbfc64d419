// DelimitedFileReader: RFC 4180 quoting, delimiters by extension and by sniffing,
// header and ID column detection, files on disk (read off the calling thread),
// and DelimitedPreviewModel under QAbstractItemModelTester.
#include "core/composer/delimitedfilereader.h"
#include "core/composer/delimitedpreviewmodel.h"
#include "tests/composer/composertestutil.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ica;
using composertest::fil;
using composertest::fol;

class TstDelimitedFileReader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return path;
    }

private Q_SLOTS:
    void parsesPlainCsv() {
        const auto rows =
            DelimitedFileReader::parse(QStringLiteral("a,b,c\n1,2,3\n"), QLatin1Char(','));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(rows.at(1).at(2), QStringLiteral("3"));
    }

    void followsRfc4180Quotes() {
        const QString text = QStringLiteral("id,note\r\n"
                                            "x,\"a, b\"\r\n"
                                            "y,\"say \"\"hi\"\"\"\r\n"
                                            "z,\"two\nlines\"\r\n"
                                            "w,\r\n");
        const auto rows = DelimitedFileReader::parse(text, QLatin1Char(','));
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(1).at(1), QStringLiteral("a, b"));
        QCOMPARE(rows.at(2).at(1), QStringLiteral("say \"hi\""));
        QCOMPARE(rows.at(3).at(1), QStringLiteral("two\nlines"));
        QCOMPARE(rows.at(4), (QStringList{QStringLiteral("w"), QString()}));
    }

    void skipsBlankLinesAndHandlesNoFinalNewline() {
        const auto rows =
            DelimitedFileReader::parse(QStringLiteral("a\tb\n\n\nc\td"), QLatin1Char('\t'));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1), (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
    }

    void oneColumnWithoutDelimiter() {
        const auto rows = DelimitedFileReader::parse(QStringLiteral("a, b\n\"c\"\n"), QChar());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0), QStringList{QStringLiteral("a, b")});
        QCOMPARE(rows.at(1), QStringList{QStringLiteral("\"c\"")}); // no quoting in plain text
    }

    void delimiterByExtensionOrSniffing() {
        QCOMPARE(
            DelimitedFileReader::detectDelimiter(QStringLiteral("x.csv"), QStringLiteral("a\tb")),
            QLatin1Char(','));
        QCOMPARE(
            DelimitedFileReader::detectDelimiter(QStringLiteral("x.TSV"), QStringLiteral("a,b")),
            QLatin1Char('\t'));
        QCOMPARE(
            DelimitedFileReader::detectDelimiter(QStringLiteral("x.txt"), QStringLiteral("a\tb,c")),
            QLatin1Char('\t'));
        QCOMPARE(
            DelimitedFileReader::detectDelimiter(QStringLiteral("x.txt"), QStringLiteral("a,b")),
            QLatin1Char(','));
        QCOMPARE(
            DelimitedFileReader::detectDelimiter(QStringLiteral("x.txt"), QStringLiteral("a\nb")),
            QChar());
    }

    void detectsHeaderAndIdColumn() {
        const QList<QStringList> withHeader{
            {QStringLiteral("name"), QStringLiteral("dataId"), QStringLiteral("size")},
            {QStringLiteral("a.bam"), fil(1), QStringLiteral("12")},
            {QStringLiteral("b.bam"), fil(2), QStringLiteral("13")}};
        QVERIFY(DelimitedFileReader::detectHeader(withHeader));
        QCOMPARE(DelimitedFileReader::detectIdColumn(withHeader, true), 1);

        const QList<QStringList> noHeader{{fil(1), QStringLiteral("x")},
                                          {fol(2), QStringLiteral("y")}};
        QVERIFY(!DelimitedFileReader::detectHeader(noHeader));
        QCOMPARE(DelimitedFileReader::detectIdColumn(noHeader, false), 0);

        // Names alone make a header even when no cell is an ID.
        const QList<QStringList> named{{QStringLiteral("ID")}, {QStringLiteral("abc")}};
        QVERIFY(DelimitedFileReader::detectHeader(named));
        QCOMPARE(DelimitedFileReader::detectIdColumn(named, true), 0);

        const QList<QStringList> plain{{QStringLiteral("abc")}, {QStringLiteral("def")}};
        QVERIFY(!DelimitedFileReader::detectHeader(plain));
    }

    void readsCsvFileWithEverythingGuessed() {
        const QByteArray bytes = "\xEF\xBB\xBF" // a BOM, as spreadsheets write
                                 "path,id,owner\n"
                                 "/a,\"" +
                                 fil(1).toUtf8() +
                                 "\",me\n"
                                 "/b,\"" +
                                 fol(2).toUtf8() +
                                 "\",me\n"
                                 "/c,,me\n";
        const DelimitedTable table =
            DelimitedFileReader::readFile(write(QStringLiteral("ids.csv"), bytes));
        QVERIFY2(table.ok(), qPrintable(table.error));
        QCOMPARE(table.delimiter, QLatin1Char(','));
        QVERIFY(table.hasHeader);
        QCOMPARE(table.idColumn, 1);
        QCOMPARE(table.columnNames(), (QStringList{QStringLiteral("path"), QStringLiteral("id"),
                                                   QStringLiteral("owner")}));
        QList<int> lines;
        QCOMPARE(table.columnValues(1, &lines), (QStringList{fil(1), fol(2)}));
        QCOMPARE(lines, (QList<int>{2, 3}));
        QCOMPARE(table.columnValues(2).size(), 3);
    }

    void readsTsvAndTxt() {
        const DelimitedTable tsv = DelimitedFileReader::readFile(write(
            QStringLiteral("ids.tsv"), "x\t" + fil(1).toUtf8() + "\ny\t" + fil(2).toUtf8() + "\n"));
        QVERIFY(tsv.ok());
        QCOMPARE(tsv.delimiter, QLatin1Char('\t'));
        QVERIFY(!tsv.hasHeader);
        QCOMPARE(tsv.idColumn, 1);
        QCOMPARE(tsv.columnNames(),
                 (QStringList{QStringLiteral("Column 1"), QStringLiteral("Column 2")}));

        const DelimitedTable txt = DelimitedFileReader::readFile(
            write(QStringLiteral("ids.txt"), fil(1).toUtf8() + "\r\n" + fil(2).toUtf8() + "\r\n"));
        QVERIFY(txt.ok());
        QVERIFY(txt.delimiter.isNull());
        QCOMPARE(txt.columnCount(), 1);
        QCOMPARE(txt.columnValues(0), (QStringList{fil(1), fil(2)}));
    }

    void explainsFilesItCannotRead() {
        const DelimitedTable missing =
            DelimitedFileReader::readFile(m_dir.filePath(QStringLiteral("nope.csv")));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error.contains(QStringLiteral("nope.csv")), qPrintable(missing.error));

        const DelimitedTable binary = DelimitedFileReader::readFile(
            write(QStringLiteral("latin1.txt"), QByteArray("caf\xE9\n", 5)));
        QVERIFY(!binary.ok());
        QVERIFY2(binary.error.contains(QStringLiteral("UTF-8")), qPrintable(binary.error));
    }

    void readsOffTheCallingThread() {
        const QString path = write(QStringLiteral("async.csv"), "id\n" + fil(1).toUtf8() + "\n");
        std::optional<DelimitedTable> result;
        const QThread *caller = QThread::currentThread();
        bool onCaller = false;
        DelimitedFileReader::readFileAsync(path, this, [&](const DelimitedTable &table) {
            onCaller = QThread::currentThread() == caller;
            result = table;
        });
        QVERIFY(!result); // never inside the call
        QTRY_VERIFY(result.has_value());
        QVERIFY(onCaller);
        QCOMPARE(result->columnValues(0), QStringList{fil(1)});
    }

    void previewModelFollowsHeaderAndColumn() {
        DelimitedTable table;
        table.rows.append({QStringLiteral("name"), QStringLiteral("id")});
        for (int i = 0; i < 30; ++i)
            table.rows.append({QStringLiteral("n%1").arg(i), fil(i)});
        table.hasHeader = true;
        table.idColumn = 1;

        DelimitedPreviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(table);
        QCOMPARE(model.rowCount(), DelimitedPreviewModel::PreviewRows);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("id"));
        QCOMPARE(model.index(0, 1).data().toString(), fil(0));
        QCOMPARE(model.headerData(0, Qt::Vertical, Qt::DisplayRole).toInt(), 2); // the file line
        QVERIFY(model.index(0, 1).data(DelimitedPreviewModel::IdColumnRole).toBool());
        QVERIFY(!model.index(0, 0).data(DelimitedPreviewModel::IdColumnRole).toBool());

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setHasHeader(false);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), DelimitedPreviewModel::PreviewRows);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("name"));
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Column 2"));
        model.setHasHeader(true);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("n0"));
        QCOMPARE(reset.size(), 0);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setIdColumn(0);
        QCOMPARE(changed.size(), 2); // the old and the new column
        QVERIFY(model.index(3, 0).data(DelimitedPreviewModel::IdColumnRole).toBool());

        // A short table: toggling the header changes the row count by one.
        DelimitedTable small;
        small.rows = {{QStringLiteral("a")}, {QStringLiteral("b")}};
        model.setTable(small);
        QCOMPARE(model.rowCount(), 2);
        model.setHasHeader(true);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TstDelimitedFileReader)
#include "tst_delimitedfilereader.moc"
