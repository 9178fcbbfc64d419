#include "core/browser/datalister.h"

#include "core/api/apicall.h"
#include "core/api/dataapi.h"
#include "core/api/pagecollector.h"
#include "core/data/datalookup.h"
#include "core/data/folderpath.h"
#include "core/diagnostics/statusnotices.h"

#include <QMetaObject>
#include <QSet>

namespace ica {

namespace {
/// Pages in a row that may bring only rows already shown before the listing is
/// taken for a server repeating itself (offset paging may repeat a few rows).
constexpr int MaxPagesWithoutNewRows = 3;
} // namespace

DataLister::DataLister(ApiClient *client, DataBrowserModel *model, QObject *parent)
    : ListingFeed(model,
                  {// Only ever empty: rows vanish at once at a new question.
                   [](DataBrowserModel &rows, QList<ProjectData>) { rows.clear(); },
                   [](DataBrowserModel &rows, QList<ProjectData> page) { rows.appendRows(page); },
                   [](DataBrowserModel &rows, RowPages<ProjectData> pages) {
                       rows.applyDiff(std::move(pages));
                   }},
                  DataBrowserModel::keyOf, parent)
    , m_client(client) {
    if (m_model)
        m_model->setPager(this);
    m_loader.setSource([this](const PageRequest &page, Loader::Reply reply) -> Loader::Cancel {
        DataQuery query = this->query();
        query.page = page;
        return cancelling(DataApi(m_client).list(
            m_projectId, query, this, [this, reply](const Result<ProjectDataPage> &result) {
                if (result.ok())
                    Q_EMIT dataReceived(result.value->items);
                reply(result);
            }));
    });
    connect(&m_loader, &PagedLoaderBase::errorOccurred, this, &DataLister::onLoaderError);
    connect(this, &ListingFeedBase::pageApplied, this,
            [this]() { StatusNotices::post(positionText()); });
}

DataLister::~DataLister() {
    m_loader.cancel();
    if (m_model && m_model->pager() == this)
        m_model->setPager(nullptr);
}

// --- The question ------------------------------------------------------------------

void DataLister::setLocation(const QString &projectId, const QString &folderPath) {
    const QString folder = folderpath::normalize(folderPath);
    if (folder.isEmpty()) {
        StatusNotices::post(tr("\"%1\" is not a folder path: use a path from the project "
                               "root such as /runs/2026-11/, without \".\" or \"..\".")
                                .arg(folderPath));
        return;
    }
    if (projectId == m_projectId && folder == m_folderPath && (answered() || isLoading()))
        return;
    m_projectId = projectId;
    m_folderPath = folder;
    askNewQuestion();
}

bool DataLister::setFilter(const DataFilter &filter) {
    const QString problem = filter.validate();
    if (!problem.isEmpty()) {
        StatusNotices::post(problem);
        return false;
    }
    if (filter == m_filter)
        return true;
    m_filter = filter;
    askNewQuestion();
    return true;
}

bool DataLister::setPageSize(int size) {
    if (size < 1 || size > DataBrowserModel::MaxPageSize || size == m_pageSize)
        return false;
    m_pageSize = size;
    m_loader.setPageSize(size);
    return true;
}

void DataLister::sort(int column, Qt::SortOrder order) {
    if (column < 0) {
        clearSort();
        return;
    }
    if (!DataBrowserModel::canSort(column)) {
        const QString name =
            m_model ? m_model->headerData(column, Qt::Horizontal).toString() : QString();
        StatusNotices::post(tr("ICA cannot sort by %1: the order stays as it is.").arg(name));
        return;
    }
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    askNewQuestion();
}

void DataLister::clearSort() {
    if (m_sortColumn < 0)
        return;
    m_sortColumn = -1;
    m_sortOrder = Qt::AscendingOrder;
    askNewQuestion();
}

DataQuery DataLister::query() const {
    DataQuery query = m_filter.query(m_folderPath);
    if (offsetMode())
        query.sort = DataBrowserModel::sortField(m_sortColumn) +
                     (m_sortOrder == Qt::DescendingOrder ? QStringLiteral(" desc") : QString());
    return query;
}

void DataLister::askNewQuestion() {
    ++m_question;
    m_lastError = ApiError();
    if (m_projectId.isEmpty()) {
        m_loader.clear();
        Q_EMIT questionChanged();
        return;
    }
    // The listed folder itself is among a recursive listing's answers: not a row.
    if (isRecursiveListing()) {
        const QString folder = m_folderPath;
        m_loader.setRowFilter([folder](const ProjectData &data) {
            return !DataFilter::isListedFolder(data, folder);
        });
    } else {
        m_loader.setRowFilter({});
    }
    PagedLoaderBase::Options options;
    options.mode = offsetMode() ? PageRequest::Mode::Offset : PageRequest::Mode::Cursor;
    options.pageSize = m_pageSize;
    options.offsetLimit = OffsetPagingRowLimit;
    options.dropRepeatedRows = true;
    options.maxPagesWithoutNewRows = MaxPagesWithoutNewRows;
    options.resetAtStart = true;
    m_loader.start(options);
    Q_EMIT questionChanged();
}

// --- Loading -----------------------------------------------------------------------

bool DataLister::canFetchMore() const {
    return !m_projectId.isEmpty() && m_loader.hasMore() &&
           m_loader.operation() == PagedLoaderBase::Operation::None;
}

void DataLister::fetchMore() {
    if (canFetchMore())
        m_loader.fetchMore();
}

std::optional<qint64> DataLister::expectedCount() const {
    if (!answered())
        return std::nullopt;
    const qint64 total = m_loader.total();
    if (m_loader.atEnd())
        return offsetMode() && total >= 0 ? total : loadedCount();
    if (offsetMode())
        return total >= 0 ? std::optional<qint64>(total) : std::nullopt;
    if (const std::optional<qint64> remaining = m_loader.remaining())
        return loadedCount() + *remaining;
    return std::nullopt;
}

QString DataLister::positionText() const {
    if (m_projectId.isEmpty())
        return tr("No project chosen");
    if (!answered())
        return isLoading() ? tr("Loading %1…").arg(m_folderPath) : QString();
    const qint64 loaded = loadedCount();
    const qint64 total = m_loader.total();
    if (m_loader.atEnd()) {
        if (offsetMode() && total > OffsetPagingRowLimit)
            return tr("%L1 of %L2 items shown: a sorted listing stops at %L3 items; "
                      "clear the sort to see them all")
                .arg(loaded)
                .arg(total)
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

bool DataLister::refresh() {
    if (m_projectId.isEmpty())
        return false;
    if (!m_loader.isAnswered() && !m_loader.isLoading()) {
        askNewQuestion(); // nothing to refresh yet: ask from scratch
        return true;
    }
    return m_loader.refresh();
}

void DataLister::reload() {
    askNewQuestion();
}

void DataLister::refreshRows(const QStringList &dataIds) {
    QStringList loaded;
    QSet<QString> seen;
    for (const QString &id : dataIds) {
        if (m_model && m_model->rowOf(id) >= 0 && !seen.contains(id)) {
            seen.insert(id);
            loaded.append(id);
        }
    }
    if (loaded.isEmpty() || m_projectId.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this]() { Q_EMIT rowsRefreshed({}); }, Qt::QueuedConnection);
        return;
    }
    DataQuery query = this->query();
    query.sort.clear();
    const quint64 question = m_question;
    DataLookup::byIds(m_client, m_projectId, query, loaded, this,
                      [this, question, loaded](const Result<QList<ProjectData>> &result) {
                          if (question != m_question)
                              return; // another question by now: its rows were read afresh
                          if (!result.ok()) {
                              fail(result.error, tr("refresh the changed items"));
                              Q_EMIT rowsRefreshed({});
                              return;
                          }
                          Q_EMIT dataReceived(*result.value);
                          if (!m_model) {
                              Q_EMIT rowsRefreshed(loaded);
                              return;
                          }
                          m_model->applyRefreshedRows(loaded, *result.value);
                          // Said once the rows are applied (at once for a small table).
                          if (m_model->isSettled())
                              Q_EMIT rowsRefreshed(loaded);
                          else
                              connect(
                                  m_model, &DataBrowserModel::settled, this,
                                  [this, loaded]() { Q_EMIT rowsRefreshed(loaded); },
                                  Qt::SingleShotConnection);
                      });
}

// --- Housekeeping ------------------------------------------------------------------

void DataLister::onLoaderError(const ApiError &error) {
    const bool refreshing = m_loader.failedOperation() == PagedLoaderBase::Operation::Refresh;
    fail(error, refreshing ? tr("refresh %1").arg(m_folderPath) : tr("list %1").arg(m_folderPath));
}

void DataLister::fail(const ApiError &error, const QString &what) {
    m_lastError = error;
    Q_EMIT errorOccurred(error);
    StatusNotices::post(tr("Could not %1: %2").arg(what, error.toString()));
}

} // namespace ica
