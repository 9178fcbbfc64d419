#include "ui/widgets/statusstyle.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace ica::ui {

namespace {

const QColor Green(0x2e, 0x7d, 0x32);
const QColor Amber(0xef, 0x8f, 0x00);
const QColor Red(0xc6, 0x28, 0x28);
const QColor Blue(0x15, 0x65, 0xc0);
const QColor Grey(0x75, 0x75, 0x75);

} // namespace

QColor jobStatusColor(const JobStatus &status) {
    switch (status.value()) {
    case JobStatus::Succeeded:
        return Green;
    case JobStatus::PartiallySucceeded:
        return Amber;
    case JobStatus::Failed:
    case JobStatus::Stopped:
        return Red;
    case JobStatus::Initialized:
    case JobStatus::WaitingForResources:
    case JobStatus::Running:
        return Blue;
    case JobStatus::Unknown:
        break;
    }
    return Grey;
}

QColor itemStatusColor(ItemStatus::Value status) {
    switch (status) {
    case ItemStatus::Updated:
        return Green;
    case ItemStatus::PartiallyUpdated:
        return Amber;
    case ItemStatus::Failed:
        return Red;
    case ItemStatus::Initialised:
    case ItemStatus::WaitingResources:
    case ItemStatus::Updating:
        return Blue;
    case ItemStatus::Unknown:
        break;
    }
    return Grey;
}

QIcon statusDot(const QColor &color) {
    static QHash<QRgb, QIcon> cache;
    const auto found = cache.constFind(color.rgba());
    if (found != cache.cend())
        return *found;
    QIcon icon;
    for (const int size : {12, 16, 24}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(color.darker(130));
        painter.setBrush(color);
        const qreal margin = size / 6.0;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(color.rgba(), icon);
    return icon;
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

QColor StatusDotDelegate::colorFor(const QModelIndex &index) const {
    const QVariant status = index.data(m_role);
    if (!status.isValid())
        return {};
    return m_kind == Kind::Job ? jobStatusColor(JobStatus(JobStatus::Value(status.toInt())))
                               : itemStatusColor(ItemStatus::Value(status.toInt()));
}

void StatusDotDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QColor color = colorFor(index);
    if (!color.isValid())
        return;
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = statusDot(color);
    option->decorationSize = QSize(12, 12);
}

} // namespace ica::ui
