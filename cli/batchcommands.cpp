// The `batch` command group: create and wait have their own files; the simple
// get/item/items commands are built here from the shared show and list commands.

#include "cli/batchcreate.h"
#include "cli/batchfind.h"
#include "cli/batchnames.h"
#include "cli/batchundo.h"
#include "cli/batchwait.h"
#include "cli/optionvalues.h"
#include "cli/paging.h"
#include "cli/showcommand.h"
#include "cli/views.h"

#include "core/api/batchapi.h"

namespace ica::cli {

namespace {

const QString ProjectHint = QStringLiteral("give the project's ID (see 'icatag projects list').");
const QString BatchHint = QStringLiteral("give the batch's ID (printed by 'batch create').");

QCommandLineOption projectOption() {
    return {QStringLiteral("project"), QStringLiteral("Project ID (required)."),
            QStringLiteral("ID")};
}

QCommandLineOption batchOption() {
    return {QStringLiteral("batch"), QStringLiteral("Batch ID (required)."), QStringLiteral("ID")};
}

/// Reads --project and --batch, both required.
bool readProjectAndBatch(const QCommandLineParser &parser, QString *project, QString *batch,
                         QString *error) {
    return requiredValue(parser, QStringLiteral("project"), ProjectHint, project, error) &&
           requiredValue(parser, QStringLiteral("batch"), BatchHint, batch, error);
}

CommandSpec getSpec() {
    CommandSpec spec(
        QStringLiteral("batch"), QStringLiteral("get"),
        QStringLiteral("Show a batch and its job status"),
        QStringLiteral("Prints the batch: its ID and its job (status, times, owner)."));
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({projectOption(), batchOption()});
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString batch;
        if (!readProjectAndBatch(parser, &project, &batch, error))
            return nullptr;
        return std::make_unique<ShowCommand<ica::Batch>>(
            [project, batch](ica::ApiClient *client, QObject *context,
                             ica::ResultCallback<ica::Batch> done) {
                return ica::BatchApi(client).get(project, batch, context, std::move(done));
            },
            &batchRecord);
    };
    return spec;
}

CommandSpec itemSpec() {
    CommandSpec spec(QStringLiteral("batch"), QStringLiteral("item"),
                     QStringLiteral("Show one item of a batch"),
                     QStringLiteral("Prints one batch item: the data ID, the changes asked for and "
                                    "the processing status."));
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({projectOption(),
                           batchOption(),
                           {QStringLiteral("item"), QStringLiteral("Item ID (required)."),
                            QStringLiteral("ID")}});
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString batch;
        QString item;
        if (!readProjectAndBatch(parser, &project, &batch, error) ||
            !requiredValue(parser, QStringLiteral("item"),
                           QStringLiteral("give the item's ID (see 'batch items')."), &item, error))
            return nullptr;
        return std::make_unique<ShowCommand<ica::BatchItem>>(
            [project, batch, item](ica::ApiClient *client, QObject *context,
                                   ica::ResultCallback<ica::BatchItem> done) {
                return ica::BatchApi(client).getItem(project, batch, item, context,
                                                     std::move(done));
            },
            &itemRecord);
    };
    return spec;
}

CommandSpec itemsSpec() {
    CommandSpec spec(
        QStringLiteral("batch"), QStringLiteral("items"),
        QStringLiteral("List a batch's items, by status"),
        QStringLiteral("Lists the items of a batch, optionally only those with the given "
                       "statuses (%1).\n\nWith --all and no --sort, icatag first reads the "
                       "batch: when its job is finished (SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED "
                       "or STOPPED) its items no longer change, so offset pages are fetched "
                       "several at a time, written in order and checked to add up to the "
                       "batch's item count with no item twice (a mismatch is an error, exit "
                       "1). A running batch, or one of more than 200,000 items, is read by "
                       "cursor.\n\nWith --with-names, each page's data IDs are looked up "
                       "(GET /data with repeated id parameters) before the page is written: "
                       "table output gains NAME and PATH columns (\"(not found)\" when the "
                       "project has no data with that ID), CSV gains dataName and dataPath "
                       "(empty when not found), JSON and JSON Lines gain \"dataName\" and "
                       "\"dataPath\" next to the API's fields (null when not found). Output "
                       "still streams page by page, in order.\n\n%2")
            .arg(itemStatusNames(), pagingHelp()));
    spec.formats = {OutputFormat::Table, OutputFormat::Json, OutputFormat::Jsonl,
                    OutputFormat::Csv};
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions(
            {projectOption(),
             batchOption(),
             {QStringLiteral("status"), QStringLiteral("Only items with this status (repeatable)."),
              QStringLiteral("STATUS")},
             {QStringLiteral("with-names"),
              QStringLiteral("Add the name and path of each item's data (looked up per page).")}});
        PagingOptions::addOptions(parser);
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString batch;
        ica::ItemsQuery query;
        PagingOptions paging;
        if (!readProjectAndBatch(parser, &project, &batch, error) ||
            !parseItemStatuses(parser.values(QStringLiteral("status")), &query.statuses, error) ||
            !PagingOptions::read(parser, &paging, error))
            return nullptr;
        query.sort = paging.sort;
        const ClientPageFetcher<ica::BatchItem> fetch =
            [project, batch, query](ica::ApiClient *client, const ica::PageRequest &page,
                                    QObject *context,
                                    ica::ResultCallback<ica::BatchItemPage> done) {
                ica::ItemsQuery pageQuery = query;
                pageQuery.page = page;
                return ica::BatchApi(client).listItems(project, batch, pageQuery, context,
                                                       std::move(done));
            };
        // A batch whose job is terminal changes no more: its items can be read by
        // offset pages in flight, checked to add up exactly.
        const FrozenCheck frozen = [project, batch](ica::ApiClient *client, QObject *context,
                                                    ica::ResultCallback<bool> done) {
            return ica::BatchApi(client).get(
                project, batch, context, [done](const ica::Result<ica::Batch> &result) {
                    if (!result.ok())
                        done(ica::Result<bool>::failure(result.error));
                    else
                        done(ica::Result<bool>::success(result.value->job.status.isTerminal()));
                });
        };
        if (parser.isSet(QStringLiteral("with-names")))
            return std::make_unique<ListCommand<NamedItem>>(
                paging, namedItemsFetcher(fetch, project), namedItemColumns(), frozen);
        return std::make_unique<ListCommand<ica::BatchItem>>(paging, fetch, itemColumns(), frozen);
    };
    return spec;
}

} // namespace

QList<CommandSpec> batchCommands() {
    return {batchCreateSpec(), getSpec(),       itemsSpec(),         itemSpec(),
            batchWaitSpec(),   batchFindSpec(), batchFailuresSpec(), batchUndoSpec()};
}

} // namespace ica::cli
