#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>

namespace ica {

class ExportFileWorker;

/// Writes one export file off the calling thread, all or nothing: the bytes go to a
/// QSaveFile (a temporary file beside the target) on a thread of its own, and only
/// commit() renames it over the target. discard(), a failed write or destroying the
/// object before commit() removes the temporary file and leaves the target (a file
/// that was there before, say) untouched. Calls return at once; the signals come
/// on the caller's thread, in the order of the calls.
class ExportFile final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportFile)
public:
    explicit ExportFile(QObject *parent = nullptr);
    /// Discards what was not committed. Waits for the write in progress (at most
    /// one page's bytes) so the temporary file is gone when it returns.
    ~ExportFile() override;

    /// Creates the temporary file for `path`; failed() when that is not possible.
    void open(const QString &path);
    /// Appends `bytes`; `rows` travels with them and comes back with written().
    void write(const QByteArray &bytes, qint64 rows);
    /// Renames the temporary file over the target (after flushing it to disk).
    void commit();
    /// Removes the temporary file; the target stays as it was.
    void discard();

    /// Bytes handed to write() whose written() has not come yet.
    [[nodiscard]] qint64 pendingBytes() const { return m_pendingBytes; }

Q_SIGNALS:
    /// A write() reached the file.
    void written(qint64 bytes, qint64 rows);
    /// commit() renamed the file into place.
    void committed();
    /// Opening, writing or committing failed: `reason` is the system's word for it.
    /// Nothing is written after it; the temporary file is gone.
    void failed(const QString &reason);
    /// discard() is done: no temporary file is left.
    void discarded();

private:
    QThread m_thread;
    ExportFileWorker *m_worker = nullptr;
    qint64 m_pendingBytes = 0;
};

} // namespace ica
