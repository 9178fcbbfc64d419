#include "cli/batchfind.h"

#include "cli/optionvalues.h"
#include "cli/views.h"

#include "core/domain/decodecontext.h"

#include <QJsonArray>

namespace ica::cli {

BatchFindCommand::BatchFindCommand(QString projectId, QDateTime createdAfter, qint64 expectedItems)
    : m_projectId(std::move(projectId))
    , m_createdAfter(std::move(createdAfter))
    , m_expectedItems(expectedItems) {}

QString BatchFindCommand::commandLine(const QString &projectId, const QDateTime &createdAfter,
                                      qint64 items) {
    QString line = QStringLiteral("icatag batch find --project %1 --created-after %2")
                       .arg(projectId, ica::formatDateTime(createdAfter));
    if (items >= 0)
        line += QStringLiteral(" --items %1").arg(items);
    return line;
}

void BatchFindCommand::start() {
    m_finder = new ica::CreatedBatchFinder(client(), this);
    connect(m_finder, &ica::CreatedBatchFinder::finished, this, &BatchFindCommand::onFinished);
    m_finder->start(m_projectId, m_createdAfter);
}

void BatchFindCommand::onFinished(const QList<ica::CreatedBatchCandidate> &found,
                                  const ica::ApiError &error) {
    if (error.isError()) {
        finishWithApiError(error, QStringLiteral("listing the jobs"));
        return;
    }
    const auto matches = [this](const ica::CreatedBatchCandidate &c) {
        return m_expectedItems < 0 || c.itemCount == m_expectedItems;
    };
    if (format() == OutputFormat::Json) {
        QJsonArray array;
        for (const ica::CreatedBatchCandidate &c : found)
            array.append(
                QJsonObject{{QStringLiteral("id"), c.batchId},
                            {QStringLiteral("timeCreated"), ica::formatDateTime(c.timeCreated)},
                            {QStringLiteral("status"), c.status.toString()},
                            {QStringLiteral("itemCount"), c.itemCount},
                            {QStringLiteral("matchesItems"), matches(c)}});
        printer().printJson(array);
    } else if (!found.isEmpty()) {
        TextTable table({QStringLiteral("BATCH ID"), QStringLiteral("CREATED"),
                         QStringLiteral("JOB STATUS"), QStringLiteral("ITEMS")});
        for (const ica::CreatedBatchCandidate &c : found)
            table.addRow({c.batchId, dateText(c.timeCreated), c.status.toString(),
                          (c.itemCount < 0 ? QStringLiteral("?") : QString::number(c.itemCount)) +
                              (m_expectedItems >= 0 && matches(c) ? QStringLiteral(" (matches)")
                                                                  : QString())});
        console().out(table.render());
    }
    if (m_finder->isIncomplete())
        console().warn(
            QStringLiteral("only the newest %1 jobs were searched; give a later "
                           "--created-after to look closer.")
                .arg(ica::CreatedBatchFinder::PageSize * ica::CreatedBatchFinder::MaxPages));
    if (found.isEmpty())
        console().errLine(QStringLiteral("icatag: no batch was created in project %1 since %2.")
                              .arg(m_projectId, ica::formatDateTime(m_createdAfter)));
    finishSuccess();
}

CommandSpec batchFindSpec() {
    CommandSpec spec(
        QStringLiteral("batch"), QStringLiteral("find"),
        QStringLiteral("Find the batches created in a project since a time"),
        QStringLiteral(
            "Lists the data update batches created in the project at or after --created-after, "
            "newest first, with their job status and item count. ICA has no listing of batches: "
            "this reads its jobs (GET /api/jobs, newest first) and keeps the project's "
            "ProjectDataUpdateBatch jobs. Use it when 'batch create' says the server may or may "
            "not have created the batch: with --items N (the count 'batch create' sent) a "
            "matching batch is marked. It only reads; it never creates anything.\n\n"
            "Exit status: 0 when the search ran (found or not: read the output; nothing found "
            "is said on stderr), 1 on an API or network failure, 2 on a usage error."));
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({
            {QStringLiteral("project"), QStringLiteral("Project ID (required)."),
             QStringLiteral("ID")},
            {QStringLiteral("created-after"),
             QStringLiteral("Only batches created at or after TIME (UTC, e.g. "
                            "2026-11-30T08:30:00Z; required)."),
             QStringLiteral("TIME")},
            {QStringLiteral("items"),
             QStringLiteral("Mark the batches with this many items (the IDs sent)."),
             QStringLiteral("N")},
        });
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString after;
        if (!requiredValue(parser, QStringLiteral("project"),
                           QStringLiteral("give the project's ID."), &project, error) ||
            !requiredValue(parser, QStringLiteral("created-after"),
                           QStringLiteral("give a UTC time shortly before the create was sent."),
                           &after, error))
            return nullptr;
        QDateTime createdAfter;
        if (!parseUtcDateTime(QStringLiteral("--created-after"), after, &createdAfter, error))
            return nullptr;
        qint64 items = -1;
        if (parser.isSet(QStringLiteral("items")) &&
            !parseInteger(QStringLiteral("--items"), parser.value(QStringLiteral("items")), 0,
                          100000000, &items, error))
            return nullptr;
        return std::make_unique<BatchFindCommand>(project, createdAfter, items);
    };
    return spec;
}

} // namespace ica::cli
