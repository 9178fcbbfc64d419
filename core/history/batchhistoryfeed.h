#pragma once

#include "core/domain/batch.h"
#include "core/history/batchhistorymodel.h"
#include "core/monitor/itemstatuscounts.h"
#include "core/rows/listingfeed.h"
#include "core/store/batchrecord.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>

#include <functional>

namespace ica {

class StoreWorker;

/// Keeps a BatchHistoryModel equal to the history of one profile in a StoreWorker
/// and writes to that history. Lists again whenever the store says the history
/// changed (historyChanged) and applies the answer as a diff; listings never
/// overlap (a change during one is listed again right after). All disk work runs
/// on the store's thread; answers come back on this object's thread.
///
/// The listing goes through the app's one PagedLoader (core/rows/pagedloader.h) over the
/// store: one page holding every record (the store answers a profile's history
/// whole), so another profile is a new question (reset) and a change a refresh (diff).
/// pageApplied() says a listing was applied to the model.
class BatchHistoryFeed final : public ListingFeed<BatchRecord, BatchHistoryModel> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchHistoryFeed)
public:
    /// `done` gets an empty string on success, else what went wrong.
    using Done = std::function<void(const QString &error)>;

    /// Neither is owned. Lists at once the history of every profile (the empty
    /// profile ID), until setProfileId() narrows it to one.
    BatchHistoryFeed(StoreWorker *store, BatchHistoryModel *model, QObject *parent = nullptr);

    /// Shows another profile's history (the model is reset when the answer comes).
    void setProfileId(const QString &profileId);
    [[nodiscard]] QString profileId() const { return m_profileId; }
    /// Lists again and applies the answer as a diff.
    void reload();
    /// True once a listing of the current profile has been applied.
    [[nodiscard]] bool isLoaded() const { return m_loader.isAnswered(); }

    /// Adds a batch opened by its ID (or merges it into the record kept).
    void recordOpened(const QString &projectId, const QString &projectName, const Batch &batch,
                      Done done = {});
    /// Keeps a watched batch's last job status and item counts. Writes only when
    /// they differ from what this feed wrote last for the batch, or when that was
    /// over a minute ago (so "last checked" stays roughly true without a write per
    /// refresh); a batch not in the history yet is added as opened by ID.
    void recordStatus(const QString &projectId, const Batch &batch, const ItemStatusCounts &counts);
    /// Forgets a batch of a profile (normally the current one; BatchRecord::profileId).
    void remove(const QString &profileId, const QString &batchId, Done done = {});

Q_SIGNALS:
    /// Reading or writing the history failed; `message` says what to do.
    void errorOccurred(const QString &message);

private:
    /// Lists the current profile's history from scratch (reset when it comes).
    void list();

    QPointer<StoreWorker> m_store;
    QString m_profileId;
    struct Written {
        QString status;
        QMap<QString, qint64> counts;
        QDateTime at;
    };
    /// batch ID -> what was written last, to skip writes that change nothing.
    QHash<QString, Written> m_written;
};

} // namespace ica
