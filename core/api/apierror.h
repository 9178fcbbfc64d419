#pragma once

#include "core/domain/problem.h"

#include <QNetworkReply>
#include <QString>

#include <optional>

namespace ica {

/// The one error value for every failed API call: an HTTP error (with the decoded
/// problem when the body was problem+json), a network error, a timeout, a body that
/// could not be decoded, or a cancelled call. It never carries credentials.
struct ApiError {
    enum class Kind {
        None,      ///< no error
        Http,      ///< the server answered with a non-2xx status
        Network,   ///< connection refused, reset, host not found, TLS, ...
        Timeout,   ///< no progress within the request's timeout
        Decode,    ///< a 2xx answer whose body is not what the spec promises
        Cancelled, ///< the caller cancelled the call
        Usage,     ///< the call was not made: bad arguments or no credentials
    };

    Kind kind = Kind::None;
    int httpStatus = 0;             ///< for Http (and Decode): the status code
    std::optional<Problem> problem; ///< for Http, when the body was a problem
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString message;            ///< network error text, decode path and reason, ...
    int retryAfterSeconds = -1; ///< a 429's Retry-After, when given
    /// Which of the client's bounds the call broke, if one did, so a front end can
    /// name the setting that raises it (icatag: --max-body-mib, --timeout).
    enum class Limit {
        None,
        BodySize, ///< the answer (compressed or inflated) was over ApiClient::maxBodyBytes()
        Deadline, ///< the answer was not complete within the request's total deadline
    };
    Limit limit = Limit::None;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    /// A short title: the problem's title, or a phrase for the kind of failure.
    [[nodiscard]] QString title() const;
    /// The detail: the problem's detail, the network error text, the decode reason.
    [[nodiscard]] QString detail() const;
    /// "title: detail" on one line, for logs and the CLI's stderr.
    [[nodiscard]] QString toString() const;
    /// True for an error that another try may cure: 429, a 5xx other than 501 and 505
    /// (a server or gateway failing now), a dropped connection, a silent timeout (not
    /// a deadline hit). Only calls that are safe to repeat (GET) are retried on these;
    /// any call on 429.
    [[nodiscard]] bool isTransient() const;
    /// For a call that is not safe to repeat (creating a batch): true when the error
    /// leaves it unknown whether the server acted on it. Only an answer ICA itself
    /// sends (a 4xx with a problem+json body), a connection that was never made, a
    /// usage error or a cancel before sending mean "not done"; a 5xx, any answer
    /// without ICA's problem body (a gateway's 502/503/504 page), a dropped
    /// connection, a timeout or an unreadable 2xx leave it open.
    [[nodiscard]] bool outcomeUnknown() const;
    /// A phrase for the reason of a retry or a failure, e.g. "HTTP 503 (Service
    /// Unavailable)", "the connection dropped", "no answer within 30 s".
    [[nodiscard]] QString shortReason() const;
    /// True for an error that asking again later will not cure: a usage error, or an
    /// HTTP 4xx other than 408 and 429 (the batch is gone, access was revoked, ...).
    [[nodiscard]] bool isPermanent() const;

    static ApiError usage(const QString &message);
    static ApiError decode(int httpStatus, const QString &message);
};

} // namespace ica
