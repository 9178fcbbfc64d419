#pragma once

#include "cli/console.h"
#include "cli/output.h"

#include "core/api/apiclient.h"
#include "core/api/apierror.h"

#include <QCommandLineParser>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace ica::cli {

/// icatag's exit codes.
enum ExitCode : int {
    ExitSuccess = 0, ///< the command did what was asked
    ExitFailure = 1, ///< the API or the network failed (or a wait timed out)
    ExitUsage = 2,   ///< the command line or an input file is wrong: nothing was sent
};

/// What a running command works with. The client is set once the credentials
/// are known, before start().
struct CommandContext {
    Console *console = nullptr;
    ica::ApiClient *client = nullptr;
    OutputFormat format = OutputFormat::Table;
};

/// One icatag command in progress. Everything is asynchronous: start() sends the
/// first call and returns; finished() is emitted exactly once with the exit code.
class Command : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void setContext(const CommandContext &context) { m_ctx = context; }
    virtual void start() = 0;

Q_SIGNALS:
    void finished(int exitCode);

protected:
    /// True once finished() was emitted: late answers must then stay silent.
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] Console &console() const { return *m_ctx.console; }
    [[nodiscard]] ica::ApiClient *client() const { return m_ctx.client; }
    [[nodiscard]] OutputFormat format() const { return m_ctx.format; }
    [[nodiscard]] Printer printer() const { return Printer(*m_ctx.console, m_ctx.format); }

    void finishSuccess() { finish(ExitSuccess); }
    /// Prints "icatag: error: [what: ]title: detail" (plus a hint for 401/403) and
    /// finishes with 1, or with 2 for a call the client refused to make.
    void finishWithApiError(const ica::ApiError &error, const QString &what = {});
    /// Prints "icatag: error: message" and finishes with `code`.
    void finishWithError(int code, const QString &message);
    void finish(int exitCode);

private:
    CommandContext m_ctx;
    bool m_finished = false;
};

/// What to do about an error that broke one of the client's bounds (body size,
/// deadline) or a rate limit icatag gave up on; empty for other errors.
[[nodiscard]] QString limitHint(const ica::ApiError &error, const ica::ApiClient *client);

/// A command's place in the command line and how to build it from its options.
struct CommandSpec {
    CommandSpec() = default;
    /// The command `group name` with its help: `summary` for the command list,
    /// `details` under the usage line.
    CommandSpec(QString group, QString name, QString summary, QString details)
        : group(std::move(group))
        , name(std::move(name))
        , summary(std::move(summary))
        , details(std::move(details)) {}

    QString group;   ///< "batch"
    QString name;    ///< "create"
    QString summary; ///< one line for the command list
    QString details; ///< more help text shown under the usage line
    QList<OutputFormat> formats{OutputFormat::Table, OutputFormat::Json};
    /// The command has a --timeout of its own (batch wait): the request timeout
    /// is then only --request-timeout after the command words.
    bool hasOwnTimeout = false;
    /// Adds the command's own options (the global ones are added for it).
    std::function<void(QCommandLineParser &)> addOptions;
    /// Validates the parsed options and builds the command; null with `error`
    /// set (a usage error) when they do not make sense.
    std::function<std::unique_ptr<Command>(const QCommandLineParser &, Console &, QString *error)>
        create;

    [[nodiscard]] QString path() const { return group + QLatin1Char(' ') + name; }
};

// The command groups; each lives in its own file.
QList<CommandSpec> batchCommands();
QList<CommandSpec> projectCommands();
QList<CommandSpec> dataCommands();
QList<CommandSpec> tagCommands();

} // namespace ica::cli
