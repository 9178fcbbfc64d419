#include "core/domain/decodecontext.h"
#include "core/domain/jsonlimits.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTimeZone>

#include <cmath>

namespace ica {

DecodeContext::Scope::Scope(DecodeContext &ctx, QLatin1String member)
    : m_ctx(ctx)
    , m_previousLength(ctx.m_path.size()) {
    if (!m_ctx.m_path.isEmpty())
        m_ctx.m_path += QLatin1Char('.');
    m_ctx.m_path += member;
}

DecodeContext::Scope::Scope(DecodeContext &ctx, qsizetype index)
    : m_ctx(ctx)
    , m_previousLength(ctx.m_path.size()) {
    m_ctx.m_path += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

DecodeContext::Scope::~Scope() {
    m_ctx.m_path.truncate(m_previousLength);
}

QString DecodeContext::pathWith(QLatin1String member) const {
    if (member.isEmpty())
        return m_path;
    if (m_path.isEmpty())
        return QString(member);
    return m_path + QLatin1Char('.') + member;
}

void DecodeContext::fail(const QString &message, QLatin1String member) {
    if (!ok())
        return;
    m_errorPath = pathWith(member);
    if (m_errorPath.isNull())
        m_errorPath = QLatin1String("");
    m_errorMessage = message;
}

namespace {
bool absent(const QJsonValue &v) {
    return v.isUndefined() || v.isNull();
}
} // namespace

QString DecodeContext::requiredString(const QJsonObject &o, QLatin1String key) {
    const QJsonValue v = o.value(key);
    if (absent(v)) {
        fail(QCoreApplication::translate("ica::DecodeContext", "required field is missing"), key);
        return {};
    }
    if (!v.isString()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected a string"), key);
        return {};
    }
    return v.toString();
}

QString DecodeContext::optionalString(const QJsonObject &o, QLatin1String key) {
    const QJsonValue v = o.value(key);
    if (absent(v))
        return {};
    if (!v.isString()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected a string"), key);
        return {};
    }
    return v.toString();
}

QStringList DecodeContext::optionalStringList(const QJsonObject &o, QLatin1String key) {
    const QJsonValue v = o.value(key);
    if (absent(v))
        return {};
    if (!v.isArray()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected an array of strings"),
             key);
        return {};
    }
    const QJsonArray array = v.toArray();
    QStringList out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        if (element.isNull())
            continue; // the spec allows null entries in tag lists: they carry nothing
        if (!element.isString()) {
            Scope member(*this, key);
            Scope at(*this, i);
            fail(QCoreApplication::translate("ica::DecodeContext", "expected a string"));
            return {};
        }
        out.append(element.toString());
    }
    return out;
}

QStringList DecodeContext::requiredStringList(const QJsonObject &o, QLatin1String key) {
    if (absent(o.value(key))) {
        fail(QCoreApplication::translate("ica::DecodeContext", "required field is missing"), key);
        return {};
    }
    return optionalStringList(o, key);
}

std::optional<qint64> DecodeContext::optionalInt(const QJsonObject &o, QLatin1String key,
                                                 qint64 min, qint64 max) {
    const QJsonValue v = o.value(key);
    if (absent(v))
        return std::nullopt;
    if (!v.isDouble()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected a number"), key);
        return std::nullopt;
    }
    // QJsonValue keeps integers that fit in 64 bits exactly; any other number is a
    // double, and toInteger() would silently turn a fraction or 1e300 into 0.
    const double d = v.toDouble();
    const bool whole = std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.2e18;
    const qint64 n = whole ? v.toInteger() : 0;
    if (!whole || n < min || n > max) {
        fail(QCoreApplication::translate("ica::DecodeContext",
                                         "%1 is not a whole number from %2 to %3")
                 .arg(QString::fromUtf8(
                     QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1)))
                 .arg(min)
                 .arg(max),
             key);
        return std::nullopt;
    }
    return n;
}

std::optional<qint64> DecodeContext::optionalCount(const QJsonObject &o, QLatin1String key) {
    return optionalInt(o, key, 0, JsonLimits::MaxCount);
}

std::optional<bool> DecodeContext::optionalBool(const QJsonObject &o, QLatin1String key) {
    const QJsonValue v = o.value(key);
    if (absent(v))
        return std::nullopt;
    if (!v.isBool()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected true or false"), key);
        return std::nullopt;
    }
    return v.toBool();
}

bool DecodeContext::requiredBool(const QJsonObject &o, QLatin1String key) {
    if (absent(o.value(key))) {
        fail(QCoreApplication::translate("ica::DecodeContext", "required field is missing"), key);
        return false;
    }
    return optionalBool(o, key).value_or(false);
}

QDateTime DecodeContext::requiredDateTime(const QJsonObject &o, QLatin1String key) {
    if (absent(o.value(key))) {
        fail(QCoreApplication::translate("ica::DecodeContext", "required field is missing"), key);
        return {};
    }
    return optionalDateTime(o, key);
}

QDateTime DecodeContext::optionalDateTime(const QJsonObject &o, QLatin1String key) {
    const QString text = optionalString(o, key);
    if (text.isEmpty())
        return {};
    const QDateTime parsed = parseDateTime(text);
    if (!parsed.isValid())
        fail(QCoreApplication::translate("ica::DecodeContext",
                                         "expected a date-time like 2026-11-30T08:30:00Z"),
             key);
    return parsed;
}

QJsonObject DecodeContext::requiredObject(const QJsonObject &o, QLatin1String key) {
    const QJsonValue v = o.value(key);
    if (absent(v)) {
        fail(QCoreApplication::translate("ica::DecodeContext", "required field is missing"), key);
        return {};
    }
    if (!v.isObject()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected an object"), key);
        return {};
    }
    return v.toObject();
}

QJsonObject DecodeContext::optionalObject(const QJsonObject &o, QLatin1String key, bool *present) {
    const QJsonValue v = o.value(key);
    if (present)
        *present = false;
    if (absent(v))
        return {};
    if (!v.isObject()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected an object"), key);
        return {};
    }
    if (present)
        *present = true;
    return v.toObject();
}

QJsonArray DecodeContext::requiredArray(const QJsonObject &o, QLatin1String key) {
    const QJsonValue v = o.value(key);
    if (absent(v)) {
        fail(QCoreApplication::translate("ica::DecodeContext", "required field is missing"), key);
        return {};
    }
    if (!v.isArray()) {
        fail(QCoreApplication::translate("ica::DecodeContext", "expected an array"), key);
        return {};
    }
    return v.toArray();
}

QDateTime parseDateTime(const QString &text) {
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC();
}

QString formatDateTime(const QDateTime &dateTime) {
    if (!dateTime.isValid())
        return {};
    const QDateTime utc = dateTime.toUTC();
    const bool hasMs = utc.time().msec() != 0;
    return utc.toString(hasMs ? QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")
                              : QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

} // namespace ica
