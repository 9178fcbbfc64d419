#pragma once

#include "core/domain/statuses.h"

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QStyledItemDelegate>

namespace ica::ui {

/// Colours of job statuses: green SUCCEEDED, amber PARTIALLY_SUCCEEDED, red FAILED
/// and STOPPED, blue while running (INITIALIZED, WAITING_FOR_RESOURCES, RUNNING),
/// grey when unknown. Always shown beside the status text, never alone.
[[nodiscard]] QColor jobStatusColor(const JobStatus &status);
/// The same scheme for items: green UPDATED, amber PARTIALLY_UPDATED, red FAILED,
/// blue INITIALISED / WAITING_RESOURCES / UPDATING, grey unknown.
[[nodiscard]] QColor itemStatusColor(ItemStatus::Value status);
/// A round dot of `color` (cached), for the icon beside a status.
[[nodiscard]] QIcon statusDot(const QColor &color);

/// "2026-03-01 14:05:09" in local time; empty for an invalid time.
[[nodiscard]] QString localTimeText(const QDateTime &when);
/// "2026-03-01T13:05:09Z UTC", for the tooltip beside a local time.
[[nodiscard]] QString utcTimeText(const QDateTime &when);

/// Paints a coloured dot before the status text of a cell. The status comes from
/// `statusRole` (an int JobStatus::Value or ItemStatus::Value, by `kind`); cells
/// without it are painted as usual.
class StatusDotDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum class Kind { Job, Item };
    StatusDotDelegate(Kind kind, int statusRole, QObject *parent = nullptr);

    /// The colour a cell's dot gets; invalid when the cell has no status.
    [[nodiscard]] QColor colorFor(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Kind m_kind;
    int m_role;
};

} // namespace ica::ui
