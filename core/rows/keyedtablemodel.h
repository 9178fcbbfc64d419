#pragma once

#include "core/rows/keyedrows.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QList>

namespace ica {

/// What every list and table model of the app shares, whatever its row type
/// (Q_OBJECT classes cannot be templates): the column titles, the role names, the
/// index check in data(), and settled(). The rows themselves live in
/// KeyedTableModel<Traits>; a model derives from that and answers rowData().
class KeyedTableModelBase : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyedTableModelBase)
public:
    enum BaseRole {
        /// Raw value of a cell for a sort proxy (each model says what it gives).
        SortRole = Qt::UserRole + 1,
        /// A model's own roles start here.
        FirstModelRole,
    };

    /// The number of column titles given to the constructor.
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    /// Checks the index (valid, top level), then asks cellData().
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    /// A column's title (translated in the model's own context) for DisplayRole.
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    /// Qt's role names plus those given to the constructor.
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// No update is waiting or being applied to the rows.
    [[nodiscard]] virtual bool isSettled() const = 0;
    /// The engine applying the updates (its inline limit, slice counts).
    [[nodiscard]] virtual RowDiffRunner *diffRunner() = 0;

Q_SIGNALS:
    /// Every update handed to the rows so far is applied (after the last slice of an
    /// asynchronous one; at once for one applied inline).
    void settled();

protected:
    /// `titles`: the column titles in column order, marked with QT_TR_NOOP in the
    /// model's class; `roles`: the names of the model's own roles.
    KeyedTableModelBase(QList<const char *> titles, QHash<int, QByteArray> roles, QObject *parent);
    ~KeyedTableModelBase() override;

    /// The value of a valid top-level cell.
    [[nodiscard]] virtual QVariant cellData(int row, int column, int role) const = 0;

private:
    QList<const char *> m_titles;
    QHash<int, QByteArray> m_roles;
};

/// A list or table model over KeyedRows<Traits>: the rows and the one way they
/// change (see KeyedRows), rowCount(), isSettled() and settled() wired once. A model
/// derives from it, hands every listing to `m_rows` (setTarget(), append(),
/// update(), reset()) and presents a row in rowData().
template <typename Traits> class KeyedTableModel : public KeyedTableModelBase {
public:
    using Row = typename Traits::Row;

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override {
        return parent.isValid() ? 0 : m_rows.size();
    }
    [[nodiscard]] bool isSettled() const override { return m_rows.isSettled(); }
    [[nodiscard]] RowDiffRunner *diffRunner() override { return m_rows.runner(); }

protected:
    KeyedTableModel(QList<const char *> titles, QHash<int, QByteArray> roles, QObject *parent,
                    Traits traits = Traits())
        : KeyedTableModelBase(std::move(titles), std::move(roles), parent)
        , m_rows(this, std::move(traits)) {
        connect(m_rows.runner(), &RowDiffRunner::settled, this, &KeyedTableModelBase::settled);
    }

    /// The value of `column` of `row` for `role`.
    [[nodiscard]] virtual QVariant rowData(const Row &row, int column, int role) const = 0;

    KeyedRows<Traits> m_rows;

private:
    [[nodiscard]] QVariant cellData(int row, int column, int role) const final {
        return rowData(m_rows.at(row), column, role);
    }
};

/// KeyedRows traits of rows that are their own input, keyed by text and compared
/// whole: `Columns` (the model) gives `static QString keyOf(const T &)` and
/// `static quint32 changedColumns(const T &, const T &)`.
template <typename T, typename Columns> struct ValueRowTraits {
    using Row = T;
    using Key = QString;
    using Input = T;
    [[nodiscard]] Row make(const Input &value) const { return value; }
    [[nodiscard]] Key key(const Row &row) const { return Columns::keyOf(row); }
    [[nodiscard]] bool same(const Row &a, const Row &b) const { return a == b; }
    [[nodiscard]] quint32 changedColumns(const Row &a, const Row &b) const {
        return Columns::changedColumns(a, b);
    }
};

} // namespace ica
