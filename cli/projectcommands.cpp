// The `projects` command group.

#include "cli/paging.h"
#include "cli/views.h"

#include "core/api/projectapi.h"

namespace ica::cli {

QList<CommandSpec> projectCommands() {
    CommandSpec list;
    list.group = QStringLiteral("projects");
    list.name = QStringLiteral("list");
    list.summary = QStringLiteral("List the projects you can see");
    list.details = QStringLiteral("Lists projects, optionally only those matching --search. "
                                  "Sortable fields: name, shortDescription, information.\n\n") +
                   pagingHelp();
    list.formats = {OutputFormat::Table, OutputFormat::Json, OutputFormat::Jsonl,
                    OutputFormat::Csv};
    list.addOptions = [](QCommandLineParser &parser) {
        parser.addOption({QStringLiteral("search"),
                          QStringLiteral("Only projects matching TEXT (name, description, ...)."),
                          QStringLiteral("TEXT")});
        PagingOptions::addOptions(parser);
    };
    list.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        PagingOptions paging;
        if (!PagingOptions::read(parser, &paging, error))
            return nullptr;
        ica::ProjectsQuery query;
        query.search = parser.value(QStringLiteral("search")).trimmed();
        query.sort = paging.sort;
        return std::make_unique<ListCommand<ica::Project>>(
            paging,
            [query](ica::ApiClient *client, const ica::PageRequest &page, QObject *context,
                    ica::ResultCallback<ica::ProjectPage> done) {
                ica::ProjectsQuery pageQuery = query;
                pageQuery.page = page;
                return ica::ProjectApi(client).list(pageQuery, context, std::move(done));
            },
            projectColumns());
    };
    return {list};
}

} // namespace ica::cli
