#include "core/export/exportfile.h"

#include <QMetaObject>
#include <QSaveFile>

#include <memory>

namespace ica {

/// The part of ExportFile that lives on its thread and owns the QSaveFile.
class ExportFileWorker final : public QObject {
    Q_OBJECT
public:
    void open(const QString &path) {
        m_file = std::make_unique<QSaveFile>(path);
        // Never fall back to writing the target in place (a folder that does not
        // let us create the temporary file): that could leave it half-written.
        m_file->setDirectWriteFallback(false);
        if (!m_file->open(QIODevice::WriteOnly))
            fail();
    }

    void write(const QByteArray &bytes, qint64 rows) {
        if (!m_file)
            return; // failed or discarded before
        if (m_file->write(bytes) != bytes.size()) {
            fail();
            return;
        }
        Q_EMIT written(bytes.size(), rows);
    }

    void commit() {
        if (!m_file)
            return;
        if (!m_file->commit()) {
            fail();
            return;
        }
        m_file.reset();
        Q_EMIT committed();
    }

    void discard() {
        if (m_file) {
            m_file->cancelWriting();
            m_file.reset(); // the destructor removes the temporary file
        }
        Q_EMIT discarded();
    }

Q_SIGNALS:
    void written(qint64 bytes, qint64 rows);
    void committed();
    void failed(const QString &reason);
    void discarded();

private:
    void fail() {
        const QString reason = m_file->errorString();
        m_file->cancelWriting();
        m_file.reset();
        Q_EMIT failed(reason);
    }

    std::unique_ptr<QSaveFile> m_file;
};

ExportFile::ExportFile(QObject *parent)
    : QObject(parent)
    , m_worker(new ExportFileWorker) {
    m_thread.setObjectName(QStringLiteral("ica-export-file"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ExportFileWorker::written, this, [this](qint64 bytes, qint64 rows) {
        m_pendingBytes -= bytes;
        Q_EMIT written(bytes, rows);
    });
    connect(m_worker, &ExportFileWorker::committed, this, &ExportFile::committed);
    connect(m_worker, &ExportFileWorker::failed, this, &ExportFile::failed);
    connect(m_worker, &ExportFileWorker::discarded, this, &ExportFile::discarded);
    m_thread.start();
}

ExportFile::~ExportFile() {
    discard();
    m_thread.quit();
    // The worker ends with the queue it was given: the discard above is in it, so
    // no temporary file outlives this object.
    m_thread.wait();
}

void ExportFile::open(const QString &path) {
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path]() { worker->open(path); });
}

void ExportFile::write(const QByteArray &bytes, qint64 rows) {
    m_pendingBytes += bytes.size();
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, bytes, rows]() { worker->write(bytes, rows); });
}

void ExportFile::commit() {
    QMetaObject::invokeMethod(m_worker, [worker = m_worker]() { worker->commit(); });
}

void ExportFile::discard() {
    QMetaObject::invokeMethod(m_worker, [worker = m_worker]() { worker->discard(); });
}

} // namespace ica

#include "exportfile.moc"
