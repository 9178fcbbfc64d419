#include "tests/app/appprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

namespace ica::test {

AppProcess::~AppProcess() {
    if (isRunning())
        kill9();
}

bool AppProcess::start(const QString &dataDir, const QStringList &extra,
                       std::function<void()> modifier) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_process.setProcessEnvironment(env);
    if (modifier)
        m_process.setChildProcessModifier(std::move(modifier));
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this]() { readOut(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this]() { m_err += m_process.readAllStandardError(); });
    m_process.start(QStringLiteral(ICA_TAGGER_EXECUTABLE),
                    QStringList{QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir,
                                QStringLiteral("--test-control")} +
                        extra);
    return m_process.waitForStarted(20000);
}

void AppProcess::readOut() {
    const QByteArray chunk = m_process.readAllStandardOutput();
    m_out += chunk;
    m_partial += chunk;
    qsizetype end;
    while ((end = m_partial.indexOf('\n')) >= 0) {
        const QByteArray line = m_partial.left(end);
        m_partial.remove(0, end + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            m_events.append(doc.object());
    }
}

void AppProcess::send(const QByteArray &line) {
    m_process.write(line + '\n');
}

std::optional<QJsonObject>
AppProcess::waitEvent(const QString &name, qsizetype from,
                      const std::function<bool(const QJsonObject &)> &match, int timeoutMs) {
    std::optional<QJsonObject> found;
    qsizetype next = from;
    (void)QTest::qWaitFor(
        [&]() {
            for (; next < m_events.size(); ++next) {
                const QJsonObject &event = m_events.at(next);
                if (event[QLatin1String("event")].toString() == name && (!match || match(event))) {
                    found = event;
                    return true;
                }
            }
            return !isRunning();
        },
        timeoutMs);
    return found;
}

std::optional<QJsonObject>
AppProcess::waitState(const std::function<bool(const QJsonObject &)> &match, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && isRunning()) {
        const qsizetype from = eventCount();
        send("state");
        const std::optional<QJsonObject> state =
            waitEvent(QStringLiteral("state"), from, {}, timeoutMs);
        if (state && match(*state))
            return state;
        QTest::qWait(100); // the app is loading: ask again shortly
    }
    return std::nullopt;
}

QList<QJsonObject> AppProcess::events(const QString &name) const {
    QList<QJsonObject> list;
    for (const QJsonObject &event : m_events) {
        if (event[QLatin1String("event")].toString() == name)
            list.append(event);
    }
    return list;
}

void AppProcess::kill9() {
    const qint64 id = m_process.processId();
    if (id > 0)
        ::kill(pid_t(id), SIGKILL);
    m_process.waitForFinished(20000);
    readOut();
    m_err += m_process.readAllStandardError();
}

} // namespace ica::test
