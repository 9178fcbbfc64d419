#pragma once

#include "core/api/apiresult.h"
#include "core/domain/batch.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QStringList>

#include <functional>

namespace ica {

class ApiClient;

/// Why the items of a batch failed: its FAILED and PARTIALLY_UPDATED items grouped by
/// their `additionalStatusInformation`. ICA's reasons often name the item's data ID
/// ("Data with id 'fil.…' was not found in project …"), which would make a group per
/// item; IDs (UUIDs and "fil."/"fol."-style IDs) are therefore replaced by "<id>" to
/// group them, and each group keeps the data IDs of its items. The one summary behind
/// the monitor's failure table and `icatag batch failures`.
class FailureSummary final {
public:
    struct Reason {
        QString reason;             ///< the grouped text ("<id>" for IDs); empty: none given
        qint64 count = 0;           ///< items with this reason
        QList<ItemStatus> statuses; ///< their statuses, in lifecycle order
        QStringList dataIds;        ///< their data IDs, in the order listed
    };

    /// The statuses summarised: FAILED and PARTIALLY_UPDATED.
    [[nodiscard]] static QList<ItemStatus> failedStatuses();
    /// The group an item's additional information falls in: IDs replaced by "<id>",
    /// spaces trimmed.
    [[nodiscard]] static QString reasonOf(const QString &additionalInformation);
    /// "(no reason given)" for an empty reason, the reason otherwise.
    [[nodiscard]] static QString displayReason(const QString &reason);

    /// Adds the failed items among `items` (others are ignored): for pages as they come.
    void add(const QList<BatchItem> &items);
    /// The groups, most items first (then by reason).
    [[nodiscard]] QList<Reason> reasons() const;
    /// Failed items added.
    [[nodiscard]] qint64 total() const { return m_total; }
    [[nodiscard]] bool isEmpty() const { return m_total == 0; }
    /// [{reason, count, statuses[], dataIds[]}] in reasons() order.
    [[nodiscard]] QJsonArray toJson() const;

    /// Reads the batch's FAILED and PARTIALLY_UPDATED items with the items API's
    /// status filter (cursor pages of 1,000, streamed: memory holds the summary, not
    /// the items) and summarises them. `done` runs on `context`'s thread, not at all
    /// once it is gone.
    static void fetch(ApiClient *client, const QString &projectId, const QString &batchId,
                      QObject *context, std::function<void(const Result<FailureSummary> &)> done);

private:
    QList<Reason> m_reasons;
    QHash<QString, qsizetype> m_index; ///< reason -> position in m_reasons
    qint64 m_total = 0;
};

} // namespace ica
