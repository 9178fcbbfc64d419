#include "databrowsermodel.h"

#include "api/apicall.h"
#include "api/pagecollector.h"
#include "browserformat.h"
#include "dataidsmime.h"
#include "folderpath.h"

#include <algorithm>

namespace ica {

namespace {
/// Pages in a row that may bring only rows already shown before the listing is
/// taken for a server repeating itself (offset paging may repeat a few rows).
constexpr int MaxPagesWithoutNewRows = 3;
} // namespace

DataBrowserModel::DataBrowserModel(ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client) {
    connect(m_rows.runner(), &RowDiffRunner::settled, this, &DataBrowserModel::rowsSettled);
}

DataBrowserModel::~DataBrowserModel() {
    stopInFlight();
}

// --- The question ------------------------------------------------------------------

void DataBrowserModel::setLocation(const QString &projectId, const QString &folderPath) {
    const QString folder = folderpath::normalize(folderPath);
    if (folder.isEmpty()) {
        Q_EMIT statusMessage(tr("\"%1\" is not a folder path: use a path from the project "
                                "root such as /runs/2026-11/, without \".\" or \"..\".")
                                 .arg(folderPath));
        return;
    }
    if (projectId == m_projectId && folder == m_folderPath && (m_answered || isLoading()))
        return;
    m_projectId = projectId;
    m_folderPath = folder;
    askNewQuestion();
}

bool DataBrowserModel::setFilter(const DataFilter &filter) {
    const QString problem = filter.validate();
    if (!problem.isEmpty()) {
        Q_EMIT statusMessage(problem);
        return false;
    }
    if (filter == m_filter)
        return true;
    m_filter = filter;
    askNewQuestion();
    return true;
}

bool DataBrowserModel::setPageSize(int size) {
    if (size < 1 || size > MaxPageSize || size == m_pageSize)
        return false;
    m_pageSize = size;
    return true;
}

QString DataBrowserModel::sortField(int column) {
    // The fields ICA's data listing documents for `sort` (offset paging only).
    switch (column) {
    case NameColumn:
        return QStringLiteral("name");
    case PathColumn:
        return QStringLiteral("path");
    case TypeColumn:
        return QStringLiteral("dataType");
    case FormatColumn:
        return QStringLiteral("format");
    case SizeColumn:
        return QStringLiteral("fileSizeInBytes");
    case StatusColumn:
        return QStringLiteral("status");
    case ModifiedColumn:
        return QStringLiteral("timeModified");
    default:
        return QString(); // tags: ICA cannot sort on them
    }
}

void DataBrowserModel::sort(int column, Qt::SortOrder order) {
    if (column < 0) {
        clearSort();
        return;
    }
    if (!canSort(column)) {
        Q_EMIT statusMessage(tr("ICA cannot sort by %1: the order stays as it is.")
                                 .arg(headerData(column, Qt::Horizontal).toString()));
        return;
    }
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    askNewQuestion();
}

void DataBrowserModel::clearSort() {
    if (m_sortColumn < 0)
        return;
    m_sortColumn = -1;
    m_sortOrder = Qt::AscendingOrder;
    askNewQuestion();
}

DataQuery DataBrowserModel::baseQuery() const {
    DataQuery query = m_filter.query(m_folderPath);
    if (offsetMode())
        query.sort = sortField(m_sortColumn) +
                     (m_sortOrder == Qt::DescendingOrder ? QStringLiteral(" desc") : QString());
    return query;
}

// --- QAbstractItemModel ------------------------------------------------------------

int DataBrowserModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DataBrowserModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DataBrowserModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProjectData &item = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(item, column);
    case Qt::ToolTipRole:
        if (column == NameColumn || column == PathColumn)
            return item.path;
        if (column == UserTagsColumn)
            return item.tags.userTags.join(QLatin1Char('\n'));
        if (column == TechnicalTagsColumn)
            return item.tags.technicalTags.join(QLatin1Char('\n'));
        if (column == SizeColumn && item.sizeInBytes)
            return tr("%L1 bytes").arg(*item.sizeInBytes);
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SortRole:
        return sortValue(item, column);
    case DataIdRole:
        return item.id;
    case IsFolderRole:
        return item.isFolder();
    case PathRole:
        return item.path;
    case TagsRole:
        if (column == UserTagsColumn)
            return item.tags.userTags;
        if (column == TechnicalTagsColumn)
            return item.tags.technicalTags;
        return {};
    case UserTagsRole:
        return item.tags.userTags;
    case TechnicalTagsRole:
        return item.tags.technicalTags;
    default:
        return {};
    }
}

