// icatag's man page and bash completion (icatag --man-page / --bash-completion, which
// the build installs): generated from the same parsers as --help, so every command
// and every option of every command must be in them, and the completion script must
// really complete in bash.
#include "cli/helpexport.h"
#include "tests/cli/clitestsupport.h"

#include <QProcess>
#include <QTemporaryFile>
#include <QtTest>

using namespace ica::cli;

namespace {

QList<CommandSpec> allSpecs() {
    return batchCommands() + projectCommands() + dataCommands() + tagCommands();
}

/// What bash's completion offers for a command line whose last word is being typed.
QStringList complete(const QString &script, const QStringList &words) {
    QTemporaryFile file;
    if (!file.open())
        return {QStringLiteral("<no temporary file>")};
    file.write(script.toUtf8());
    file.flush();
    QStringList quoted;
    for (const QString &word : words)
        quoted.append(QLatin1Char('\'') + word + QLatin1Char('\''));
    const QString program = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _icatag; "
                                           "printf '%s\\n' \"${COMPREPLY[@]}\"")
                                .arg(file.fileName(), quoted.join(QLatin1Char(' ')))
                                .arg(words.size() - 1);
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), program});
    if (!bash.waitForFinished(30000) || bash.exitCode() != 0)
        return {QStringLiteral("<bash failed: %1>")
                    .arg(QString::fromUtf8(bash.readAllStandardError()))};
    return QString::fromUtf8(bash.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCliHelpExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void optionsAreReadFromTheHelpText() {
        QCommandLineParser parser;
        parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                          QStringLiteral("Output format. ") + QString(90, QLatin1Char('x')) +
                              QStringLiteral(" tail-word"),
                          QStringLiteral("FORMAT")});
        parser.addOption({QStringLiteral("all"), QStringLiteral("Every page.")});
        const QList<ListedOption> options = helpOptions(parser);
        QCOMPARE(options.size(), 2);
        QCOMPARE(options.at(0).names,
                 (QStringList{QStringLiteral("-o"), QStringLiteral("--output")}));
        QCOMPARE(options.at(0).valueName, QStringLiteral("FORMAT"));
        QVERIFY2(options.at(0).description.endsWith(QLatin1String("tail-word")),
                 qPrintable(options.at(0).description)); // the wrapped continuation line
        QCOMPARE(options.at(1).names, QStringList{QStringLiteral("--all")});
        QVERIFY(options.at(1).valueName.isEmpty());
    }

    void manPageHasEveryCommandAndOption() {
        const clitest::CliResult result = clitest::runCli({QStringLiteral("--man-page")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QLatin1String(".TH ICATAG 1")));
        for (const CommandSpec &spec : allSpecs()) {
            QVERIFY2(result.out.contains(QStringLiteral(".SS \"%1\"").arg(spec.path())),
                     qPrintable(spec.path()));
            QCommandLineParser parser;
            addCommandOptions(spec, parser);
            const QList<ListedOption> options = helpOptions(parser);
            QVERIFY2(options.size() >= 2, qPrintable(spec.path())); // --help and its own
            for (const ListedOption &option : options) {
                QString name = option.names.last();
                name.replace(QLatin1Char('-'), QStringLiteral("\\-"));
                QVERIFY2(result.out.contains(QStringLiteral("\\fB%1\\fR").arg(name)),
                         qPrintable(spec.path() + QLatin1Char(' ') + option.names.last()));
            }
        }
    }

    void completionCompletesCommandsOptionsAndFormats() {
        const clitest::CliResult result = clitest::runCli({QStringLiteral("--bash-completion")});
        QCOMPARE(result.exitCode, 0);
        const QString script = result.out;
        QCOMPARE(complete(script, {QStringLiteral("icatag"), QStringLiteral("ba")}),
                 QStringList{QStringLiteral("batch")});
        // A global option's value is not taken for the command word.
        QCOMPARE(complete(script, {QStringLiteral("icatag"), QStringLiteral("--server"),
                                   QStringLiteral("ica.example.org"), QStringLiteral("batch"),
                                   QStringLiteral("wa")}),
                 QStringList{QStringLiteral("wait")});
        QStringList names;
        for (const CommandSpec &spec : allSpecs()) {
            if (spec.group == QLatin1String("data"))
                names.append(spec.name);
        }
        QCOMPARE(complete(script, {QStringLiteral("icatag"), QStringLiteral("data"), QString()}),
                 names);
        QCOMPARE(complete(script, {QStringLiteral("icatag"), QStringLiteral("batch"),
                                   QStringLiteral("items"), QStringLiteral("--pro")}),
                 QStringList{QStringLiteral("--project")});
        QStringList formats;
        for (const CommandSpec &spec : allSpecs()) {
            if (spec.path() == QLatin1String("batch items")) {
                for (OutputFormat format : spec.formats)
                    formats.append(formatName(format));
            }
        }
        const QStringList offered =
            complete(script, {QStringLiteral("icatag"), QStringLiteral("batch"),
                              QStringLiteral("items"), QStringLiteral("-o"), QString()});
        for (const QString &format : formats)
            QVERIFY2(offered.contains(format), qPrintable(offered.join(QLatin1Char(' '))));
        // An option's value that is not a file gets no suggestions.
        QCOMPARE(
            complete(script, {QStringLiteral("icatag"), QStringLiteral("batch"),
                              QStringLiteral("items"), QStringLiteral("--project"), QString()}),
            QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliHelpExport)
#include "tst_clihelpexport.moc"
