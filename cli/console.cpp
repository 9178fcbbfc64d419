#include "console.h"

namespace icacli {

namespace {
/// Shorter secrets are not hidden: they would match ordinary words.
constexpr qsizetype MinimumSecretLength = 4;
} // namespace

Console::Console(QIODevice *out, QIODevice *err)
    : m_out(out)
    , m_err(err) {}

void Console::addSecret(const QString &secret) {
    if (secret.size() >= MinimumSecretLength && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

QString Console::redact(QString text) const {
    for (const QString &secret : m_secrets)
        text.replace(secret, QStringLiteral("***"));
    return text;
}

void Console::write(QIODevice *device, const QByteArray &bytes) {
    // A closed pipe or a full disk is not worth a second error message.
    device->write(bytes);
}

void Console::out(const QString &text) {
    write(m_out, redact(text).toUtf8());
}

void Console::errLine(const QString &line) {
    write(m_err, redact(line).toUtf8() + '\n');
}

void Console::warn(const QString &message) {
    errLine(QStringLiteral("icatag: warning: ") + message);
}

} // namespace icacli
