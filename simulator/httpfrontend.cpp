#include "simulator/httpfrontend.h"

#include "simulator/authenticator.h"
#include "simulator/gzip.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace ica::sim {

Q_LOGGING_CATEGORY(lcSimHttp, "ica.sim.http", QtWarningMsg)

namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

} // namespace

HttpFrontend::HttpFrontend(const Router &api, const Router &control, const Authenticator &auth,
                           std::shared_ptr<FaultInjector> faults,
                           std::function<void()> beforeRequest, std::function<TimeMs()> now,
                           QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_control(control)
    , m_auth(auth)
    , m_faults(std::move(faults))
    , m_beforeRequest(std::move(beforeRequest))
    , m_now(std::move(now)) {
    // Every request comes through here: routing is ours (ICA path templates, 404 vs 405,
    // problem bodies), so QHttpServer's own rule router stays empty.
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            onRequest(request, std::move(responder));
        });
}

HttpFrontend::~HttpFrontend() = default;

bool HttpFrontend::listen(const QHostAddress &address, quint16 port, QString *errorMessage) {
    m_port = m_server.listen(address, port);
    if (m_port == 0 && errorMessage)
        *errorMessage = QStringLiteral("Cannot listen on %1:%2.").arg(address.toString()).arg(port);
    return m_port != 0;
}

void HttpFrontend::onRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder) {
    QElapsedTimer timer;
    timer.start();
    // Copy what we need now: QtHttpServer reuses the request object per connection.
    ApiRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    const QByteArray encodedPath = url.path(QUrl::FullyEncoded).toLatin1();
    r.fullPath = url.path();
    r.query = QueryParams::parse(url.query(QUrl::FullyEncoded).toLatin1());
    for (const auto &header : request.headers())
        r.headers.append({header.first.toLower(), header.second});
    r.body = request.body();

    auto holder = std::make_shared<QHttpServerResponder>(std::move(responder));
    FaultDecision decision;
    ApiResponse response;
    const QString root = apiRoot();
    if (r.fullPath.startsWith(QStringLiteral("/_sim/"))) {
        r.encodedPath = encodedPath;
        r.path = r.fullPath;
        response = handleControl(r);
    } else if (r.fullPath.startsWith(root + QLatin1Char('/'))) {
        r.encodedPath = encodedPath.mid(root.size());
        r.path = r.fullPath.mid(root.size());
        response = handleApi(r, &decision);
    } else {
        response = ApiResponse::problem(
            ApiError::notFound(
                QStringLiteral("No resource at %1; the API is under %2.").arg(r.fullPath, root)),
            r.fullPath, m_now());
    }
    deliver(std::move(holder), r, std::move(response), decision, timer);
}

ApiResponse HttpFrontend::handleApi(const ApiRequest &request, FaultDecision *decision) {
    m_beforeRequest();
    *decision = m_faults->decide(request.path, request.method);
    if (decision->action == FaultDecision::Action::Status) {
        ApiError error(decision->status,
                       decision->status == 429
                           ? QStringLiteral("Too many requests: retry after %1 seconds.")
                                 .arg(decision->retryAfterSeconds)
                           : QStringLiteral("Injected fault: the service could not handle the "
                                            "request."));
        if (decision->status == 429 || decision->status == 503)
            error.headers.append({QByteArrayLiteral("Retry-After"),
                                  QByteArray::number(decision->retryAfterSeconds)});
        return ApiResponse::problem(error, request.fullPath, m_now());
    }
    ApiRequest decoded = request;
    if (request.header(QByteArrayLiteral("content-encoding")).trimmed().toLower() == "gzip") {
        const std::optional<QByteArray> body = gzipDecompress(request.body);
        if (!body)
            return ApiResponse::problem(
                ApiError::badRequest(QStringLiteral("The gzip request body could not be "
                                                    "decompressed.")),
                request.fullPath, m_now());
        decoded.body = *body;
    }
    return dispatch(m_api, decoded, true);
}

ApiResponse HttpFrontend::handleControl(const ApiRequest &request) {
    m_beforeRequest();
    return dispatch(m_control, request, false);
}

