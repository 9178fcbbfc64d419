#include "tests/cli/clitestsupport.h"

#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
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

QList<QStringList> parseCsv(const QString &text) {
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
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
