#pragma once

#include "simulator/rng.h"
#include "simulator/simulatoroptions.h"

#include <QJsonObject>
#include <QMutex>

namespace ica::sim {

/// What to do to one request.
struct FaultDecision {
    /// Status: answered at once, not processed. Gateway: processed, then a gateway's
    /// HTML page with `status` instead of ICA's answer. Drop, Truncate: processed.
    enum class Action { None, Status, Drop, Truncate, Gateway };
    Action action = Action::None;
    int status = 0;            ///< Status: 429, 500, 502 or 503; Gateway: 502, 503, 504
    int retryAfterSeconds = 0; ///< for 429
    int latencyMs = 0;         ///< delay before the answer (any action)
};

/// Holds the fault configuration and decides, request by request, which fault applies.
/// Thread-safe: the GUI or a test thread may change faults while the simulator serves.
/// Counted faults are consumed only by requests whose path matches their filter;
/// the 429 rate is deterministic (every 1/rate-th matching request).
class FaultInjector {
public:
    explicit FaultInjector(const FaultOptions &options = {});

    /// Replaces the whole configuration (and restarts the rate accumulator).
    void setOptions(const FaultOptions &options);
    FaultOptions options() const;
    /// Clears every fault.
    void reset();

    void setLatency(int ms, const QString &pathContains = {});
    void failNext(int count, int status = 500, const QString &pathContains = {});
    void rateLimitNext(int count, int retryAfterSeconds = 1, const QString &pathContains = {});
    void setRateLimitRate(double fraction, int retryAfterSeconds = 1,
                          const QString &pathContains = {});
    void dropNext(int count, const QString &pathContains = {});
    void truncateNext(int count, const QString &pathContains = {});
    /// The next `count` matching requests are processed, then answered by a gateway
    /// with `status` (502, 503 or 504) and an HTML page.
    void gatewayNext(int count, int status = 504, const QString &pathContains = {});
    /// The next `count` matching answers are delayed by `ms` (processed first); a
    /// request that gets another fault is not counted.
    void slowNext(int count, int ms, const QString &pathContains = {});
    /// A seeded storm of mixed faults on `rate` of the requests (see FaultOptions).
    void setStorm(double rate, quint64 seed, bool getOnly = true, const QString &pathContains = {});
    /// Faults dealt by the storm so far.
    int stormFaults() const;

    /// Decides for a request path (below /ica/rest) and consumes a counted fault.
    FaultDecision decide(const QString &path, const QByteArray &method = "GET");

    /// Applies the keys present in a JSON object (the /_sim/faults body) on top of the
    /// current configuration; returns false with a message for unknown keys or bad values.
    bool applyJson(const QJsonObject &object, QString *errorMessage);
    /// The configuration as JSON (the same keys applyJson reads).
    QJsonObject toJson() const;

private:
    /// decide() without the slow answers; m_mutex held.
    FaultDecision decideFault(const QString &path, const QByteArray &method);

    mutable QMutex m_mutex;
    FaultOptions m_options;
    double m_rateAccumulator = 0.0;
    Rng m_stormRng{1};
    int m_stormFaults = 0;
};

} // namespace ica::sim
