#pragma once

#include "core/history/undoplanner.h"

#include <QAbstractTableModel>
#include <QDialog>

class QLabel;
class QTableView;

namespace ica::ui {

/// The rows of an UndoPlan for a table: item, name, now, after undo (and a note);
/// then the skipped items with the reason. Light: 100,000 rows are fine.
class UndoPlanModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Item, Name, Now, After, Note, ColumnCount };

    explicit UndoPlanModel(QObject *parent = nullptr);
    void setPlan(const UndoPlan &plan);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    /// "user: a, b; technical: c; archive: 2031-01-01T00:00:00Z; delete: none".
    [[nodiscard]] static QString describe(const DataState &state);

private:
    QList<UndoRow> m_rows;
    QList<UndoSkip> m_skipped;
};

/// Shows what "Undo this batch…" would do before the draft is made: the counts
/// (groups, items, skipped by reason), any warning, and a table of every item with
/// its state now and after the undo, then the skipped ones and why. Accepting
/// ("Make draft") means: put the inverse into a new draft.
///
/// objectNames: undoPreviewDialog (this), undoSummary, undoTable, undoMakeDraftButton.
class UndoPreviewDialog final : public QDialog {
    Q_OBJECT
public:
    UndoPreviewDialog(const QString &batchId, const UndoPlan &plan, QWidget *parent = nullptr);

    [[nodiscard]] const UndoPlan &plan() const { return m_plan; }
    [[nodiscard]] UndoPlanModel *model() const { return m_model; }

private:
    UndoPlan m_plan;
    UndoPlanModel *m_model;
};

} // namespace ica::ui
