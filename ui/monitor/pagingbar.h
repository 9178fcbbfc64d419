#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace ica {
class ItemsPager;
}

namespace ica::ui {

/// Page controls under the items table: page size, paging mode (numbered pages or
/// cursor), first / previous / next / last with "Page x of y" and the total in
/// offset mode, "Next page" and "Load all" in cursor mode. Follows the pager's
/// state (the pager is the one source of truth).
///
/// objectNames: pageSizeCombo, pagingModeCombo, firstPageButton,
/// previousPageButton, nextPageButton, lastPageButton, pagePositionLabel,
/// totalLabel, loadMoreButton, loadAllButton.
class PagingBar final : public QWidget {
    Q_OBJECT
public:
    explicit PagingBar(QWidget *parent = nullptr);

    /// The pager the controls drive (not owned); null: none.
    void setPager(ItemsPager *pager);

public Q_SLOTS:
    /// Re-reads the pager into the controls.
    void sync();

private:
    QToolButton *button(const QString &objectName, const QString &text, const QString &toolTip);

    QPointer<ItemsPager> m_pager;
    QList<QMetaObject::Connection> m_connections;
    QComboBox *m_pageSize;
    QComboBox *m_mode;
    QToolButton *m_first;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_last;
    QToolButton *m_loadMore;
    QToolButton *m_loadAll;
    QLabel *m_position;
    QLabel *m_total;
};

} // namespace ica::ui
