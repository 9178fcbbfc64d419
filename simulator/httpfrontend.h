#pragma once

#include "simulator/apimessage.h"
#include "simulator/faultinjector.h"
#include "simulator/router.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

#include <functional>
#include <memory>

class QElapsedTimer;
class QTcpSocket;

namespace ica::sim {

class Authenticator;

/// The HTTP side: owns the QHttpServer, turns requests into ApiRequests, applies faults,
/// authentication and gzip, and writes answers (possibly late, cut short or not at all).
///
/// Paths: <root>/... (the ICA API, root "/ica/rest") and /_sim/... (control surface, no
/// credentials, never faulted). Anything else is a 404 problem.
class HttpFrontend : public QObject {
    Q_OBJECT
public:
    /// api and control must outlive the front end. beforeRequest runs before every
    /// request is handled (the simulator uses it to bring the clock up to date);
    /// now gives the time stamped on problems.
    HttpFrontend(const Router &api, const Router &control, const Authenticator &auth,
                 std::shared_ptr<FaultInjector> faults, std::function<void()> beforeRequest,
                 std::function<TimeMs()> now, QObject *parent = nullptr);
    ~HttpFrontend() override;

    static QString apiRoot() { return QStringLiteral("/ica/rest"); }

    /// Starts listening; false with a message if the address/port cannot be bound.
    bool listen(const QHostAddress &address, quint16 port, QString *errorMessage);
    quint16 port() const { return m_port; }

Q_SIGNALS:
    /// After an answer has been written (status 0: the connection was dropped).
    void requestServed(const QString &method, const QString &path, int status);

private:
    void onRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    ApiResponse handleApi(const ApiRequest &request, FaultDecision *decision);
    ApiResponse handleControl(const ApiRequest &request);
    ApiResponse dispatch(const Router &router, const ApiRequest &request, bool authenticate);
    void deliver(std::shared_ptr<QHttpServerResponder> responder, const ApiRequest &request,
                 ApiResponse response, FaultDecision decision, const QElapsedTimer &timer);

    QHttpServer m_server;
    const Router &m_api;
    const Router &m_control;
    const Authenticator &m_auth;
    std::shared_ptr<FaultInjector> m_faults;
    std::function<void()> m_beforeRequest;
    std::function<TimeMs()> m_now;
    quint16 m_port = 0;
};

} // namespace ica::sim
