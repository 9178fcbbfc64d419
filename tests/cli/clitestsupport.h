#pragma once

#include "cli/cli.h"
#include "cli/console.h"
#include "tests/support/csvparse.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

namespace clitest {

/// One icatag run in-process: the real Cli on in-memory stdout/stderr, with an
/// environment of its own (empty unless given: the developer's ICAV2_* variables
/// must not leak into tests). start() returns at once; the event loop runs the
/// command (and an in-process simulator) while the test waits.
class CliSession final {
public:
    explicit CliSession(const QProcessEnvironment &env = QProcessEnvironment());
    ~CliSession();

    void start(const QStringList &arguments);
    /// Spins the event loop until the command finished; false on timeout.
    bool waitFinished(int timeoutMs = 60000);
    [[nodiscard]] bool isFinished() const { return m_exitCode.has_value(); }
    [[nodiscard]] int exitCode() const { return m_exitCode.value_or(-1); }
    [[nodiscard]] QString out() const;
    [[nodiscard]] QString err() const;

private:
    QBuffer m_out;
    QBuffer m_err;
    ica::cli::Console m_console;
    ica::cli::Cli m_cli;
    std::optional<int> m_exitCode;
};

/// What a finished run printed and returned.
struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;

    /// stdout parsed as JSON (an empty document when it is not JSON).
    [[nodiscard]] QJsonDocument json() const;
    [[nodiscard]] QJsonArray jsonArray() const { return json().array(); }
    [[nodiscard]] QJsonObject jsonObject() const { return json().object(); }
    /// For QVERIFY2 messages.
    [[nodiscard]] QByteArray describe() const;
};

/// Runs a command to its end (arguments without the program name).
CliResult runCli(const QStringList &arguments,
                 const QProcessEnvironment &env = QProcessEnvironment(), int timeoutMs = 60000);

/// What a run of the built icatag executable printed and returned.
struct ProcessResult {
    int exitCode = -1; ///< -1 when it crashed or was killed
    QByteArray out;    ///< stdout as bytes (it may be any format)
    QString err;

    [[nodiscard]] QString outText() const { return QString::fromUtf8(out); }
    /// For QVERIFY2 messages.
    [[nodiscard]] QByteArray describe() const;
};

/// Runs `program` to its end (killed after `timeoutMs`); the event loop, and with it
/// an in-process simulator, keeps running while it waits.
ProcessResult runProgram(const QString &program, const QStringList &args,
                         const QProcessEnvironment &env, int timeoutMs = 60000);

#ifdef ICATAG_EXECUTABLE // defined by the test targets that run the built executable
inline ProcessResult runIcatag(const QStringList &args, const QProcessEnvironment &env) {
    return runProgram(QStringLiteral(ICATAG_EXECUTABLE), args, env);
}
#endif

/// This process's environment without the developer's ICA settings (ICAV2_*).
QProcessEnvironment cleanEnvironment();

/// The tests' CSV parser (loose: CRLF or LF records).
using ica::test::parseCsv;

/// Writes text to a new file in the test's scratch directory; returns its path.
QString writeScratchFile(const QString &name, const QByteArray &content);

/// `count` well-formed data IDs that no project holds (fil. + 32 hex digits).
QStringList unknownDataIds(int count, int salt = 0);

// Fields of a ProjectData JSON object ({"projectId", "data": {"id", "details": {...}}}).
[[nodiscard]] QString dataIdOf(const QJsonValue &projectData);
[[nodiscard]] QString dataPathOf(const QJsonValue &projectData);
/// kind: "userTags", "technicalTags", ...
[[nodiscard]] QStringList dataTagsOf(const QJsonValue &projectData, const char *kind);

/// The value of "--cursor 'TOKEN'" in a next-page hint on stderr; empty if none.
QString nextCursor(const QString &err);

} // namespace clitest
