#include "core/store/storeworker.h"

#include "core/diagnostics/logcategories.h"

#include "core/store/batchhistorystore.h"
#include "core/store/batchprogressstore.h"
#include "core/store/snapshotstore.h"
#include "core/store/sqlitedatabase.h"
#include "core/store/tagcatalogstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QStandardPaths>

#include <memory>

namespace ica {

namespace {

const QString InMemory = QStringLiteral(":memory:");

/// Renames `path` and its -wal and -shm files to "<path>.damaged-<UTC time>" (a
/// number added when that exists). Nothing is deleted. Returns the new name of the
/// database file, or an empty string when it could not be renamed.
QString setAside(const QString &path) {
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target;
    for (int n = 0; n < 100; ++n) {
        target = QStringLiteral("%1.damaged-%2").arg(path, stamp);
        if (n > 0)
            target += QStringLiteral("-%1").arg(n);
        if (!QFile::exists(target))
            break;
    }
    if (!QFile::rename(path, target))
        return {};
    // The -wal holds committed changes not yet copied into the file: it goes with it.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

} // namespace

/// Lives on the worker thread: the connection and the stores built on it.
class StoreWorker::Backend final : public QObject {
public:
    Backend(const QString &path, Recovery recovery)
        : m_path(path)
        , m_recovery(recovery) {}

    void open() {
        SqliteDatabase::Failure failure = SqliteDatabase::Failure::None;
        if (tryOpen(m_path, &failure) || m_recovery == Recovery::None)
            return;
        const QString shown = QDir::toNativeSeparators(m_path);
        const QString why = m_openError;
        if (failure == SqliteDatabase::Failure::Damaged) {
            const QString movedTo = setAside(m_path);
            if (!movedTo.isEmpty() && tryOpen(m_path, &failure)) {
                m_notice = QCoreApplication::translate(
                               "ica::StoreWorker",
                               "The local database %1 is damaged or is not a database. ICA "
                               "Tagger moved it aside to %2 (nothing was deleted) and started a "
                               "new, empty one, so the batch history and drafts begin afresh; "
                               "the batches themselves are safe in ICA and can be opened again "
                               "by their ID in the monitor.")
                               .arg(shown, QDir::toNativeSeparators(movedTo));
                return;
            }
        }
        if (tryOpen(InMemory, &failure)) {
            m_persistent = false;
            m_notice = QCoreApplication::translate(
                           "ica::StoreWorker",
                           "%1 Until then, ICA Tagger keeps the batch history and drafts of this "
                           "session in memory only: they are lost when it closes.")
                           .arg(why);
            return;
        }
        m_openError = why;
    }
    /// Drops the stores and the connection; must run on the worker thread.
    void close() {
        m_snapshots.reset();
        m_history.reset();
        m_drafts.reset();
        m_progress.reset();
        m_tags.reset();
        m_database.reset();
    }
    [[nodiscard]] bool isOpen() const { return m_database != nullptr; }
    [[nodiscard]] bool isPersistent() const { return m_persistent; }
    [[nodiscard]] QString openError() const { return m_openError; }
    [[nodiscard]] QString notice() const { return m_notice; }
    BatchHistoryStore &history() { return *m_history; }
    DraftStore &drafts() { return *m_drafts; }
    BatchProgressStore &progress() { return *m_progress; }
    TagCatalogStore &tags() { return *m_tags; }
    SnapshotStore &snapshots() { return *m_snapshots; }

private:
    bool tryOpen(const QString &path, SqliteDatabase::Failure *failure) {
        m_database = std::make_unique<SqliteDatabase>(path);
        if (!m_database->open(&m_openError)) {
            *failure = m_database->failure();
            m_database.reset(); // closes the file before it may be renamed
            return false;
        }
        m_openError.clear();
        m_history = std::make_unique<BatchHistoryStore>(*m_database);
        m_drafts = std::make_unique<DraftStore>(*m_database);
        m_progress = std::make_unique<BatchProgressStore>(*m_database);
        m_tags = std::make_unique<TagCatalogStore>(*m_database);
        m_snapshots = std::make_unique<SnapshotStore>(*m_database);
        return true;
    }

