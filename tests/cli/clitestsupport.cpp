#include "tests/cli/clitestsupport.h"

#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace clitest {

CliSession::CliSession(const QProcessEnvironment &env)
    : m_console(&m_out, &m_err)
    , m_cli(m_console, env) {
    m_out.open(QIODevice::WriteOnly);
    m_err.open(QIODevice::WriteOnly);
    QObject::connect(&m_cli, &ica::cli::Cli::finished, &m_cli,
                     [this](int code) { m_exitCode = code; });
}

CliSession::~CliSession() = default;

void CliSession::start(const QStringList &arguments) {
    m_cli.run(QStringList{QStringLiteral("icatag")} + arguments);
}

bool CliSession::waitFinished(int timeoutMs) {
    return QTest::qWaitFor([this]() { return isFinished(); }, timeoutMs);
}

QString CliSession::out() const {
    return QString::fromUtf8(m_out.data());
}
QString CliSession::err() const {
    return QString::fromUtf8(m_err.data());
}

QJsonDocument CliResult::json() const {
    return QJsonDocument::fromJson(out.toUtf8());
}

QByteArray CliResult::describe() const {
    return QStringLiteral("exit %1\n--- stdout:\n%2\n--- stderr:\n%3")
        .arg(exitCode)
        .arg(out.left(3000), err.left(3000))
        .toUtf8();
}

CliResult runCli(const QStringList &arguments, const QProcessEnvironment &env, int timeoutMs) {
    CliSession session(env);
    session.start(arguments);
    session.waitFinished(timeoutMs);
    return CliResult{session.exitCode(), session.out(), session.err()};
}

QByteArray ProcessResult::describe() const {
    return QStringLiteral("exit %1\n--- stdout:\n%2\n--- stderr:\n%3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(3000)), err.left(3000))
        .toUtf8();
}

ProcessResult runProgram(const QString &program, const QStringList &args,
                         const QProcessEnvironment &env, int timeoutMs) {
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, args);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    ProcessResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QProcessEnvironment cleanEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"ICAV2_SERVER_URL", "ICAV2_X_API_KEY", "ICAV2_ACCESS_TOKEN", "ICATAG_REPORT_HEADER"})
        env.remove(QLatin1String(name));
    return env;
}

QString writeScratchFile(const QString &name, const QByteArray &content) {
    const QString path = QDir(ica::test::scratchDir()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

QStringList unknownDataIds(int count, int salt) {
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("fil.%1%2")
                       .arg(salt, 8, 16, QLatin1Char('0'))
                       .arg(i, 24, 16, QLatin1Char('0')));
    return ids;
}

QString dataIdOf(const QJsonValue &projectData) {
    return projectData[QLatin1String("data")][QLatin1String("id")].toString();
}

QString dataPathOf(const QJsonValue &projectData) {
    return projectData[QLatin1String("data")][QLatin1String("details")][QLatin1String("path")]
        .toString();
}

QStringList dataTagsOf(const QJsonValue &projectData, const char *kind) {
    QStringList tags;
    const QJsonArray array = projectData[QLatin1String("data")][QLatin1String("details")]
                                        [QLatin1String("tags")][QLatin1String(kind)]
                                            .toArray();
    for (const QJsonValue &tag : array)
        tags.append(tag.toString());
    return tags;
}

QString nextCursor(const QString &err) {
    static const QRegularExpression pattern(QStringLiteral("--cursor '([^']*)'"));
    const QRegularExpressionMatch match = pattern.match(err);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace clitest
