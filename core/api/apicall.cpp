#include "core/api/apicall.h"

#include "core/diagnostics/logcategories.h"

#include "core/api/apiclient.h"
#include "core/api/gunzip.h"
#include "core/api/onceuploaddevice.h"
#include "core/domain/jsondecode.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace ica {

namespace {

const QByteArray AcceptHeader = "application/vnd.illumina.v3+json, application/problem+json";
const QByteArray BodyContentType = "application/vnd.illumina.v3+json";
constexpr qint64 ReadAheadBytes = 1024 * 1024;

bool isProblemJson(const QNetworkReply *reply) {
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    return type.startsWith("application/problem+json");
}

int parseRetryAfter(const QByteArray &value) {
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok && seconds >= 0)
        return seconds;
    // An HTTP date is allowed too.
    const QDateTime when =
        QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
    return -1;
}

/// "16 MiB", "1.5 MiB", "200 bytes".
QString sizeText(qint64 bytes) {
    constexpr qint64 MiB = 1024 * 1024;
    if (bytes < MiB)
        return QStringLiteral("%1 bytes").arg(bytes);
    if (bytes % MiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    return QStringLiteral("%1 MiB").arg(double(bytes) / double(MiB), 0, 'f', 1);
}

QString secondsText(std::chrono::milliseconds ms) {
    return QStringLiteral("%1 s").arg(double(ms.count()) / 1000.0);
}

/// A redirect target fit for a message: no user info, query or fragment (they may
/// hold tokens).
QString redirectTarget(const QNetworkReply *reply) {
    const QUrl target =
        reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location").trimmed()));
    if (reply->rawHeader("Location").trimmed().isEmpty() || !target.isValid())
        return QCoreApplication::translate("ica::ApiCall", "an address it did not give");
    return target.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

/// True when a 2xx answer is a web page (a login portal, a proxy's page, a wrong
/// URL) rather than JSON.
bool isWebPage(const QNetworkReply *reply, const QByteArray &body) {
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (type.trimmed().toLower().startsWith("text/html"))
        return true;
    return body.trimmed().startsWith('<');
}

/// A network failure in words a person can act on. The Qt text stays in brackets
/// for whoever reads logs.
QString networkErrorText(const QNetworkReply *reply, const ApiRequest &request,
                         const QString &host) {
    const QString qt = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QCoreApplication::translate(
                   "ica::ApiCall", "%1 refused the connection: check the server URL and that the "
                                   "server is running (%2).")
            .arg(host, qt);
    case QNetworkReply::HostNotFoundError:
        return QCoreApplication::translate(
                   "ica::ApiCall",
                   "The host %1 was not found: check the server URL and the network "
                   "(%2).")
            .arg(host, qt);
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ContentReSendError:
        // ContentReSendError ("Unknown error"): the connection closed and Qt could
        // not send the POST body a second time (see OnceUploadDevice).
        if (!request.isIdempotent())
            return QCoreApplication::translate(
                       "ica::ApiCall", "The connection to %1 dropped after the request was sent: "
                                       "the outcome is unknown (the server may or may not have "
                                       "acted on it) (%2).")
                .arg(host, qt);
        return QCoreApplication::translate(
                   "ica::ApiCall", "The connection to %1 dropped before the answer was complete "
                                   "(%2).")
            .arg(host, qt);
    default:
        return QStringLiteral("%1 (%2).").arg(qt, host);
    }
}

} // namespace

QString ApiCall::checkBody(const QNetworkReply *reply, QByteArray &body, qint64 maxBytes,
                           bool *tooLarge) {
    *tooLarge = false;
    bool hasLength = false;
    const qint64 announced = reply->rawHeader("Content-Length").toLongLong(&hasLength);
    if (hasLength && announced != body.size())
        return QCoreApplication::translate("ica::ApiCall",
                                           "The answer broke off after %1 of %2 bytes.")
            .arg(body.size())
            .arg(announced);
    if (reply->rawHeader("Content-Encoding").trimmed().compare("gzip", Qt::CaseInsensitive) == 0) {
        QString why;
        std::optional<QByteArray> plain = gunzip(body, maxBytes, &why, tooLarge);
        if (!plain && *tooLarge)
            return QCoreApplication::translate(
                       "ica::ApiCall", "The compressed answer is larger than the %1 limit: %2.")
                .arg(sizeText(maxBytes), why);
        if (!plain)
            return QCoreApplication::translate("ica::ApiCall",
                                               "The compressed answer is incomplete: %1.")
                .arg(why);
        body = std::move(*plain);
    }
    return QString();
}

