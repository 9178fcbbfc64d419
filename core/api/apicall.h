#pragma once

#include "core/api/apierror.h"
#include "core/api/apirequest.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace ica {

class ApiClient;

/// One API call in flight: it sends, times out when no progress is seen or the
/// answer is not complete by the deadline, refuses a body over the client's cap
/// while it streams in, retries
/// what is safe to retry, authenticates again once after a 401, and emits
/// finished() exactly once. Deletes itself after finished() has been delivered.
/// Never blocks; all of it runs on the thread that owns the client.
class ApiCall final : public QObject {
    Q_OBJECT
public:
    /// Stops the call; finished() follows (never from inside cancel()) with an error
    /// of kind Cancelled. No effect once finished() was emitted: an answer already
    /// being decoded off-thread still arrives, so callers that change their question
    /// should also ignore stale answers (see ItemsPager).
    void cancel();

    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const ApiRequest &request() const { return m_request; }
    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    [[nodiscard]] const ApiError &error() const { return m_error; }
    /// Tries made so far (1 when the first try was answered).
    [[nodiscard]] int attempts() const { return m_attempts; }

Q_SIGNALS:
    void finished();

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, ApiRequest request);

    void start();
    void sendNow();
    void onReplyFinished();
    void onTimeout();
    void onDeadline();
    void onReadyRead();
    /// Aborts the try once the answer announces or brings more than the cap.
    void checkSize(qint64 received, qint64 announced);
    /// The error of a finished try, or kind None; `body` may be inflated in place.
    ApiError errorOf(QNetworkReply *reply, QByteArray &body);
    void finish(const ApiError &error);
    /// One log line for the finished call (ica.api).
    void logOutcome() const;
    /// Checks the body against Content-Length and decompresses gzip in place (at
    /// most maxBytes); returns what is wrong with it, or "" when it is complete.
    /// `tooLarge` is set when the problem is the cap.
    static QString checkBody(const QNetworkReply *reply, QByteArray &body, qint64 maxBytes,
                             bool *tooLarge);
    /// Delay before try number `attempt + 1`, or -1 when no further try is allowed.
    [[nodiscard]] qint64 retryDelayMs(const ApiError &error) const;

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_deadline;
    QTimer m_retryTimer;
    int m_attempts = 0;
    bool m_reauthenticated = false;
    bool m_timedOut = false;
    /// Why this try was aborted by a bound (deadline or body cap), if it was.
    ApiError::Limit m_limitHit = ApiError::Limit::None;
    qint64 m_announcedBytes = -1; ///< Content-Length over the cap, when that was the reason
    bool m_cancelled = false;
    bool m_finished = false;
    int m_httpStatus = 0;
    QByteArray m_body;
    QByteArray m_received; ///< the body of the try in flight, as read so far
    ApiError m_error;
    QElapsedTimer m_clock;  ///< since the call was made, for the log
    QByteArray m_requestId; ///< the server's X-Request-Id of the last answer, for the log
};

} // namespace ica
