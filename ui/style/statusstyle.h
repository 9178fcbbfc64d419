#pragma once

#include "core/domain/statuses.h"
#include "ui/style/icons.h"
#include "ui/style/tones.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QIcon>
#include <QStyledItemDelegate>

#include <optional>

namespace ica::ui {

/// Colours of job statuses on `palette` (see ui/style/tones.h): green SUCCEEDED, amber
/// PARTIALLY_SUCCEEDED, red FAILED and STOPPED, blue while queued or running
/// (INITIALIZED, WAITING_FOR_RESOURCES, RUNNING), grey when unknown; light shades
/// on a dark palette. Always shown beside the status text, never alone.
[[nodiscard]] QColor jobStatusColor(const JobStatus &status,
                                    const QPalette &palette = QGuiApplication::palette());
/// The same scheme for items: green UPDATED, amber PARTIALLY_UPDATED, red FAILED,
/// blue INITIALISED / WAITING_RESOURCES / UPDATING, grey unknown.
[[nodiscard]] QColor itemStatusColor(ItemStatus::Value status,
                                     const QPalette &palette = QGuiApplication::palette());
/// The icons beside a job's or an item's status (ui/style/icons.h), for `palette`.
[[nodiscard]] QIcon jobStatusIcon(const JobStatus &status, const QPalette &palette);
[[nodiscard]] QIcon itemStatusIcon(ItemStatus::Value status, const QPalette &palette);

/// "2026-03-01 14:05:09" in local time; empty for an invalid time.
[[nodiscard]] QString localTimeText(const QDateTime &when);
/// "2026-03-01T13:05:09Z UTC", for the tooltip beside a local time.
[[nodiscard]] QString utcTimeText(const QDateTime &when);

/// Paints the status icon (style/icons.h, for the view's palette) before the status
/// text of a cell. The status comes from `statusRole` (an int JobStatus::Value or
/// ItemStatus::Value, by `kind`); cells without it are painted as usual.
class StatusDotDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum class Kind { Job, Item };
    StatusDotDelegate(Kind kind, int statusRole, QObject *parent = nullptr);

    /// The status kind of a cell (its icon); nullopt when the cell has no status.
    [[nodiscard]] std::optional<StatusKind> kindFor(const QModelIndex &index) const;
    /// The colour of a cell's status icon on `palette`; invalid when it has none.
    [[nodiscard]] QColor colorFor(const QModelIndex &index,
                                  const QPalette &palette = QGuiApplication::palette()) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Kind m_kind;
    int m_role;
};

} // namespace ica::ui
