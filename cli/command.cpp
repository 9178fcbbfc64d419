#include "command.h"

namespace icacli {

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
    finish(error.kind == ica::ApiError::Kind::Usage ? ExitUsage : ExitFailure);
}

} // namespace icacli
