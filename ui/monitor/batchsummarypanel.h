#pragma once

#include "core/domain/batch.h"
#include "core/monitor/itemstatuscounts.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;

namespace ica::ui {

/// The head of the batch view: batch ID (selectable, with a copy button), the
/// job status in colour, icon and words (following the palette), created/started/finished times
/// (local, UTC in the tooltip), owner, additional status information, a progress bar and one chip
/// per item status with its count. Clicking a chip toggles that status in the items filter
/// (statusFilterToggled); setStatusFilter() keeps the chips' checked state in line with the filter.
///
/// objectNames: batchIdField, copyBatchIdButton, jobStatusDot, jobStatusLabel,
/// createdLabel, startedLabel, finishedLabel, ownerLabel, statusInfoLabel,
/// progressBar, countChip_<ITEM_STATUS> (e.g. countChip_FAILED).
class BatchSummaryPanel final : public QWidget {
    Q_OBJECT
public:
    explicit BatchSummaryPanel(QWidget *parent = nullptr);

    /// Shows a batch whose details are not known yet (clears the rest).
    void setBatchId(const QString &batchId);
    void setBatch(const Batch &batch);
    /// `progress` in [0, 1] (BatchMonitor::progress()).
    void setCounts(const ItemStatusCounts &counts, double progress);
    void setStatusFilter(const QSet<ItemStatus::Value> &statuses);
    void clear();

    /// The chip of a status (tests, keyboard focus).
    [[nodiscard]] QToolButton *chip(ItemStatus::Value status) const {
        return m_chips.value(status);
    }

Q_SIGNALS:
    void statusFilterToggled(ica::ItemStatus::Value status, bool filtered);

private:
    void copyBatchId();
    /// The status label's colour and icon and the chips' icons, for the palette
    /// now (again after a palette change).
    void applyStatusStyle();
    static void setTime(QLabel *label, const QDateTime &when);

    QLineEdit *m_batchId;
    QToolButton *m_copy;
    QLabel *m_statusDot;
    QLabel *m_status;
    QLabel *m_created;
    QLabel *m_started;
    QLabel *m_finished;
    QLabel *m_owner;
    QLabel *m_info;
    QProgressBar *m_progress;
    QHash<ItemStatus::Value, QToolButton *> m_chips;
    JobStatus m_jobStatus;
    bool m_hasStatus = false; ///< a batch is shown: its status label is coloured
};

} // namespace ica::ui
