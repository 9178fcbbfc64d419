#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace ica::cli {

/// Where the CLI writes: standard output for results, standard error for
/// messages, progress and the verbose log. Every text passes through a redaction
/// step that replaces the credentials in use with "***", so a secret never
/// reaches a terminal or a log even when a server or a library echoes it.
class Console final {
public:
    /// Neither device is owned; both must be open for writing.
    Console(QIODevice *out, QIODevice *err);

    /// Registers a secret to hide from all further output (too short ones are
    /// ignored: hiding "a" would garble every text).
    void addSecret(const QString &secret);

    /// Writes text as UTF-8 to standard output, as given (no newline added).
    void out(const QString &text);
    /// Writes UTF-8 bytes to standard output (redacted like out()); false once
    /// standard output failed (see outputState()). Streamed listings write a page
    /// at a time through this.
    bool outUtf8(const QByteArray &utf8);

    /// What became of standard output.
    enum class OutputState {
        Open,
        Closed, ///< the reader went away (EPIPE: `icatag ... | head`)
        Failed, ///< another write error (a full disk)
    };
    [[nodiscard]] OutputState outputState() const { return m_outState; }
    /// Writes one line to standard error.
    void errLine(const QString &line);
    /// "icatag: warning: ..." on standard error.
    void warn(const QString &message);

    [[nodiscard]] QString redact(QString text) const;

private:
    static void write(QIODevice *device, const QByteArray &bytes);
    bool writeOut(const QByteArray &bytes);

    QIODevice *m_out;
    QIODevice *m_err;
    QStringList m_secrets;
    QList<QByteArray> m_utf8Secrets;
    OutputState m_outState = OutputState::Open;
};

} // namespace ica::cli
