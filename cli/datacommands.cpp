// The `data` command group: list a project's data with ICA's filters, show one item.

#include "cli/optionvalues.h"
#include "cli/paging.h"
#include "cli/showcommand.h"
#include "cli/views.h"

#include "core/api/dataapi.h"

namespace ica::cli {

namespace {

const QString ProjectHint = QStringLiteral("give the project's ID (see 'icatag projects list').");

/// Turns the filter options into a DataQuery; false with a usage message.
bool readDataQuery(const QCommandLineParser &parser, ica::DataQuery *query, QString *error) {
    query->parentFolderPath = parser.value(QStringLiteral("parent-folder")).trimmed();
    if (!query->parentFolderPath.isEmpty()) {
        // ICA wants "/a/b/": add what is missing rather than refuse.
        if (!query->parentFolderPath.startsWith(QLatin1Char('/')))
            query->parentFolderPath.prepend(QLatin1Char('/'));
        if (!query->parentFolderPath.endsWith(QLatin1Char('/')))
            query->parentFolderPath.append(QLatin1Char('/'));
    }
    query->filenames = parser.values(QStringLiteral("name"));
    query->filePaths = parser.values(QStringLiteral("path"));
    query->userTags = parser.values(QStringLiteral("user-tag"));
    query->technicalTags = parser.values(QStringLiteral("tech-tag"));

    const auto matchOption = [&parser, error](const QString &name, const QStringList &values,
                                              const QString &valueOption, ica::MatchMode *mode) {
        if (!parser.isSet(name))
            return true;
        if (values.isEmpty()) {
            *error = QStringLiteral("--%1 needs --%2.").arg(name, valueOption);
            return false;
        }
        return parseMatchMode(QStringLiteral("--") + name, parser.value(name), mode, error);
    };
    if (!matchOption(QStringLiteral("name-match"), query->filenames, QStringLiteral("name"),
                     &query->filenameMatch) ||
        !matchOption(QStringLiteral("user-tag-match"), query->userTags, QStringLiteral("user-tag"),
                     &query->userTagMatch) ||
        !matchOption(QStringLiteral("tech-tag-match"), query->technicalTags,
                     QStringLiteral("tech-tag"), &query->technicalTagMatch))
        return false;

    if (parser.isSet(QStringLiteral("path-match"))) {
        const QString mode = parser.value(QStringLiteral("path-match")).toLower();
        if (query->filePaths.isEmpty()) {
            *error = QStringLiteral("--path-match needs --path.");
            return false;
        }
        if (mode == QLatin1String("starts-with"))
            query->filePathMatch = ica::DataQuery::PathMatch::StartsWith;
        else if (mode == QLatin1String("full"))
            query->filePathMatch = ica::DataQuery::PathMatch::Full;
        else {
            *error = QStringLiteral("--path-match: \"%1\" is not a match mode; give starts-with "
                                    "or full.")
                         .arg(parser.value(QStringLiteral("path-match")));
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("type"))) {
        const QString type = parser.value(QStringLiteral("type")).toUpper();
        if (type == QLatin1String("FILE"))
            query->type = ica::DataQuery::Type::File;
        else if (type == QLatin1String("FOLDER"))
            query->type = ica::DataQuery::Type::Folder;
        else {
            *error = QStringLiteral("--type: \"%1\" is not a data type; give FILE or FOLDER.")
                         .arg(parser.value(QStringLiteral("type")));
            return false;
        }
    }
    return true;
}

CommandSpec listSpec() {
    CommandSpec spec(
        QStringLiteral("data"), QStringLiteral("list"),
        QStringLiteral("List a project's files and folders, with filters"),
        QStringLiteral("Lists a project's data. --parent-folder lists one folder (not "
                       "recursively); --path with starts-with lists a folder's whole subtree. "
                       "Repeatable filters match any of their values. Sortable fields: "
                       "timeCreated, timeModified, name.\n\n") +
            pagingHelp());
    spec.formats = {OutputFormat::Table, OutputFormat::Json, OutputFormat::Jsonl,
                    OutputFormat::Csv};
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({
            {QStringLiteral("project"), QStringLiteral("Project ID (required)."),
             QStringLiteral("ID")},
            {QStringLiteral("parent-folder"),
             QStringLiteral("Only the content of this folder, e.g. /runs/r1/."),
             QStringLiteral("PATH")},
            {QStringLiteral("name"), QStringLiteral("File or folder name (repeatable)."),
             QStringLiteral("NAME")},
            {QStringLiteral("name-match"),
             QStringLiteral("How --name matches: exact, fuzzy (default) or exclude."),
             QStringLiteral("MODE")},
            {QStringLiteral("path"), QStringLiteral("Full path, e.g. /a/b/c.bam (repeatable)."),
             QStringLiteral("PATH")},
            {QStringLiteral("path-match"),
             QStringLiteral("How --path matches: starts-with (default) or full."),
             QStringLiteral("MODE")},
            {QStringLiteral("type"), QStringLiteral("FILE or FOLDER."), QStringLiteral("TYPE")},
            {QStringLiteral("user-tag"), QStringLiteral("User tag (repeatable)."),
             QStringLiteral("TAG")},
            {QStringLiteral("user-tag-match"),
             QStringLiteral("How --user-tag matches: exact (default), fuzzy or exclude."),
             QStringLiteral("MODE")},
            {QStringLiteral("tech-tag"), QStringLiteral("Technical tag (repeatable)."),
             QStringLiteral("TAG")},
            {QStringLiteral("tech-tag-match"),
             QStringLiteral("How --tech-tag matches: exact (default), fuzzy or exclude."),
             QStringLiteral("MODE")},
        });
        PagingOptions::addOptions(parser);
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        ica::DataQuery query;
        PagingOptions paging;
        if (!requiredValue(parser, QStringLiteral("project"), ProjectHint, &project, error) ||
            !readDataQuery(parser, &query, error) || !PagingOptions::read(parser, &paging, error))
            return nullptr;
        query.sort = paging.sort;
        return std::make_unique<ListCommand<ica::ProjectData>>(
            paging,
            [project, query](ica::ApiClient *client, const ica::PageRequest &page, QObject *context,
                             ica::ResultCallback<ica::ProjectDataPage> done) {
                ica::DataQuery pageQuery = query;
                pageQuery.page = page;
                return ica::DataApi(client).list(project, pageQuery, context, std::move(done));
            },
            dataColumns());
    };
    return spec;
}

CommandSpec getSpec() {
    CommandSpec spec(QStringLiteral("data"), QStringLiteral("get"),
                     QStringLiteral("Show one file or folder with all its tags"),
                     QStringLiteral("Prints one data item of a project, with every kind of tag."));
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({{QStringLiteral("project"), QStringLiteral("Project ID (required)."),
                            QStringLiteral("ID")},
                           {QStringLiteral("data"),
                            QStringLiteral("Data ID, e.g. fil.<32 hex digits> (required)."),
                            QStringLiteral("ID")}});
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString data;
        if (!requiredValue(parser, QStringLiteral("project"), ProjectHint, &project, error) ||
            !requiredValue(parser, QStringLiteral("data"),
                           QStringLiteral("give the data ID (see 'icatag data list')."), &data,
                           error))
            return nullptr;
        return std::make_unique<ShowCommand<ica::ProjectData>>(
            [project, data](ica::ApiClient *client, QObject *context,
                            ica::ResultCallback<ica::ProjectData> done) {
                return ica::DataApi(client).get(project, data, context, std::move(done));
            },
            &dataRecord);
    };
    return spec;
}

} // namespace

QList<CommandSpec> dataCommands() {
    return {listSpec(), getSpec()};
}

} // namespace ica::cli
