#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ica {
class BatchHistoryFilterModel;
class BatchHistoryModel;
} // namespace ica

namespace ica::ui {

/// The batches list: every batch created here or opened by ID, sortable by
/// clicking a header and filtered by text and job status, with "Open batch by
/// ID..." and "Remove from list" (Delete in the list). Selecting a row says which
/// batch to show (currentBatchChanged).
///
/// objectNames: historyFilterEdit, historyStatusCombo, historyView,
/// historyCountLabel, openByIdButton, removeBatchButton.
class BatchListPanel final : public QWidget {
    Q_OBJECT
public:
    /// `model` is not owned; the panel sorts and filters it through its own proxy.
    explicit BatchListPanel(BatchHistoryModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] BatchHistoryFilterModel *proxy() const { return m_proxy; }
    /// Makes a batch the current row (clearing the filters when they hide it) and
    /// the one the list follows, without currentBatchChanged(): the caller shows
    /// it. False when the batch is not listed (yet): then no row is selected.
    bool selectBatch(const QString &profileId, const QString &batchId);
    /// The batch of the current (visible) row; empty when none.
    [[nodiscard]] QString selectedBatchId() const;
    [[nodiscard]] QString selectedProfileId() const;

Q_SIGNALS:
    /// Another batch was chosen (by the user, or as the neighbour of the batch shown
    /// when that left the history); empty IDs when the batch shown left the history
    /// and no row is left. A batch only hidden by a filter stays the one shown.
    void currentBatchChanged(const QString &profileId, const QString &projectId,
                             const QString &batchId);
    void openByIdRequested();
    /// The user asked to remove the current batch (not confirmed yet).
    void removeRequested(const QString &profileId, const QString &batchId);

private:
    void onCurrentChanged();
    /// Emits currentBatchChanged() for `current` unless it is the batch shown.
    void announce(const QModelIndex &current);
    /// The proxy row of the batch shown; invalid when it is hidden or gone.
    [[nodiscard]] QModelIndex shownIndex() const;
    void scheduleSettle();
    /// After rows left or entered the proxy: keeps the batch shown current when it
    /// is still listed, or announces the row that took its place.
    void settle();
    void onSourceReset();
    void updateCount();

    BatchHistoryModel *m_model;
    BatchHistoryFilterModel *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_status;
    QTableView *m_view;
    QLabel *m_count;
    QPushButton *m_open;
    QPushButton *m_remove;
    QString m_currentProfile;
    QString m_currentBatch;
    bool m_currentListed = false; ///< the batch followed has had a row (it may leave)
    bool m_proxyRemoving = false;
    bool m_settlePending = false;
};

} // namespace ica::ui
