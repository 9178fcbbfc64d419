#include "simulator/apimessage.h"

namespace ica::sim {

QByteArray ApiRequest::header(const QByteArray &lowerName) const {
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

bool ApiRequest::hasHeader(const QByteArray &lowerName) const {
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return true;
    }
    return false;
}

const QByteArray &ApiResponse::jsonContentType() {
    static const QByteArray type = QByteArrayLiteral("application/vnd.illumina.v3+json");
    return type;
}

const QByteArray &ApiResponse::problemContentType() {
    static const QByteArray type = QByteArrayLiteral("application/problem+json");
    return type;
}

ApiResponse ApiResponse::json(QByteArray body, int status) {
    ApiResponse r;
    r.status = status;
    r.contentType = jsonContentType();
    r.body = std::move(body);
    return r;
}

ApiResponse ApiResponse::plainJson(QByteArray body, int status) {
    ApiResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    r.body = std::move(body);
    return r;
}

ApiResponse ApiResponse::problem(const ApiError &error, const QString &instance, TimeMs timestamp) {
    ApiResponse r;
    r.status = error.status;
    r.contentType = problemContentType();
    r.body = problemJson(error, instance, timestamp);
    r.headers = error.headers;
    return r;
}

} // namespace ica::sim
