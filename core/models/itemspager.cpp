#include "itemspager.h"

#include "api/apicall.h"
#include "batchitemsmodel.h"

namespace ica {

namespace {

/// Offset paging stops here (see OffsetPagingRowLimit in api/pagecollector.h).
constexpr qint64 OffsetRowLimit = 200000;

} // namespace

ItemsPager::ItemsPager(ApiClient *client, BatchItemsModel *model, QObject *parent)
    : QObject(parent)
    , m_api(client)
    , m_model(model) {}

ItemsPager::~ItemsPager() {
    stopInFlight();
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
    const qint64 rows = qMin(m_total, OffsetRowLimit);
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
    return m_state.mode() == ItemsQueryState::Mode::Cursor && m_answered && !m_atEnd;
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
    if (hasMore() && m_remaining)
        return tr("%1 loaded, about %2 more").arg(loadedCount()).arg(*m_remaining);
    if (hasMore())
        return tr("%1 loaded, more available").arg(loadedCount());
    return tr("%1 loaded").arg(loadedCount());
}

bool ItemsPager::loadNextPage() {
    if (m_operation != Operation::None || !hasMore())
        return false;
    request(Operation::Next, m_state.query(m_nextToken));
    return true;
}

bool ItemsPager::loadAll() {
    if (m_operation != Operation::None || !hasMore())
        return false;
    request(Operation::LoadAll, m_state.query(m_nextToken));
    return true;
}

bool ItemsPager::refresh() {
    if (m_projectId.isEmpty() || m_batchId.isEmpty())
        return false;
    if (m_operation != Operation::None) {
        // One request at a time: refresh once the current one is done, so what is
        // shown afterwards was read after this call.
        m_refreshPending = true;
        return true;
    }
    if (!m_answered) {
        askNewQuestion();
        return true;
    }
    // Offset: the page again. Cursor: as many pages as are loaded, from the first.
    m_refreshRows.clear();
    m_refreshPagesLeft = qMax(1, m_loadedPages);
    request(Operation::Refresh, m_state.query());
    return true;
}

void ItemsPager::reload() {
    askNewQuestion();
}

void ItemsPager::cancel() {
    m_refreshPending = false;
    stopInFlight();
    setLoading(false);
}

void ItemsPager::askNewQuestion(bool keepTotal) {
    stopInFlight();
    m_refreshPending = false;
    m_answered = false;
    if (!keepTotal)
        m_total = -1;
    m_nextToken.clear();
    m_atEnd = false;
    m_remaining.reset();
    m_loadedPages = 0;
    m_guard = PageGuard();
    m_pagedIds.clear();
    Q_EMIT pagingChanged();
    if (m_projectId.isEmpty() || m_batchId.isEmpty()) {
        if (m_model)
            m_model->clear();
        setLoading(false);
        return;
    }
    request(Operation::Load, m_state.query());
}

void ItemsPager::request(Operation operation, const ItemsQuery &query) {
    m_operation = operation;
    const quint64 serial = ++m_serial;
    setLoading(true);
    m_call = m_api.listItems(
        m_projectId, m_batchId, query, this,
        [this, serial](const Result<BatchItemPage> &result) { onAnswer(serial, result); });
}

void ItemsPager::stopInFlight() {
    ++m_serial; // whatever answer is still on its way is for an older request now
    m_operation = Operation::None;
    m_refreshRows.clear();
    if (ApiCall *call = m_call.data()) {
        m_call = nullptr;
        call->cancel();
    }
}

void ItemsPager::onAnswer(quint64 serial, const Result<BatchItemPage> &result) {
    if (serial != m_serial)
        return; // an answer to an older question or a cancelled request
    m_call = nullptr;
    if (!m_model) {
        finishOperation();
        return;
    }
    if (!result.ok()) {
        m_lastError = result.error;
        const Operation failed = m_operation;
        m_refreshRows.clear();
        if (failed == Operation::Load)
            m_model->clear(); // the rows shown belong to another question
        finishOperation();
        Q_EMIT errorOccurred(m_lastError);
        return;
    }
    if (std::optional<ApiError> wrong = checkPage(*result.value)) {
        // Stop here: no further page of this listing is asked for.
        m_lastError = *wrong;
        m_refreshRows.clear();
        m_atEnd = true;
        m_remaining = 0;
        finishOperation();
        Q_EMIT pagingChanged();
        Q_EMIT errorOccurred(m_lastError);
        return;
    }
    m_lastError = ApiError();
    switch (m_operation) {
    case Operation::Load:
        onLoaded(*result.value);
        break;
    case Operation::Next:
    case Operation::LoadAll:
        onNextLoaded(*result.value);
        break;
    case Operation::Refresh:
        onRefreshPage(*result.value);
        break;
    case Operation::None:
        break;
    }
}

void ItemsPager::onLoaded(const BatchItemPage &page) {
    m_answered = true;
    if (m_state.mode() == ItemsQueryState::Mode::Offset) {
        m_total = page.info.totalItemCount.value_or(-1);
        // The page asked for is past the end now (rows left the filter): show the last one.
        if (m_total >= 0 && pageIndex() >= pageCount()) {
            m_operation = Operation::None;
            goToPage(pageCount() - 1);
            return;
        }
    } else {
        m_loadedPages = 1;
        noteCursorInfo(page.info, page.items.isEmpty());
    }
    m_model->setItems(page.items);
    Q_EMIT pagingChanged();
    Q_EMIT pageApplied();
    finishOperation();
}

void ItemsPager::onNextLoaded(const BatchItemPage &page) {
    ++m_loadedPages;
    noteCursorInfo(page.info, page.items.isEmpty());
    m_model->appendPage(page.items);
    Q_EMIT pagingChanged();
    Q_EMIT pageApplied();
    if (m_operation == Operation::LoadAll) {
        const qint64 loaded = loadedCount();
        Q_EMIT loadAllProgress(loaded, loaded + m_remaining.value_or(0));
        if (!m_atEnd && m_operation == Operation::LoadAll) {
            request(Operation::LoadAll, m_state.query(m_nextToken));
            return;
        }
    }
    finishOperation();
}

void ItemsPager::onRefreshPage(const BatchItemPage &page) {
    if (m_state.mode() == ItemsQueryState::Mode::Offset) {
        const qint64 total = page.info.totalItemCount.value_or(-1);
        const bool totalChanged = total != m_total;
        m_total = total;
        if (m_total >= 0 && pageIndex() >= pageCount()) {
            m_operation = Operation::None;
            goToPage(pageCount() - 1); // the page is past the end now
            return;
        }
        m_model->applyPage(page.items);
        if (totalChanged)
            Q_EMIT pagingChanged();
        Q_EMIT pageApplied();
        finishOperation();
        return;
    }
    // Cursor mode: ask again for as many pages as were loaded, then diff them all.
    m_refreshRows.append(page.items);
    --m_refreshPagesLeft;
    const bool end = !page.info.hasMore() || page.items.isEmpty();
    if (m_refreshPagesLeft > 0 && !end) {
        request(Operation::Refresh, m_state.query(page.info.nextPageToken));
        return;
    }
    noteCursorInfo(page.info, page.items.isEmpty());
    const QList<BatchItem> rows = std::move(m_refreshRows);
    m_refreshRows.clear();
    m_model->applyPage(rows);
    Q_EMIT pagingChanged();
    Q_EMIT pageApplied();
    finishOperation();
}

void ItemsPager::noteCursorInfo(const PageInfo &info, bool emptyPage) {
    m_nextToken = info.nextPageToken;
    m_atEnd = !info.hasMore() || emptyPage;
    m_remaining = m_atEnd ? std::optional<qint64>(0) : info.remainingRecords;
}

std::optional<ApiError> ItemsPager::checkPage(const BatchItemPage &page) {
    if (auto error = PageGuard::checkPageSize(page.items.size(), m_state.pageSize()))
        return error;
    // Only pages that extend a cursor listing can loop; a refresh reads pages again
    // on purpose and offset pages are asked for one by one.
    if (m_state.mode() != ItemsQueryState::Mode::Cursor || m_operation == Operation::Refresh)
        return std::nullopt;
    if (m_operation == Operation::Load)
        (void)m_guard.checkNextCursor(QString());
    bool anyNew = page.items.isEmpty();
    for (const BatchItem &item : page.items) {
        if (!m_pagedIds.contains(item.id)) {
            anyNew = true;
            m_pagedIds.insert(item.id);
        }
    }
    if (!anyNew)
        return PageGuard::repeatedPage(QStringLiteral("number %1").arg(m_loadedPages + 1));
    if (page.info.hasMore() && !page.items.isEmpty())
        return m_guard.checkNextCursor(page.info.nextPageToken);
    return std::nullopt;
}

void ItemsPager::finishOperation() {
    m_operation = Operation::None;
    if (m_refreshPending) {
        m_refreshPending = false;
        if (refresh())
            return;
    }
    setLoading(false);
}

void ItemsPager::setLoading(bool loading) {
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace ica
