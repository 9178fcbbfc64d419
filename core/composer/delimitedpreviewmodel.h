#pragma once

#include "core/composer/delimitedfilereader.h"

#include <QAbstractTableModel>

namespace ica {

/// The first rows of an imported table, for the "choose the ID column" preview.
/// With a header the first row names the columns instead of being a row; the
/// chosen ID column answers true to IdColumnRole (core has no fonts: the view
/// highlights it). Toggling the header removes or inserts
/// that one row (no reset).
class DelimitedPreviewModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DelimitedPreviewModel)
public:
    enum Role {
        /// bool: the cell is in the chosen ID column.
        IdColumnRole = Qt::UserRole + 1,
    };

    /// Rows previewed at most.
    static constexpr int PreviewRows = 20;

    explicit DelimitedPreviewModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    /// Shows another table (a reset: another file).
    void setTable(const DelimitedTable &table);
    [[nodiscard]] const DelimitedTable &table() const { return m_table; }
    void setHasHeader(bool hasHeader);
    void setIdColumn(int column);

private:
    [[nodiscard]] int firstRow() const { return m_table.hasHeader ? 1 : 0; }

    DelimitedTable m_table;
    int m_columns = 0;
    int m_shown = 0; ///< rows previewed
};

} // namespace ica
