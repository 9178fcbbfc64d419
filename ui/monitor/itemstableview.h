#pragma once

#include <QTableView>

namespace ica::ui {

/// The items table: whole-row, extended selection; Ctrl+C (QKeySequence::Copy)
/// asks for the selected rows' data IDs instead of copying one cell.
class ItemsTableView final : public QTableView {
    Q_OBJECT
public:
    explicit ItemsTableView(QWidget *parent = nullptr);

    /// The selected rows, in ascending order.
    [[nodiscard]] QList<int> selectedRowNumbers() const;

Q_SIGNALS:
    void copyRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace ica::ui
