#include "cli/batchcreate.h"

#include "cli/batchfind.h"

#include "cli/batchsplit.h"
#include "cli/idsfile.h"
#include "cli/optionvalues.h"
#include "cli/tableimport.h"
#include "cli/undofile.h"
#include "cli/views.h"

#include "core/api/batchapi.h"
#include "core/domain/jsondecode.h"

#include <QFile>
#include <QJsonDocument>

namespace ica::cli {

namespace {

const QString ProjectOption = QStringLiteral("project");
const QString FileOption = QStringLiteral("file");
const QString IdsFileOption = QStringLiteral("ids-file");
const QString AddUserTag = QStringLiteral("add-user-tag");
const QString RemoveUserTag = QStringLiteral("remove-user-tag");
const QString AddTechTag = QStringLiteral("add-tech-tag");
const QString RemoveTechTag = QStringLiteral("remove-tech-tag");
const QString ArchiveAt = QStringLiteral("archive-at");
const QString DeleteAt = QStringLiteral("delete-at");
const QString ClearArchiveAt = QStringLiteral("clear-archive-at");
const QString ClearDeleteAt = QStringLiteral("clear-delete-at");
const QString SplitOption = QStringLiteral("split");
const QString SplitSizeOption = QStringLiteral("split-size");
const QString UndoFileOption = QStringLiteral("undo-file");

/// Reads and decodes a create body in the API's own shape; errors name the field.
bool readBodyFile(const QString &path, ica::CreateBatchRequest *out, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the body file %1: %2").arg(path, file.errorString());
        return false;
    }
    const ica::Decoded<ica::CreateBatchRequest> decoded =
        ica::decodeJson<ica::CreateBatchRequest>(file.readAll());
    if (!decoded.ok()) {
        *error = QStringLiteral("%1 is not a valid create body (%2). It must look like "
                                "{\"dataUpdateGroups\": [{\"dataIds\": [...], \"userTags\": "
                                "{\"addTags\": [...]}}]}.")
                     .arg(path, decoded.describe());
        return false;
    }
    *out = *decoded.value;
    return true;
}

/// Tag options: trimmed, blanks refused, a tag both added and removed refused.
bool readTagUpdate(const QCommandLineParser &parser, const QString &addOption,
                   const QString &removeOption, ica::TagUpdate *out, QString *error) {
    ica::TagUpdate update;
    for (const auto &[option, list] :
         {std::pair{addOption, &update.addTags}, std::pair{removeOption, &update.removeTags}}) {
        for (const QString &value : parser.values(option)) {
            const QString tag = value.trimmed();
            if (tag.isEmpty()) {
                *error = QStringLiteral("--%1: a tag cannot be empty.").arg(option);
                return false;
            }
            if (!list->contains(tag))
                list->append(tag);
        }
    }
    for (const QString &tag : std::as_const(update.addTags)) {
        if (update.removeTags.contains(tag)) {
            *error = QStringLiteral("the tag \"%1\" is both added (--%2) and removed (--%3); "
                                    "keep one.")
                         .arg(tag, addOption, removeOption);
            return false;
        }
    }
    *out = update;
    return true;
}

/// The changes given by the tag and lifecycle options, for an ID file.
bool readChanges(const QCommandLineParser &parser, ica::DataUpdateGroup *group, QString *error) {
    if (!readTagUpdate(parser, AddUserTag, RemoveUserTag, &group->userTags, error) ||
        !readTagUpdate(parser, AddTechTag, RemoveTechTag, &group->technicalTags, error))
        return false;
    if (parser.isSet(ArchiveAt) &&
        !parseUtcDateTime(QStringLiteral("--archive-at"), parser.value(ArchiveAt),
                          &group->willBeArchivedAt, error))
        return false;
    if (parser.isSet(DeleteAt) &&
        !parseUtcDateTime(QStringLiteral("--delete-at"), parser.value(DeleteAt),
                          &group->willBeDeletedAt, error))
        return false;
    group->clearWillBeArchivedAt = parser.isSet(ClearArchiveAt);
    group->clearWillBeDeletedAt = parser.isSet(ClearDeleteAt);
    if (group->clearWillBeArchivedAt && group->willBeArchivedAt.isValid()) {
        *error = QStringLiteral("--archive-at and --clear-archive-at exclude each other.");
        return false;
    }
    if (group->clearWillBeDeletedAt && group->willBeDeletedAt.isValid()) {
        *error = QStringLiteral("--delete-at and --clear-delete-at exclude each other.");
        return false;
    }
    if (group->changesNothing()) {
        *error = QStringLiteral("nothing to change: give at least one of --add-user-tag, "
                                "--remove-user-tag, --add-tech-tag, --remove-tech-tag, "
                                "--archive-at, --delete-at.");
        return false;
    }
    return true;
}

/// Says on stderr what the ID file held besides plain new IDs.
void reportIdList(const IdList &list, const QString &path, Console &console) {
    constexpr int Shown = 5;
    if (!list.duplicates.isEmpty()) {
        QStringList shown;
        for (const IdList::Duplicate &d : list.duplicates.mid(0, Shown))
            shown.append(QStringLiteral("%1 (line %2, first on line %3)")
                             .arg(d.id)
                             .arg(d.line)
                             .arg(d.firstLine));
        if (list.duplicates.size() > Shown)
            shown.append(QStringLiteral("..."));
        console.warn(QStringLiteral("%1: %2 duplicate ID(s) ignored: %3")
                         .arg(path)
                         .arg(list.duplicates.size())
                         .arg(shown.join(QStringLiteral(", "))));
    }
    if (!list.unusual.isEmpty()) {
        QStringList shown = list.unusual.mid(0, Shown);
        if (list.unusual.size() > Shown)
            shown.append(QStringLiteral("..."));
        console.warn(QStringLiteral("%1: %2 ID(s) do not look like ICA data IDs (fil. or fol. "
                                    "and 32 hex digits), sent anyway: %3")
                         .arg(path)
                         .arg(list.unusual.size())
                         .arg(shown.join(QStringLiteral(", "))));
    }
}

/// Builds the create body (or bodies, with --split) from the options.
std::unique_ptr<Command> createFromOptions(const QCommandLineParser &parser, Console &console,
                                           QString *error) {
    const QString projectId = parser.value(ProjectOption).trimmed();
    if (projectId.isEmpty()) {
        *error = QStringLiteral("--project is required: give the project's ID (see 'icatag "
                                "projects list').");
        return nullptr;
    }
    if (isTableImport(parser))
        return createFromTable(projectId, parser, console, error);
    const bool hasFile = parser.isSet(FileOption);
    const bool hasIdsFile = parser.isSet(IdsFileOption);
    if (hasFile == hasIdsFile) {
        *error = hasFile ? QStringLiteral("--file and --ids-file exclude each other; give one.")
                         : QStringLiteral("give the data to update: --ids-file FILE (with tag "
                                          "options), --file BODY.json or --from-table "
                                          "SHEET.csv.");
        return nullptr;
    }

    ica::CreateBatchRequest body;
    if (hasFile) {
        for (const QString &option : {AddUserTag, RemoveUserTag, AddTechTag, RemoveTechTag,
                                      ArchiveAt, DeleteAt, ClearArchiveAt, ClearDeleteAt}) {
            if (parser.isSet(option)) {
                *error = QStringLiteral("--%1 cannot be used with --file: the body file holds "
                                        "its own changes. Use --ids-file for option changes.")
                             .arg(option);
                return nullptr;
            }
        }
        if (!readBodyFile(parser.value(FileOption), &body, error))
            return nullptr;
    } else {
        ica::DataUpdateGroup group;
        if (!readChanges(parser, &group, error))
            return nullptr;
        const QString path = parser.value(IdsFileOption);
        IdList list;
        if (!IdsFileReader::readFile(path, &list, error))
            return nullptr;
        reportIdList(list, path, console);
        group.dataIds = list.ids;
        body.dataUpdateGroups.append(group);
    }

    const qsizetype count = body.dataIdCount();
    if (count == 0) {
        *error = QStringLiteral("%1 holds no data IDs: nothing to create.")
                     .arg(parser.value(hasFile ? FileOption : IdsFileOption));
        return nullptr;
    }
    const bool split = parser.isSet(SplitOption) || parser.isSet(SplitSizeOption);
    qint64 splitSize = AdvisedIdsPerBatch;
    if (parser.isSet(SplitSizeOption) &&
        !parseInteger(QStringLiteral("--split-size"), parser.value(SplitSizeOption), 1,
                      MaxIdsPerBatch, &splitSize, error))
        return nullptr;
    if (!split && count > MaxIdsPerBatch) {
        *error = QStringLiteral("%1 data IDs: ICA does not allow more than %2 in one batch. Add "
                                "--split to create batches of %3 IDs one after another (or "
                                "--split-size N).")
                     .arg(count)
                     .arg(MaxIdsPerBatch)
                     .arg(AdvisedIdsPerBatch);
        return nullptr;
    }
    if (!split && count > AdvisedIdsPerBatch)
        console.warn(QStringLiteral("%1 data IDs in one batch: ICA advises at most %2 per call; "
                                    "consider --split.")
                         .arg(count)
                         .arg(AdvisedIdsPerBatch));
    if (parser.isSet(UndoFileOption) && !UndoFile::checkNew(parser.value(UndoFileOption), error))
        return nullptr;
    QList<ica::CreateBatchRequest> parts =
        split ? splitCreateRequest(body, splitSize) : QList<ica::CreateBatchRequest>{body};
    auto command = std::make_unique<BatchCreateCommand>(projectId, std::move(parts), split);
    if (parser.isSet(UndoFileOption))
        command->setUndoRecorder(std::make_unique<UndoRecorder>(parser.value(UndoFileOption)),
                                 body);
    return command;
}

} // namespace

