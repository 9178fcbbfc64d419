#include "cli/helptext.h"

#include "cli/globaloptions.h"

namespace ica::cli {

namespace {

/// The option list of a parser's help text (from "Options:" on).
QString optionsPart(const QCommandLineParser &parser) {
    const QString text = parser.helpText();
    const qsizetype at = text.indexOf(QLatin1String("Options:"));
    return at < 0 ? QString() : text.mid(at);
}

} // namespace

QCommandLineOption helpOption() {
    return {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
}

void addLeadingOptions(QCommandLineParser &parser) {
    parser.addOption(helpOption());
    parser.addOption({QStringLiteral("version"), QStringLiteral("Show the version.")});
    // For packaging (see helpexport.h): hidden, the man page and completion come from them.
    for (const QString &name : {QStringLiteral("man-page"), QStringLiteral("bash-completion")}) {
        QCommandLineOption option(name, QStringLiteral("Print the %1.").arg(name));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    GlobalSettings::addOptions(parser);
}

QString wrapText(const QString &text, int width) {
    QStringList out;
    for (const QString &paragraph : text.split(QStringLiteral("\n\n"))) {
        QString line;
        QStringList lines;
        for (const QString &word : paragraph.simplified().split(QLatin1Char(' '))) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                lines.append(line);
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        lines.append(line);
        out.append(lines.join(QLatin1Char('\n')));
    }
    return out.join(QStringLiteral("\n\n"));
}

QString topHelp(const QList<CommandSpec> &specs) {
    QString text = QStringLiteral("Usage: icatag [global options] <command> [options]\n\n") +
                   wrapText(QStringLiteral("Creates and follows ICA project data update batches "
                                           "(bulk tag and lifecycle changes), and lists projects "
                                           "and data.")) +
                   QStringLiteral("\n\nCommands:\n");
    TextTable table;
    for (const CommandSpec &spec : specs)
        table.addRow({QStringLiteral("  ") + spec.path(), spec.summary});
    text += table.render(false);

    QCommandLineParser globals;
    addLeadingOptions(globals);
    text += QStringLiteral("\nGlobal o") + optionsPart(globals).mid(1);
    text += QLatin1Char('\n') + wrapText(connectionHelp()) + QStringLiteral("\n\n");
    text += wrapText(QStringLiteral(
        "Output: --output table (default), json (the API's own JSON shapes; a list is a JSON "
        "array of its items), jsonl (lists only: one compact item a line) or csv (lists "
        "only, RFC 4180). Lists are streamed: rows are written as each page arrives. A "
        "reader that stops early (icatag ... | head) ends icatag quietly with exit 0.\n\n"
        "Exit status: 0 success; 1 API or network failure or a wrong answer from the server "
        "(the problem's title and detail on stderr); 2 usage error (found before anything "
        "was sent).\n\n"
        "Bounds: each request must be answered within --timeout (120 s), with at most "
        "--max-body-mib (16 MiB); failed requests are tried again up to --retries (4) times, "
        "each wait said on stderr.\n\n"
        "Run 'icatag <command> --help' for a command's options."));
    return text + QLatin1Char('\n');
}

QString groupHelp(const QList<CommandSpec> &specs, const QString &group) {
    QString text = QStringLiteral("Usage: icatag %1 <command> [options]\n\nCommands:\n").arg(group);
    TextTable table;
    for (const CommandSpec &spec : specs) {
        if (spec.group == group)
            table.addRow({QStringLiteral("  ") + spec.name, spec.summary});
    }
    text += table.render(false);
    text +=
        QStringLiteral("\nRun 'icatag %1 <command> --help' for a command's options.\n").arg(group);
    return text;
}

QString commandHelp(const CommandSpec &spec, const QCommandLineParser &parser) {
    return QStringLiteral("Usage: icatag %1 [options]\n%2.\n\n%3\n\n%4\n\n")
               .arg(spec.path(), spec.summary, wrapText(spec.details),
                    optionsPart(parser).trimmed()) +
           wrapText(QStringLiteral("Global options may also stand before the command words. "
                                   "Run 'icatag --help' for credentials and exit codes.")) +
           QLatin1Char('\n');
}

} // namespace ica::cli
