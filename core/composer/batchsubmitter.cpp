#include "core/composer/batchsubmitter.h"

#include "core/api/batchapi.h"
#include "core/diagnostics/logcategories.h"
#include "core/history/snapshottaker.h"
#include "core/rows/offthread.h"
#include "core/store/batchrecord.h"
#include "core/store/storeworker.h"

#include <QElapsedTimer>
#include <QStringList>

#include <utility>

namespace ica {

BatchSubmitter::BatchSubmitter(QObject *parent)
    : QObject(parent) {}

bool BatchSubmitter::start(ApiClient *client, StoreWorker *store, const QString &profileId,
                           const SubmitPlan &plan) {
    if (m_running || !client || plan.requests.isEmpty())
        return false;
    m_client = client;
    m_store = store;
    m_profileId = profileId;
    m_plan = plan;
    m_created.clear();
    m_next = 0;
    m_failedIndex = -1;
    m_error = ApiError();
    m_running = true;
    m_awaitingChoice = false;
    m_haveSnapshot = false;
    // The last run's (100,000 items) is freed on a worker: that took milliseconds here.
    destroyOffThread(std::exchange(m_snapshot, UndoSnapshot()), WorkPriority::Background);
    ++m_run;
    // A call whose client is destroyed never answers: end the run instead of hanging.
    m_clientGone = connect(client, &QObject::destroyed, this, [this]() {
        fail(ApiError::usage(tr("The profile was closed while the batches were being created.")));
    });
    if (m_store && m_snapshotsEnabled)
        takeSnapshot();
    else
        sendNext();
    return true;
}

void BatchSubmitter::takeSnapshot() {
    Q_EMIT snapshotting(int(m_plan.requests.size()));
    const quint64 run = m_run;
    QElapsedTimer timer;
    timer.start();
    SnapshotTaker::take(m_client, m_plan.projectId, m_plan.projectName, m_plan.source, this,
                        [this, run, timer](const Result<UndoSnapshot> &result) {
                            if (!m_running || run != m_run)
                                return;
                            if (!result.ok()) {
                                m_awaitingChoice = true;
                                Q_EMIT snapshotFailed(result.error);
                                return;
                            }
                            m_snapshot = *result.value;
                            m_haveSnapshot = true;
                            qCInfo(lcStore, "undo snapshot of %lld items taken in %lld ms",
                                   qint64(m_snapshot.items.size()), qint64(timer.elapsed()));
                            sendNext();
                        });
}

void BatchSubmitter::continueWithoutUndo() {
    if (!m_running || !m_awaitingChoice)
        return;
    m_awaitingChoice = false;
    sendNext();
}

void BatchSubmitter::cancel() {
    if (!m_running || !m_awaitingChoice)
        return;
    m_awaitingChoice = false;
    fail(ApiError::usage(tr("Nothing was sent: the data's current state could not be read for "
                            "the undo record, and you chose not to submit without it.")));
}

void BatchSubmitter::sendNext() {
    if (!m_running)
        return;
    if (!m_client) {
        fail(ApiError::usage(tr("The profile was closed while the batches were being created.")));
        return;
    }
    if (m_next >= m_plan.requests.size()) {
        m_running = false;
        disconnect(m_clientGone);
        Q_EMIT finished(true);
        return;
    }
    const int index = m_next;
    Q_EMIT sending(index, int(m_plan.requests.size()));
    const CreateBatchRequest request = m_plan.requests.at(index);
    m_sentAt = QDateTime::currentDateTimeUtc();
    BatchApi(m_client).create(
        m_plan.projectId, request, this, [this, index, request](const Result<Batch> &result) {
            if (!m_running || index != m_next)
                return;
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            const Batch batch = *result.value;
            m_created.append(batch);
            ++m_next;
            const auto announce = [this, batch]() {
                Q_EMIT batchCreated(m_plan.projectId, batch.id);
                sendNext();
            };
            if (!m_store) {
                announce();
                return;
            }
            const BatchRecord record = BatchRecord::fromCreated(m_profileId, m_plan.projectId,
                                                                m_plan.projectName, request, batch);
            m_store->upsertBatch(
                record, this, [this, batch, request, announce](const StoreResult<BatchRecord> &r) {
                    if (!r.ok())
                        Q_EMIT recordFailed(batch.id, r.error);
                    if (!m_haveSnapshot || !m_store) {
                        announce();
                        return;
                    }
                    m_store->saveSnapshot(
                        m_profileId, batch.id, m_snapshot, request, this,
                        [this, batch, announce](const StoreResult<qint64> &saved) {
                            if (!saved.ok())
                                Q_EMIT recordFailed(
                                    batch.id, tr("its undo record was not saved (%1): it cannot "
                                                 "be undone from the app")
                                                  .arg(saved.error));
                            announce();
                        });
                });
        });
}

void BatchSubmitter::fail(const ApiError &error) {
    if (!m_running)
        return;
    m_running = false;
    m_awaitingChoice = false;
    disconnect(m_clientGone);
    m_failedIndex = m_next;
    m_error = error;
    Q_EMIT finished(false);
}

QList<CreateBatchRequest> BatchSubmitter::remaining() const {
    if (m_failedIndex < 0)
        return {};
    return m_plan.requests.mid(m_failedIndex);
}

bool BatchSubmitter::outcomeUnknown() const {
    return m_failedIndex >= 0 && m_error.outcomeUnknown();
}

QString BatchSubmitter::failureSummary() const {
    if (m_failedIndex < 0)
        return {};
    const int total = int(m_plan.requests.size());
    QString text;
    if (outcomeUnknown()) {
        // No answer from ICA itself: saying "not created" could make the user send
        // it twice, saying "created" could lose it.
        text = total == 1 ? tr("The server may or may not have created the batch: %1")
                                .arg(m_error.shortReason())
                          : tr("The server may or may not have created batch %1 of %2: %3")
                                .arg(m_failedIndex + 1)
                                .arg(total)
                                .arg(m_error.shortReason());
        const QString detail = m_error.detail();
        if (m_error.problem && !detail.isEmpty())
            text += QStringLiteral(" — ") + detail;
        if (!text.endsWith(QLatin1Char('.')))
            text += QLatin1Char('.');
        if (m_created.isEmpty()) {
            text += QLatin1Char(' ') + tr("The draft is unchanged.");
        } else {
            QStringList ids;
            for (const Batch &b : m_created)
                ids.append(b.id);
            text += QLatin1Char(' ') + tr("Created and recorded in the history: %1. The draft "
                                          "now holds this batch and those after it.")
                                           .arg(ids.join(QStringLiteral(", ")));
        }
        text += QLatin1Char(' ') + tr("Do not submit it again before checking: use \"Check "
                                      "whether it was created\".");
        return text;
    }
    if (total == 1)
        text = tr("The batch was not created: %1").arg(m_error.title());
    else
        text = tr("Batch %1 of %2 was not created: %3")
                   .arg(m_failedIndex + 1)
                   .arg(total)
                   .arg(m_error.title());
    const QString detail = m_error.detail();
    if (!detail.isEmpty() && detail != m_error.title())
        text += QStringLiteral(" — ") + detail;
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    if (!m_created.isEmpty()) {
        QStringList ids;
        for (const Batch &b : m_created)
            ids.append(b.id);
        text += QLatin1Char(' ') +
                tr("Created and recorded in the history: %1.").arg(ids.join(QStringLiteral(", ")));
        const int left = total - m_failedIndex;
        text += QLatin1Char(' ') +
                (left == 1 ? tr("The draft now holds only the batch not created; submit again to "
                                "retry it.")
                           : tr("The draft now holds only the %1 batches not created; submit "
                                "again to retry them.")
                                 .arg(left));
    } else {
        text += QLatin1Char(' ') + tr("The draft is unchanged: fix what the message says and "
                                      "submit again.");
    }
    return text;
}

} // namespace ica
