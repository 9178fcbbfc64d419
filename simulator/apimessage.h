#pragma once

#include "simulator/apierror.h"
#include "simulator/queryparams.h"

#include <QByteArray>
#include <QString>

namespace ica::sim {

/// Everything a handler needs from an HTTP request, copied out of QHttpServerRequest
/// (which QtHttpServer reuses for the next request on the same connection).
struct ApiRequest {
    QByteArray method;      ///< "GET", "POST", ...
    QString path;           ///< decoded path below the service root, e.g. /api/projects
    QByteArray encodedPath; ///< path below the service root as received (percent-encoded)
    QString fullPath;       ///< decoded path as received, e.g. /ica/rest/api/projects
    QueryParams query;
    HeaderList headers; ///< names lower-cased
    QByteArray body;

    /// First value of a header; name must be lower-case.
    QByteArray header(const QByteArray &lowerName) const;
    bool hasHeader(const QByteArray &lowerName) const;
};

/// The answer before transport concerns (compression, faults, latency).
struct ApiResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HeaderList headers;

    static const QByteArray &jsonContentType();    ///< application/vnd.illumina.v3+json
    static const QByteArray &problemContentType(); ///< application/problem+json

    /// A success answer with an ICA v3 JSON body.
    static ApiResponse json(QByteArray body, int status = 200);
    /// A Problem answer for error, stamped with the request path and time.
    static ApiResponse problem(const ApiError &error, const QString &instance, TimeMs timestamp);
    /// A plain application/json answer (control surface).
    static ApiResponse plainJson(QByteArray body, int status = 200);
};

} // namespace ica::sim