BatchCreateCommand::BatchCreateCommand(QString projectId, QList<ica::CreateBatchRequest> parts,
                                       bool split)
    : m_projectId(std::move(projectId))
    , m_parts(std::move(parts))
    , m_split(split) {}

BatchCreateCommand::~BatchCreateCommand() = default;

void BatchCreateCommand::setUndoRecorder(std::unique_ptr<UndoRecorder> undo,
                                         ica::CreateBatchRequest body) {
    m_undo = std::move(undo);
    m_body = std::move(body);
}

void BatchCreateCommand::start() {
    if (!m_undo) {
        begin();
        return;
    }
    m_undo->prepare(client(), m_projectId, m_body, [this](bool ok, const QString &error) {
        if (!ok) {
            finishWithError(ExitFailure, error);
            return;
        }
        console().errLine(QStringLiteral("icatag: undo record written to %1.").arg(m_undo->path()));
        begin();
    });
}

void BatchCreateCommand::begin() {
    if (m_split && format() == OutputFormat::Json && !m_quiet) {
        // Streamed as a JSON array, closed even after a failure, so scripts get
        // every batch that was created and valid JSON.
        console().out(QStringLiteral("[\n"));
        m_jsonArrayOpen = true;
    }
    createNext();
}

void BatchCreateCommand::createNext() {
    const int index = m_next;
    m_sentAt = QDateTime::currentDateTimeUtc();
    ica::BatchApi(client()).create(m_projectId, m_parts.at(index), this,
                                   [this, index](const ica::Result<ica::Batch> &result) {
                                       if (!result.ok()) {
                                           onFailed(index, result.error);
                                           return;
                                       }
                                       m_idsSent += m_parts.at(index).dataIdCount();
                                       onCreated(*result.value);
                                   });
}

