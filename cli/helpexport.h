#pragma once

#include "cli/command.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

namespace ica::cli {

// icatag's help in the two other shapes a packaged tool ships: a man page and a bash
// completion script (hidden options --man-page and --bash-completion print them;
// the build installs their output). Both come from the same parsers and texts as
// --help, so they cannot drift from it.

/// One option as its help text shows it.
struct ListedOption {
    QStringList names;   ///< "-o", "--output"
    QString valueName;   ///< "FORMAT", empty for a switch
    QString description; ///< one line, wrapped text joined
};

/// The options listed in a parser's help text, in order.
[[nodiscard]] QList<ListedOption> helpOptions(const QCommandLineParser &parser);

/// The parser a command runs with: help, its own options, --output, the global ones.
void addCommandOptions(const CommandSpec &spec, QCommandLineParser &parser);

/// icatag(1) in roff (man -l): every command with its options.
[[nodiscard]] QString manPage(const QList<CommandSpec> &specs, const QString &version);
/// A bash completion script for commands, options and --output formats.
[[nodiscard]] QString bashCompletion(const QList<CommandSpec> &specs);

} // namespace ica::cli
