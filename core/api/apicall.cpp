#include "apicall.h"

#include "apiclient.h"
#include "domain/jsondecode.h"
#include "gunzip.h"
#include "onceuploaddevice.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace ica {

namespace {

const QByteArray AcceptHeader = "application/vnd.illumina.v3+json, application/problem+json";
const QByteArray BodyContentType = "application/vnd.illumina.v3+json";

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

} // namespace

QString ApiCall::checkBody(const QNetworkReply *reply, QByteArray &body) {
    bool hasLength = false;
    const qint64 announced = reply->rawHeader("Content-Length").toLongLong(&hasLength);
    if (hasLength && announced != body.size())
        return QStringLiteral("The answer broke off after %1 of %2 bytes.")
            .arg(body.size())
            .arg(announced);
    if (reply->rawHeader("Content-Encoding").trimmed().compare("gzip", Qt::CaseInsensitive) == 0) {
        QString why;
        std::optional<QByteArray> plain = gunzip(body, &why);
        if (!plain)
            return QStringLiteral("The compressed answer is incomplete: %1.").arg(why);
        body = std::move(*plain);
    }
    return QString();
}

ApiCall::ApiCall(ApiClient *client, ApiRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request)) {
    m_timeout.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ApiCall::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::start);
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
    error.message = QStringLiteral("The call was cancelled.");
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
    // Our own Accept-Encoding turns off Qt's transparent decompression, which
    // accepts a gzip body cut short as complete; checkBody() decompresses instead.
    request.setRawHeader("Accept-Encoding", "gzip");
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
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    // The timeout measures silence, not total time: any progress restarts it.
    const auto restart = [this]() { m_timeout.start(); };
    connect(m_reply, &QNetworkReply::downloadProgress, this, restart);
    connect(m_reply, &QNetworkReply::uploadProgress, this, restart);
    const auto timeout =
        m_request.timeout.count() > 0 ? m_request.timeout : m_client->defaultTimeout();
    m_timeout.setInterval(timeout);
    m_timeout.start();
}

void ApiCall::onTimeout() {
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void ApiCall::onReplyFinished() {
    m_timeout.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();

    ApiError error;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    QString bodyProblem = checkBody(reply, body);
    if (m_cancelled) {
        error.kind = ApiError::Kind::Cancelled;
        error.message = QStringLiteral("The call was cancelled.");
    } else if (m_timedOut) {
        error.kind = ApiError::Kind::Timeout;
        const auto timeout = m_timeout.intervalAsDuration();
        error.message = QStringLiteral("No answer from %1 within %2 s.")
                            .arg(m_client->serverUrl().host())
                            .arg(double(timeout.count()) / 1000.0);
        m_timedOut = false;
    } else if (status == 0) {
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->error();
        error.message = reply->errorString();
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
        error.message = reply->errorString();
    } else if (!bodyProblem.isEmpty()) {
        // Qt hands over a body cut short by the server closing the connection as if
        // it were complete: checkBody() caught it. Transient, like a dropped line.
        error.kind = ApiError::Kind::Network;
        error.networkError = QNetworkReply::RemoteHostClosedError;
        error.httpStatus = status;
        error.message = bodyProblem;
    }

    m_httpStatus = status;
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
        if (m_client)
            Q_EMIT m_client->retryScheduled(m_request, m_attempts + 1, delay, error);
        m_retryTimer.start(std::chrono::milliseconds(delay));
        return;
    }
    if (error.kind == ApiError::Kind::Http && status == 401 && m_client)
        Q_EMIT m_client->unauthorized(error);
    finish(error);
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

void ApiCall::finish(const ApiError &error) {
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_retryTimer.stop();
    m_timeout.stop();
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