ApiResponse HttpFrontend::dispatch(const Router &router, const ApiRequest &request,
                                   bool authenticate) {
    try {
        const Router::Match match = router.match(request.method, request.encodedPath);
        if (!match.route && match.allowedMethods.isEmpty())
            throw ApiError::notFound(QStringLiteral("No resource at %1.").arg(request.fullPath));
        if (!match.route) {
            ApiError error(405, QStringLiteral("Method %1 is not allowed on %2.")
                                    .arg(QString::fromLatin1(request.method), request.fullPath));
            error.headers.append({QByteArrayLiteral("Allow"), match.allowedMethods.join(", ")});
            throw error;
        }
        if (authenticate && match.route->auth != AuthRequirement::None)
            m_auth.authenticate(request, match.route->auth == AuthRequirement::ApiKeyOnly);
        return match.route->handler(request, match.args);
    } catch (const ApiError &error) {
        ApiResponse response = ApiResponse::problem(error, request.fullPath, m_now());
        if (error.status == 401)
            response.headers.append(
                {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"ica\"")});
        return response;
    } catch (const std::exception &) {
        return ApiResponse::problem(ApiError(500, QStringLiteral("Internal simulator error.")),
                                    request.fullPath, m_now());
    }
}

void HttpFrontend::deliver(std::shared_ptr<QHttpServerResponder> responder,
                           const ApiRequest &request, ApiResponse response, FaultDecision decision,
                           const QElapsedTimer &timer) {
    QByteArray body = std::move(response.body);
    bool gzipped = false;
    if (!body.isEmpty() && acceptsGzip(request.header(QByteArrayLiteral("accept-encoding")))) {
        body = gzipCompress(body);
        gzipped = true;
    }
    // Time spent in the simulator (routing, handling, serialization, gzip), for benchmarks.
    response.headers.append({QByteArrayLiteral("Server-Timing"),
                             QByteArrayLiteral("app;dur=") +
                                 QByteArray::number(double(timer.nsecsElapsed()) / 1e6, 'f', 3)});
    QPointer<QTcpSocket> socket = responder->socket();
    const QString method = QString::fromLatin1(request.method);
    const QString path = request.fullPath;
    const int status = response.status;
    auto write = [this, responder, socket, body = std::move(body), gzipped, decision, method, path,
                  status, contentType = response.contentType, headers = response.headers]() {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return; // the client went away while we waited
        if (decision.action == FaultDecision::Action::Gateway) {
            // The request was processed; the gateway in front answers with its own
            // page, not ICA's problem+json (as AWS load balancers do).
            const QByteArray title =
                QByteArray::number(decision.status) +
                (decision.status == 502   ? QByteArrayLiteral(" Bad Gateway")
                 : decision.status == 503 ? QByteArrayLiteral(" Service Temporarily Unavailable")
                                          : QByteArrayLiteral(" Gateway Time-out"));
            const QByteArray page = "<html><head><title>" + title +
                                    "</title></head><body><center><h1>" + title +
                                    "</h1></center></body></html>\r\n";
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            responder->writeStatusLine(
                static_cast<QHttpServerResponder::StatusCode>(decision.status));
            responder->writeHeader(QByteArrayLiteral("Content-Type"),
                                   QByteArrayLiteral("text/html"));
            responder->writeHeader(QByteArrayLiteral("Content-Length"),
                                   QByteArray::number(page.size()));
            responder->writeBody(page.constData(), page.size());
            Q_EMIT requestServed(method, path, decision.status);
            return;
        }
        if (decision.action == FaultDecision::Action::Drop) {
            socket->disconnectFromHost();
            qCDebug(lcSimHttp) << method << path << "dropped";
            Q_EMIT requestServed(method, path, 0);
            return;
        }
        // Headers and body go out as separate segments: without TCP_NODELAY, Nagle plus
        // the client's delayed ACK would add ~40 ms to every answer.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        responder->writeHeader(QByteArrayLiteral("Content-Type"), contentType);
        responder->writeHeader(QByteArrayLiteral("Content-Length"),
                               QByteArray::number(body.size()));
        if (gzipped)
            responder->writeHeader(QByteArrayLiteral("Content-Encoding"),
                                   QByteArrayLiteral("gzip"));
        responder->writeHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding"));
        for (const auto &header : headers)
            responder->writeHeader(header.first, header.second);
        if (decision.action == FaultDecision::Action::Truncate) {
            responder->writeBody(body.constData(), body.size() / 2);
            socket->flush();
            socket->disconnectFromHost();
        } else {
            responder->writeBody(body.constData(), body.size());
        }
        qCDebug(lcSimHttp) << method << path << status;
        Q_EMIT requestServed(method, path, status);
    };
    if (decision.latencyMs > 0)
        QTimer::singleShot(decision.latencyMs, this, std::move(write));
    else
        write();
}

} // namespace ica::sim