QVariant DataBrowserModel::displayValue(const ProjectData &item, int column) const {
    switch (column) {
    case NameColumn:
        return item.name;
    case PathColumn:
        return item.path;
    case TypeColumn:
        return browserformat::typeLabel(item);
    case FormatColumn:
        return item.formatCode;
    case SizeColumn:
        return item.sizeInBytes && !item.isFolder() ? browserformat::dataSize(*item.sizeInBytes)
                                                    : QString();
    case StatusColumn:
        return browserformat::statusLabel(item.status);
    case UserTagsColumn:
        return browserformat::tagList(item.tags.userTags);
    case TechnicalTagsColumn:
        return browserformat::tagList(item.tags.technicalTags);
    case ModifiedColumn:
        return item.timeModified.isValid() ? QVariant(item.timeModified) : QVariant();
    default:
        return {};
    }
}

QVariant DataBrowserModel::sortValue(const ProjectData &item, int column) const {
    switch (column) {
    case TypeColumn:
        return item.isFolder() ? 0 : 1;
    case SizeColumn:
        return item.sizeInBytes && !item.isFolder() ? QVariant(qlonglong(*item.sizeInBytes))
                                                    : QVariant();
    case StatusColumn:
        return item.status;
    default:
        return displayValue(item, column);
    }
}

QVariant DataBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        return canSort(section) ? tr("Click to have ICA sort the listing by this column")
                                : tr("ICA cannot sort by tags");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PathColumn:
        return tr("Path");
    case TypeColumn:
        return tr("Type");
    case FormatColumn:
        return tr("Format");
    case SizeColumn:
        return tr("Size");
    case StatusColumn:
        return tr("Status");
    case UserTagsColumn:
        return tr("User tags");
    case TechnicalTagsColumn:
        return tr("Technical tags");
    case ModifiedColumn:
        return tr("Modified");
    default:
        return {};
    }
}

QHash<int, QByteArray> DataBrowserModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(DataIdRole, "dataId");
    names.insert(IsFolderRole, "isFolder");
    names.insert(PathRole, "path");
    names.insert(TagsRole, "tags");
    names.insert(UserTagsRole, "userTags");
    names.insert(TechnicalTagsRole, "technicalTags");
    return names;
}

Qt::ItemFlags DataBrowserModel::flags(const QModelIndex &index) const {
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList DataBrowserModel::mimeTypes() const {
    return {DataIdsMime::type(), QStringLiteral("text/plain")};
}

QMimeData *DataBrowserModel::mimeData(const QModelIndexList &indexes) const {
    // A row dragged whole arrives once per column: one ID per row, in row order.
    QList<int> rows;
    rows.reserve(indexes.size());
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this && index.row() < m_rows.size())
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList ids;
    ids.reserve(rows.size());
    for (const int row : std::as_const(rows))
        ids.append(m_rows.at(row).id);
    return DataIdsMime::create(ids);
}

bool DataBrowserModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_projectId.isEmpty() && m_answered && !m_atEnd &&
           m_operation == Operation::None;
}

void DataBrowserModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent))
        requestPage(Operation::Next, nextPageRequest());
}

// --- Loading -----------------------------------------------------------------------

std::optional<qint64> DataBrowserModel::expectedCount() const {
    if (!m_answered)
        return std::nullopt;
    if (m_atEnd)
        return offsetMode() && m_total >= 0 ? m_total : qint64(m_rows.size());
    if (offsetMode())
        return m_total >= 0 ? std::optional<qint64>(m_total) : std::nullopt;
    if (m_remaining)
        return qint64(m_rows.size()) + *m_remaining;
    return std::nullopt;
}

