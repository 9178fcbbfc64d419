#include "cli/command.h"

namespace ica::cli {

QString limitHint(const ica::ApiError &error, const ica::ApiClient *client) {
    switch (error.limit) {
    case ica::ApiError::Limit::BodySize:
        return QStringLiteral("if this server is right, raise --max-body-mib (now %1).")
            .arg(client ? client->maxBodyBytes() / (1024 * 1024) : 0);
    case ica::ApiError::Limit::Deadline:
        return QStringLiteral("if the server is right but slow, raise --timeout (now %1 s; "
                              "--request-timeout for batch wait).")
            .arg(client ? double(client->defaultDeadline().count()) / 1000.0 : 0.0);
    case ica::ApiError::Limit::None:
        break;
    }
    if (error.kind == ica::ApiError::Kind::Http && error.httpStatus == 429) {
        const qint64 longest = client ? client->retryPolicy().maxRetryAfter.count() : 0;
        if (error.retryAfterSeconds > longest)
            return QStringLiteral("the server asked to wait %1 s before trying again, longer "
                                  "than icatag waits (%2 s): try again later.")
                .arg(error.retryAfterSeconds)
                .arg(longest);
        return QStringLiteral("the server is still refusing calls as too many after the "
                              "retries: try again later.");
    }
    return {};
}

void Command::finish(int exitCode) {
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

void Command::finishWithError(int code, const QString &message) {
    console().errLine(QStringLiteral("icatag: error: ") + message);
    finish(code);
}

void Command::finishWithApiError(const ica::ApiError &error, const QString &what) {
    QString text = error.toString();
    if (!what.isEmpty())
        text = what + QStringLiteral(": ") + text;
    console().errLine(QStringLiteral("icatag: error: ") + text);
    if (error.kind == ica::ApiError::Kind::Http && error.httpStatus == 401)
        console().errLine(QStringLiteral(
            "icatag: hint: the server refused the credentials; check --api-key or "
            "ICAV2_X_API_KEY (or --access-token / ICAV2_ACCESS_TOKEN, which expires)."));
    const QString hint = limitHint(error, client());
    if (!hint.isEmpty())
        console().errLine(QStringLiteral("icatag: hint: ") + hint);
    finish(error.kind == ica::ApiError::Kind::Usage ? ExitUsage : ExitFailure);
}

} // namespace ica::cli
