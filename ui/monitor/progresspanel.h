#pragma once

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;

namespace ica {
class BatchProgressTracker;
} // namespace ica

namespace ica::ui {

class ProgressChart;

/// The pace of the batch shown: items per second, the time left at that pace and
/// the chart of items per status over the batch's life, all read from a
/// BatchProgressTracker's curve.
///
/// objectNames: progressPanel (this), rateLabel, etaLabel, progressChart.
class ProgressPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    /// Not owned; null shows nothing.
    void setTracker(ica::BatchProgressTracker *tracker);
    [[nodiscard]] ProgressChart *chart() const { return m_chart; }
    /// "123 items/s" (or "—"): what the rate label shows for `itemsPerSecond`.
    [[nodiscard]] static QString rateText(std::optional<double> itemsPerSecond);
    /// "About 3 min left", "Done", or "—" when the pace is unknown.
    [[nodiscard]] static QString etaText(std::optional<qint64> secondsLeft);

private:
    void showCurve();

    QPointer<BatchProgressTracker> m_tracker;
    QLabel *m_rate;
    QLabel *m_eta;
    ProgressChart *m_chart;
};

} // namespace ica::ui
