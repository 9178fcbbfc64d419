#include "ui/composer/submitflow.h"

#include "core/api/apiclient.h"
#include "core/api/createdbatchfinder.h"
#include "core/composer/batchsubmitter.h"
#include "core/diagnostics/statusnotices.h"
#include "core/store/storeworker.h"
#include "ui/widgets/confirmation.h"

#include <QStringList>
#include <QWidget>

namespace ica::ui {

SubmitFlow::SubmitFlow(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_parent(dialogParent)
    , m_submitter(new BatchSubmitter(this)) {
    connect(m_submitter, &BatchSubmitter::sending, this, [this](int index, int total) {
        const QString text = total == 1 ? tr("Creating the batch…")
                                        : tr("Creating batch %1 of %2…").arg(index + 1).arg(total);
        Q_EMIT message(MessageBar::Kind::Info, text);
        StatusNotices::post(text);
    });
    connect(m_submitter, &BatchSubmitter::batchCreated, this,
            [this](const QString &projectId, const QString &batchId) {
                StatusNotices::post(tr("Created batch %1.").arg(batchId));
                Q_EMIT batchCreated(projectId, batchId);
            });
    connect(
        m_submitter, &BatchSubmitter::recordFailed, this,
        [this](const QString &batchId, const QString &text) {
            StatusNotices::post(
                tr("Batch %1 was created but not written to the history: %2").arg(batchId, text));
        });
    connect(m_submitter, &BatchSubmitter::finished, this, &SubmitFlow::onFinished);
    connect(m_submitter, &BatchSubmitter::snapshotting, this, [this](int total) {
        const QString text =
            total == 1 ? tr("Creating the batch: first recording the data's current state, so it "
                            "can be undone…")
                       : tr("Creating %1 batches: first recording the data's current state, so "
                            "they can be undone…")
                             .arg(total);
        Q_EMIT message(MessageBar::Kind::Info, text);
        StatusNotices::post(text);
    });
    connect(m_submitter, &BatchSubmitter::snapshotFailed, this, &SubmitFlow::onSnapshotFailed);
}

void SubmitFlow::onSnapshotFailed(const ApiError &error) {
    // Never a silent batch without undo: the user chooses, and nothing is sent
    // before the answer.
    Confirmation::ask(
        m_parent, tr("Submit without undo?"),
        tr("The current state of the data could not be read (%1), so this batch could not be "
           "undone from the app later.")
            .arg(error.shortReason()),
        tr("Submit it anyway without undo, or cancel and submit again when the connection "
           "is back. Nothing has been sent yet."),
        tr("Submit without undo"), [this](bool accepted) {
            if (!m_submitter->isAwaitingUndoChoice())
                return;
            if (accepted) {
                StatusNotices::post(tr("Submitting without an undo record."));
                m_submitter->continueWithoutUndo();
            } else {
                m_submitter->cancel();
            }
        });
}

bool SubmitFlow::isSending() const {
    return m_submitter->isRunning();
}

void SubmitFlow::start(ApiClient *client, StoreWorker *store, const QString &profileId,
                       const SubmitPlan &plan, std::function<bool()> stillCurrent) {
    if (isSending())
        return;
    const SubmitCounts counts = plan.counts();
    const QString project = plan.projectName.isEmpty() ? plan.projectId : plan.projectName;
    const QString question = counts.batches == 1
                                 ? tr("Create a batch in project %1?").arg(project)
                                 : tr("Create %1 batches in project %2, one after another?")
                                       .arg(counts.batches)
                                       .arg(project);
    const QString details = counts.describe() + QLatin1Char('.') + QLatin1Char('\n') +
                            tr("ICA starts changing the data as soon as a batch is created.");
    const QString accept =
        counts.batches == 1 ? tr("Create batch") : tr("Create %1 batches").arg(counts.batches);
    m_client = client;
    QPointer<ApiClient> guardedClient(client);
    QPointer<StoreWorker> guardedStore(store);
    Confirmation::ask(
        m_parent, tr("Submit"), question, details, accept,
        [this, guardedClient, guardedStore, profileId, plan, stillCurrent](bool accepted) {
            if (!accepted) {
                StatusNotices::post(tr("Nothing was sent."));
                return;
            }
            if (isSending() || (stillCurrent && !stillCurrent())) {
                Q_EMIT message(MessageBar::Kind::Error,
                               tr("The draft changed while you were confirming: nothing was "
                                  "sent. Check it and submit again."));
                return;
            }
            Q_EMIT aboutToSend();
            if (!m_submitter->start(guardedClient, guardedStore, profileId, plan)) {
                Q_EMIT message(MessageBar::Kind::Error,
                               tr("Nothing was sent: choose a profile and add changes first."));
                return;
            }
            Q_EMIT sendingChanged(true);
        });
}

void SubmitFlow::onFinished(bool ok) {
    Q_EMIT sendingChanged(false);
    const QList<Batch> &created = m_submitter->created();
    if (ok) {
        QStringList ids;
        for (const Batch &batch : created)
            ids.append(batch.id);
        const QString text =
            created.size() == 1
                ? tr("Created batch %1. It is in the history and opens in the monitor.")
                      .arg(ids.first())
                : tr("Created %1 batches: %2. They are in the history.")
                      .arg(created.size())
                      .arg(ids.join(QStringLiteral(", ")));
        Q_EMIT message(MessageBar::Kind::Success, text);
        StatusNotices::post(text);
    } else {
        Q_EMIT message(MessageBar::Kind::Error, m_submitter->failureSummary());
        if (m_submitter->outcomeUnknown()) {
            Q_EMIT checkOffered(tr("Check whether it was created"));
            StatusNotices::post(tr("The server may or may not have created the batch."));
        } else {
            StatusNotices::post(m_submitter->error().title());
        }
    }
    Q_EMIT finished(ok);
}

bool SubmitFlow::isChecking() const {
    return m_finder && m_finder->isRunning();
}

void SubmitFlow::checkCreated() {
    if (isSending() || isChecking() || !m_submitter->outcomeUnknown())
        return;
    if (!m_client) {
        Q_EMIT message(MessageBar::Kind::Error,
                       tr("Not connected: choose the profile the batch was sent with, then check "
                          "again."));
        return;
    }
    if (!m_finder) {
        m_finder = new CreatedBatchFinder(m_client, this);
        connect(m_finder, &CreatedBatchFinder::finished, this, &SubmitFlow::onCheckFinished);
    }
    Q_EMIT message(MessageBar::Kind::Info, tr("Looking for the batch in ICA's jobs…"));
    m_finder->start(m_submitter->projectId(),
                    m_submitter->failedSentAt().addSecs(-CreatedBatchFinder::ClockSkewSeconds));
}

void SubmitFlow::onCheckFinished(const QList<CreatedBatchCandidate> &found, const ApiError &error) {
    const QString label = tr("Check whether it was created");
    if (error.isError()) {
        Q_EMIT message(MessageBar::Kind::Error,
                       tr("The check could not read ICA's jobs: %1. The batch may still have "
                          "been created: check again before you submit.")
                           .arg(error.shortReason()));
        Q_EMIT checkOffered(label);
        return;
    }
    const QList<CreateBatchRequest> remaining = m_submitter->remaining();
    const qint64 sent = remaining.isEmpty() ? -1 : remaining.first().dataIdCount();
    QList<CreatedBatchCandidate> matching;
    for (const CreatedBatchCandidate &c : found) {
        if (c.itemCount == sent)
            matching.append(c);
    }
    if (matching.size() == 1) {
        const CreatedBatchCandidate &c = matching.first();
        Q_EMIT message(MessageBar::Kind::Success,
                       tr("ICA did create it: batch %1 (%2 items, the count sent), now %3. Do "
                          "not submit it again; it opens in the monitor.")
                           .arg(c.batchId)
                           .arg(c.itemCount)
                           .arg(c.status.toString()));
        Q_EMIT batchCreated(m_submitter->projectId(), c.batchId);
        return;
    }
    if (found.isEmpty()) {
        Q_EMIT message(MessageBar::Kind::Info,
                       tr("No batch was created in this project since the request was sent: "
                          "ICA did not take it. You can submit the draft again."));
        return;
    }
    QStringList ids;
    for (const CreatedBatchCandidate &c : found)
        ids.append(tr("%1 (%2 items)").arg(c.batchId).arg(c.itemCount));
    Q_EMIT message(MessageBar::Kind::Info,
                   tr("Batches created in this project since the request was sent: %1. None "
                      "or more than one has the %2 items sent: open them in the monitor to "
                      "see whether yours is among them before you submit again.")
                       .arg(ids.join(QStringLiteral(", ")))
                       .arg(sent));
    Q_EMIT checkOffered(label);
}

} // namespace ica::ui
