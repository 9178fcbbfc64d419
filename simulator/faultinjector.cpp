#include "simulator/faultinjector.h"

#include <QJsonValue>

namespace ica::sim {

namespace {
bool pathMatches(const QString &path, const QString &filter) {
    return filter.isEmpty() || path.contains(filter);
}

bool validFailStatus(int status) {
    // 400: ICA refusing the request with its problem body (nothing was done).
    return status == 400 || status == 500 || status == 502 || status == 503 || status == 429;
}

bool validGatewayStatus(int status) {
    return status == 502 || status == 503 || status == 504;
}
} // namespace

FaultInjector::FaultInjector(const FaultOptions &options)
    : m_options(options) {}

void FaultInjector::setOptions(const FaultOptions &options) {
    QMutexLocker lock(&m_mutex);
    m_options = options;
    m_rateAccumulator = 0.0;
    m_stormRng = Rng(options.stormSeed);
    m_stormFaults = 0;
}

FaultOptions FaultInjector::options() const {
    QMutexLocker lock(&m_mutex);
    return m_options;
}

void FaultInjector::reset() {
    setOptions(FaultOptions{});
}

void FaultInjector::setLatency(int ms, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.latencyMs = qMax(0, ms);
    m_options.latencyPathContains = pathContains;
}

void FaultInjector::failNext(int count, int status, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.failNext = qMax(0, count);
    m_options.failStatus = validFailStatus(status) ? status : 500;
    m_options.failPathContains = pathContains;
}

void FaultInjector::rateLimitNext(int count, int retryAfterSeconds, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.rateLimitNext = qMax(0, count);
    m_options.retryAfterSeconds = qMax(0, retryAfterSeconds);
    m_options.rateLimitPathContains = pathContains;
}

void FaultInjector::setRateLimitRate(double fraction, int retryAfterSeconds,
                                     const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.rateLimitRate = qBound(0.0, fraction, 1.0);
    m_options.retryAfterSeconds = qMax(0, retryAfterSeconds);
    m_options.rateLimitPathContains = pathContains;
    m_rateAccumulator = 0.0;
}

void FaultInjector::dropNext(int count, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.dropNext = qMax(0, count);
    m_options.dropPathContains = pathContains;
}

void FaultInjector::truncateNext(int count, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.truncateNext = qMax(0, count);
    m_options.truncatePathContains = pathContains;
}

void FaultInjector::gatewayNext(int count, int status, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.gatewayNext = qMax(0, count);
    m_options.gatewayStatus = validGatewayStatus(status) ? status : 504;
    m_options.gatewayPathContains = pathContains;
}

void FaultInjector::slowNext(int count, int ms, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.slowNext = qMax(0, count);
    m_options.slowMs = qMax(0, ms);
    m_options.slowPathContains = pathContains;
}

void FaultInjector::setStorm(double rate, quint64 seed, bool getOnly, const QString &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_options.stormRate = qBound(0.0, rate, 1.0);
    m_options.stormSeed = seed;
    m_options.stormGetOnly = getOnly;
    m_options.stormPathContains = pathContains;
    m_stormRng = Rng(seed);
    m_stormFaults = 0;
}

int FaultInjector::stormFaults() const {
    QMutexLocker lock(&m_mutex);
    return m_stormFaults;
}

FaultDecision FaultInjector::decide(const QString &path, const QByteArray &method) {
    QMutexLocker lock(&m_mutex);
    FaultDecision d = decideFault(path, method);
    // A slow answer is an answer: counted only on requests that get no other fault.
    FaultOptions &o = m_options;
    if (d.action == FaultDecision::Action::None && o.slowNext > 0 &&
        pathMatches(path, o.slowPathContains)) {
        --o.slowNext;
        d.latencyMs += o.slowMs;
    }
    return d;
}

FaultDecision FaultInjector::decideFault(const QString &path, const QByteArray &method) {
    FaultOptions &o = m_options;
    FaultDecision d;
    if (o.latencyMs > 0 && pathMatches(path, o.latencyPathContains))
        d.latencyMs = o.latencyMs;

    if (pathMatches(path, o.rateLimitPathContains)) {
        if (o.rateLimitNext > 0) {
            --o.rateLimitNext;
            d.action = FaultDecision::Action::Status;
            d.status = 429;
            d.retryAfterSeconds = o.retryAfterSeconds;
            return d;
        }
        if (o.rateLimitRate > 0.0) {
            m_rateAccumulator += o.rateLimitRate;
            if (m_rateAccumulator >= 1.0 - 1e-9) {
                m_rateAccumulator -= 1.0;
                d.action = FaultDecision::Action::Status;
                d.status = 429;
                d.retryAfterSeconds = o.retryAfterSeconds;
                return d;
            }
        }
    }
    if (o.failNext > 0 && pathMatches(path, o.failPathContains)) {
        --o.failNext;
        d.action = FaultDecision::Action::Status;
        d.status = o.failStatus;
        d.retryAfterSeconds = o.retryAfterSeconds;
        return d;
    }
    if (o.dropNext > 0 && pathMatches(path, o.dropPathContains)) {
        --o.dropNext;
        d.action = FaultDecision::Action::Drop;
        return d;
    }
    if (o.truncateNext > 0 && pathMatches(path, o.truncatePathContains)) {
        --o.truncateNext;
        d.action = FaultDecision::Action::Truncate;
        return d;
    }
    if (o.gatewayNext > 0 && pathMatches(path, o.gatewayPathContains)) {
        --o.gatewayNext;
        d.action = FaultDecision::Action::Gateway;
        d.status = o.gatewayStatus;
        return d;
    }
    if (o.stormRate > 0.0 && pathMatches(path, o.stormPathContains) &&
        (!o.stormGetOnly || method == "GET") && m_stormRng.chance(o.stormRate)) {
        ++m_stormFaults;
        switch (m_stormRng.bounded(7)) {
        case 0:
            d.action = FaultDecision::Action::Status;
            d.status = 429;
            d.retryAfterSeconds = o.retryAfterSeconds;
            break;
        case 1:
            d.action = FaultDecision::Action::Status;
            d.status = 500;
            break;
        case 2:
            d.action = FaultDecision::Action::Status;
            d.status = 502;
            break;
        case 3:
            d.action = FaultDecision::Action::Status;
            d.status = 503;
            d.retryAfterSeconds = o.retryAfterSeconds;
            break;
        case 4:
            d.action = FaultDecision::Action::Gateway;
            d.status = 504;
            break;
        case 5:
            d.action = FaultDecision::Action::Drop;
            break;
        default:
            d.action = FaultDecision::Action::Truncate;
            break;
        }
    }
    return d;
}

bool FaultInjector::applyJson(const QJsonObject &object, QString *errorMessage) {
    FaultOptions o = options();
    const auto fail = [&](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        const auto intValue = [&](int *target, int min) {
            if (!v.isDouble() || v.toDouble() < min || v.toDouble() > 1e9)
                return false;
            *target = v.toInt();
            return true;
        };
        const auto stringValue = [&](QString *target) {
            if (!v.isString() && !v.isNull())
                return false;
            *target = v.toString();
            return true;
        };
        bool ok = true;
        if (key == QLatin1String("latencyMs"))
            ok = intValue(&o.latencyMs, 0);
        else if (key == QLatin1String("latencyPathContains"))
            ok = stringValue(&o.latencyPathContains);
        else if (key == QLatin1String("rateLimitNext"))
            ok = intValue(&o.rateLimitNext, 0);
        else if (key == QLatin1String("rateLimitRate")) {
            ok = v.isDouble() && v.toDouble() >= 0.0 && v.toDouble() <= 1.0;
            o.rateLimitRate = v.toDouble();
        } else if (key == QLatin1String("retryAfterSeconds"))
            ok = intValue(&o.retryAfterSeconds, 0);
        else if (key == QLatin1String("rateLimitPathContains"))
            ok = stringValue(&o.rateLimitPathContains);
        else if (key == QLatin1String("failNext"))
            ok = intValue(&o.failNext, 0);
        else if (key == QLatin1String("failStatus"))
            ok = intValue(&o.failStatus, 0) && validFailStatus(o.failStatus);
        else if (key == QLatin1String("failPathContains"))
            ok = stringValue(&o.failPathContains);
        else if (key == QLatin1String("dropNext"))
            ok = intValue(&o.dropNext, 0);
        else if (key == QLatin1String("dropPathContains"))
            ok = stringValue(&o.dropPathContains);
        else if (key == QLatin1String("truncateNext"))
            ok = intValue(&o.truncateNext, 0);
        else if (key == QLatin1String("truncatePathContains"))
            ok = stringValue(&o.truncatePathContains);
        else if (key == QLatin1String("gatewayNext"))
            ok = intValue(&o.gatewayNext, 0);
        else if (key == QLatin1String("gatewayStatus"))
            ok = intValue(&o.gatewayStatus, 0) && validGatewayStatus(o.gatewayStatus);
        else if (key == QLatin1String("gatewayPathContains"))
            ok = stringValue(&o.gatewayPathContains);
        else if (key == QLatin1String("slowNext"))
            ok = intValue(&o.slowNext, 0);
        else if (key == QLatin1String("slowMs"))
            ok = intValue(&o.slowMs, 0);
        else if (key == QLatin1String("slowPathContains"))
            ok = stringValue(&o.slowPathContains);
        else if (key == QLatin1String("stormRate")) {
            ok = v.isDouble() && v.toDouble() >= 0.0 && v.toDouble() <= 1.0;
            o.stormRate = v.toDouble();
        } else if (key == QLatin1String("stormSeed")) {
            ok = v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 9007199254740991.0;
            o.stormSeed = quint64(v.toDouble());
        } else if (key == QLatin1String("stormGetOnly")) {
            ok = v.isBool();
            o.stormGetOnly = v.toBool();
        } else if (key == QLatin1String("stormPathContains"))
            ok = stringValue(&o.stormPathContains);
        else
            return fail(QStringLiteral("Unknown fault option '%1'.").arg(key));
        if (!ok)
            return fail(QStringLiteral("Invalid value for fault option '%1'.").arg(key));
    }
    setOptions(o);
    return true;
}

QJsonObject FaultInjector::toJson() const {
    const FaultOptions o = options();
    return QJsonObject{
        {QStringLiteral("latencyMs"), o.latencyMs},
        {QStringLiteral("latencyPathContains"), o.latencyPathContains},
        {QStringLiteral("rateLimitNext"), o.rateLimitNext},
        {QStringLiteral("rateLimitRate"), o.rateLimitRate},
        {QStringLiteral("retryAfterSeconds"), o.retryAfterSeconds},
        {QStringLiteral("rateLimitPathContains"), o.rateLimitPathContains},
        {QStringLiteral("failNext"), o.failNext},
        {QStringLiteral("failStatus"), o.failStatus},
        {QStringLiteral("failPathContains"), o.failPathContains},
        {QStringLiteral("dropNext"), o.dropNext},
        {QStringLiteral("dropPathContains"), o.dropPathContains},
        {QStringLiteral("truncateNext"), o.truncateNext},
        {QStringLiteral("truncatePathContains"), o.truncatePathContains},
        {QStringLiteral("gatewayNext"), o.gatewayNext},
        {QStringLiteral("gatewayStatus"), o.gatewayStatus},
        {QStringLiteral("gatewayPathContains"), o.gatewayPathContains},
        {QStringLiteral("slowNext"), o.slowNext},
        {QStringLiteral("slowMs"), o.slowMs},
        {QStringLiteral("slowPathContains"), o.slowPathContains},
        {QStringLiteral("stormRate"), o.stormRate},
        {QStringLiteral("stormSeed"), double(o.stormSeed)},
        {QStringLiteral("stormGetOnly"), o.stormGetOnly},
        {QStringLiteral("stormPathContains"), o.stormPathContains},
    };
}

} // namespace ica::sim
