#include "cli/batchwait.h"

#include "cli/optionvalues.h"

#include "core/api/batchapi.h"

#include <memory>

namespace ica::cli {

BatchWaitCommand::BatchWaitCommand(QString projectId, QString batchId,
                                   std::chrono::milliseconds interval,
                                   std::optional<std::chrono::milliseconds> timeout,
                                   std::chrono::milliseconds giveUpAfter)
    : m_projectId(std::move(projectId))
    , m_batchId(std::move(batchId))
    , m_interval(interval)
    , m_timeout(timeout)
    , m_giveUpAfter(giveUpAfter) {
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &BatchWaitCommand::poll);
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &BatchWaitCommand::onTimeout);
}

void BatchWaitCommand::start() {
    if (m_timeout)
        m_timeoutTimer.start(*m_timeout);
    poll();
}

void BatchWaitCommand::poll() {
    const quint64 poll = ++m_poll;
    ica::BatchApi(client()).get(
        m_projectId, m_batchId, this, [this, poll](const ica::Result<ica::Batch> &result) {
            if (isFinished() || poll != m_poll)
                return;
            if (!result.ok()) {
                onPollFailed(result.error, QStringLiteral("reading the batch"));
                return;
            }
            m_batch = *result.value;
            m_haveBatch = true;
            fetchCounts([this]() {
                if (m_failingFor.isValid()) {
                    console().errLine(
                        QStringLiteral("icatag: batch %1 answers again.").arg(m_batchId));
                    m_failingFor.invalidate();
                }
                reportProgress();
                if (m_batch.job.status.isTerminal()) {
                    printResult();
                    finishSuccess();
                } else {
                    m_pollTimer.start(m_interval);
                }
            });
        });
}

void BatchWaitCommand::onPollFailed(const ica::ApiError &error, const QString &what) {
    ++m_poll; // the other answers of this poll no longer matter
    // A permanent error (gone, no access) will not change; nor will anything but a
    // transient one before the batch was ever read (a wrong server URL, a bad key).
    if (error.isPermanent() || (!m_haveBatch && !error.isTransient())) {
        finishWithApiError(error, what);
        return;
    }
    if (!m_failingFor.isValid())
        m_failingFor.start();
    const qint64 failingMs = m_failingFor.elapsed();
    if (failingMs >= m_giveUpAfter.count()) {
        finishWithApiError(error, QStringLiteral("%1 (failing for %2 s; gave up after %3 s, "
                                                 "see --give-up-after)")
                                      .arg(what)
                                      .arg(failingMs / 1000)
                                      .arg(m_giveUpAfter.count() / 1000.0));
        return;
    }
    console().errLine(QStringLiteral("icatag: %1 failed: %2; polling again in %3 s (giving up "
                                     "after %4 s of failures).")
                          .arg(what, error.shortReason())
                          .arg(double(m_interval.count()) / 1000.0)
                          .arg(double(m_giveUpAfter.count()) / 1000.0));
    m_pollTimer.start(m_interval);
}

void BatchWaitCommand::fetchCounts(const std::function<void()> &done) {
    struct Pending {
        StatusCounts counts;
        int missing = ica::ItemStatus::KnownCount;
    };
    auto pending = std::make_shared<Pending>();
    for (int i = 0; i < ica::ItemStatus::KnownCount; ++i)
        pending->counts.append({ica::ItemStatus(ica::ItemStatus::knownValues()[i]), -1});

    for (int i = 0; i < ica::ItemStatus::KnownCount; ++i) {
        ica::ItemsQuery query;
        query.statuses = {pending->counts.at(i).first};
        query.page = ica::PageRequest::atOffset(0, 1);
        ica::BatchApi(client()).listItems(
            m_projectId, m_batchId, query, this,
            [this, pending, i, done, poll = m_poll](const ica::Result<ica::BatchItemPage> &result) {
                if (isFinished() || poll != m_poll)
                    return;
                if (!result.ok()) {
                    onPollFailed(result.error, QStringLiteral("counting the items"));
                    return;
                }
                pending->counts[i].second = result.value->info.totalItemCount.value_or(-1);
                if (--pending->missing == 0) {
                    m_counts = pending->counts;
                    done();
                }
            });
    }
}

void BatchWaitCommand::reportProgress() {
    const QString line =
        m_batch.job.status.toString() + QStringLiteral(": ") + countsLine(m_counts);
    if (line == m_lastProgress)
        return;
    m_lastProgress = line;
    console().errLine(QStringLiteral("icatag: batch %1 %2").arg(m_batchId, line));
}

