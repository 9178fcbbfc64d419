#include "core/api/apierror.h"

#include <QCoreApplication>

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
        return QCoreApplication::translate("ica::ApiError", "Network error");
    case Kind::Timeout:
        return QCoreApplication::translate("ica::ApiError", "Timed out");
    case Kind::Decode:
        return QCoreApplication::translate("ica::ApiError", "Unexpected answer from the server");
    case Kind::Cancelled:
        return QCoreApplication::translate("ica::ApiError", "Cancelled");
    case Kind::Usage:
        return QCoreApplication::translate("ica::ApiError", "Invalid request");
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
        // 501 (not implemented) and 505 (HTTP version) will answer the same again.
        return httpStatus == 429 || httpStatus == 408 ||
               (httpStatus >= 500 && httpStatus <= 599 && httpStatus != 501 && httpStatus != 505);
    case Kind::Timeout:
        // Silence may be a passing stall; a whole-request deadline hit means answers
        // come slower than the caller allows, and trying again would only multiply
        // the wait (5 tries of a 2-minute deadline).
        return limit != Limit::Deadline;
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

bool ApiError::outcomeUnknown() const {
    switch (kind) {
    case Kind::None:
    case Kind::Usage:
        return false;
    case Kind::Cancelled:
        // Cancelled calls may have been sent already: nobody can tell.
        return true;
    case Kind::Http:
        // ICA's own refusal comes as a 4xx problem: it did not act. A 5xx, or any
        // answer without ICA's problem body (a gateway, a proxy), says nothing.
        return !(httpStatus >= 400 && httpStatus < 500 && problem.has_value());
    case Kind::Network:
        // Never connected: nothing was sent.
        return !(networkError == QNetworkReply::ConnectionRefusedError ||
                 networkError == QNetworkReply::HostNotFoundError);
    case Kind::Timeout:
    case Kind::Decode:
        return true;
    }
    return true;
}

QString ApiError::shortReason() const {
    // Said mid-sentence ("...: REASON; trying again in 2 s"): no full stop of its own.
    const auto phrase = [](QString text) {
        while (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        return text;
    };
    switch (kind) {
    case Kind::Http: {
        QString text = QStringLiteral("HTTP %1").arg(httpStatus);
        const QString why = problem && !problem->title.isEmpty() ? problem->title : message;
        if (!why.isEmpty())
            text += QStringLiteral(" (%1)").arg(phrase(why));
        return text;
    }
    case Kind::Network:
        if (networkError == QNetworkReply::RemoteHostClosedError)
            return QCoreApplication::translate("ica::ApiError", "the connection dropped");
        return message.isEmpty() ? QCoreApplication::translate("ica::ApiError", "a network error")
                                 : phrase(message);
    case Kind::Timeout:
        return message.isEmpty() ? QCoreApplication::translate("ica::ApiError", "no answer in time")
                                 : phrase(message);
    default:
        return phrase(toString());
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