ApiCall::ApiCall(ApiClient *client, ApiRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request)) {
    m_timeout.setSingleShot(true);
    m_deadline.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ApiCall::onTimeout);
    connect(&m_deadline, &QTimer::timeout, this, &ApiCall::onDeadline);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::start);
    m_clock.start();
}

void ApiCall::cancel() {
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_reply) {
        m_reply->abort(); // onReplyFinished() reports Cancelled
        return;
    }
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.message = QCoreApplication::translate("ica::ApiCall", "The call was cancelled.");
    finish(error);
}

void ApiCall::start() {
    if (m_finished || m_cancelled || !m_client)
        return;
    Authenticator *auth = m_request.authenticated ? m_client->authenticator() : nullptr;
    if (!auth) {
        sendNow();
        return;
    }
    QPointer<ApiCall> self(this);
    auth->ensureReady([self](const ApiError &error) {
        if (!self || self->m_finished || self->m_cancelled)
            return;
        if (error.isError())
            self->finish(error);
        else
            self->sendNow();
    });
}

void ApiCall::sendNow() {
    ++m_attempts;
    QNetworkRequest request(m_client->urlFor(m_request));
    request.setRawHeader("Accept", AcceptHeader);
    // Credentials go to the configured host only: never follow a redirect elsewhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxRedirects);
    // Our own Accept-Encoding turns off Qt's transparent decompression, which
    // accepts a gzip body cut short as complete; checkBody() decompresses instead
    // (whatever the server sends). "identity" where gzip is not worth it.
    request.setRawHeader("Accept-Encoding", m_client->asksForGzip() ? "gzip" : "identity");
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    if (m_request.authenticated && m_client->authenticator())
        m_client->authenticator()->apply(request);

    QNetworkAccessManager *nam = m_client->networkAccessManager();
    if (!m_request.isIdempotent()) {
        // Qt would send a non-idempotent call again on its own after an early
        // disconnect: a body it cannot rewind stops that (see OnceUploadDevice).
        request.setHeader(QNetworkRequest::ContentTypeHeader, BodyContentType);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.jsonBody.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OnceUploadDevice(m_request.jsonBody);
        m_reply = nam->sendCustomRequest(request, m_request.method, body);
        body->setParent(m_reply);
    } else if (!m_request.jsonBody.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, BodyContentType);
        m_reply = nam->sendCustomRequest(request, m_request.method, m_request.jsonBody);
    } else {
        m_reply = nam->sendCustomRequest(request, m_request.method);
    }
    m_received.clear();
    // Qt reads ahead of us at most this much, so a server sending faster than this
    // thread takes the data cannot pile it up in memory (onReadyRead() drains it).
    m_reply->setReadBufferSize(ReadAheadBytes);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    // The timeout measures silence, not total time: any progress restarts it. The
    // deadline bounds the whole try, so a server dripping bytes cannot hold it open.
    const auto restart = [this]() { m_timeout.start(); };
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        m_timeout.start();
        checkSize(received, total);
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this]() {
        if (m_reply)
            checkSize(0, m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
    connect(m_reply, &QNetworkReply::uploadProgress, this, restart);
    const auto timeout =
        m_request.timeout.count() > 0 ? m_request.timeout : m_client->defaultTimeout();
    m_timeout.setInterval(timeout);
    m_timeout.start();
    const auto deadline =
        m_request.deadline.count() > 0 ? m_request.deadline : m_client->defaultDeadline();
    m_deadline.setInterval(deadline);
    m_deadline.start();
}

void ApiCall::onTimeout() {
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void ApiCall::onDeadline() {
    if (!m_reply)
        return;
    m_limitHit = ApiError::Limit::Deadline;
    m_reply->abort();
}

void ApiCall::onReadyRead() {
    if (!m_reply)
        return;
    // Counted as it comes, so the cap holds however fast or long the body is. Read
    // straight onto the end of the body (readAll() would copy each chunk twice), room
    // made for the announced length at once when it is within the cap.
    const qint64 available = m_reply->bytesAvailable();
    if (available > 0) {
        const qsizetype had = m_received.size();
        if (had == 0 && m_client) {
            const qint64 announced =
                m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (announced > 0 && announced <= m_client->maxBodyBytes())
                m_received.reserve(qsizetype(announced));
        }
        m_received.resize(had + qsizetype(available));
        const qint64 read = m_reply->read(m_received.data() + had, available);
        m_received.resize(had + qsizetype(qMax<qint64>(read, 0)));
    }
    m_timeout.start();
    checkSize(m_received.size(), -1);
}

void ApiCall::checkSize(qint64 received, qint64 announced) {
    if (!m_reply || !m_client || m_limitHit != ApiError::Limit::None)
        return;
    const qint64 cap = m_client->maxBodyBytes();
    if (received <= cap && announced <= cap)
        return;
    m_limitHit = ApiError::Limit::BodySize;
    m_announcedBytes = announced > cap ? announced : -1;
    m_reply->abort();
}

void ApiCall::onReplyFinished() {
    m_timeout.stop();
    m_deadline.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = std::exchange(m_received, QByteArray());
    if (reply->isOpen() && m_limitHit == ApiError::Limit::None)
        body += reply->readAll();
    const ApiError error = errorOf(reply, body);
    m_timedOut = false;
    m_limitHit = ApiError::Limit::None;
    m_announcedBytes = -1;

    m_httpStatus = status;
    m_requestId = reply->rawHeader("X-Request-Id").left(64);
    if (!error.isError()) {
        m_body = body;
        finish(error);
        return;
    }

    if (error.kind == ApiError::Kind::Http && status == 401 && !m_reauthenticated &&
        m_request.authenticated && m_client->authenticator() &&
        m_client->authenticator()->invalidate()) {
        // 401 means the server did not act on the call: authenticate again, repeat once.
        m_reauthenticated = true;
        start();
        return;
    }
    const qint64 delay = retryDelayMs(error);
    if (delay >= 0) {
        // Said out loud (CLI stderr, the monitor's status) so a slow answer is explained.
        qCInfo(lcApi, "%s %s: %s; trying again in %lld ms", m_request.method.constData(),
               qUtf8Printable(m_request.path), qUtf8Printable(error.shortReason()), delay);
        if (m_client)
            Q_EMIT m_client->retryScheduled(m_request, m_attempts + 1, delay, error);
        m_retryTimer.start(std::chrono::milliseconds(delay));
        return;
    }
    if (error.kind == ApiError::Kind::Http && status == 401 && m_client)
        Q_EMIT m_client->unauthorized(error);
    finish(error);
}

ApiError ApiCall::errorOf(QNetworkReply *reply, QByteArray &body) {
    ApiError error;
    const QString host = m_client ? m_client->serverUrl().host() : QString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 cap = m_client ? m_client->maxBodyBytes() : DefaultMaxBodyBytes;
    bool inflatedTooLarge = false;
    const QString bodyProblem = m_limitHit == ApiError::Limit::None
                                    ? checkBody(reply, body, cap, &inflatedTooLarge)
                                    : QString();
    if (m_cancelled) {
        error.kind = ApiError::Kind::Cancelled;
        error.message = QCoreApplication::translate("ica::ApiCall", "The call was cancelled.");
    } else if (m_limitHit == ApiError::Limit::Deadline) {
        error.kind = ApiError::Kind::Timeout;
        error.limit = ApiError::Limit::Deadline;
        error.httpStatus = status;
        error.message =
            QCoreApplication::translate("ica::ApiCall",
                                        "The answer from %1 was not complete within the %2 "
                                        "deadline for one request (the server was %3).")
                .arg(host, secondsText(m_deadline.intervalAsDuration()),
                     status > 0 ? QCoreApplication::translate("ica::ApiCall", "still sending")
                                : QCoreApplication::translate("ica::ApiCall", "silent or slow"));
    } else if (m_limitHit == ApiError::Limit::BodySize || inflatedTooLarge) {
        error = ApiError::decode(status, QString());
        error.limit = ApiError::Limit::BodySize;
        const QString how =
            inflatedTooLarge
                ? bodyProblem
                : (m_announcedBytes > 0
                       ? QCoreApplication::translate(
                             "ica::ApiCall",
                             "The answer from %1 announced %2, more than the %3 limit.")
                             .arg(host, sizeText(m_announcedBytes), sizeText(cap))
                       : QCoreApplication::translate(
                             "ica::ApiCall", "The answer from %1 is larger than the %2 limit.")
                             .arg(host, sizeText(cap)));
        error.message = QCoreApplication::translate(
                            "ica::ApiCall", "%1 An ICA answer is far smaller: check the "
                                            "server URL. If this server is right, raise the "
                                            "limit.")
                            .arg(how);
    } else if (m_timedOut) {
        error.kind = ApiError::Kind::Timeout;
        error.message = QCoreApplication::translate("ica::ApiCall", "No answer from %1 within %2.")
                            .arg(host, secondsText(m_timeout.intervalAsDuration()));
    } else if (reply->error() == QNetworkReply::TooManyRedirectsError) {
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->error();
        error.httpStatus = status;
        error.message = QCoreApplication::translate(
                            "ica::ApiCall", "%1 redirected more than %2 times in a row (a redirect "
                                            "loop): check the server URL.")
                            .arg(host)
                            .arg(MaxRedirects);
    } else if (reply->error() == QNetworkReply::InsecureRedirectError ||
               (status >= 300 && status < 400)) {
        error.kind = ApiError::Kind::Http;
        error.networkError = reply->error();
        error.httpStatus = status;
        error.message = QCoreApplication::translate(
                            "ica::ApiCall", "The server redirected to %1, which is not followed "
                                            "(credentials go to %2 only): check the server URL.")
                            .arg(redirectTarget(reply), host);
    } else if (status == 0) {
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->error();
        error.message = networkErrorText(reply, m_request, host);
    } else if (status < 200 || status >= 300) {
        error.kind = ApiError::Kind::Http;
        error.httpStatus = status;
        error.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));
        if (isProblemJson(reply) || body.trimmed().startsWith('{')) {
            const Decoded<Problem> problem = decodeJson<Problem>(body);
            if (problem.ok())
                error.problem = problem.value;
        }
        if (!error.problem)
            error.message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    } else if (reply->error() != QNetworkReply::NoError) {
        // A 2xx whose body broke off (truncated, connection dropped mid-body).
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->error();
        error.httpStatus = status;
        error.message = networkErrorText(reply, m_request, host);
    } else if (!bodyProblem.isEmpty()) {
        // Qt hands over a body cut short by the server closing the connection as if
        // it were complete: checkBody() caught it. Transient, like a dropped line.
        error.kind = ApiError::Kind::Network;
        error.networkError = QNetworkReply::RemoteHostClosedError;
        error.httpStatus = status;
        error.message = bodyProblem;
    } else if (isWebPage(reply, body)) {
        error = ApiError::decode(
            status, QCoreApplication::translate(
                        "ica::ApiCall", "The server answered with a web page, not ICA's API: check "
                                        "the server URL (%1).")
                        .arg(host));
    }
    return error;
}

