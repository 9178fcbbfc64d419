#include "simulator/apierror.h"

#include <QUrl>
#include <QUuid>

#include "simulator/jsonwriter.h"

namespace ica::sim {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

QByteArray problemJson(const ApiError &error, const QString &instance, TimeMs timestamp) {
    JsonWriter w;
    w.beginObject();
    w.field("type", QLatin1String("about:blank"));
    w.field("title", QLatin1String(reasonPhrase(error.status)));
    w.field("status", qint64(error.status));
    w.field("detail", error.detail);
    // The spec types `instance` as an absolute URI (Prism checks it): name the
    // occurrence with a URN and keep the request path after the '#'.
    w.field("instance",
            QString(QStringLiteral("urn:uuid:") +
                    QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('#') +
                    QString::fromLatin1(QUrl::toPercentEncoding(instance, "/"))));
    w.key("parameters");
    w.beginObject();
    for (const auto &parameter : error.parameters)
        w.field(parameter.first, parameter.second);
    w.endObject();
    w.timeField("timestamp", timestamp);
    w.endObject();
    return w.take();
}

} // namespace ica::sim
