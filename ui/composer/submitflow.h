#pragma once

#include "core/composer/submitplan.h"
#include "ui/widgets/messagebar.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace ica {
class ApiClient;
class BatchSubmitter;
class CreatedBatchFinder;
struct CreatedBatchCandidate;
struct ApiError;
class StoreWorker;
} // namespace ica

namespace ica::ui {

/// The Submit conversation: a confirmation that shows the counts, then the
/// plan's batches created one after another by BatchSubmitter, with progress and
/// the outcome told as text for the composer's inline message area. One run at a
/// time; nothing is ever sent again without the user asking.
class SubmitFlow final : public QObject {
    Q_OBJECT
public:
    /// `dialogParent` parents the confirmation.
    explicit SubmitFlow(QWidget *dialogParent);

    /// Asks for confirmation; when accepted and `stillCurrent()` holds (the draft
    /// did not change meanwhile), creates the plan's batches with `client` and
    /// records them in `store` under `profileId`.
    void start(ApiClient *client, StoreWorker *store, const QString &profileId,
               const SubmitPlan &plan, std::function<bool()> stillCurrent);
    [[nodiscard]] bool isSending() const;
    /// The last run: created batches, the failure, the requests not created.
    [[nodiscard]] const BatchSubmitter &submitter() const { return *m_submitter; }
    /// After a run whose outcome is unknown: looks for the batch through ICA's jobs
    /// (CreatedBatchFinder) and tells what it found; a batch found with the count
    /// sent is announced with batchCreated() so it opens in the monitor. Reads only:
    /// nothing is ever sent again from here.
    void checkCreated();
    [[nodiscard]] bool isChecking() const;

Q_SIGNALS:
    /// Confirmed: the calls go out next (the composer saves the draft first).
    void aboutToSend();
    void sendingChanged(bool sending);
    /// Text for the inline message area.
    void message(ica::ui::MessageBar::Kind kind, const QString &text);
    void batchCreated(const QString &projectId, const QString &batchId);
    /// The run ended (after sendingChanged(false)): all created, or one failed.
    void finished(bool ok);
    /// Offer the user an action for the current message (e.g. "Check whether it was
    /// created"); checkCreated() is what it should run.
    void checkOffered(const QString &label);

private:
    void onFinished(bool ok);
    void onSnapshotFailed(const ica::ApiError &error);

    void onCheckFinished(const QList<ica::CreatedBatchCandidate> &found,
                         const ica::ApiError &error);

    QPointer<QWidget> m_parent;
    BatchSubmitter *m_submitter;
    QPointer<ApiClient> m_client;
    QPointer<CreatedBatchFinder> m_finder;
};

} // namespace ica::ui