void BatchCreateCommand::onFailed(int index, const ica::ApiError &error) {
    closeJsonArray();
    // Only ICA's own refusal (a 4xx problem) or a connection never made means "not
    // created"; after a gateway's 5xx, a dropped connection or a timeout the server
    // may have created it: say so and give the check, never send it again.
    const bool unknown = error.outcomeUnknown();
    const QString fate = unknown ? QStringLiteral("may or may not have been created by the server")
                                 : QStringLiteral("was not created");
    if (index > 0)
        console().errLine(
            QStringLiteral("icatag: parts 1-%1 were created (%2); the "
                           "data IDs from position %3 of the list on were %4.")
                .arg(index)
                .arg(m_quiet ? QStringLiteral("batches ") + m_createdIds.join(QStringLiteral(", "))
                             : QStringLiteral("printed above"))
                .arg(m_idsSent + 1)
                .arg(unknown ? QStringLiteral("perhaps not created")
                             : QStringLiteral("not created")));
    if (unknown)
        console().errLine(
            QStringLiteral("icatag: the server may or may not have created the batch: check "
                           "before sending it again, with\n  %1")
                .arg(BatchFindCommand::commandLine(
                    m_projectId, m_sentAt.addSecs(-ica::CreatedBatchFinder::ClockSkewSeconds),
                    m_parts.at(index).dataIdCount())));
    if (!m_split) {
        finishWithApiError(error, QStringLiteral("the batch ") + fate);
        return;
    }
    finishWithApiError(error, QStringLiteral("part %1 of %2 (%3 data IDs) %4")
                                  .arg(index + 1)
                                  .arg(m_parts.size())
                                  .arg(m_parts.at(index).dataIdCount())
                                  .arg(fate));
}

void BatchCreateCommand::onCreated(const ica::Batch &batch) {
    if (m_undo) {
        const QString warning = m_undo->recordBatch(batch.id);
        if (!warning.isEmpty())
            console().warn(warning);
    }
    m_createdIds.append(batch.id);
    if (!m_quiet && m_split)
        printPart(batch);
    else if (!m_quiet)
        printer().printObject(batch.toJson(), batchRecord(batch));
    Q_EMIT batchCreated(batch);
    ++m_next;
    if (m_next < m_parts.size()) {
        createNext();
        return;
    }
    closeJsonArray();
    finishSuccess();
}

