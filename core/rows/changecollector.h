#pragma once

#include <QAbstractItemModel>

namespace ica {

/// The columns that differ between two versions of a row, as ChangeCollector and
/// KeyedRows traits take them: bit i set = column i changed.
class ColumnMask final {
public:
    /// Marks `column` when `differs`.
    ColumnMask &mark(bool differs, int column) {
        if (differs)
            m_bits |= 1u << column;
        return *this;
    }
    [[nodiscard]] quint32 bits() const { return m_bits; }

private:
    quint32 m_bits = 0;
};

/// Emits a model's dataChanged() for runs of consecutive rows that share the same
/// changed column span, so a refresh notifies the smallest true ranges in as few
/// signals as possible. Rows are added in ascending order with a bit set per changed
/// column (column 0 = bit 0); the last run is flushed on destruction.
class ChangeCollector final {
public:
    ChangeCollector(QAbstractItemModel *model, int columnCount)
        : m_model(model)
        , m_columnCount(columnCount) {}
    ~ChangeCollector() { flush(); }
    Q_DISABLE_COPY_MOVE(ChangeCollector)

    void add(int row, quint32 columns) {
        if (columns == 0)
            return;
        int first = 0;
        while (!(columns & (1u << first)))
            ++first;
        int last = m_columnCount - 1;
        while (!(columns & (1u << last)))
            --last;
        if (m_firstRow >= 0 && row == m_lastRow + 1 && first == m_firstColumn &&
            last == m_lastColumn) {
            m_lastRow = row;
            return;
        }
        flush();
        m_firstRow = m_lastRow = row;
        m_firstColumn = first;
        m_lastColumn = last;
    }

    void flush() {
        if (m_firstRow < 0)
            return;
        Q_EMIT m_model->dataChanged(m_model->index(m_firstRow, m_firstColumn),
                                    m_model->index(m_lastRow, m_lastColumn));
        m_firstRow = -1;
    }

private:
    QAbstractItemModel *m_model;
    int m_columnCount;
    int m_firstRow = -1;
    int m_lastRow = -1;
    int m_firstColumn = 0;
    int m_lastColumn = 0;
};

} // namespace ica
