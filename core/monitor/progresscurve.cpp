#include "core/monitor/progresscurve.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ica {

namespace {

constexpr int FormatVersion = 1;

} // namespace

bool ProgressCurve::add(qint64 atMs, const ItemStatusCounts &counts) {
    if (counts.total() <= 0)
        return false;
    if (!m_samples.isEmpty() && atMs < m_samples.last().atMs)
        return false;
    const qsizetype n = m_samples.size();
    // Once every item is final nothing changes: later looks do not stretch the curve.
    if (n >= 1 && m_samples[n - 1].counts == counts && counts.allTerminal())
        return false;
    // A plateau keeps its two ends: the middle adds nothing to the chart or the rate.
    if (n >= 2 && m_samples[n - 1].counts == counts && m_samples[n - 2].counts == counts) {
        const bool moved = m_samples[n - 1].atMs != atMs;
        m_samples[n - 1].atMs = atMs;
        return moved;
    }
    m_samples.append({atMs, counts});
    if (m_samples.size() > MaxSamples)
        thin();
    return true;
}

void ProgressCurve::thin() {
    // Drops every other sample of the older half (never the first): the old part of
    // the curve loses resolution, the recent part, which the rate reads, keeps it.
    const qsizetype half = m_samples.size() / 2;
    QList<Sample> kept;
    kept.reserve(m_samples.size());
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        if (i == 0 || i >= half || i % 2 == 0)
            kept.append(m_samples[i]);
    }
    m_samples = std::move(kept);
}

std::optional<double> ProgressCurve::itemsPerSecond() const {
    if (m_samples.size() < 2)
        return std::nullopt;
    const Sample &last = m_samples.last();
    // The newest sample at least RateWindowMs before the last, else the first.
    qsizetype from = 0;
    for (qsizetype i = m_samples.size() - 2; i >= 0; --i) {
        if (last.atMs - m_samples[i].atMs >= RateWindowMs) {
            from = i;
            break;
        }
    }
    const Sample &first = m_samples[from];
    const qint64 spanMs = last.atMs - first.atMs;
    if (spanMs < 1000)
        return std::nullopt;
    const qint64 done = last.counts.terminal() - first.counts.terminal();
    return qMax<double>(0.0, double(done) * 1000.0 / double(spanMs));
}

std::optional<qint64> ProgressCurve::secondsToFinish() const {
    if (m_samples.isEmpty())
        return std::nullopt;
    const ItemStatusCounts &now = m_samples.last().counts;
    const qint64 left = now.total() - now.terminal();
    if (left <= 0)
        return 0;
    const std::optional<double> rate = itemsPerSecond();
    if (!rate || *rate <= 0.0)
        return std::nullopt;
    return qint64(std::ceil(double(left) / *rate));
}

QByteArray ProgressCurve::toJson() const {
    QJsonArray statuses;
    for (int i = 0; i < ItemStatus::KnownCount; ++i)
        statuses.append(ItemStatus(ItemStatus::knownValues()[i]).toString());
    QJsonArray samples;
    for (const Sample &s : m_samples) {
        QJsonArray row{s.atMs};
        for (int i = 0; i < ItemStatus::KnownCount; ++i)
            row.append(s.counts.count(ItemStatus::knownValues()[i]));
        row.append(s.counts.count(ItemStatus::Unknown));
        samples.append(row);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), FormatVersion},
                                     {QStringLiteral("statuses"), statuses},
                                     {QStringLiteral("samples"), samples}})
        .toJson(QJsonDocument::Compact);
}

ProgressCurve ProgressCurve::fromJson(const QByteArray &json) {
    ProgressCurve curve;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QStringLiteral("format")).toInt() != FormatVersion)
        return curve;
    // Columns by the names written, so a status added later still reads right.
    QList<ItemStatus::Value> columns;
    for (const QJsonValue &name : o.value(QStringLiteral("statuses")).toArray())
        columns.append(ItemStatus::fromString(name.toString()).value());
    for (const QJsonValue &value : o.value(QStringLiteral("samples")).toArray()) {
        const QJsonArray row = value.toArray();
        if (row.size() != columns.size() + 2 || !row.at(0).isDouble())
            return {};
        Sample s;
        s.atMs = row.at(0).toInteger();
        for (qsizetype i = 0; i < columns.size(); ++i)
            s.counts.add(columns[i], row.at(i + 1).toInteger());
        s.counts.add(ItemStatus::Unknown, row.last().toInteger());
        if (!curve.m_samples.isEmpty() && s.atMs < curve.m_samples.last().atMs)
            return {};
        curve.m_samples.append(s);
        if (curve.m_samples.size() > 4 * MaxSamples)
            return {};
    }
    return curve;
}

} // namespace ica
