#pragma once

#include "simulator/timeutil.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <exception>

namespace ica::sim {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// A failed API call. Handlers throw it; the front end turns it into an
/// application/problem+json Problem body (RFC 7807 plus ICA's "parameters" and "timestamp").
struct ApiError : std::exception {
    ApiError(int status, QString detail, QList<QPair<QString, QString>> parameters = {})
        : status(status)
        , detail(std::move(detail))
        , parameters(std::move(parameters)) {}
    const char *what() const noexcept override { return "ica::sim::ApiError"; }

    int status;
    QString detail;                            ///< never contains credentials
    QList<QPair<QString, QString>> parameters; ///< e.g. {"field", "dataUpdateGroups"}
    HeaderList headers;                        ///< extra response headers (Retry-After, Allow)

    static ApiError badRequest(QString detail, QList<QPair<QString, QString>> parameters = {}) {
        return ApiError(400, std::move(detail), std::move(parameters));
    }
    static ApiError notFound(QString detail) { return ApiError(404, std::move(detail)); }
    static ApiError unauthorized(QString detail) { return ApiError(401, std::move(detail)); }
};

/// Standard reason phrase of an HTTP status ("Bad Request"); "Unknown" for others.
QByteArray reasonPhrase(int status);

/// The Problem JSON body for an error. instance is the request path.
QByteArray problemJson(const ApiError &error, const QString &instance, TimeMs timestamp);

} // namespace ica::sim
