#pragma once

#include "core/monitor/progresscurve.h"

#include <QWidget>

namespace ica::ui {

/// A small chart of a batch's items per status over its life: stacked areas from
/// a ProgressCurve, final statuses at the bottom (updated, partially updated,
/// failed), then those still on their way, in the status colours of the monitor.
/// Painted by hand (a few hundred points at most): no charting library needed.
/// With fewer than two points it says that the batch was not watched while it ran.
///
/// objectName: progressChart.
class ProgressChart final : public QWidget {
    Q_OBJECT
public:
    explicit ProgressChart(QWidget *parent = nullptr);

    void setCurve(const ProgressCurve &curve);
    [[nodiscard]] const ProgressCurve &curve() const { return m_curve; }
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

    /// The statuses in the order they are stacked, bottom first.
    static const QList<ItemStatus::Value> &stackOrder();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();
    ProgressCurve m_curve;
};

} // namespace ica::ui
