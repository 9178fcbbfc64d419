#include "core/monitor/itemspager.h"

#include "core/api/apicall.h"
#include "core/api/pagecollector.h"
#include "core/monitor/batchitemsmodel.h"

namespace ica {

ItemsPager::ItemsPager(ApiClient *client, BatchItemsModel *model, QObject *parent)
    : ListingFeed(
          model,
          {[this](BatchItemsModel &, QList<BatchItem> items) { onFirstPage(items); },
           [](BatchItemsModel &rows, QList<BatchItem> items) { rows.appendPage(items); },
           [this](BatchItemsModel &, RowPages<BatchItem> pages) { onRefreshed(std::move(pages)); }},
          [](const BatchItem &item) { return item.id; }, parent)
    , m_api(client) {
    m_loader.setSource([this](const PageRequest &page, Loader::Reply reply) -> Loader::Cancel {
        ItemsQuery query = m_state.query();
        query.page = page;
        return cancelling(
            m_api.listItems(m_projectId, m_batchId, query, this,
                            [reply](const Result<BatchItemPage> &result) { reply(result); }));
    });
    connect(&m_loader, &PagedLoaderBase::errorOccurred, this, &ItemsPager::errorOccurred);
    connect(&m_loader, &PagedLoaderBase::pagingChanged, this, &ItemsPager::pagingChanged);
    connect(&m_loader, &PagedLoaderBase::loadAllProgress, this, &ItemsPager::loadAllProgress);
}

void ItemsPager::setBatch(const QString &projectId, const QString &batchId) {
    if (projectId == m_projectId && batchId == m_batchId)
        return;
    m_projectId = projectId;
    m_batchId = batchId;
    if (m_state.setPageIndex(0))
        Q_EMIT queryStateChanged();
    askNewQuestion();
}

bool ItemsPager::setQueryState(const ItemsQueryState &state) {
    if (state == m_state)
        return false;
    // Another page of the same listing: the total stays a good guess until the answer.
    ItemsQueryState samePage = state;
    samePage.setPageIndex(m_state.pageIndex());
    const bool onlyPageChanged = samePage == m_state;
    m_state = state;
    Q_EMIT queryStateChanged();
    askNewQuestion(onlyPageChanged);
    return true;
}

bool ItemsPager::setStatusFilter(const QSet<ItemStatus::Value> &statuses) {
    ItemsQueryState state = m_state;
    return state.setStatusFilter(statuses) && setQueryState(state);
}

bool ItemsPager::setSort(int column, Qt::SortOrder order) {
    ItemsQueryState state = m_state;
    return state.setSort(column, order) && setQueryState(state);
}

bool ItemsPager::clearSort() {
    ItemsQueryState state = m_state;
    return state.clearSort() && setQueryState(state);
}

bool ItemsPager::setPageSize(int size) {
    ItemsQueryState state = m_state;
    return state.setPageSize(size) && setQueryState(state);
}

bool ItemsPager::setMode(ItemsQueryState::Mode mode) {
    ItemsQueryState state = m_state;
    return state.setMode(mode) && setQueryState(state);
}

void ItemsPager::firstPage() {
    goToPage(0);
}

void ItemsPager::previousPage() {
    if (canGoPrevious())
        goToPage(pageIndex() - 1);
}

void ItemsPager::nextPage() {
    if (canGoNext())
        goToPage(pageIndex() + 1);
}

void ItemsPager::lastPage() {
    if (m_state.mode() == ItemsQueryState::Mode::Offset && m_total >= 0)
        goToPage(pageCount() - 1);
}

void ItemsPager::goToPage(qint64 index) {
    if (m_state.mode() != ItemsQueryState::Mode::Offset)
        return;
    if (m_total >= 0)
        index = qMin(index, pageCount() - 1);
    ItemsQueryState state = m_state;
    if (state.setPageIndex(index))
        setQueryState(state);
}

qint64 ItemsPager::pageCount() const {
    if (m_total < 0 || m_state.mode() != ItemsQueryState::Mode::Offset)
        return 0;
    const qint64 rows = qMin(m_total, OffsetPagingRowLimit);
    return qMax<qint64>(1, (rows + m_state.pageSize() - 1) / m_state.pageSize());
}

bool ItemsPager::canGoPrevious() const {
    return m_state.mode() == ItemsQueryState::Mode::Offset && pageIndex() > 0;
}

bool ItemsPager::canGoNext() const {
    return m_state.mode() == ItemsQueryState::Mode::Offset && m_total >= 0 &&
           pageIndex() + 1 < pageCount();
}

bool ItemsPager::hasMore() const {
    return m_state.mode() == ItemsQueryState::Mode::Cursor && m_loader.hasMore();
}

qint64 ItemsPager::loadedCount() const {
    return m_model ? m_model->rowCount() : 0;
}

QString ItemsPager::positionText() const {
    if (m_state.mode() == ItemsQueryState::Mode::Offset) {
        if (m_total < 0)
            return tr("Page %1").arg(pageIndex() + 1);
        return tr("Page %1 of %2").arg(pageIndex() + 1).arg(pageCount());
    }
    const std::optional<qint64> remaining = m_loader.remaining();
    if (hasMore() && remaining)
        return tr("%1 loaded, about %2 more").arg(loadedCount()).arg(*remaining);
    if (hasMore())
        return tr("%1 loaded, more available").arg(loadedCount());
    return tr("%1 loaded").arg(loadedCount());
}

bool ItemsPager::loadNextPage() {
    return hasMore() && m_loader.fetchMore();
}

bool ItemsPager::loadAll() {
    return hasMore() && m_loader.loadAll();
}

bool ItemsPager::refresh() {
    if (m_projectId.isEmpty() || m_batchId.isEmpty())
        return false;
    return m_loader.refresh();
}

void ItemsPager::reload() {
    askNewQuestion();
}

PagedLoaderBase::Options ItemsPager::loaderOptions() const {
    PagedLoaderBase::Options options;
    options.pageSize = m_state.pageSize();
    options.offsetLimit = OffsetPagingRowLimit;
    if (m_state.mode() == ItemsQueryState::Mode::Offset) {
        // One numbered page at a time: the window is that page.
        options.mode = PageRequest::Mode::Offset;
        options.startOffset = m_state.offset();
    } else {
        options.mode = PageRequest::Mode::Cursor;
    }
    return options;
}

void ItemsPager::askNewQuestion(bool keepTotal) {
    if (!keepTotal)
        m_total = -1;
    if (m_projectId.isEmpty() || m_batchId.isEmpty()) {
        m_loader.clear(); // hands over an empty reset
        return;
    }
    m_loader.start(loaderOptions());
}

bool ItemsPager::goToLastPageIfPastTheEnd() {
    if (m_state.mode() != ItemsQueryState::Mode::Offset)
        return false;
    m_total = m_loader.total();
    if (m_total < 0 || pageIndex() < pageCount())
        return false;
    goToPage(pageCount() - 1);
    return true;
}

void ItemsPager::onFirstPage(const QList<BatchItem> &items) {
    if (!m_model)
        return;
    if (!m_loader.hasQuestion() || (items.isEmpty() && !m_loader.isAnswered())) {
        m_model->clear(); // no batch, or the new question failed: no rows of another
        return;
    }
    if (goToLastPageIfPastTheEnd())
        return;
    m_model->setItems(items);
}

void ItemsPager::onRefreshed(RowPages<BatchItem> pages) {
    if (!m_model || goToLastPageIfPastTheEnd())
        return;
    m_model->applyPages(std::move(pages));
}

} // namespace ica
