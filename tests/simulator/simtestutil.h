#pragma once

// Shared helpers of the simulator suites: a synchronous HTTP client over a plain
// QNetworkAccessManager, and small checks on ICA JSON shapes.

#include "simulator/simulatoroptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace simtest {

struct HttpResult {
    int status = 0; ///< 0: no HTTP answer (connection closed, ...)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(const QByteArray &name) const {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QJsonObject object; ///< body parsed once (empty if not a JSON object)

    const QJsonObject &json() const { return object; }
    QJsonArray items() const { return object.value(QLatin1String("items")).toArray(); }
};

using Query = QList<QPair<QString, QString>>;

/// Blocking HTTP calls (the event loop runs while waiting, so an in-process simulator serves).
class Client {
public:
    Client(QUrl baseUrl, QString apiKey)
        : m_base(std::move(baseUrl))
        , m_apiKey(std::move(apiKey)) {}

    void setApiKey(const QString &key) { m_apiKey = key; }
    void setBearer(const QByteArray &token) { m_bearer = token; }
    QNetworkAccessManager &nam() { return m_nam; }

    QUrl url(const QString &path, const Query &query = {}) const {
        QUrl url = m_base;
        url.setPath(m_base.path() + path);
        if (!query.isEmpty()) {
            QByteArray encoded;
            for (const auto &item : query) {
                if (!encoded.isEmpty())
                    encoded += '&';
                encoded += QUrl::toPercentEncoding(item.first) + '=' +
                           QUrl::toPercentEncoding(item.second);
            }
            url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
        }
        return url;
    }

    HttpResult get(const QString &path, const Query &query = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {},
                   int timeoutMs = 20000) {
        return send("GET", url(path, query), {}, headers, timeoutMs);
    }

    HttpResult post(const QString &path, const QByteArray &body,
                    const QByteArray &contentType = "application/vnd.illumina.v3+json",
                    const QList<QPair<QByteArray, QByteArray>> &headers = {},
                    int timeoutMs = 20000) {
        auto all = headers;
        if (!contentType.isEmpty())
            all.append({"Content-Type", contentType});
        return send("POST", url(path), body, all, timeoutMs);
    }

    HttpResult postJson(const QString &path, const QJsonObject &body) {
        return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    /// Starts a request without waiting (for concurrency tests).
    QNetworkReply *start(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        QNetworkRequest request(url);
        if (!m_apiKey.isEmpty())
            request.setRawHeader("X-API-Key", m_apiKey.toUtf8());
        if (!m_bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_bearer);
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        return m_nam.sendCustomRequest(request, verb, body);
    }

    HttpResult send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs) {
        std::unique_ptr<QNetworkReply> reply(start(verb, url, body, headers));
        return wait(reply.get(), timeoutMs);
    }

    static HttpResult wait(QNetworkReply *reply, int timeoutMs = 20000) {
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(timeoutMs);
        }
        HttpResult r;
        r.finished = reply->isFinished();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        r.object = QJsonDocument::fromJson(r.body).object();
        return r;
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_apiKey;
    QByteArray m_bearer;
};

/// `options` made a simulator of one project with `files` files on a manual clock.
inline ica::sim::SimulatorOptions oneProject(int files, ica::sim::SimulatorOptions options = {}) {
    options.projectCount = 1;
    options.filesInFirstProject = files;
    options.manualClock = true;
    return options;
}

inline bool isUuid(const QJsonValue &v) {
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return v.isString() && re.match(v.toString()).hasMatch();
}

/// RFC 3339 UTC date-time.
inline bool isDateTime(const QJsonValue &v) {
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"));
    return v.isString() && re.match(v.toString()).hasMatch();
}

inline bool isDataId(const QString &id) {
    static const QRegularExpression re(QStringLiteral("^(fil|fol)\\.[0-9a-f]{32}$"));
    return re.match(id).hasMatch();
}

/// Names of required keys missing from object (empty: all present).
inline QStringList missingKeys(const QJsonObject &object, const QStringList &required) {
    QStringList missing;
    for (const QString &key : required) {
        if (!object.contains(key) || object.value(key).isNull())
            missing.append(key);
    }
    return missing;
}

inline QStringList strings(const QJsonValue &array) {
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

} // namespace simtest

/// Fails the test if object lacks any of the required keys (lists them).
#define SIM_REQUIRE_KEYS(object, ...)                                                              \
    do {                                                                                           \
        const QStringList missing_ = simtest::missingKeys((object), QStringList{__VA_ARGS__});     \
        QVERIFY2(missing_.isEmpty(),                                                               \
                 qPrintable(QStringLiteral("missing: ") + missing_.join(QStringLiteral(", "))));   \
    } while (false)