    QString m_path;
    Recovery m_recovery;
    bool m_persistent = true;
    QString m_openError;
    QString m_notice;
    std::unique_ptr<SqliteDatabase> m_database;
    std::unique_ptr<BatchHistoryStore> m_history;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<BatchProgressStore> m_progress;
    std::unique_ptr<TagCatalogStore> m_tags;
    std::unique_ptr<SnapshotStore> m_snapshots;
};

QString StoreWorker::defaultDatabasePath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("store.sqlite"));
}

StoreWorker::StoreWorker(const QString &path, QObject *parent, Recovery recovery)
    : QObject(parent)
    , m_path(path)
    , m_backend(new Backend(path, recovery)) {
    m_thread.setObjectName(QStringLiteral("ica-store"));
    m_backend->moveToThread(&m_thread);
    m_thread.start();
    Backend *backend = m_backend;
    QMetaObject::invokeMethod(
        m_backend,
        [this, backend] {
            backend->open();
            const bool ok = backend->isOpen();
            const QString error = backend->openError();
            const QString notice = backend->notice();
            const bool persistent = backend->isPersistent();
            if (!ok)
                qCWarning(lcStore, "the store did not open: %s", qUtf8Printable(error));
            else if (!notice.isEmpty())
                qCWarning(lcStore, "%s", qUtf8Printable(notice));
            QMetaObject::invokeMethod(
                this,
                [this, ok, error, notice, persistent] {
                    m_open = ok;
                    m_openError = error;
                    m_notice = notice;
                    m_persistent = persistent;
                    Q_EMIT opened(ok, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

StoreWorker::~StoreWorker() {
    // Queued after all posted work, so that work finishes first; the connection
    // is closed on the thread it was opened on.
    Backend *backend = m_backend;
    QMetaObject::invokeMethod(
        m_backend, [backend] { backend->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_backend;
}

template <typename T, typename Work>
void StoreWorker::post(QObject *context, Callback<T> done, Work work, Changed changed) {
    const bool guarded = context != nullptr;
    QPointer<QObject> guard(context);
    Backend *backend = m_backend;
    QMetaObject::invokeMethod(
        m_backend,
        [this, backend, work = std::move(work), done = std::move(done), guard = std::move(guard),
         guarded, changed]() mutable {
            StoreResult<T> result =
                backend->isOpen() ? work(*backend) : StoreResult<T>::failure(backend->openError());
            if (!result.ok())
                qCWarning(lcStore, "%s", qUtf8Printable(result.error));
            QMetaObject::invokeMethod(
                this,
                [this, result = std::move(result), done = std::move(done), guard = std::move(guard),
                 guarded, changed] {
                    if (result.ok() && changed)
                        Q_EMIT(this->*changed)();
                    if (guarded && !guard)
                        return;
                    if (done)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void StoreWorker::upsertBatch(const BatchRecord &record, QObject *context,
                              Callback<BatchRecord> done) {
    post<BatchRecord>(
        context, std::move(done), [record](Backend &b) { return b.history().upsert(record); },
        &StoreWorker::historyChanged);
}

void StoreWorker::updateBatchStatus(const QString &profileId, const QString &batchId,
                                    const QString &jobStatus,
                                    const QMap<QString, qint64> &itemCounts, QObject *context,
                                    Callback<bool> done) {
    post<bool>(
        context, std::move(done),
        [=](Backend &b) {
            return b.history().updateStatus(profileId, batchId, jobStatus, itemCounts);
        },
        &StoreWorker::historyChanged);
}

void StoreWorker::listBatches(const QString &profileId, QObject *context,
                              Callback<QList<BatchRecord>> done) {
    post<QList<BatchRecord>>(context, std::move(done),
                             [profileId](Backend &b) { return b.history().list(profileId); });
}

void StoreWorker::findBatch(const QString &batchId, const QString &profileId, QObject *context,
                            Callback<std::optional<BatchRecord>> done) {
    post<std::optional<BatchRecord>>(context, std::move(done), [batchId, profileId](Backend &b) {
        return b.history().find(batchId, profileId);
    });
}

void StoreWorker::removeBatch(const QString &profileId, const QString &batchId, QObject *context,
                              Callback<bool> done) {
    post<bool>(
        context, std::move(done),
        [profileId, batchId](Backend &b) {
            // The curve goes with the batch; a failure to drop it only leaves a stray row.
            b.progress().remove(profileId, batchId);
            return b.history().remove(profileId, batchId);
        },
        &StoreWorker::historyChanged);
}

void StoreWorker::removeProfileBatches(const QString &profileId, QObject *context,
                                       Callback<int> done) {
    post<int>(
        context, std::move(done),
        [profileId](Backend &b) {
            // A deleted profile's curves and tags go too; failures there only leave stray rows.
            b.progress().remove(profileId);
            b.tags().remove(profileId);
            return b.history().removeProfile(profileId);
        },
        &StoreWorker::historyChanged);
}

void StoreWorker::saveSnapshot(const QString &profileId, const QString &batchId,
                               const UndoSnapshot &snapshot, const CreateBatchRequest &part,
                               QObject *context, Callback<qint64> done) {
    post<qint64>(context, std::move(done), [profileId, batchId, snapshot, part](Backend &b) {
        UndoSnapshot own = snapshot.partFor(part);
        own.batchIds = {batchId};
        return b.snapshots().save(profileId, batchId, own);
    });
}

void StoreWorker::loadSnapshot(const QString &profileId, const QString &batchId, QObject *context,
                               Callback<std::optional<UndoSnapshot>> done) {
    post<std::optional<UndoSnapshot>>(context, std::move(done), [profileId, batchId](Backend &b) {
        return b.snapshots().load(profileId, batchId);
    });
}

void StoreWorker::hasSnapshot(const QString &profileId, const QString &batchId, QObject *context,
                              Callback<bool> done) {
    post<bool>(context, std::move(done),
               [profileId, batchId](Backend &b) { return b.snapshots().has(profileId, batchId); });
}

void StoreWorker::saveDraft(const Draft &draft, QObject *context, Callback<Draft> done) {
    post<Draft>(
        context, std::move(done), [draft](Backend &b) { return b.drafts().save(draft); },
        &StoreWorker::draftsChanged);
}

void StoreWorker::listDrafts(const QString &profileId, QObject *context,
                             Callback<QList<Draft>> done) {
    post<QList<Draft>>(context, std::move(done),
                       [profileId](Backend &b) { return b.drafts().list(profileId); });
}

void StoreWorker::loadDraft(const QString &id, QObject *context,
                            Callback<std::optional<Draft>> done) {
    post<std::optional<Draft>>(context, std::move(done),
                               [id](Backend &b) { return b.drafts().load(id); });
}

void StoreWorker::renameDraft(const QString &id, const QString &name, QObject *context,
                              Callback<bool> done) {
    post<bool>(
        context, std::move(done), [id, name](Backend &b) { return b.drafts().rename(id, name); },
        &StoreWorker::draftsChanged);
}

void StoreWorker::discardDraft(const QString &id, QObject *context, Callback<bool> done) {
    post<bool>(
        context, std::move(done), [id](Backend &b) { return b.drafts().discard(id); },
        &StoreWorker::draftsChanged);
}

void StoreWorker::saveProgress(const QString &profileId, const QString &batchId,
                               const QByteArray &curveJson, QObject *context, Callback<bool> done) {
    post<bool>(context, std::move(done),
               [=](Backend &b) { return b.progress().save(profileId, batchId, curveJson); });
}

void StoreWorker::loadProgress(const QString &profileId, const QString &batchId, QObject *context,
                               Callback<QByteArray> done) {
    post<QByteArray>(context, std::move(done),
                     [=](Backend &b) { return b.progress().load(profileId, batchId); });
}

void StoreWorker::saveTags(const QString &profileId, TagKind kind,
                           const QHash<QString, int> &counts, QObject *context,
                           Callback<bool> done) {
    post<bool>(context, std::move(done),
               [=](Backend &b) { return b.tags().save(profileId, kind, counts); });
}

void StoreWorker::loadTags(const QString &profileId, TagKind kind, QObject *context,
                           Callback<QHash<QString, int>> done) {
    post<QHash<QString, int>>(context, std::move(done),
                              [=](Backend &b) { return b.tags().load(profileId, kind); });
}

} // namespace ica
