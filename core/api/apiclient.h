#pragma once

#include "core/api/apicall.h"
#include "core/api/apirequest.h"
#include "core/api/authenticator.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

namespace ica {

/// When and how often a failed call is tried again. The defaults follow the icav2
/// CLI: four more tries after 0.5, 2, 10 and 30 s; a 429's Retry-After wins.
struct RetryPolicy {
    QList<std::chrono::milliseconds> delays{
        std::chrono::milliseconds(500), std::chrono::milliseconds(2000),
        std::chrono::milliseconds(10000), std::chrono::milliseconds(30000)};
    std::chrono::seconds maxRetryAfter{60};

    static RetryPolicy none() { return RetryPolicy{{}, std::chrono::seconds(0)}; }
};

/// ApiClient's default cap on an answer body.
inline constexpr qint64 DefaultMaxBodyBytes = 16 * 1024 * 1024;
/// Redirects followed for one request (same server only): a loop ends fast.
inline constexpr int MaxRedirects = 5;

/// The one door to the ICA REST API: it knows the server, the credentials, the
/// headers ICA wants, the timeouts, the body cap and the retry policy, and turns an ApiRequest
/// into an ApiCall. Typed calls are in BatchApi, ProjectApi, DataApi and TokenApi.
class ApiClient final : public QObject {
    Q_OBJECT
public:
    /// Uses `nam` when given (not owned), else a private one.
    explicit ApiClient(QNetworkAccessManager *nam = nullptr, QObject *parent = nullptr);

    /// The API base, e.g. https://ica.illumina.com/ica/rest (see normalizeServerUrl()).
    void setServerUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    [[nodiscard]] QUrl serverUrl() const { return m_baseUrl; }
    /// Takes ownership. Null: calls go out without credentials.
    void setAuthenticator(Authenticator *authenticator);
    [[nodiscard]] Authenticator *authenticator() const { return m_authenticator; }
    /// Time without any progress after which a call fails with Timeout (default 60 s).
    void setDefaultTimeout(std::chrono::milliseconds timeout) { m_defaultTimeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds defaultTimeout() const { return m_defaultTimeout; }
    /// Time from sending a request to the last byte of its answer after which the try
    /// fails with Timeout, however steadily the server sends (default 2 min).
    void setDefaultDeadline(std::chrono::milliseconds deadline) { m_defaultDeadline = deadline; }
    [[nodiscard]] std::chrono::milliseconds defaultDeadline() const { return m_defaultDeadline; }
    /// Largest answer body accepted, as sent and after gzip (default 16 MiB; a page of
    /// 1,000 items is about 0.3 MB). Checked while the answer streams in.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    [[nodiscard]] qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    /// When answers are asked for gzipped (Accept-Encoding).
    enum class AnswerCompression {
        /// Always, except from a server on a loopback address (the simulator, a local
        /// test server): there nothing crosses a network, so compressing costs both
        /// ends CPU (about a third of the server's time for a page of 1,000 items)
        /// and saves no time.
        Auto,
        Always, ///< also from a loopback server (a port forwarded to a remote one)
    };
    void setAnswerCompression(AnswerCompression compression) { m_compression = compression; }
    /// Whether the calls to the server set now ask for gzipped answers.
    [[nodiscard]] bool asksForGzip() const;
    [[nodiscard]] const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    [[nodiscard]] QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    /// Starts the call at once; connect to ApiCall::finished(). The call deletes
    /// itself after finished() was emitted.
    ApiCall *send(ApiRequest request);

    /// Full URL of a request (base + path + query).
    [[nodiscard]] QUrl urlFor(const ApiRequest &request) const;

Q_SIGNALS:
    /// A call was refused with 401 and could not be cured by authenticating again.
    void unauthorized(const ica::ApiError &error);
    /// A call failed with `error` and will be tried again (try number `attempt`,
    /// counting from 1) after `delayMs`: for logs and status lines.
    void retryScheduled(const ica::ApiRequest &request, int attempt, qint64 delayMs,
                        const ica::ApiError &error);

private:
    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QPointer<Authenticator> m_authenticator;
    std::chrono::milliseconds m_defaultTimeout{60000};
    std::chrono::milliseconds m_defaultDeadline{120000};
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
    RetryPolicy m_retryPolicy;
    AnswerCompression m_compression = AnswerCompression::Auto;
};

} // namespace ica
