#include "ui/style/statusstyle.h"

namespace ica::ui {

QColor jobStatusColor(const JobStatus &status, const QPalette &palette) {
    return toneColor(toneOf(statusKind(status)), palette);
}

QColor itemStatusColor(ItemStatus::Value status, const QPalette &palette) {
    return toneColor(toneOf(statusKind(status)), palette);
}

QIcon jobStatusIcon(const JobStatus &status, const QPalette &palette) {
    return statusIcon(statusKind(status), palette);
}

QIcon itemStatusIcon(ItemStatus::Value status, const QPalette &palette) {
    return statusIcon(statusKind(status), palette);
}

QString localTimeText(const QDateTime &when) {
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

QString utcTimeText(const QDateTime &when) {
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) + QStringLiteral(" UTC") : QString();
}

StatusDotDelegate::StatusDotDelegate(Kind kind, int statusRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind)
    , m_role(statusRole) {}

std::optional<StatusKind> StatusDotDelegate::kindFor(const QModelIndex &index) const {
    const QVariant status = index.data(m_role);
    if (!status.isValid())
        return std::nullopt;
    return m_kind == Kind::Job ? statusKind(JobStatus(JobStatus::Value(status.toInt())))
                               : statusKind(ItemStatus::Value(status.toInt()));
}

QColor StatusDotDelegate::colorFor(const QModelIndex &index, const QPalette &palette) const {
    const std::optional<StatusKind> kind = kindFor(index);
    return kind ? toneColor(toneOf(*kind), palette) : QColor();
}

void StatusDotDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const std::optional<StatusKind> kind = kindFor(index);
    if (!kind)
        return;
    option->features |= QStyleOptionViewItem::HasDecoration;
    // The view's palette of this paint: a palette change repaints with the new one.
    option->icon = statusIcon(*kind, option->palette);
    option->decorationSize = QSize(12, 12);
}

} // namespace ica::ui
