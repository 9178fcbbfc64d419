#pragma once

#include "core/monitor/failuresummary.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ica::ui {

/// Why items failed: the batch's FAILED and PARTIALLY_UPDATED items grouped by reason
/// (FailureSummary), one row per reason with its count and statuses. Clicking a row
/// asks to show those items (reasonChosen). The view fetches the summary (off the GUI
/// thread, through the items API's status filter) and hands it over.
///
/// objectNames: failureSummary (this), failureSummaryTable, failureSummaryLabel.
class FailureSummaryPanel final : public QWidget {
    Q_OBJECT
public:
    enum Column { ReasonColumn, CountColumn, StatusesColumn, ColumnCount };

    explicit FailureSummaryPanel(QWidget *parent = nullptr);

    /// Shows a summary (replaces what was shown).
    void setSummary(const FailureSummary &summary);
    /// Says the summary is being read, or could not be (keeps the last one shown).
    void setLoading();
    void setError(const QString &message);
    /// Shows nothing (another batch, or none failed).
    void clear();
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    /// The reason of a table row (FailureSummary's grouped text).
    [[nodiscard]] QString reasonAt(int row) const;

Q_SIGNALS:
    /// The user chose a reason: show the items that failed for it.
    void reasonChosen(const QString &reason);

private:
    QLabel *m_label;
    QTableWidget *m_table;
};

} // namespace ica::ui
