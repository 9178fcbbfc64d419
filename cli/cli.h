#pragma once

#include "cli/command.h"
#include "cli/console.h"
#include "cli/globaloptions.h"

#include <QObject>
#include <QProcessEnvironment>

#include <memory>

namespace ica::cli {

/// icatag itself: finds the command words in the arguments, parses the global
/// options and the command's options with a parser made for that command, prints
/// help, builds the client and runs the command. Usable in-process (tests): give
/// it a console on buffers and an environment.
class Cli final : public QObject {
    Q_OBJECT
public:
    Cli(Console &console, QProcessEnvironment env, QObject *parent = nullptr);
    ~Cli() override;

    /// Runs a command line (arguments[0] is the program). finished() follows once,
    /// possibly before run() returns (help, usage errors).
    void run(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    /// Where the command words stand in the arguments.
    struct CommandWords {
        QString group;
        QString name;
        QStringList headArguments; ///< options before and between the command words
        QStringList tailArguments; ///< everything after the command words
        bool helpWord = false;     ///< "icatag help ..."
    };

    [[nodiscard]] CommandWords findCommandWords(const QStringList &arguments) const;
    /// Parses the command's options (`head`: the global options before the words).
    void runCommand(const CommandSpec &spec, const CommandWords &words,
                    const QCommandLineParser &head);
    /// Hides every credential that appears in the arguments or the environment.
    void registerSecrets(const QStringList &arguments);

    [[nodiscard]] const CommandSpec *findSpec(const QString &group, const QString &name) const;
    [[nodiscard]] QStringList groups() const;
    /// The client for one command: server, credentials, timeout, logging.
    ica::ApiClient *createClient(const Connection &connection);

    void usageError(const QString &message, const QString &helpCommand);
    void finish(int exitCode);

    Console &m_console;
    QProcessEnvironment m_env;
    QList<CommandSpec> m_specs;
    std::unique_ptr<Command> m_command;
    bool m_finished = false;
};

} // namespace ica::cli
