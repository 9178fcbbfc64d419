#include "cli/helpexport.h"

#include "cli/globaloptions.h"
#include "cli/helptext.h"

#include <QRegularExpression>

namespace ica::cli {

namespace {

/// Escapes text for roff: backslashes, and a leading dot or quote.
QString roff(const QString &text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    escaped.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (escaped.startsWith(QLatin1Char('.')) || escaped.startsWith(QLatin1Char('\'')))
        escaped.prepend(QStringLiteral("\\&"));
    return escaped;
}

/// Paragraphs (blank-line separated) as roff paragraphs.
QString roffParagraphs(const QString &text) {
    QStringList out;
    for (const QString &paragraph : text.split(QStringLiteral("\n\n"))) {
        if (!paragraph.trimmed().isEmpty())
            out.append(QStringLiteral(".PP\n") + roff(paragraph.simplified()));
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString roffOptions(const QList<ListedOption> &options) {
    QString text;
    for (const ListedOption &option : options) {
        QStringList names;
        for (const QString &name : option.names)
            names.append(QStringLiteral("\\fB%1\\fR").arg(roff(name)));
        text += QStringLiteral(".TP\n") + names.join(QStringLiteral(", "));
        if (!option.valueName.isEmpty())
            text += QStringLiteral(" \\fI%1\\fR").arg(roff(option.valueName));
        text += QLatin1Char('\n') + roff(option.description) + QLatin1Char('\n');
    }
    return text;
}

QStringList optionWords(const QList<ListedOption> &options) {
    QStringList words;
    for (const ListedOption &option : options)
        words += option.names;
    return words;
}

/// The names of the options that take a value ("a|b|c"); with `filesOnly`, only
/// those whose value is a file or folder.
QString valueOptionPattern(const QList<ListedOption> &options, bool filesOnly = false) {
    static const QRegularExpression fileValue(QStringLiteral("FILE|PATH|DIR"));
    QStringList names;
    for (const ListedOption &option : options) {
        if (!option.valueName.isEmpty() && (!filesOnly || option.valueName.contains(fileValue)))
            names += option.names;
    }
    return names.join(QLatin1Char('|'));
}

} // namespace

QList<ListedOption> helpOptions(const QCommandLineParser &parser) {
    const QString text = parser.helpText();
    const qsizetype at = text.indexOf(QLatin1String("\nOptions:\n"));
    QList<ListedOption> options;
    if (at < 0)
        return options;
    // "  -o, --output <FORMAT>  Output format..." then continuation lines indented.
    static const QRegularExpression optionLine(
        QStringLiteral("^  (-[^ <]+(?:, -[^ <]+)*)(?: <([^>]+)>)?\\s{2,}(.*)$"));
    for (const QString &line : text.mid(at + 10).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = optionLine.match(line);
        if (match.hasMatch()) {
            options.append({match.captured(1).split(QStringLiteral(", ")), match.captured(2),
                            match.captured(3).trimmed()});
        } else if (!options.isEmpty() && line.startsWith(QStringLiteral("    "))) {
            options.last().description += QLatin1Char(' ') + line.trimmed();
        }
    }
    return options;
}

void addCommandOptions(const CommandSpec &spec, QCommandLineParser &parser) {
    parser.addOption(helpOption());
    spec.addOptions(parser);
    if (!spec.formats.isEmpty())
        parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                          QStringLiteral("Output format: %1 (default table).")
                              .arg(formatNames(spec.formats, QStringLiteral("|"))),
                          QStringLiteral("FORMAT")});
    GlobalSettings::addOptions(parser, spec.hasOwnTimeout);
}

QString manPage(const QList<CommandSpec> &specs, const QString &version) {
    QCommandLineParser globals;
    addLeadingOptions(globals);
    QString text =
        QStringLiteral(".TH ICATAG 1 \"\" \"icatag %1\" \"User Commands\"\n").arg(roff(version));
    text += QStringLiteral(".SH NAME\nicatag \\- create and follow ICA project data update "
                           "batches\n");
    text += QStringLiteral(".SH SYNOPSIS\n.B icatag\n[\\fIglobal options\\fR] \\fIgroup\\fR "
                           "\\fIcommand\\fR [\\fIoptions\\fR]\n");
    text += QStringLiteral(".SH DESCRIPTION\n") +
            roffParagraphs(QStringLiteral(
                "icatag creates and follows Illumina Connected Analytics (ICA) project data "
                "update batches (bulk tag and lifecycle changes), and lists projects and "
                "data. It is the command line of ICA Tagger and shares its core.")) +
            roffParagraphs(connectionHelp());
    text += QStringLiteral(".SH GLOBAL OPTIONS\n") + roffOptions(helpOptions(globals));
    text += QStringLiteral(".SH COMMANDS\n");
    for (const CommandSpec &spec : specs) {
        QCommandLineParser parser;
        addCommandOptions(spec, parser);
        QList<ListedOption> own;
        const QStringList globalWords = optionWords(helpOptions(globals));
        for (const ListedOption &option : helpOptions(parser)) {
            if (!globalWords.contains(option.names.last()))
                own.append(option);
        }
        text += QStringLiteral(".SS \"%1\"\n").arg(spec.path());
        text += roffParagraphs(spec.summary + QStringLiteral(".\n\n") + spec.details);
        text += roffOptions(own);
    }
    text += QStringLiteral(".SH EXIT STATUS\n.TP\n0\nSuccess.\n.TP\n1\nAn API or network "
                           "failure, or a wrong answer from the server.\n.TP\n2\nA usage "
                           "error, found before anything was sent.\n");
    text += QStringLiteral(".SH SEE ALSO\n.BR ica\\-tagger (1)\n");
    return text;
}

QString bashCompletion(const QList<CommandSpec> &specs) {
    QCommandLineParser globals;
    addLeadingOptions(globals);
    QStringList groups;
    QString namesCases;
    QString optionCases;
    QString valueCases;
    QStringList formats;
    for (const CommandSpec &spec : specs) {
        for (OutputFormat format : spec.formats) {
            if (!formats.contains(formatName(format)))
                formats.append(formatName(format));
        }
        if (!groups.contains(spec.group))
            groups.append(spec.group);
        QCommandLineParser parser;
        addCommandOptions(spec, parser);
        const QList<ListedOption> options = helpOptions(parser);
        optionCases += QStringLiteral("        \"%1 %2\") opts=\"%3\" ;;\n")
                           .arg(spec.group, spec.name, optionWords(options).join(QLatin1Char(' ')));
        valueCases += QStringLiteral("        \"%1 %2\") values=\"%3\" files=\"%4\" ;;\n")
                          .arg(spec.group, spec.name, valueOptionPattern(options),
                               valueOptionPattern(options, true));
    }
    for (const QString &group : groups) {
        QStringList names;
        for (const CommandSpec &spec : specs) {
            if (spec.group == group)
                names.append(spec.name);
        }
        namesCases += QStringLiteral("        %1) names=\"%2\" ;;\n")
                          .arg(group, names.join(QLatin1Char(' ')));
    }
    const QList<ListedOption> globalOptions = helpOptions(globals);
    return QStringLiteral(
               "# bash completion for icatag (generated by icatag --bash-completion)\n"
               "_icatag() {\n"
               "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
               "    local group=\"\" name=\"\" i word skip=0\n"
               "    local global_values=\"%1\"\n"
               "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
               "        word=\"${COMP_WORDS[i]}\"\n"
               "        if ((skip)); then skip=0; continue; fi\n"
               "        case \"$word\" in\n"
               "            -*) [[ \"|$global_values|\" == *\"|$word|\"* ]] && skip=1 ;;\n"
               "            *) if [[ -z $group ]]; then group=$word; elif [[ -z $name ]]; then "
               "name=$word; fi ;;\n"
               "        esac\n"
               "    done\n"
               "    if [[ $prev == --output || $prev == -o ]]; then\n"
               "        COMPREPLY=($(compgen -W \"%7\" -- \"$cur\"))\n"
               "        return\n"
               "    fi\n"
               "    local values=\"\" files=\"\"\n"
               "    case \"$group $name\" in\n%2"
               "    esac\n"
               "    if [[ -n $files && \"|$files|\" == *\"|$prev|\"* ]]; then\n"
               "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
               "        return\n"
               "    fi\n"
               "    if [[ \"|$values|$global_values|\" == *\"|$prev|\"* ]]; then\n"
               "        COMPREPLY=()\n"
               "        return\n"
               "    fi\n"
               "    if [[ -z $group ]]; then\n"
               "        COMPREPLY=($(compgen -W \"%3 %4\" -- \"$cur\"))\n"
               "        return\n"
               "    fi\n"
               "    if [[ -z $name ]]; then\n"
               "        local names=\"\"\n"
               "        case \"$group\" in\n%5"
               "        esac\n"
               "        COMPREPLY=($(compgen -W \"$names\" -- \"$cur\"))\n"
               "        return\n"
               "    fi\n"
               "    local opts=\"\"\n"
               "    case \"$group $name\" in\n%6"
               "    esac\n"
               "    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
               "}\n"
               "complete -F _icatag icatag\n")
        .arg(valueOptionPattern(globalOptions), valueCases, groups.join(QLatin1Char(' ')),
             optionWords(globalOptions).join(QLatin1Char(' ')), namesCases, optionCases,
             formats.join(QLatin1Char(' ')));
}

} // namespace ica::cli
