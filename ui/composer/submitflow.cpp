#include "submitflow.h"

#include "api/apiclient.h"
#include "composer/batchsubmitter.h"
#include "confirmation.h"
#include "store/storeworker.h"

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
        Q_EMIT statusMessage(text);
    });
    connect(m_submitter, &BatchSubmitter::batchCreated, this,
            [this](const QString &projectId, const QString &batchId) {
                Q_EMIT statusMessage(tr("Created batch %1.").arg(batchId));
                Q_EMIT batchCreated(projectId, batchId);
            });
    connect(
        m_submitter, &BatchSubmitter::recordFailed, this,
        [this](const QString &batchId, const QString &text) {
            Q_EMIT statusMessage(
                tr("Batch %1 was created but not written to the history: %2").arg(batchId, text));
        });
    connect(m_submitter, &BatchSubmitter::finished, this, &SubmitFlow::onFinished);
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
    QPointer<ApiClient> guardedClient(client);
    QPointer<StoreWorker> guardedStore(store);
    Confirmation::ask(
        m_parent, tr("Submit"), question, details, accept,
        [this, guardedClient, guardedStore, profileId, plan, stillCurrent](bool accepted) {
            if (!accepted) {
                Q_EMIT statusMessage(tr("Nothing was sent."));
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
        Q_EMIT statusMessage(text);
    } else {
        Q_EMIT message(MessageBar::Kind::Error, m_submitter->failureSummary());
        Q_EMIT statusMessage(m_submitter->error().title());
    }
    Q_EMIT finished(ok);
}

} // namespace ica::ui
