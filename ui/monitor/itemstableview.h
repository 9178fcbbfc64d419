#pragma once

#include <QTableView>

class QTimer;

namespace ica::ui {

/// The items table: whole-row, extended selection; Ctrl+C (QKeySequence::Copy)
/// asks for the selected rows' data IDs instead of copying one cell.
///
/// Rows appended below the visible area ("load all": a page of 100 rows every few
/// milliseconds) change only the scroll range: the viewport is not laid out and
/// repainted for them (QTableView would repaint every visible cell per page), and the
/// scroll bar follows at most every ScrollRangeDelayMs.
class ItemsTableView final : public QTableView {
    Q_OBJECT
public:
    /// While rows stream in below the viewport, the scroll bar's range is brought up to
    /// date at most this often (a scroll bar repaint per page cost milliseconds).
    static constexpr int ScrollRangeDelayMs = 100;

    explicit ItemsTableView(QWidget *parent = nullptr);

    /// The selected rows, in ascending order.
    [[nodiscard]] QList<int> selectedRowNumbers() const;

Q_SIGNALS:
    void copyRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    /// Takes the place of QTableView::rowCountChanged (see the constructor).
    void onRowCountChanged(int oldCount, int newCount);
    /// The `count` rows from `first` on, just appended, lie below the viewport (none
    /// of them would be painted).
    [[nodiscard]] bool appendedBelowViewport(int first, int count) const;

    QTimer *m_scrollRangeDelay; ///< updateGeometries() once rows stop streaming in
};

} // namespace ica::ui
