#include "cli/console.h"

#include <QFileDevice>

#include <cerrno>

#include <poll.h>

namespace ica::cli {

namespace {
/// Shorter secrets are not hidden: they would match ordinary words.
constexpr qsizetype MinimumSecretLength = 4;
} // namespace

Console::Console(QIODevice *out, QIODevice *err)
    : m_out(out)
    , m_err(err) {}

void Console::addSecret(const QString &secret) {
    if (secret.size() >= MinimumSecretLength && !m_secrets.contains(secret)) {
        m_secrets.append(secret);
        m_utf8Secrets.append(secret.toUtf8());
    }
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

namespace {
/// True when `device` is a pipe or socket whose reader has gone. errno after a
/// failed QFile::write is not reliable (Qt builds its error text in between), so
/// this asks the descriptor itself: a write end without readers polls POLLERR.
bool readerIsGone(QIODevice *device, int writeErrno) {
    if (writeErrno == EPIPE)
        return true;
    auto *file = qobject_cast<QFileDevice *>(device);
    if (!file || file->handle() < 0)
        return false;
    pollfd fd{file->handle(), POLLOUT, 0};
    return ::poll(&fd, 1, 0) == 1 && (fd.revents & POLLERR) != 0;
}
} // namespace

bool Console::writeOut(const QByteArray &bytes) {
    if (m_outState != OutputState::Open)
        return false;
    if (bytes.isEmpty())
        return true;
    errno = 0;
    const qint64 written = m_out->write(bytes);
    const int writeErrno = errno;
    if (written == bytes.size())
        return true;
    m_outState = readerIsGone(m_out, writeErrno) ? OutputState::Closed : OutputState::Failed;
    return false;
}

void Console::out(const QString &text) {
    writeOut(redact(text).toUtf8());
}

bool Console::outUtf8(const QByteArray &utf8) {
    for (const QByteArray &secret : std::as_const(m_utf8Secrets)) {
        if (!utf8.contains(secret))
            continue;
        QByteArray redacted = utf8; // a copy only when there is something to hide
        for (const QByteArray &hidden : std::as_const(m_utf8Secrets))
            redacted.replace(hidden, "***");
        return writeOut(redacted);
    }
    return writeOut(utf8);
}

void Console::errLine(const QString &line) {
    write(m_err, redact(line).toUtf8() + '\n');
}

void Console::warn(const QString &message) {
    errLine(QStringLiteral("icatag: warning: ") + message);
}

} // namespace ica::cli
