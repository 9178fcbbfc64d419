#include "core/diagnostics/logfile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QRegularExpression>

namespace ica {

namespace {

constexpr int MaxProblems = 20;

LogFile *g_installed = nullptr;
QtMessageHandler g_previous = nullptr;

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (LogFile *log = g_installed)
        log->write(type, context.category, message);
    if (type != QtDebugMsg && type != QtInfoMsg && g_previous)
        g_previous(type, context, LogFile::masked(message));
}

const char *levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return "DEBUG";
    case QtInfoMsg:
        return "INFO";
    case QtWarningMsg:
        return "WARNING";
    case QtCriticalMsg:
        return "CRITICAL";
    case QtFatalMsg:
        return "FATAL";
    }
    return "?";
}

} // namespace

LogFile::LogFile(const QString &path, qint64 maxBytes, int keptFiles)
    : m_path(path)
    , m_maxBytes(qMax<qint64>(maxBytes, 1024))
    , m_keptFiles(qMax(keptFiles, 1))
    , m_file(path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Private to the user: a log says which servers and projects were used.
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

LogFile::~LogFile() {
    if (m_installed) {
        qInstallMessageHandler(g_previous);
        g_installed = nullptr;
        QLoggingCategory::setFilterRules(QString());
    }
}

void LogFile::install() {
    if (m_installed)
        return;
    m_installed = true;
    g_installed = this;
    g_previous = qInstallMessageHandler(handleMessage);
    // The file wants the requests and renewals too, not only the warnings.
    QLoggingCategory::setFilterRules(QStringLiteral("ica.*.info=true"));
}

QString LogFile::masked(QString text) {
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)[^\\s,;\"']+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression apiKey(
        QStringLiteral("((?:X-API-Key|api[_-]?key|apiKey)[\"']?\\s*[:=]\\s*[\"']?)[^\\s,;\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(
        QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));
    text.replace(bearer, QStringLiteral("\\1***"));
    text.replace(apiKey, QStringLiteral("\\1***"));
    text.replace(jwt, QStringLiteral("<token>"));
    return text;
}

void LogFile::write(QtMsgType type, const char *category, const QString &message) {
    QString clean = masked(message);
    clean.replace(QLatin1Char('\n'), QStringLiteral(" | "));
    const QString line = QStringLiteral("%1 %2 %3: %4")
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                  QLatin1String(levelName(type)),
                                  QLatin1String(category ? category : "default"), clean);
    QMutexLocker lock(&m_mutex);
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        m_problems.append(line);
        if (m_problems.size() > MaxProblems)
            m_problems.removeFirst();
    }
    if (!m_file.isOpen())
        return;
    const QByteArray bytes = line.toUtf8() + '\n';
    if (m_file.size() + bytes.size() > m_maxBytes)
        rotate();
    m_file.write(bytes);
    m_file.flush();
}

void LogFile::rotate() {
    m_file.close();
    QFile::remove(QStringLiteral("%1.%2").arg(m_path).arg(m_keptFiles - 1));
    for (int i = m_keptFiles - 2; i >= 1; --i)
        QFile::rename(QStringLiteral("%1.%2").arg(m_path).arg(i),
                      QStringLiteral("%1.%2").arg(m_path).arg(i + 1));
    if (m_keptFiles > 1)
        QFile::rename(m_path, m_path + QStringLiteral(".1"));
    else
        QFile::remove(m_path);
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QStringList LogFile::recentProblems() const {
    QMutexLocker lock(&m_mutex);
    return m_problems;
}

} // namespace ica
