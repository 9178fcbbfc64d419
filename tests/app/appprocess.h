#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>

#include <functional>
#include <optional>

namespace ica::test {

/// The real ica-tagger executable as a child process, driven through its hidden
/// --test-control option (app/testcontrol.h): commands go to its stdin, its events
/// come back as JSON lines on stdout. Everything it printed is kept, so a test can
/// scan it for secrets. kill9() ends it the hard way (SIGKILL).
class AppProcess final {
public:
    AppProcess() = default;
    ~AppProcess();
    AppProcess(const AppProcess &) = delete;
    AppProcess &operator=(const AppProcess &) = delete;

    /// Starts `ica-tagger --demo --data-dir DIR --test-control` plus `extra`;
    /// `modifier` runs in the child before exec (e.g. setrlimit). False when the
    /// process did not start.
    bool start(const QString &dataDir, const QStringList &extra = {},
               std::function<void()> modifier = {});
    void send(const QByteArray &line);
    /// The first event named `name` after index `from` for which `match` holds, waiting
    /// up to `timeoutMs`; nullopt on timeout or when the process ended.
    std::optional<QJsonObject> waitEvent(const QString &name, qsizetype from = 0,
                                         const std::function<bool(const QJsonObject &)> &match = {},
                                         int timeoutMs = 30000);
    /// Asks for "state" until `match` holds (bounded: `timeoutMs`).
    std::optional<QJsonObject> waitState(const std::function<bool(const QJsonObject &)> &match,
                                         int timeoutMs = 30000);
    /// Number of events so far (an index for waitEvent's `from`).
    [[nodiscard]] qsizetype eventCount() const { return m_events.size(); }
    [[nodiscard]] QList<QJsonObject> events(const QString &name) const;
    /// SIGKILL, then waits for the process to be gone.
    void kill9();
    /// Everything printed on stdout and stderr so far.
    [[nodiscard]] QByteArray output() const { return m_out + m_err; }
    [[nodiscard]] QByteArray errors() const { return m_err; }
    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }

private:
    void readOut();

    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    QByteArray m_partial;
    QList<QJsonObject> m_events;
};

} // namespace ica::test
