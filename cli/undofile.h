#pragma once

#include "core/domain/undosnapshot.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ica {
class ApiClient;
}

namespace ica::cli {

/// The undo record file of `batch create --undo-file` and `batch undo`: an
/// UndoSnapshot as versioned JSON (see UndoSnapshot::toJson), written whole with
/// QSaveFile so it is never half-written.
class UndoFile final {
public:
    /// A usage error when `path` exists already: an undo record is never overwritten.
    [[nodiscard]] static bool checkNew(const QString &path, QString *error);
    [[nodiscard]] static bool write(const QString &path, const ica::UndoSnapshot &snapshot,
                                    QString *error);
    /// Reads a record; `error` says what is wrong with the file and what to do.
    [[nodiscard]] static bool read(const QString &path, ica::UndoSnapshot *out, QString *error);
};

/// Keeps the undo file of one `batch create` run: prepare() reads the data's state
/// and writes the file before anything is sent; recordBatch() adds each batch ID as
/// it is created (the file is rewritten whole each time).
class UndoRecorder final : public QObject {
    Q_OBJECT
public:
    explicit UndoRecorder(QString path, QObject *parent = nullptr);

    /// Takes the snapshot of `body` and writes the file; `done(ok, error)` runs when
    /// it is written (ok) or could not be taken or written (nothing may be sent then).
    void prepare(ica::ApiClient *client, const QString &projectId,
                 const ica::CreateBatchRequest &body,
                 std::function<void(bool ok, const QString &error)> done);
    /// Adds a created batch's ID to the file; returns a warning for stderr when the
    /// file could not be rewritten, else an empty string.
    [[nodiscard]] QString recordBatch(const QString &batchId);
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    QString m_path;
    ica::UndoSnapshot m_snapshot;
};

} // namespace ica::cli
