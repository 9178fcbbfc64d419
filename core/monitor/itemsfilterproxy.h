#pragma once

#include "core/monitor/namematches.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace ica {

class BatchItemsModel;

/// The client-side filters of the items table, over a BatchItemsModel: a text the
/// data's name or path must contain (ICA's items API cannot filter on names, so this
/// filters the rows loaded, by the names resolved so far), and a failure reason (a
/// FailureSummary group) the item's additional information must fall in.
/// Inactive (no text, no reason): every row passes; the ui then shows the model
/// directly.
///
/// The name filter never reads names row by row on the GUI thread: a text's matching
/// data IDs are found on a worker from the names known (NameMatches), and each row is
/// then one set look-up of its packed ID. So setNameFilter() of a text applies later
/// (filterChanged()); of a burst of texts only the last one applies. Names arriving
/// later (dataChanged on the Name and Path columns) start the matching over.
class ItemsFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemsFilterProxy)
public:
    explicit ItemsFilterProxy(QObject *parent = nullptr);
    ~ItemsFilterProxy() override;

    /// The model whose rows and names the name filter reads, whether or not it is the
    /// source model right now (the ui attaches the proxy only while a filter is set).
    /// Not owned; null: the source model, when it is a BatchItemsModel.
    void setItemsModel(BatchItemsModel *model);
    /// Rows whose name or path contains `text` (case-insensitive); empty: any (at once).
    /// A text applies once its matches are found: see filterChanged().
    void setNameFilter(const QString &text);
    /// The name filter applied (the last text whose matches were found).
    [[nodiscard]] QString nameFilter() const { return m_text; }
    /// The name filter asked for last (applied, or being matched).
    [[nodiscard]] QString wantedNameFilter() const { return m_wantedText; }
    /// Data IDs matching the name filter applied.
    [[nodiscard]] qsizetype matchingDataIds() const { return m_matches.size(); }
    /// Matches are being found for the name filter asked for.
    [[nodiscard]] bool isMatching() const {
        return m_watcher.isRunning() || m_text != m_wantedText;
    }
    /// Rows whose reason (FailureSummary::reasonOf) is `reason`; `on` false: any.
    void setReasonFilter(bool on, const QString &reason = QString());
    [[nodiscard]] bool hasReasonFilter() const { return m_reasonOn; }
    [[nodiscard]] QString reasonFilter() const { return m_reason; }
    /// A filter is applied: some rows may be hidden.
    [[nodiscard]] bool isActive() const { return !m_text.isEmpty() || m_reasonOn; }

Q_SIGNALS:
    /// The filters applied changed (rows were checked again).
    void filterChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    [[nodiscard]] const BatchItemsModel *items() const;
    void match();
    void onMatched();
    void applyNameFilter(const QString &text, NameMatches matches);

    QPointer<BatchItemsModel> m_items;
    QMetaObject::Connection m_itemsConnection;
    QString m_text;       ///< applied
    QString m_wantedText; ///< asked for last
    NameMatches m_matches;
    QFutureWatcher<NameMatches> m_watcher;
    QString m_matchingText; ///< the text of the job in flight
    quint64 m_serial = 0;   ///< bumped per text asked for and per names arrival
    quint64 m_jobSerial = 0;
    QString m_reason;
    bool m_reasonOn = false;
    /// additional information -> falls in m_reason (the reason text is pooled in the
    /// model, so few distinct texts: each is grouped once, not once per row).
    mutable QHash<QString, bool> m_reasonMatches;
};

} // namespace ica
