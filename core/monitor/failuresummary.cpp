#include "core/monitor/failuresummary.h"

#include "core/api/batchapi.h"
#include "core/rows/pagestream.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <memory>

namespace ica {

QList<ItemStatus> FailureSummary::failedStatuses() {
    return {ItemStatus(ItemStatus::PartiallyUpdated), ItemStatus(ItemStatus::Failed)};
}

QString FailureSummary::reasonOf(const QString &additionalInformation) {
    // UUIDs and ICA's prefixed IDs ("fil.0123…", "fol.…"): 32 hex digits after a dot.
    static const QRegularExpression ids(QStringLiteral(
        "\\b(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|"
        "[a-z]{3}\\.[0-9a-fA-F]{32})\\b"));
    QString text = additionalInformation.trimmed();
    text.replace(ids, QStringLiteral("<id>"));
    return text;
}

QString FailureSummary::displayReason(const QString &reason) {
    return reason.isEmpty()
               ? QCoreApplication::translate("ica::FailureSummary", "(no reason given)")
               : reason;
}

void FailureSummary::add(const QList<BatchItem> &items) {
    for (const BatchItem &item : items) {
        const ItemStatus::Value status = item.status.value();
        if (status != ItemStatus::Failed && status != ItemStatus::PartiallyUpdated)
            continue;
        const QString reason = reasonOf(item.additionalStatusInformation);
        auto it = m_index.constFind(reason);
        qsizetype at = 0;
        if (it == m_index.cend()) {
            at = m_reasons.size();
            m_index.insert(reason, at);
            Reason group;
            group.reason = reason;
            m_reasons.append(group);
        } else {
            at = *it;
        }
        Reason &group = m_reasons[at];
        ++group.count;
        if (!group.statuses.contains(item.status)) {
            group.statuses.append(item.status);
            std::sort(
                group.statuses.begin(), group.statuses.end(),
                [](const ItemStatus &a, const ItemStatus &b) { return a.value() < b.value(); });
        }
        group.dataIds.append(item.request.dataId);
        ++m_total;
    }
}

QList<FailureSummary::Reason> FailureSummary::reasons() const {
    QList<Reason> sorted = m_reasons;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Reason &a, const Reason &b) {
        return a.count != b.count ? a.count > b.count : a.reason < b.reason;
    });
    return sorted;
}

QJsonArray FailureSummary::toJson() const {
    QJsonArray array;
    for (const Reason &group : reasons()) {
        QJsonArray statuses;
        for (const ItemStatus &status : group.statuses)
            statuses.append(status.toString());
        array.append(
            QJsonObject{{QStringLiteral("reason"), group.reason},
                        {QStringLiteral("count"), group.count},
                        {QStringLiteral("statuses"), statuses},
                        {QStringLiteral("dataIds"), QJsonArray::fromStringList(group.dataIds)}});
    }
    return array;
}

void FailureSummary::fetch(ApiClient *client, const QString &projectId, const QString &batchId,
                           QObject *context,
                           std::function<void(const Result<FailureSummary> &)> done) {
    PageFetcher<BatchItem> fetchPage = [client, projectId,
                                        batchId](const PageRequest &page, QObject *ctx,
                                                 ResultCallback<BatchItemPage> cb) {
        ItemsQuery query;
        query.statuses = failedStatuses();
        query.page = page;
        return BatchApi(client).listItems(projectId, batchId, query, ctx, std::move(cb));
    };
    StreamPlan plan; // cursor: complete and unique, one page after another
    plan.pageSize = 1000;
    auto summary = std::make_shared<FailureSummary>();
    PageStream<BatchItem>::start(
        std::move(fetchPage), plan, context,
        [summary](const QList<BatchItem> &rows) {
            summary->add(rows);
            return true;
        },
        [summary, done](const StreamEnd &end) {
            if (end.error)
                done(Result<FailureSummary>::failure(*end.error));
            else
                done(Result<FailureSummary>::success(*summary));
        });
}

} // namespace ica
