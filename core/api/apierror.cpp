#include "apierror.h"

namespace ica {

QString ApiError::title() const {
    if (problem && !problem->title.isEmpty())
        return problem->title;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Http:
        return QStringLiteral("HTTP %1").arg(httpStatus);
    case Kind::Network:
        return QStringLiteral("Network error");
    case Kind::Timeout:
        return QStringLiteral("Timed out");
    case Kind::Decode:
        return QStringLiteral("Unexpected answer from the server");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::Usage:
        return QStringLiteral("Invalid request");
    }
    return QString();
}

QString ApiError::detail() const {
    if (problem && !problem->detail.isEmpty())
        return problem->detail;
    return message;
}

QString ApiError::toString() const {
    QString text = title();
    const QString more = detail();
    if (!more.isEmpty())
        text += QStringLiteral(": ") + more;
    if (kind == Kind::Http && problem && !problem->title.isEmpty())
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    return text;
}

bool ApiError::isPermanent() const {
    if (kind == Kind::Usage)
        return true;
    return kind == Kind::Http && httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 &&
           httpStatus != 429;
}

bool ApiError::isTransient() const {
    switch (kind) {
    case Kind::Http:
        return httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    case Kind::Network:
        // Not ConnectionRefused or HostNotFound: those usually mean a wrong server
        // URL, and waiting 40 s of retries to say so helps nobody.
        return networkError == QNetworkReply::RemoteHostClosedError ||
               networkError == QNetworkReply::TemporaryNetworkFailureError ||
               networkError == QNetworkReply::NetworkSessionFailedError ||
               networkError == QNetworkReply::UnknownNetworkError;
    default:
        return false;
    }
}

ApiError ApiError::usage(const QString &message) {
    ApiError e;
    e.kind = Kind::Usage;
    e.message = message;
    return e;
}

ApiError ApiError::decode(int httpStatus, const QString &message) {
    ApiError e;
    e.kind = Kind::Decode;
    e.httpStatus = httpStatus;
    e.message = message;
    return e;
}

} // namespace ica