void BatchWaitCommand::printResult() {
    if (format() == OutputFormat::Json) {
        const QJsonObject result{{QStringLiteral("batch"), m_batch.toJson()},
                                 {QStringLiteral("itemCounts"), countsJson(m_counts)}};
        if (m_collectJson)
            m_collected = result;
        else
            printer().printJson(result);
        return;
    }
    printer().printRecord(batchRecord(m_batch));
    TextTable table({QStringLiteral("ITEM STATUS"), QStringLiteral("COUNT")});
    for (const auto &[status, count] : std::as_const(m_counts))
        table.addRow({status.toString(), count < 0 ? QStringLiteral("?") : QString::number(count)});
    console().out(QStringLiteral("\n") + table.render());
}

void BatchWaitCommand::onTimeout() {
    if (isFinished())
        return;
    m_pollTimer.stop();
    const QString last =
        m_haveBatch ? QStringLiteral(" (last seen: %1)").arg(m_lastProgress) : QString();
    finishWithError(ExitFailure,
                    QStringLiteral("timed out after %1 s waiting for batch %2 to finish%3.")
                        .arg(double(m_timeout->count()) / 1000.0)
                        .arg(m_batchId, last));
}

CommandSpec batchWaitSpec() {
    CommandSpec spec(
        QStringLiteral("batch"), QStringLiteral("wait"),
        QStringLiteral("Wait until a batch's job has finished; show item counts"),
        QStringLiteral(
            "Polls the batch until its job status is terminal (SUCCEEDED, PARTIALLY_SUCCEEDED, "
            "FAILED or STOPPED), showing the status and the item count per status on stderr as "
            "they change, then prints the batch and the counts.\n\n"
            "Exit status: 0 when the job is terminal, whatever the status (FAILED included: read "
            "the status from the output); 1 on an API or network failure or when --timeout runs "
            "out; 2 on a usage error. Here --timeout is the whole wait; the per-request timeout "
            "is --request-timeout.\n\n"
            "A poll that fails with a server error (5xx), a dropped connection or a timeout is "
            "retried by the client, then again on the next poll: the wait gives up only after "
            "--give-up-after seconds of nothing but failures (default 300), or at once when the "
            "batch is gone or access is refused."));
    spec.hasOwnTimeout = true;
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({
            {QStringLiteral("project"), QStringLiteral("Project ID (required)."),
             QStringLiteral("ID")},
            {QStringLiteral("batch"), QStringLiteral("Batch ID (required)."), QStringLiteral("ID")},
            {QStringLiteral("interval"), QStringLiteral("Seconds between polls (default 2)."),
             QStringLiteral("SECONDS")},
            {QStringLiteral("timeout"),
             QStringLiteral("Give up (exit 1) after SECONDS (default: wait as long as it takes)."),
             QStringLiteral("SECONDS")},
            {QStringLiteral("give-up-after"),
             QStringLiteral("Give up (exit 1) after SECONDS of failed polls in a row (default "
                            "300)."),
             QStringLiteral("SECONDS")},
        });
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString batch;
        if (!requiredValue(parser, QStringLiteral("project"),
                           QStringLiteral("give the project's ID."), &project, error) ||
            !requiredValue(parser, QStringLiteral("batch"),
                           QStringLiteral("give the batch's ID (printed by 'batch create')."),
                           &batch, error))
            return nullptr;
        std::chrono::milliseconds interval;
        if (!pollInterval(parser, &interval, error))
            return nullptr;
        std::optional<std::chrono::milliseconds> timeout;
        if (parser.isSet(QStringLiteral("timeout"))) {
            double seconds = 0;
            if (!parseSeconds(QStringLiteral("--timeout"), parser.value(QStringLiteral("timeout")),
                              0.001, &seconds, error))
                return nullptr;
            timeout = std::chrono::milliseconds(qint64(seconds * 1000.0));
        }
        double giveUpAfter = double(BatchWaitCommand::DefaultGiveUpAfter.count()) / 1000.0;
        if (parser.isSet(QStringLiteral("give-up-after")) &&
            !parseSeconds(QStringLiteral("--give-up-after"),
                          parser.value(QStringLiteral("give-up-after")), 0.0, &giveUpAfter, error))
            return nullptr;
        return std::make_unique<BatchWaitCommand>(
            project, batch, interval, timeout,
            std::chrono::milliseconds(qint64(giveUpAfter * 1000.0)));
    };
    return spec;
}

} // namespace ica::cli