QString DataBrowserModel::positionText() const {
    if (m_projectId.isEmpty())
        return tr("No project chosen");
    if (!m_answered)
        return isLoading() ? tr("Loading %1…").arg(m_folderPath) : QString();
    const qint64 loaded = m_rows.size();
    if (m_atEnd) {
        if (offsetMode() && m_total > OffsetPagingRowLimit)
            return tr("%L1 of %L2 items shown: a sorted listing stops at %L3 items; "
                      "clear the sort to see them all")
                .arg(loaded)
                .arg(m_total)
                .arg(OffsetPagingRowLimit);
        return loaded == 1 ? tr("1 item") : tr("%L1 items").arg(loaded);
    }
    const std::optional<qint64> expected = expectedCount();
    if (expected && offsetMode())
        return tr("%L1 of %L2 loaded").arg(loaded).arg(*expected);
    if (expected)
        return tr("%L1 of about %L2 loaded").arg(loaded).arg(*expected);
    return tr("%L1 loaded, more available").arg(loaded);
}

bool DataBrowserModel::refresh() {
    if (m_projectId.isEmpty())
        return false;
    if (m_operation != Operation::None) {
        // One listing call at a time: refresh once this one is done, so that what is
        // shown afterwards was read after this call.
        m_refreshPending = true;
        return true;
    }
    if (!m_answered) {
        askNewQuestion();
        return true;
    }
    m_refreshRows.clear();
    m_refreshToken.clear();
    m_refreshOffset = 0;
    const int pages =
        offsetMode() ? int((m_nextOffset + m_pageSize - 1) / m_pageSize) : m_pagesRead;
    m_refreshPagesLeft = qMax(1, pages);
    requestPage(Operation::Refresh, offsetMode() ? PageRequest::atOffset(0, m_pageSize)
                                                 : PageRequest::cursor(QString(), m_pageSize));
    return true;
}

void DataBrowserModel::reload() {
    askNewQuestion();
}

void DataBrowserModel::cancel() {
    m_refreshPending = false;
    stopInFlight();
}

void DataBrowserModel::askNewQuestion() {
    stopInFlight();
    m_refreshPending = false;
    ++m_serial;
    m_rows.reset({});
    m_answered = false;
    m_atEnd = false;
    m_nextToken.clear();
    m_nextOffset = 0;
    m_total = -1;
    m_remaining.reset();
    m_pagesRead = 0;
    m_guard = PageGuard();
    (void)m_guard.checkNextCursor(QString()); // the first page's "token"
    m_pagesWithoutNewRows = 0;
    m_lastError = ApiError();
    Q_EMIT questionChanged();
    if (!m_projectId.isEmpty())
        requestPage(Operation::First, nextPageRequest());
}

PageRequest DataBrowserModel::nextPageRequest() const {
    return offsetMode() ? PageRequest::atOffset(m_nextOffset, m_pageSize)
                        : PageRequest::cursor(m_nextToken, m_pageSize);
}

void DataBrowserModel::requestPage(Operation operation, const PageRequest &page) {
    DataQuery query = baseQuery();
    query.page = page;
    const quint64 serial = ++m_pageSerial;
    m_requestedSize = page.pageSize;
    setOperation(operation);
    m_call = DataApi(m_client).list(
        m_projectId, query, this,
        [this, serial](const Result<ProjectDataPage> &result) { onPage(serial, result); });
}