void BatchCreateCommand::printPart(const ica::Batch &batch) {
    if (format() == OutputFormat::Json) {
        QByteArray json = QJsonDocument(batch.toJson()).toJson(QJsonDocument::Indented).trimmed();
        json.replace('\n', "\n  ");
        console().out((m_next > 0 ? QStringLiteral(",\n  ") : QStringLiteral("  ")) +
                      QString::fromUtf8(json));
        return;
    }
    Record record = batchRecord(batch);
    record.prepend({QStringLiteral("Part"), QStringLiteral("%1 of %2 (%3 data IDs)")
                                                .arg(m_next + 1)
                                                .arg(m_parts.size())
                                                .arg(m_parts.at(m_next).dataIdCount())});
    if (m_next > 0)
        console().out(QStringLiteral("\n"));
    printer().printRecord(record);
}

void BatchCreateCommand::closeJsonArray() {
    if (!m_jsonArrayOpen)
        return;
    m_jsonArrayOpen = false;
    console().out(m_next > 0 ? QStringLiteral("\n]\n") : QStringLiteral("]\n"));
}

CommandSpec batchCreateSpec() {
    CommandSpec spec(
        QStringLiteral("batch"), QStringLiteral("create"),
        QStringLiteral("Create a data update batch from an ID file, a JSON body or a sheet"),
        QStringLiteral(
            "Creates a project data update batch and prints it. The data come from --ids-file "
            "(one ID per line; commas, spaces and tabs separate IDs too; blank lines are skipped; "
            "duplicates are reported and sent once) with the changes given as options, or from "
            "--file, a JSON body in the API's own shape (CreateProjectDataUpdateBatch). Dates are "
            "UTC, e.g. 2026-11-30T08:30:00Z.\n\n"
            "ICA advises at most 5,000 data IDs per batch and refuses more than 100,000. --split "
            "creates batches of 5,000 IDs (or --split-size N) one after another and prints each "
            "as it is created (JSON: an array). A create call is never repeated by icatag (except "
            "after a 429, when ICA did not take it). When the outcome is unknown (a gateway's "
            "502/503/504, a dropped connection, a timeout) icatag says the server may or may not "
            "have created the batch and prints the 'batch find' command that checks.\n\n"
            "--undo-file F first reads the current user tags, technical tags and archive and "
            "delete dates of every data item in the batch (and of the contents of its folders) "
            "and writes them to F, with the project, the request and, as they are created, the "
            "batch IDs; 'batch undo --undo-file F' reverts the batch later. F must not exist. "
            "If the state cannot be read, nothing is sent.\n\n") +
            tableImportHelp());
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({
            {ProjectOption, QStringLiteral("Project ID (required)."), QStringLiteral("ID")},
            {IdsFileOption, QStringLiteral("File of data IDs (\"-\": standard input)."),
             QStringLiteral("FILE")},
            {FileOption, QStringLiteral("JSON create body in the API's shape."),
             QStringLiteral("FILE")},
            {AddUserTag, QStringLiteral("User tag to add (repeatable)."), QStringLiteral("TAG")},
            {RemoveUserTag, QStringLiteral("User tag to remove (repeatable)."),
             QStringLiteral("TAG")},
            {AddTechTag, QStringLiteral("Technical tag to add (repeatable)."),
             QStringLiteral("TAG")},
            {RemoveTechTag, QStringLiteral("Technical tag to remove (repeatable)."),
             QStringLiteral("TAG")},
            {ArchiveAt, QStringLiteral("Archive the files at this UTC date-time."),
             QStringLiteral("TIME")},
            {DeleteAt, QStringLiteral("Delete the files at this UTC date-time."),
             QStringLiteral("TIME")},
            {ClearArchiveAt, QStringLiteral("Cancel a scheduled archiving.")},
            {ClearDeleteAt, QStringLiteral("Cancel a scheduled deletion.")},
            {SplitOption, QStringLiteral("Create several batches of at most 5,000 IDs.")},
            {SplitSizeOption, QStringLiteral("IDs per batch with --split (implies --split)."),
             QStringLiteral("N")},
            {UndoFileOption,
             QStringLiteral("Record the data's state before the batch in this new file, for "
                            "'batch undo'."),
             QStringLiteral("FILE")},
        });
        addTableImportOptions(parser);
    };
    spec.create = createFromOptions;
    return spec;
}

} // namespace ica::cli
