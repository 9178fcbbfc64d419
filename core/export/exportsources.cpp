#include "core/export/exportsources.h"

#include "core/api/batchapi.h"
#include "core/api/dataapi.h"
#include "core/browser/datafilter.h"
#include "core/browser/datalister.h"

namespace ica {

namespace {

/// Cursor paging without a sort (complete and unique by ICA's promise); with one,
/// offset pages a few in flight, rows repeated across pages dropped (a listing may
/// change while it is read).
StreamPlan planFor(bool sorted, int pageSize) {
    StreamPlan plan;
    plan.kind = sorted ? StreamPlan::Kind::Offset : StreamPlan::Kind::Cursor;
    plan.pageSize = pageSize;
    plan.parallelPages = 3;
    return plan;
}

} // namespace

void startItemsExport(ListingExport *job, ApiClient *client, const ItemsExportQuestion &question,
                      const QString &path) {
    PageFetcher<BatchItem> fetch = [client, question](const PageRequest &page, QObject *context,
                                                      ResultCallback<BatchItemPage> done) {
        ItemsQuery query;
        query.statuses = question.statuses;
        query.sort = question.sort;
        query.page = page;
        return BatchApi(client).listItems(question.projectId, question.batchId, query, context,
                                          std::move(done));
    };
    job->start<BatchItem>(path, ListingExport::formatForPath(path), std::move(fetch),
                          planFor(!question.sort.isEmpty(), question.pageSize), itemColumns());
}

DataExportQuestion DataExportQuestion::of(const DataLister &lister) {
    DataExportQuestion question;
    question.projectId = lister.projectId();
    question.folderPath = lister.folderPath();
    question.query = lister.query();
    question.recursiveListing = lister.isRecursiveListing();
    return question;
}

void startDataExport(ListingExport *job, ApiClient *client, const DataExportQuestion &question,
                     const QString &path) {
    PageFetcher<ProjectData> fetch = [client, question](const PageRequest &page, QObject *context,
                                                        ResultCallback<ProjectDataPage> done) {
        DataQuery query = question.query;
        query.page = page;
        return DataApi(client).list(question.projectId, query, context, std::move(done));
    };
    std::function<bool(const ProjectData &)> keep;
    if (question.recursiveListing) {
        const QString folder = question.folderPath;
        keep = [folder](const ProjectData &data) {
            return !DataFilter::isListedFolder(data, folder);
        };
    }
    job->start<ProjectData>(path, ListingExport::formatForPath(path), std::move(fetch),
                            planFor(!question.query.sort.isEmpty(), question.pageSize),
                            dataColumns(), std::move(keep));
}

} // namespace ica
