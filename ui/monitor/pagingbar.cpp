#include "ui/monitor/pagingbar.h"

#include "core/diagnostics/statusnotices.h"
#include "core/monitor/itemspager.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QToolButton>

namespace ica::ui {

PagingBar::PagingBar(QWidget *parent)
    : QWidget(parent)
    , m_pageSize(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_first(button(QStringLiteral("firstPageButton"), tr("First"), tr("Go to the first page")))
    , m_previous(button(QStringLiteral("previousPageButton"), tr("Previous"),
                        tr("Go to the previous page")))
    , m_next(button(QStringLiteral("nextPageButton"), tr("Next"), tr("Go to the next page")))
    , m_last(button(QStringLiteral("lastPageButton"), tr("Last"), tr("Go to the last page")))
    , m_loadMore(button(QStringLiteral("loadMoreButton"), tr("Next page"),
                        tr("Load the next page of items below those shown")))
    , m_loadAll(button(QStringLiteral("loadAllButton"), tr("Load all"),
                       tr("Load every remaining item (may take a while for large batches)")))
    , m_position(new QLabel(this))
    , m_total(new QLabel(this)) {
    m_pageSize->setObjectName(QStringLiteral("pageSizeCombo"));
    m_pageSize->setToolTip(tr("Items per page"));
    for (const int size : ItemsQueryState::pageSizes())
        m_pageSize->addItem(QLocale().toString(size), size);
    m_mode->setObjectName(QStringLiteral("pagingModeCombo"));
    m_mode->setToolTip(tr("Numbered pages can be sorted and show a total (up to 200,000 "
                          "items); cursor pages are complete and never repeat an item, but "
                          "cannot be sorted"));
    m_mode->addItem(tr("Numbered pages"), int(ItemsQueryState::Mode::Offset));
    m_mode->addItem(tr("Cursor pages"), int(ItemsQueryState::Mode::Cursor));
    m_position->setObjectName(QStringLiteral("pagePositionLabel"));
    m_total->setObjectName(QStringLiteral("totalLabel"));

    connect(m_pageSize, &QComboBox::currentIndexChanged, this, [this]() {
        if (m_pager)
            m_pager->setPageSize(m_pageSize->currentData().toInt());
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_pager)
            return;
        const auto mode = ItemsQueryState::Mode(m_mode->currentData().toInt());
        const bool hadSort = m_pager->queryState().hasSort();
        if (m_pager->setMode(mode) && hadSort && mode == ItemsQueryState::Mode::Cursor)
            StatusNotices::post(tr("Cursor pages cannot be sorted: items are shown in the "
                                   "server's order."));
    });
    connect(m_first, &QToolButton::clicked, this, [this]() {
        if (m_pager)
            m_pager->firstPage();
    });
    connect(m_previous, &QToolButton::clicked, this, [this]() {
        if (m_pager)
            m_pager->previousPage();
    });
    connect(m_next, &QToolButton::clicked, this, [this]() {
        if (m_pager)
            m_pager->nextPage();
    });
    connect(m_last, &QToolButton::clicked, this, [this]() {
        if (m_pager)
            m_pager->lastPage();
    });
    connect(m_loadMore, &QToolButton::clicked, this, [this]() {
        if (m_pager)
            m_pager->loadNextPage();
    });
    connect(m_loadAll, &QToolButton::clicked, this, [this]() {
        if (m_pager)
            m_pager->loadAll();
    });

    auto *sizeLabel = new QLabel(tr("Page si&ze:"), this);
    sizeLabel->setBuddy(m_pageSize);
    auto *modeLabel = new QLabel(tr("Pa&ging:"), this);
    modeLabel->setBuddy(m_mode);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : std::initializer_list<QWidget *>{sizeLabel, m_pageSize, modeLabel, m_mode,
                                                       m_first, m_previous, m_position, m_next,
                                                       m_last, m_loadMore, m_loadAll, m_total})
        layout->addWidget(w);
    layout->addStretch();
    sync();
}

QToolButton *PagingBar::button(const QString &objectName, const QString &text,
                               const QString &toolTip) {
    auto *b = new QToolButton(this);
    b->setObjectName(objectName);
    b->setText(text);
    b->setToolTip(toolTip);
    return b;
}

void PagingBar::setPager(ItemsPager *pager) {
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_pager = pager;
    if (m_pager) {
        for (const auto &c :
             {connect(m_pager, &ItemsPager::queryStateChanged, this, &PagingBar::sync),
              connect(m_pager, &ItemsPager::pagingChanged, this, &PagingBar::sync),
              connect(m_pager, &ItemsPager::pageApplied, this, &PagingBar::sync),
              connect(m_pager, &ItemsPager::loadingChanged, this, &PagingBar::sync)})
            m_connections.append(c);
    }
    sync();
}

void PagingBar::sync() {
    const bool have = m_pager && !m_pager->batchId().isEmpty();
    const ItemsQueryState state = m_pager ? m_pager->queryState() : ItemsQueryState();
    const bool offset = state.mode() == ItemsQueryState::Mode::Offset;
    {
        const QSignalBlocker sizeBlocker(m_pageSize);
        const QSignalBlocker modeBlocker(m_mode);
        m_pageSize->setCurrentIndex(m_pageSize->findData(state.pageSize()));
        m_mode->setCurrentIndex(m_mode->findData(int(state.mode())));
    }
    m_pageSize->setEnabled(have);
    m_mode->setEnabled(have);
    for (QToolButton *b : {m_first, m_previous, m_next, m_last})
        b->setVisible(offset);
    m_total->setVisible(offset);
    m_loadMore->setVisible(!offset);
    m_loadAll->setVisible(!offset);
    const bool busy = m_pager && m_pager->isLoading();
    m_first->setEnabled(have && m_pager->canGoPrevious());
    m_previous->setEnabled(have && m_pager->canGoPrevious());
    m_next->setEnabled(have && m_pager->canGoNext());
    m_last->setEnabled(have && m_pager->canGoNext());
    m_loadMore->setEnabled(have && !busy && m_pager->hasMore());
    m_loadAll->setEnabled(have && !busy && m_pager->hasMore());
    m_position->setText(have ? m_pager->positionText() : QString());
    const qint64 total = have ? m_pager->totalCount() : -1;
    if (total < 0)
        m_total->clear();
    else
        m_total->setText(total == 1 ? tr("1 item in all")
                                    : tr("%1 items in all").arg(QLocale().toString(total)));
}

} // namespace ica::ui
