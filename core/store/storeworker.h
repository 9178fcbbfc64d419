#pragma once

#include "core/domain/tagkind.h"
#include "core/domain/undosnapshot.h"
#include "core/store/batchrecord.h"
#include "core/store/draftstore.h"
#include "core/store/storeresult.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>

#include <functional>
#include <optional>

namespace ica {

/// The asynchronous face of the SQLite store: owns one database connection on a
/// thread of its own and runs BatchHistoryStore and DraftStore there, so no disk
/// work happens on the GUI thread. Work runs in the order it was posted. Each
/// answer comes back on the thread that owns this object, through `done`; when a
/// `context` is given and is destroyed before the answer arrives, `done` is not
/// called (as with QObject::connect).
class StoreWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWorker)
public:
    template <typename T> using Callback = std::function<void(const StoreResult<T> &result)>;

    /// "store.sqlite" in QStandardPaths::AppDataLocation: where the app keeps it.
    [[nodiscard]] static QString defaultDatabasePath();

    /// What to do when the database at the path cannot be used.
    enum class Recovery {
        /// Report it (opened(false, why)); every call then fails with that reason.
        None,
        /// Keep working (the app): a damaged file is renamed aside
        /// ("store.sqlite.damaged-YYYYMMDD-HHMMSS", never deleted) and a fresh one
        /// started; when no file can be used at all (newer schema, read-only folder,
        /// disk full), the store lives in memory until the app closes. notice() says
        /// which, in a sentence for the user.
        SetAsideOrMemory,
    };

    /// Starts the thread and opens (and migrates) the database at `path` there;
    /// opened() tells how it went.
    explicit StoreWorker(const QString &path, QObject *parent = nullptr,
                         Recovery recovery = Recovery::None);
    /// Finishes the work already posted (its answers are no longer delivered),
    /// closes the database and stops the thread.
    ~StoreWorker() override;

    [[nodiscard]] QString path() const { return m_path; }
    /// False until opened(true) was emitted.
    [[nodiscard]] bool isOpen() const { return m_open; }
    /// Why opening failed; empty while opening and on success.
    [[nodiscard]] QString openError() const { return m_openError; }
    /// After a recovery (see Recovery): what happened to the file and what to do;
    /// empty when the file opened normally. Set before opened() is emitted.
    [[nodiscard]] QString notice() const { return m_notice; }
    /// False when the store lives in memory only (nothing survives the app).
    [[nodiscard]] bool isPersistent() const { return m_persistent; }
    /// The thread the database work runs on.
    [[nodiscard]] const QThread *workerThread() const { return &m_thread; }

    // Batch history (see BatchHistoryStore for what each does).
    void upsertBatch(const BatchRecord &record, QObject *context, Callback<BatchRecord> done);
    void updateBatchStatus(const QString &profileId, const QString &batchId,
                           const QString &jobStatus, const QMap<QString, qint64> &itemCounts,
                           QObject *context, Callback<bool> done);
    void listBatches(const QString &profileId, QObject *context, Callback<QList<BatchRecord>> done);
    void findBatch(const QString &batchId, const QString &profileId, QObject *context,
                   Callback<std::optional<BatchRecord>> done);
    void removeBatch(const QString &profileId, const QString &batchId, QObject *context,
                     Callback<bool> done);
    void removeProfileBatches(const QString &profileId, QObject *context, Callback<int> done);

    // Undo snapshots (see SnapshotStore).
    /// Stores, for `batchId`, the part of `snapshot` that `part` (the request sent
    /// as that batch) touches (UndoSnapshot::partFor, on the store thread). The
    /// value is the stored size in bytes.
    void saveSnapshot(const QString &profileId, const QString &batchId,
                      const UndoSnapshot &snapshot, const CreateBatchRequest &part,
                      QObject *context, Callback<qint64> done);
    void loadSnapshot(const QString &profileId, const QString &batchId, QObject *context,
                      Callback<std::optional<UndoSnapshot>> done);
    void hasSnapshot(const QString &profileId, const QString &batchId, QObject *context,
                     Callback<bool> done);

    // Drafts (see DraftStore).
    void saveDraft(const Draft &draft, QObject *context, Callback<Draft> done);
    void listDrafts(const QString &profileId, QObject *context, Callback<QList<Draft>> done);
    void loadDraft(const QString &id, QObject *context, Callback<std::optional<Draft>> done);
    void renameDraft(const QString &id, const QString &name, QObject *context, Callback<bool> done);
    void discardDraft(const QString &id, QObject *context, Callback<bool> done);

    // Progress curves (see BatchProgressStore); removeBatch() drops a batch's curve.
    void saveProgress(const QString &profileId, const QString &batchId, const QByteArray &curveJson,
                      QObject *context, Callback<bool> done);
    void loadProgress(const QString &profileId, const QString &batchId, QObject *context,
                      Callback<QByteArray> done);

    // The tag catalog (see TagCatalogStore); removeProfileBatches() drops a profile's tags.
    void saveTags(const QString &profileId, TagKind kind, const QHash<QString, int> &counts,
                  QObject *context, Callback<bool> done);
    void loadTags(const QString &profileId, TagKind kind, QObject *context,
                  Callback<QHash<QString, int>> done);

Q_SIGNALS:
    /// The database was opened (or not, and `error` says why and what to do).
    void opened(bool ok, const QString &error);
    /// A history change succeeded: lists shown elsewhere may be stale.
    void historyChanged();
    /// A draft change succeeded.
    void draftsChanged();

private:
    class Backend;
    using Changed = void (StoreWorker::*)();

    /// Runs `work(backend)` on the worker thread and hands its result to `done`
    /// on this object's thread; emits `changed` first when the result is ok.
    template <typename T, typename Work>
    void post(QObject *context, Callback<T> done, Work work, Changed changed = nullptr);

    QString m_path;
    QThread m_thread;
    Backend *m_backend;
    bool m_open = false;
    bool m_persistent = true;
    QString m_openError;
    QString m_notice;
};

} // namespace ica
