#pragma once

#include "cli/command.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace ica::cli {

// icatag's help texts. Option lists come from the command's own parser, so the
// help always shows exactly the options that parser accepts.

/// -h, --help (QCommandLineParser's own adds --help-all, meaningless here).
[[nodiscard]] QCommandLineOption helpOption();
/// The options allowed before the command words: help, version and the global ones.
void addLeadingOptions(QCommandLineParser &parser);

/// `icatag --help`: commands, global options, credentials, output, exit codes.
[[nodiscard]] QString topHelp(const QList<CommandSpec> &specs);
/// `icatag batch --help`: the group's commands.
[[nodiscard]] QString groupHelp(const QList<CommandSpec> &specs, const QString &group);
/// `icatag batch create --help`: usage, description and the parser's options.
[[nodiscard]] QString commandHelp(const CommandSpec &spec, const QCommandLineParser &parser);

/// Wraps paragraphs (separated by blank lines) at `width` columns.
[[nodiscard]] QString wrapText(const QString &text, int width = 80);

} // namespace ica::cli
