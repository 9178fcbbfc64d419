#include "core/browser/matchcollector.h"

#include "core/api/apicall.h"
#include "core/api/dataapi.h"
#include "core/api/pagecollector.h"
#include "core/diagnostics/statusnotices.h"

#include <QMetaObject>

namespace ica {

namespace {

ApiError cancelledError() {
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    return error;
}

} // namespace

MatchCollector::MatchCollector(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

MatchCollector::~MatchCollector() {
    ++m_run;
    if (m_call)
        m_call->cancel();
}

QStringList MatchCollector::dataIds() const {
    QStringList ids;
    ids.reserve(m_matches.size());
    for (const ProjectData &item : m_matches)
        ids.append(item.id);
    return ids;
}

void MatchCollector::start(const QString &projectId, const QString &folderPath,
                           const DataFilter &filter) {
    const quint64 run = ++m_run; // whatever an earlier run still delivers is dropped
    if (m_call)
        m_call->cancel();
    m_call = nullptr;
    m_matches.clear();
    m_fetched = 0;
    m_message.clear();
    m_error = ApiError();
    m_outcome = Outcome::Running;
    m_folderPath = folderPath;
    m_recursive = filter.isRecursiveListing();

    const QString problem = filter.validate();
    if (projectId.isEmpty() || !problem.isEmpty()) {
        finish(Outcome::Failed, problem.isEmpty() ? tr("Choose a project first.") : problem);
        return;
    }
    StatusNotices::post(tr("Collecting the items that match…"));

    const DataQuery base = filter.query(folderPath);
    PageFetcher<ProjectData> fetch =
        [this, run, base, projectId](const PageRequest &page, QObject *context,
                                     ResultCallback<ProjectDataPage> callback) -> ApiCall * {
        if (run != m_run || m_stopRequested) {
            // Failing the next page is how collectAllPages() is told to stop; later, not
            // from inside this call, which runs inside collectAllPages()' own step.
            QMetaObject::invokeMethod(
                context,
                [callback]() { callback(Result<ProjectDataPage>::failure(cancelledError())); },
                Qt::QueuedConnection);
            return nullptr;
        }
        DataQuery query = base;
        query.page = page;
        m_call = DataApi(m_client).list(projectId, query, context, std::move(callback));
        return m_call;
    };
    CollectOptions options;
    options.mode = PageRequest::Mode::Cursor;
    options.pageSize = m_pageSize;
    options.progress = [this, run](qint64 fetched, qint64 total) {
        onProgress(run, fetched, total);
    };
    m_stopRequested = false;
    collectAllPages<ProjectData>(
        fetch, options, this,
        [this, run](const Result<QList<ProjectData>> &result) { onDone(run, result); });
}

void MatchCollector::cancel() {
    if (!isRunning())
        return;
    ++m_run;
    if (m_call)
        m_call->cancel();
    m_call = nullptr;
    finish(Outcome::Cancelled, tr("Selection cancelled: nothing was selected."));
}

void MatchCollector::onProgress(quint64 run, qint64 fetched, qint64 total) {
    if (run != m_run)
        return;
    m_fetched = fetched;
    Q_EMIT progress(fetched, total);
    if (fetched > m_limit)
        m_stopRequested = true; // no use reading on: this selection cannot be one batch
}

void MatchCollector::onDone(quint64 run, const Result<QList<ProjectData>> &result) {
    if (run != m_run)
        return;
    m_call = nullptr;
    if (m_fetched > m_limit || (result.ok() && result.value->size() > m_limit)) {
        finish(Outcome::LimitExceeded,
               tr("More than %L1 items match, and ICA takes at most %L1 data IDs in one "
                  "batch. Narrow the filter or choose a subfolder, then select again.")
                   .arg(m_limit));
        return;
    }
    if (!result.ok()) {
        m_error = result.error;
        finish(Outcome::Failed,
               tr("Could not collect the matching items: %1").arg(result.error.toString()));
        return;
    }
    m_matches.reserve(result.value->size());
    for (const ProjectData &item : *result.value) {
        if (!(m_recursive && DataFilter::isListedFolder(item, m_folderPath)))
            m_matches.append(item);
    }
    m_fetched = m_matches.size();
    Q_EMIT dataReceived(m_matches);
    finish(Outcome::Done, m_matches.size() == 1
                              ? tr("1 matching item selected.")
                              : tr("%L1 matching items selected.").arg(m_matches.size()));
}

void MatchCollector::finish(Outcome outcome, const QString &message) {
    if (outcome != Outcome::Done)
        m_matches.clear();
    m_outcome = outcome;
    m_message = message;
    m_stopRequested = false;
    StatusNotices::post(message);
    Q_EMIT finished(outcome);
}

} // namespace ica
