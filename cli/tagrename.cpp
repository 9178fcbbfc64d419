// The `tags` command group: rename (or merge) a tag over a project or a folder.

#include "cli/tagrename.h"

#include "cli/batchsplit.h"
#include "cli/createandwait.h"
#include "cli/optionvalues.h"

#include <QJsonArray>

namespace ica::cli {

namespace {

QJsonArray toArray(const QStringList &list) {
    return QJsonArray::fromStringList(list);
}

} // namespace

TagRenameCommand::TagRenameCommand(QString projectId, ica::TagRenameSpec spec, bool dryRun,
                                   bool wait, std::chrono::milliseconds interval)
    : m_projectId(std::move(projectId))
    , m_spec(std::move(spec))
    , m_dryRun(dryRun)
    , m_wait(wait)
    , m_interval(interval) {}

void TagRenameCommand::start() {
    ica::TagRename::find(
        client(), m_projectId, m_spec, this, [this](const ica::Result<ica::TagRenamePlan> &result) {
            if (isFinished())
                return;
            if (!result.ok()) {
                finishWithApiError(result.error, QStringLiteral("finding the tagged items"));
                return;
            }
            onFound(*result.value);
        });
}

void TagRenameCommand::printPlan(const ica::TagRenamePlan &plan) {
    if (format() == OutputFormat::Json) {
        QJsonArray items;
        for (const ica::TagRenameItem &item : plan.items)
            items.append(QJsonObject{{QStringLiteral("dataId"), item.dataId},
                                     {QStringLiteral("path"), item.path},
                                     {QStringLiteral("tagsNow"), toArray(item.tagsNow)},
                                     {QStringLiteral("tagsAfter"), toArray(item.tagsAfter)}});
        printer().printJson(QJsonObject{{QStringLiteral("items"), items},
                                        {QStringLiteral("request"), plan.request().toJson()}});
        return;
    }
    TextTable table({QStringLiteral("DATA ID"), QStringLiteral("PATH"), QStringLiteral("TAGS NOW"),
                     QStringLiteral("TAGS AFTER")});
    for (const ica::TagRenameItem &item : plan.items)
        table.addRow({item.dataId, item.path, item.tagsNow.join(QStringLiteral(", ")),
                      item.tagsAfter.join(QStringLiteral(", "))});
    console().out(table.render());
}

void TagRenameCommand::onFound(const ica::TagRenamePlan &plan) {
    console().errLine(QStringLiteral("icatag: ") + plan.summary());
    if (plan.isEmpty()) {
        finishSuccess(); // nothing to rename: nothing is sent
        return;
    }
    if (m_dryRun) {
        printPlan(plan);
        console().errLine(QStringLiteral("icatag: --dry-run: nothing was sent."));
        finishSuccess();
        return;
    }
    const QList<ica::CreateBatchRequest> parts =
        splitCreateRequest(plan.request(), AdvisedIdsPerBatch);
    m_child = std::make_unique<CreateAndWaitCommand>(
        m_projectId, parts,
        m_wait ? std::optional<std::chrono::milliseconds>(m_interval) : std::nullopt);
    m_child->setContext({&console(), client(), format()});
    connect(m_child.get(), &Command::finished, this, &TagRenameCommand::finish);
    m_child->start();
}

QList<CommandSpec> tagCommands() {
    CommandSpec spec(
        QStringLiteral("tags"), QStringLiteral("rename"),
        QStringLiteral("Rename or merge a user or technical tag on every item that has it"),
        QStringLiteral(
            "Finds every item of the project that carries the tag --from (exactly, as ICA's "
            "EXACT tag filter matches it; all pages, by cursor), or with --folder only the items "
            "in that folder and its subfolders (their path starts with it), and creates the "
            "batch that removes --from and adds --to on all of them, then prints it. More than "
            "5,000 items are split into batches of 5,000 created one after another (as 'batch "
            "create --split'). When --to already exists the tags are merged: items that carry "
            "both just lose --from.\n\n"
            "No item with the tag: says so on stderr and exits 0; nothing is sent. --dry-run "
            "prints the items with their tags now and after, and sends nothing. --wait then "
            "waits for each batch to end (as 'batch wait') and prints it with its item "
            "counts."));
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({
            {QStringLiteral("project"), QStringLiteral("Project ID (required)."),
             QStringLiteral("ID")},
            {QStringLiteral("user"), QStringLiteral("Rename a user tag.")},
            {QStringLiteral("technical"), QStringLiteral("Rename a technical tag.")},
            {QStringLiteral("from"), QStringLiteral("The tag to rename (required)."),
             QStringLiteral("TAG")},
            {QStringLiteral("to"), QStringLiteral("Its new name (required)."),
             QStringLiteral("TAG")},
            {QStringLiteral("folder"),
             QStringLiteral("Only items in this folder and its subfolders."),
             QStringLiteral("PATH")},
            {QStringLiteral("dry-run"),
             QStringLiteral("Print the items and their tags now and after; send nothing.")},
            {QStringLiteral("wait"), QStringLiteral("Wait for the batch(es) to end.")},
            {QStringLiteral("interval"),
             QStringLiteral("With --wait: seconds between polls (default 2)."),
             QStringLiteral("SECONDS")},
        });
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        if (!requiredValue(parser, QStringLiteral("project"),
                           QStringLiteral("give the project's ID (see 'icatag projects list')."),
                           &project, error))
            return nullptr;
        const bool user = parser.isSet(QStringLiteral("user"));
        const bool technical = parser.isSet(QStringLiteral("technical"));
        if (user == technical) {
            *error = user ? QStringLiteral("--user and --technical exclude each other; give one.")
                          : QStringLiteral("say which kind of tag to rename: --user or "
                                           "--technical.");
            return nullptr;
        }
        ica::TagRenameSpec spec;
        spec.kind = user ? ica::TagKind::User : ica::TagKind::Technical;
        if (!requiredValue(parser, QStringLiteral("from"),
                           QStringLiteral("give the tag to rename."), &spec.from, error) ||
            !requiredValue(parser, QStringLiteral("to"), QStringLiteral("give its new name."),
                           &spec.to, error))
            return nullptr;
        spec.folderPath = parser.value(QStringLiteral("folder"));
        if (const QString problem = spec.problem(); !problem.isEmpty()) {
            *error = problem;
            return nullptr;
        }
        const bool wait = parser.isSet(QStringLiteral("wait"));
        const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
        if (wait && dryRun) {
            *error = QStringLiteral("--dry-run sends nothing, so there is nothing to --wait for.");
            return nullptr;
        }
        std::chrono::milliseconds interval;
        if (!pollInterval(parser, &interval, error))
            return nullptr;
        return std::make_unique<TagRenameCommand>(project, spec, dryRun, wait, interval);
    };
    return {spec};
}

} // namespace ica::cli
