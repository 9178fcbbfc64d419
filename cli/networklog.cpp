#include "cli/networklog.h"

#include <QDateTime>
#include <QNetworkReply>

#include <memory>

namespace ica::cli {

namespace {

QString methodName(QNetworkAccessManager::Operation op, const QNetworkRequest &request) {
    switch (op) {
    case QNetworkAccessManager::HeadOperation:
        return QStringLiteral("HEAD");
    case QNetworkAccessManager::GetOperation:
        return QStringLiteral("GET");
    case QNetworkAccessManager::PutOperation:
        return QStringLiteral("PUT");
    case QNetworkAccessManager::PostOperation:
        return QStringLiteral("POST");
    case QNetworkAccessManager::DeleteOperation:
        return QStringLiteral("DELETE");
    case QNetworkAccessManager::CustomOperation:
        return QString::fromLatin1(
            request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray());
    case QNetworkAccessManager::UnknownOperation:
        break;
    }
    return QStringLiteral("?");
}

/// Error bodies are shown in the verbose log up to this size.
constexpr qsizetype LoggedBodyLimit = 2000;
/// The reply property holding the start of the body (see createRequest()).
const char *const CapturedBodyProperty = "icatagCapturedBody";

} // namespace

LoggingNetworkAccessManager::LoggingNetworkAccessManager(Console &console, bool verbose,
                                                         QByteArray reportHeader, QObject *parent)
    : QNetworkAccessManager(parent)
    , m_console(console)
    , m_verbose(verbose)
    , m_reportHeader(std::move(reportHeader)) {}

QNetworkReply *LoggingNetworkAccessManager::createRequest(Operation op,
                                                          const QNetworkRequest &request,
                                                          QIODevice *outgoingData) {
    // User info could hold a password; the query holds filters only.
    const QString line = methodName(op, request) + QLatin1Char(' ') +
                         request.url().toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded);
    if (m_verbose)
        m_console.errLine(QStringLiteral("icatag: > ") + line);
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    if (m_verbose) {
        // The client reads the body as it arrives: keep the start of it for the log
        // of an error answer. Connected first, so this sees the data before it is read.
        auto captured = std::make_shared<QByteArray>();
        connect(reply, &QNetworkReply::readyRead, this, [reply, captured]() {
            if (captured->size() < LoggedBodyLimit)
                *captured += reply->peek(LoggedBodyLimit - captured->size());
        });
        reply->setProperty(CapturedBodyProperty, QVariant::fromValue(captured));
    }
    if (m_verbose || !m_reportHeader.isEmpty()) {
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        // Connected before the client's own handler, so the body can still be peeked.
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, line, started]() { onReplyFinished(reply, line, started); });
    }
    return reply;
}

void LoggingNetworkAccessManager::onReplyFinished(QNetworkReply *reply, const QString &line,
                                                  qint64 startedMs) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_reportHeader.isEmpty() && reply->hasRawHeader(m_reportHeader)) {
        m_console.errLine(QStringLiteral("icatag: header %1: %2 (%3)")
                              .arg(QString::fromLatin1(m_reportHeader),
                                   QString::fromUtf8(reply->rawHeader(m_reportHeader)), line));
    }
    if (!m_verbose)
        return;
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - startedMs;
    QString result = status > 0 ? QString::number(status) : reply->errorString();
    m_console.errLine(QStringLiteral("icatag: < %1 %2 (%3 ms)").arg(result, line).arg(elapsed));
    if (status >= 400) {
        const auto captured =
            reply->property(CapturedBodyProperty).value<std::shared_ptr<QByteArray>>();
        const QByteArray body = captured ? *captured : reply->peek(LoggedBodyLimit);
        // A gzipped body is not worth printing as text.
        if (!body.isEmpty() && !body.startsWith("\x1f\x8b"))
            m_console.errLine(QStringLiteral("icatag:   ") + QString::fromUtf8(body).simplified());
    }
}

} // namespace ica::cli
