#include "cli/createandwait.h"

#include "cli/batchcreate.h"
#include "cli/batchwait.h"
#include "cli/output.h"

namespace ica::cli {

CreateAndWaitCommand::CreateAndWaitCommand(QString projectId, QList<ica::CreateBatchRequest> parts,
                                           std::optional<std::chrono::milliseconds> waitInterval)
    : m_projectId(std::move(projectId))
    , m_parts(std::move(parts))
    , m_waitInterval(waitInterval) {}

CreateAndWaitCommand::~CreateAndWaitCommand() = default;

void CreateAndWaitCommand::start() {
    auto create = std::make_unique<BatchCreateCommand>(m_projectId, m_parts, m_parts.size() > 1);
    // JSON with --wait is printed once, at the end: the create's own stays unprinted.
    create->setQuiet(m_waitInterval && format() == OutputFormat::Json);
    connect(create.get(), &BatchCreateCommand::batchCreated, this,
            [this](const ica::Batch &batch) { m_created.append(batch.id); });
    connect(create.get(), &Command::finished, this, [this](int code) {
        if (code != ExitSuccess || !m_waitInterval) {
            finish(code);
            return;
        }
        // Not from inside the finished step's own signal: it is replaced next.
        QMetaObject::invokeMethod(this, &CreateAndWaitCommand::waitNext, Qt::QueuedConnection);
    });
    run(std::move(create));
}

void CreateAndWaitCommand::waitNext() {
    if (m_waited >= m_created.size()) {
        printCollected();
        finishSuccess();
        return;
    }
    auto wait = std::make_unique<BatchWaitCommand>(m_projectId, m_created.at(m_waited++),
                                                   *m_waitInterval, std::nullopt);
    wait->setCollectJson(format() == OutputFormat::Json);
    BatchWaitCommand *waiting = wait.get();
    connect(wait.get(), &Command::finished, this, [this, waiting](int code) {
        if (format() == OutputFormat::Json && code == ExitSuccess)
            m_ended.append(waiting->collectedJson());
        if (code != ExitSuccess) {
            printCollected(); // what ended before, still one valid document
            finish(code);
            return;
        }
        QMetaObject::invokeMethod(this, &CreateAndWaitCommand::waitNext, Qt::QueuedConnection);
    });
    run(std::move(wait));
}

void CreateAndWaitCommand::run(std::unique_ptr<Command> step) {
    step->setContext({&console(), client(), format()});
    if (m_step)
        m_step.release()->deleteLater();
    m_step = std::move(step);
    m_step->start();
}

void CreateAndWaitCommand::printCollected() {
    if (format() == OutputFormat::Json)
        printer().printJson(m_ended);
}

} // namespace ica::cli