void DataBrowserModel::onPage(quint64 serial, const Result<ProjectDataPage> &result) {
    if (serial != m_pageSerial)
        return; // an answer to a question no longer asked
    m_call = nullptr;
    const Operation operation = m_operation;
    if (!result.ok()) {
        m_refreshRows.clear();
        if (operation == Operation::First) {
            m_answered = true; // nothing more to read until reload()
            m_atEnd = true;
        }
        setOperation(Operation::None);
        fail(result.error, operation == Operation::Refresh ? tr("refresh %1").arg(m_folderPath)
                                                           : tr("list %1").arg(m_folderPath));
        return;
    }
    const ProjectDataPage &page = *result.value;
    Q_EMIT dataReceived(page.items);

    if (operation == Operation::Refresh) {
        m_refreshRows.append(page.items);
        --m_refreshPagesLeft;
        bool more = false;
        if (offsetMode()) {
            m_refreshOffset += page.items.isEmpty() ? 0 : m_requestedSize;
            m_total = page.info.totalItemCount.value_or(m_total);
            more = !page.items.isEmpty() &&
                   m_refreshOffset < qMin(qMax<qint64>(m_total, 0), OffsetPagingRowLimit);
        } else {
            m_refreshToken = page.info.nextPageToken;
            m_remaining = page.info.remainingRecords;
            more = page.info.hasMore() && !page.items.isEmpty();
        }
        if (more && m_refreshPagesLeft > 0) {
            requestPage(Operation::Refresh, offsetMode()
                                                ? PageRequest::atOffset(m_refreshOffset, m_pageSize)
                                                : PageRequest::cursor(m_refreshToken, m_pageSize));
            return;
        }
        m_atEnd = !more;
        m_nextToken = m_refreshToken;
        m_nextOffset = m_refreshOffset;
        finishRefresh();
        return;
    }

    std::optional<ApiError> wrong = PageGuard::checkPageSize(page.items.size(), m_requestedSize);
    if (!wrong && !offsetMode() && page.info.hasMore() && !page.items.isEmpty())
        wrong = m_guard.checkNextCursor(page.info.nextPageToken);
    if (wrong) {
        // Stop this listing: a server that loops or sends too much is not read on.
        m_answered = true;
        m_atEnd = true;
        setOperation(Operation::None);
        fail(*wrong, tr("list %1").arg(m_folderPath));
        return;
    }
    notePaging(page);
    m_answered = true;
    ++m_pagesRead;
    const qsizetype before = m_rows.size();
    appendRows(cleaned(page.items));
    setOperation(Operation::None);
    Q_EMIT pageApplied();
    Q_EMIT statusMessage(positionText());
    if (m_refreshPending) {
        m_refreshPending = false;
        refresh();
        return;
    }
    // A page of rows already shown (offset paging repeats rows) adds nothing, and a
    // view waiting for new rows would never ask again: read on at once. But not
    // forever: a server sending the same rows over and over ends the listing.
    m_pagesWithoutNewRows =
        m_rows.size() == before && !page.items.isEmpty() ? m_pagesWithoutNewRows + 1 : 0;
    if (m_pagesWithoutNewRows > MaxPagesWithoutNewRows) {
        m_atEnd = true;
        fail(PageGuard::repeatedPage(QStringLiteral("number %1").arg(m_pagesRead)),
             tr("list %1").arg(m_folderPath));
        return;
    }
    if (m_rows.size() == before && !m_atEnd)
        fetchMore();
}

void DataBrowserModel::notePaging(const ProjectDataPage &page) {
    if (offsetMode()) {
        m_nextOffset += m_requestedSize;
        m_total = page.info.totalItemCount.value_or(m_total);
        const qint64 limit =
            m_total >= 0 ? qMin(m_total, OffsetPagingRowLimit) : OffsetPagingRowLimit;
        m_atEnd = page.items.isEmpty() || m_nextOffset >= limit;
    } else {
        m_nextToken = page.info.nextPageToken;
        m_remaining = page.info.remainingRecords;
        m_atEnd = page.items.isEmpty() || !page.info.hasMore();
    }
}

void DataBrowserModel::finishRefresh() {
    const QList<ProjectData> target = cleaned(std::exchange(m_refreshRows, {}));
    m_pagesRead = qMax(1, m_pagesRead);
    applyDiff(target);
    setOperation(Operation::None);
    Q_EMIT pageApplied();
    Q_EMIT statusMessage(positionText());
    if (m_refreshPending) {
        m_refreshPending = false;
        refresh();
    }
}

// --- Housekeeping ------------------------------------------------------------------

void DataBrowserModel::setOperation(Operation operation) {
    const bool wasLoading = isLoading();
    m_operation = operation;
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void DataBrowserModel::stopInFlight() {
    ++m_pageSerial; // whatever is still on its way is dropped
    if (m_call)
        m_call->cancel();
    m_call = nullptr;
    m_refreshRows.clear();
    setOperation(Operation::None);
}

void DataBrowserModel::fail(const ApiError &error, const QString &what) {
    m_lastError = error;
    Q_EMIT errorOccurred(error);
    Q_EMIT statusMessage(tr("Could not %1: %2").arg(what, error.toString()));
}

} // namespace ica
