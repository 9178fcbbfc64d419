#pragma once

#include <QFile>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace ica {

/// The app's log: every Qt message (qCInfo(lcApi) and the like, and Qt's own
/// warnings) as one line, "2026-12-06T01:20:00.123Z INFO ica.api: GET /api/... 200
/// in 12 ms", appended to a file in the data folder. The file is rotated when it
/// passes maxBytes (name.1, name.2, ...; the oldest dropped), so the log never grows
/// without bound. Whatever looks like a credential (a bearer token, an API key
/// header, a JWT) is masked before it is written, as a last line of defence: the
/// code logs no secret in the first place. Thread-safe.
class LogFile final {
public:
    static constexpr qint64 DefaultMaxBytes = 2 * 1024 * 1024;
    static constexpr int DefaultKeptFiles = 3;

    explicit LogFile(const QString &path, qint64 maxBytes = DefaultMaxBytes,
                     int keptFiles = DefaultKeptFiles);
    ~LogFile();
    Q_DISABLE_COPY_MOVE(LogFile)

    /// Makes this the application's message handler (the previous one still gets
    /// warnings and worse, so they reach stderr too). Undone by the destructor.
    void install();

    /// Appends one line (masked, rotated as needed).
    void write(QtMsgType type, const char *category, const QString &message);

    [[nodiscard]] QString path() const { return m_path; }
    /// The last warnings and errors (at most 20), newest last: for "Copy diagnostics".
    [[nodiscard]] QStringList recentProblems() const;

    /// `text` with every credential-like string masked.
    [[nodiscard]] static QString masked(QString text);

private:
    void rotate();

    QString m_path;
    qint64 m_maxBytes;
    int m_keptFiles;
    mutable QMutex m_mutex;
    QFile m_file;
    QStringList m_problems;
    bool m_installed = false;
};

} // namespace ica
