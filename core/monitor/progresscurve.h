#pragma once

#include "core/monitor/itemstatuscounts.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace ica {

/// A batch's item counts over its life, from the counts the monitor polls: the
/// points of its "items per status" chart, and the processing rate and time to
/// finish read from them. A plain value, kept in the history (toJson()) so a
/// finished batch still shows its curve.
///
/// Bounded: a run of equal counts keeps only its first and last sample (a
/// plateau), and past MaxSamples every other sample of the older half is dropped,
/// so a batch watched for days still holds a few hundred points.
class ProgressCurve final {
public:
    struct Sample {
        qint64 atMs = 0; ///< when the counts were read, ms since the epoch (UTC)
        ItemStatusCounts counts;
        friend bool operator==(const Sample &a, const Sample &b) {
            return a.atMs == b.atMs && a.counts == b.counts;
        }
    };
    static constexpr int MaxSamples = 400;
    /// The rate is measured over the last RateWindowMs of the curve (or all of it
    /// when shorter): recent enough to follow a change of pace, long enough to
    /// smooth over polls that saw no change.
    static constexpr qint64 RateWindowMs = 60'000;

    /// Adds counts read at `atMs`. Samples older than the last are ignored (a
    /// clock step backwards); an empty batch (total 0) is not a point, nor are the
    /// same final counts again (a finished batch looked at later). True when the
    /// curve changed.
    bool add(qint64 atMs, const ItemStatusCounts &counts);
    [[nodiscard]] const QList<Sample> &samples() const { return m_samples; }
    [[nodiscard]] bool isEmpty() const { return m_samples.isEmpty(); }

    /// Items that reached a terminal status per second over the rate window;
    /// nullopt with fewer than two samples or a window under one second.
    [[nodiscard]] std::optional<double> itemsPerSecond() const;
    /// Seconds until every item is terminal at the current rate; 0 when all are;
    /// nullopt when the rate is unknown or zero.
    [[nodiscard]] std::optional<qint64> secondsToFinish() const;

    /// {"format":1,"statuses":[...],"samples":[[atMs,count,...],...]}, compact,
    /// one count per status in the order of "statuses".
    [[nodiscard]] QByteArray toJson() const;
    /// Reads what toJson() wrote; anything damaged gives an empty curve (a chart
    /// is not worth an error).
    static ProgressCurve fromJson(const QByteArray &json);

    friend bool operator==(const ProgressCurve &a, const ProgressCurve &b) {
        return a.m_samples == b.m_samples;
    }

private:
    void thin();
    QList<Sample> m_samples;
};

} // namespace ica
