#pragma once

#include <QHash>
#include <QSortFilterProxyModel>

namespace ica {

/// The client-side filters of the items table, over a BatchItemsModel: a text the
/// data's name or path must contain (ICA's items API cannot filter on names, so this
/// filters the rows loaded, by the names resolved so far), and a failure reason (a
/// FailureSummary group) the item's additional information must fall in. Rows are
/// checked again when their name cells change (names arrive after the rows).
/// Inactive (no text, no reason): every row passes; the ui then shows the model
/// directly.
class ItemsFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemsFilterProxy)
public:
    explicit ItemsFilterProxy(QObject *parent = nullptr);
    ~ItemsFilterProxy() override;

    /// Rows whose name or path contains `text` (case-insensitive); empty: any.
    void setNameFilter(const QString &text);
    [[nodiscard]] QString nameFilter() const { return m_text; }
    /// Rows whose reason (FailureSummary::reasonOf) is `reason`; `on` false: any.
    void setReasonFilter(bool on, const QString &reason = QString());
    [[nodiscard]] bool hasReasonFilter() const { return m_reasonOn; }
    [[nodiscard]] QString reasonFilter() const { return m_reason; }
    /// A filter is set: some rows may be hidden.
    [[nodiscard]] bool isActive() const { return !m_text.isEmpty() || m_reasonOn; }

Q_SIGNALS:
    /// The filters changed (rows were checked again).
    void filterChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_reason;
    bool m_reasonOn = false;
    /// additional information -> falls in m_reason (the reason text is pooled in the
    /// model, so few distinct texts: each is grouped once, not once per row).
    mutable QHash<QString, bool> m_reasonMatches;
};

} // namespace ica
