#pragma once

#include "core/domain/batch.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace ica {

/// How a batch came into the history.
enum class BatchOrigin {
    Created, ///< created by this app
    Opened,  ///< opened by its ID (ICA cannot list batches, so the app remembers them)
};

/// What the app remembers of one batch, per profile. Statuses are kept as the
/// raw text the API sent (job statuses spell INITIALIZED, item statuses
/// INITIALISED), so a status this version does not know survives a round trip.
struct BatchRecord {
    QString profileId;
    QString projectId;
    QString projectName;
    QString batchId;
    BatchOrigin origin = BatchOrigin::Created;
    QDateTime createdAt;              ///< UTC; invalid when unknown
    QString summary;                  ///< summarizeRequest(); empty when opened by ID
    QJsonObject request;              ///< the CreateBatchRequest JSON; empty when not known
    QString jobStatus;                ///< raw job status text; empty until first refreshed
    QMap<QString, qint64> itemCounts; ///< raw item status text -> number of items
    QDateTime lastRefreshedAt;        ///< UTC; invalid when never refreshed

    /// The record of a batch just created here from `request`; `created` is the
    /// API's answer (its id, job status and creation time).
    static BatchRecord fromCreated(const QString &profileId, const QString &projectId,
                                   const QString &projectName, const CreateBatchRequest &request,
                                   const Batch &created);
    /// The record of a batch opened by its ID, as the API described it.
    static BatchRecord fromOpened(const QString &profileId, const QString &projectId,
                                  const QString &projectName, const Batch &batch);

    [[nodiscard]] JobStatus jobStatusValue() const { return JobStatus::fromString(jobStatus); }
    /// Sum of itemCounts.
    [[nodiscard]] qint64 itemTotal() const;

    friend bool operator==(const BatchRecord &a, const BatchRecord &b);
    friend bool operator!=(const BatchRecord &a, const BatchRecord &b) { return !(a == b); }
};

/// One line about a request for the history list, e.g. "2 groups, 3 data IDs;
/// user tags +a, -b; technical tags +x; archive date cleared". Long tag lists are
/// cut with "and N more".
[[nodiscard]] QString summarizeRequest(const CreateBatchRequest &request);

/// The spelling kept in the database: "created" or "opened".
[[nodiscard]] QString batchOriginToString(BatchOrigin origin);
[[nodiscard]] BatchOrigin batchOriginFromString(const QString &text);

} // namespace ica