qint64 ApiCall::retryDelayMs(const ApiError &error) const {
    if (!m_client || m_cancelled)
        return -1;
    const RetryPolicy &policy = m_client->retryPolicy();
    const int retriesDone = m_attempts - 1;
    if (retriesDone >= policy.delays.size())
        return -1;
    const bool rateLimited = error.kind == ApiError::Kind::Http && error.httpStatus == 429;
    // A 429 means the server refused before doing anything: safe for any method.
    // Anything else (5xx, a dropped connection, a timeout) is only repeated for calls
    // that are safe to repeat: a GET is idempotent, a create is not.
    if (!rateLimited && !(error.isTransient() && m_request.isIdempotent()))
        return -1;
    if (rateLimited && error.retryAfterSeconds >= 0) {
        if (error.retryAfterSeconds > policy.maxRetryAfter.count())
            return -1;
        return qint64(error.retryAfterSeconds) * 1000;
    }
    return policy.delays.at(retriesDone).count();
}

void ApiCall::logOutcome() const {
    // Method, path (never the query or a header), outcome, time, tries, request ID.
    const QString outcome =
        m_error.isError() ? m_error.shortReason() : QString::number(m_httpStatus);
    const QString tries = m_attempts > 1 ? QStringLiteral(", %1 tries").arg(m_attempts) : QString();
    const QString id = m_requestId.isEmpty()
                           ? QString()
                           : QStringLiteral(", request %1").arg(QString::fromLatin1(m_requestId));
    if (m_error.isError() && m_error.kind != ApiError::Kind::Cancelled)
        qCWarning(lcApi, "%s %s -> %s in %lld ms%s%s", m_request.method.constData(),
                  qUtf8Printable(m_request.path), qUtf8Printable(outcome), m_clock.elapsed(),
                  qUtf8Printable(tries), qUtf8Printable(id));
    else
        qCInfo(lcApi, "%s %s -> %s in %lld ms%s%s", m_request.method.constData(),
               qUtf8Printable(m_request.path), qUtf8Printable(outcome), m_clock.elapsed(),
               qUtf8Printable(tries), qUtf8Printable(id));
}

void ApiCall::finish(const ApiError &error) {
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    logOutcome();
    m_retryTimer.stop();
    m_timeout.stop();
    m_deadline.stop();
    if (m_cancelled) {
        // Delivered later on purpose: a caller cancelling from its own slot must not
        // get its callback re-entered from inside cancel().
        QMetaObject::invokeMethod(
            this,
            [this]() {
                Q_EMIT finished();
                deleteLater();
            },
            Qt::QueuedConnection);
        return;
    }
    Q_EMIT finished();
    deleteLater();
}

} // namespace ica
