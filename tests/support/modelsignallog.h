#pragma once

#include <QAbstractItemModel>
#include <QObject>
#include <QStringList>

#include <algorithm>

namespace ica::test {

/// Records every change notification of a model as text, in order, for exact
/// comparisons: "ins 0-4", "rem 2-2", "mov 3-3>0", "chg 0-1 c2-2", "reset", "layout".
class ModelSignalLog final : public QObject {
public:
    explicit ModelSignalLog(QAbstractItemModel *model) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    entries << QStringLiteral("ins %1-%2").arg(first).arg(last);
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    entries << QStringLiteral("rem %1-%2").arg(first).arg(last);
                });
        connect(model, &QAbstractItemModel::rowsMoved, this,
                [this](const QModelIndex &, int first, int last, const QModelIndex &, int to) {
                    entries << QStringLiteral("mov %1-%2>%3").arg(first).arg(last).arg(to);
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    entries << QStringLiteral("chg %1-%2 c%3-%4")
                                   .arg(topLeft.row())
                                   .arg(bottomRight.row())
                                   .arg(topLeft.column())
                                   .arg(bottomRight.column());
                });
        connect(model, &QAbstractItemModel::modelReset, this,
                [this]() { entries << QStringLiteral("reset"); });
        connect(model, &QAbstractItemModel::layoutChanged, this,
                [this]() { entries << QStringLiteral("layout"); });
    }

    /// How many entries start with `prefix` ("ins", "chg", "reset", ...).
    [[nodiscard]] int count(const QString &prefix) const {
        return int(std::count_if(entries.cbegin(), entries.cend(),
                                 [&prefix](const QString &e) { return e.startsWith(prefix); }));
    }
    /// The entries joined with ';', for failure messages.
    [[nodiscard]] QString text() const { return entries.join(QLatin1Char(';')); }

    QStringList entries;
};

} // namespace ica::test
