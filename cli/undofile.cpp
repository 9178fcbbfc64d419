#include "cli/undofile.h"

#include "core/history/snapshottaker.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ica::cli {

bool UndoFile::checkNew(const QString &path, QString *error) {
    if (path.trimmed().isEmpty()) {
        *error = QStringLiteral("--undo-file needs a file name.");
        return false;
    }
    if (QFileInfo::exists(path)) {
        *error = QStringLiteral("the undo file %1 exists already: an undo record is never "
                                "overwritten. Give a new file name (or move the old one away).")
                     .arg(path);
        return false;
    }
    return true;
}

bool UndoFile::write(const QString &path, const ica::UndoSnapshot &snapshot, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the undo file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray json = snapshot.toJsonBytes();
    if (file.write(json) != json.size() || !file.write("\n") || !file.commit()) {
        *error = QStringLiteral("cannot write the undo file %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool UndoFile::read(const QString &path, ica::UndoSnapshot *out, QString *error) {
    QFile file(path);
    if (!file.exists()) {
        *error = QStringLiteral("the undo file %1 does not exist: give the file written by "
                                "'batch create --undo-file'.")
                     .arg(path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the undo file %1: %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    if (!ica::UndoSnapshot::fromJson(file.readAll(), out, &why)) {
        *error = QStringLiteral("the undo file %1 is damaged or not an undo record: %2. Use the "
                                "file written by 'batch create --undo-file', unchanged.")
                     .arg(path, why);
        return false;
    }
    return true;
}

UndoRecorder::UndoRecorder(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path)) {}

void UndoRecorder::prepare(ica::ApiClient *client, const QString &projectId,
                           const ica::CreateBatchRequest &body,
                           std::function<void(bool ok, const QString &error)> done) {
    ica::SnapshotTaker::take(
        client, projectId, {}, body, this,
        [this, done](const ica::Result<ica::UndoSnapshot> &result) {
            if (!result.ok()) {
                done(false, QStringLiteral("the data's current state could not be read for the "
                                           "undo record (%1): nothing was sent.")
                                .arg(result.error.shortReason()));
                return;
            }
            m_snapshot = *result.value;
            // Another process may have made the file meanwhile: still never overwrite.
            QString error;
            if (!UndoFile::checkNew(m_path, &error) ||
                !UndoFile::write(m_path, m_snapshot, &error)) {
                done(false, error + QStringLiteral(" Nothing was sent."));
                return;
            }
            done(true, {});
        });
}

QString UndoRecorder::recordBatch(const QString &batchId) {
    m_snapshot.batchIds.append(batchId);
    QString error;
    if (UndoFile::write(m_path, m_snapshot, &error))
        return {};
    return QStringLiteral("%1. Batch %2 was created, but the undo file does not name it: add "
                          "\"%2\" to its \"batchIds\" to undo it.")
        .arg(error, batchId);
}

} // namespace ica::cli
