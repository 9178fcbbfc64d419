#include "ui/monitor/progresschart.h"

#include "core/monitor/batchitemsmodel.h"
#include "ui/style/statusstyle.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace ica::ui {

ProgressChart::ProgressChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("progressChart"));
    setAccessibleName(tr("Items per status over time"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateToolTip();
}

const QList<ItemStatus::Value> &ProgressChart::stackOrder() {
    static const QList<ItemStatus::Value> order{
        ItemStatus::Updated,  ItemStatus::PartiallyUpdated, ItemStatus::Failed,
        ItemStatus::Updating, ItemStatus::WaitingResources, ItemStatus::Initialised,
        ItemStatus::Unknown,
    };
    return order;
}

void ProgressChart::setCurve(const ProgressCurve &curve) {
    if (curve == m_curve)
        return;
    m_curve = curve;
    updateToolTip();
    update();
}

QSize ProgressChart::sizeHint() const {
    return {320, fontMetrics().height() * 4};
}

QSize ProgressChart::minimumSizeHint() const {
    return {120, fontMetrics().height() * 3};
}

void ProgressChart::updateToolTip() {
    const QList<ProgressCurve::Sample> &samples = m_curve.samples();
    if (samples.size() < 2) {
        setToolTip(tr("How the items moved through their statuses: shown for batches this "
                      "app watched while they ran"));
        return;
    }
    const QLocale locale;
    const auto when = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                               QLocale::ShortFormat);
    };
    QStringList lines{tr("Items per status from %1 to %2")
                          .arg(when(samples.first().atMs), when(samples.last().atMs))};
    for (const ItemStatus::Value status : stackOrder()) {
        const qint64 n = samples.last().counts.count(status);
        if (n > 0)
            lines.append(tr("%1: %L2").arg(BatchItemsModel::statusLabel(status)).arg(n));
    }
    setToolTip(lines.join(QLatin1Char('\n')));
}

void ProgressChart::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(area);
    const QList<ProgressCurve::Sample> &samples = m_curve.samples();
    if (samples.size() < 2) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Not watched while it ran: no progress curve"));
        return;
    }
    const double t0 = double(samples.first().atMs);
    const double span = qMax(1.0, double(samples.last().atMs) - t0);
    qint64 most = 1;
    for (const ProgressCurve::Sample &s : samples)
        most = qMax(most, s.counts.total());
    const auto x = [&](qint64 at) { return area.left() + (double(at) - t0) / span * area.width(); };
    const auto y = [&](qint64 n) {
        return area.bottom() - double(n) / double(most) * area.height();
    };

    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    // Each status is the band between the sum of those below it and that sum plus itself.
    QList<qint64> below(samples.size(), 0);
    for (const ItemStatus::Value status : stackOrder()) {
        QPainterPath band;
        bool any = false;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const QPointF p(x(samples[i].atMs), y(below[i] + samples[i].counts.count(status)));
            i == 0 ? band.moveTo(p) : band.lineTo(p);
            any = any || samples[i].counts.count(status) > 0;
        }
        for (qsizetype i = samples.size() - 1; i >= 0; --i)
            band.lineTo(x(samples[i].atMs), y(below[i]));
        for (qsizetype i = 0; i < samples.size(); ++i)
            below[i] += samples[i].counts.count(status);
        if (!any)
            continue;
        band.closeSubpath();
        QColor color = itemStatusColor(status, palette());
        color.setAlpha(200);
        painter.setBrush(color);
        painter.drawPath(band);
    }
}

} // namespace ica::ui
