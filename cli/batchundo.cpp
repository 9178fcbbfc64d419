#include "cli/batchundo.h"

#include "cli/batchsplit.h"
#include "cli/createandwait.h"
#include "cli/optionvalues.h"
#include "cli/undofile.h"

#include "core/composer/submitplan.h"
#include "core/history/undobuilder.h"

namespace ica::cli {

namespace {

const QString ProjectOption = QStringLiteral("project");
const QString UndoFileOption = QStringLiteral("undo-file");
const QString DryRunOption = QStringLiteral("dry-run");
const QString WaitOption = QStringLiteral("wait");

/// How often --wait polls each inverse batch.
constexpr std::chrono::milliseconds WaitInterval{1000};

} // namespace

BatchUndoCommand::BatchUndoCommand(ica::UndoSnapshot snapshot, bool dryRun, bool wait)
    : m_snapshot(std::move(snapshot))
    , m_dryRun(dryRun)
    , m_wait(wait) {}

void BatchUndoCommand::start() {
    console().errLine(QStringLiteral("icatag: reading %1 batch(es) and the current state of %2 "
                                     "data items…")
                          .arg(m_snapshot.batchIds.size())
                          .arg(m_snapshot.items.size()));
    ica::UndoBuilder::build(
        client(), m_snapshot, this, [this](const ica::Result<ica::UndoPlan> &result) {
            if (isFinished())
                return;
            if (!result.ok()) {
                finishWithApiError(result.error, QStringLiteral("the undo was not built"));
                return;
            }
            onPlan(*result.value);
        });
}

void BatchUndoCommand::reportSkipped(const ica::UndoPlan &plan) {
    for (const QString &warning : plan.warnings)
        console().warn(warning);
    if (!plan.skipped.isEmpty()) {
        console().errLine(QStringLiteral("icatag: skipped %1 item(s):").arg(plan.skipped.size()));
        for (const ica::UndoSkip &s : plan.skipped)
            console().errLine(
                QStringLiteral("  %1%2: %3")
                    .arg(s.dataId,
                         s.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.name),
                         s.why));
    }
    for (const ica::UndoRow &row : plan.rows) {
        if (!row.note.isEmpty())
            console().errLine(
                QStringLiteral("  %1: partly reverted: %2").arg(row.now.id, row.note));
    }
    console().errLine(QStringLiteral("icatag: undo: %1.").arg(plan.summary()));
}

void BatchUndoCommand::onPlan(const ica::UndoPlan &plan) {
    reportSkipped(plan);
    if (m_dryRun) {
        QByteArray body = ica::SubmitPlan::bodyJson(plan.request, true);
        if (!body.endsWith('\n'))
            body.append('\n');
        console().outUtf8(body);
        finishSuccess();
        return;
    }
    if (plan.request.dataUpdateGroups.isEmpty()) {
        console().errLine(QStringLiteral("icatag: nothing to undo: no batch was created."));
        finishSuccess();
        return;
    }
    // As `batch create --split`: one create after another, never repeated.
    m_step = std::make_unique<CreateAndWaitCommand>(
        m_snapshot.projectId, splitCreateRequest(plan.request, AdvisedIdsPerBatch),
        m_wait ? std::optional<std::chrono::milliseconds>(WaitInterval) : std::nullopt);
    m_step->setContext({&console(), client(), format()});
    connect(m_step.get(), &Command::finished, this, &BatchUndoCommand::finish);
    m_step->start();
}

CommandSpec batchUndoSpec() {
    CommandSpec spec(
        QStringLiteral("batch"), QStringLiteral("undo"),
        QStringLiteral("Revert a batch recorded with 'batch create --undo-file'"),
        QStringLiteral(
            "Reads the undo file written by 'batch create --undo-file', checks that its "
            "batches have ended, reads their items (items that FAILED changed nothing and are "
            "left out) and the data's current state, and creates the inverse batch: tags the "
            "batch added are removed, tags it removed are added back, archive and delete dates "
            "are restored or cleared. Only what the batch did is reverted: what someone else "
            "changed since (a tag already gone, a date set again) stays, and every item "
            "skipped is listed on stderr with the reason. Items needing the same change share "
            "one group; more than 5,000 IDs are sent as several batches, one after another.\n\n"
            "A folder's undo is applied by ICA to its contents too: contents whose tags would "
            "not come back exactly are listed as skipped.\n\n"
            "--dry-run prints the inverse body (the API's own shape, usable with 'batch create "
            "--file') and sends nothing. --wait waits for each inverse batch to end and prints "
            "its counts."));
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({
            {ProjectOption, QStringLiteral("Project ID (required; must be the file's)."),
             QStringLiteral("ID")},
            {UndoFileOption, QStringLiteral("The undo file of 'batch create' (required)."),
             QStringLiteral("FILE")},
            {DryRunOption, QStringLiteral("Print the inverse body; send nothing.")},
            {WaitOption, QStringLiteral("Wait for the inverse batch(es) to end.")},
        });
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString path;
        if (!requiredValue(parser, ProjectOption,
                           QStringLiteral("give the project's ID (see 'icatag projects list')."),
                           &project, error) ||
            !requiredValue(parser, UndoFileOption,
                           QStringLiteral("give the file written by 'batch create --undo-file'."),
                           &path, error))
            return nullptr;
        ica::UndoSnapshot snapshot;
        if (!UndoFile::read(path, &snapshot, error))
            return nullptr;
        if (snapshot.projectId != project) {
            *error = QStringLiteral("the undo file %1 is for project %2, not %3: give "
                                    "--project %2.")
                         .arg(path, snapshot.projectId, project);
            return nullptr;
        }
        if (snapshot.batchIds.isEmpty()) {
            *error = QStringLiteral("the undo file %1 names no batch: its batch was never "
                                    "created, so there is nothing to undo.")
                         .arg(path);
            return nullptr;
        }
        if (parser.isSet(DryRunOption) && parser.isSet(WaitOption)) {
            *error = QStringLiteral("--dry-run and --wait exclude each other.");
            return nullptr;
        }
        return std::make_unique<BatchUndoCommand>(std::move(snapshot), parser.isSet(DryRunOption),
                                                  parser.isSet(WaitOption));
    };
    return spec;
}

} // namespace ica::cli
