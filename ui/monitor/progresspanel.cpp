#include "ui/monitor/progresspanel.h"

#include "core/monitor/batchprogresstracker.h"
#include "ui/monitor/progresschart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace ica::ui {

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_rate(new QLabel(this))
    , m_eta(new QLabel(this))
    , m_chart(new ProgressChart(this)) {
    setObjectName(QStringLiteral("progressPanel"));
    m_rate->setObjectName(QStringLiteral("rateLabel"));
    m_rate->setToolTip(tr("Items that reached a final status per second, over the last minute"));
    m_eta->setObjectName(QStringLiteral("etaLabel"));
    m_eta->setToolTip(tr("When the items still on their way will be done at that pace"));
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_rate);
    row->addSpacing(12);
    row->addWidget(m_eta);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_chart);
    showCurve();
}

void ProgressPanel::setTracker(BatchProgressTracker *tracker) {
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    if (tracker)
        connect(tracker, &BatchProgressTracker::curveChanged, this, &ProgressPanel::showCurve);
    showCurve();
}

QString ProgressPanel::rateText(std::optional<double> itemsPerSecond) {
    if (!itemsPerSecond)
        return tr("Rate: —");
    const double rate = *itemsPerSecond;
    return rate >= 10.0 ? tr("Rate: %L1 items/s").arg(qint64(std::llround(rate)))
                        : tr("Rate: %L1 items/s").arg(rate, 0, 'f', 1);
}

QString ProgressPanel::etaText(std::optional<qint64> secondsLeft) {
    if (!secondsLeft)
        return tr("Time left: —");
    const qint64 s = *secondsLeft;
    if (s == 0)
        return tr("Time left: none, every item is done");
    if (s < 60)
        return tr("Time left: about %n s", nullptr, int(s));
    if (s < 3600)
        return tr("Time left: about %n min", nullptr, int((s + 59) / 60));
    return tr("Time left: about %1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

void ProgressPanel::showCurve() {
    const ProgressCurve curve = m_tracker ? m_tracker->curve() : ProgressCurve();
    m_rate->setText(rateText(curve.itemsPerSecond()));
    m_eta->setText(etaText(curve.secondsToFinish()));
    m_chart->setCurve(curve);
}

} // namespace ica::ui
