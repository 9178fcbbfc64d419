#include "core/export/jsonout.h"

#include "core/domain/decodecontext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <limits>

namespace ica {

namespace {

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z in ms since the epoch: the
/// range the fast date path spells with four-digit years.
constexpr qint64 FirstFastMs = -62135596800000LL;
constexpr qint64 LastFastMs = 253402300799999LL;

void twoDigits(QByteArray &out, int value) {
    out.append(char('0' + value / 10));
    out.append(char('0' + value % 10));
}

} // namespace

void JsonOut::string(QStringView text) {
    // Fast path: plain ASCII with nothing to escape, written straight into the buffer
    // (per-character QByteArray::append() costs more than the rest of the row).
    const char16_t *chars = text.utf16();
    const qsizetype size = text.size();
    const qsizetype start = m_out.size();
    m_out.resize(start + size + 2);
    char *out = m_out.data() + start;
    *out++ = '"';
    qsizetype i = 0;
    for (; i < size; ++i) {
        const char16_t c = chars[i];
        if (c >= 0x80 || c < 0x20 || c == u'"' || c == u'\\')
            break;
        *out++ = char(c);
    }
    if (i == size) {
        *out = '"';
        return;
    }
    m_out.resize(start + 1 + i);
    escapeRest(text.mid(i));
    m_out.append('"');
}

void JsonOut::escapeRest(QStringView text) {
    static const char hex[] = "0123456789abcdef";
    const char16_t *chars = text.utf16();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = chars[i];
        if (c >= 0x80) {
            // The rest is not plain ASCII: let Qt encode it (surrogate pairs), then
            // escape what JSON asks for byte by byte (UTF-8 bytes >= 0x80 pass as they are).
            const QByteArray utf8 = text.mid(i).toUtf8();
            for (const char byte : utf8) {
                const auto u = static_cast<unsigned char>(byte);
                if (u == '"' || u == '\\') {
                    m_out.append('\\');
                    m_out.append(char(u));
                } else if (u < 0x20) {
                    m_out.append("\\u00");
                    m_out.append(hex[u >> 4]);
                    m_out.append(hex[u & 15]);
                } else {
                    m_out.append(byte);
                }
            }
            return;
        }
        if (c == u'"' || c == u'\\') {
            m_out.append('\\');
            m_out.append(char(c));
        } else if (c < 0x20) {
            switch (c) {
            case u'\n':
                m_out.append("\\n");
                break;
            case u'\r':
                m_out.append("\\r");
                break;
            case u'\t':
                m_out.append("\\t");
                break;
            default:
                m_out.append("\\u00");
                m_out.append(hex[c >> 4]);
                m_out.append(hex[c & 15]);
            }
        } else {
            m_out.append(char(c));
        }
    }
}

void JsonOut::put(const char *text, qsizetype length) {
    const qsizetype start = m_out.size();
    m_out.resize(start + length);
    std::memcpy(m_out.data() + start, text, size_t(length));
}

void JsonOut::key(const char *name) {
    m_out.append('"');
    put(name, qsizetype(std::strlen(name)));
    put("\":", 2);
}

void JsonOut::number(qint64 value) {
    m_out.append(QByteArray::number(value));
}

void JsonOut::dateTime(const QDateTime &dateTime) {
    const qint64 ms = dateTime.toMSecsSinceEpoch();
    if (!dateTime.isValid() || ms < FirstFastMs || ms > LastFastMs) {
        string(ica::formatDateTime(dateTime));
        return;
    }
    // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
    qint64 days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    const qint64 msOfDay = ms - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    m_out.append('"');
    twoDigits(m_out, year / 100);
    twoDigits(m_out, year % 100);
    m_out.append('-');
    twoDigits(m_out, month);
    m_out.append('-');
    twoDigits(m_out, day);
    m_out.append('T');
    const int seconds = int(msOfDay / 1000);
    twoDigits(m_out, seconds / 3600);
    m_out.append(':');
    twoDigits(m_out, seconds / 60 % 60);
    m_out.append(':');
    twoDigits(m_out, seconds % 60);
    const int millis = int(msOfDay % 1000);
    if (millis != 0) {
        m_out.append('.');
        m_out.append(char('0' + millis / 100));
        twoDigits(m_out, millis % 100);
    }
    m_out.append("Z\"");
}

void JsonOut::value(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        m_out.append("null");
        break;
    case QJsonValue::Bool:
        m_out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        // Integers print as integers (as QJsonDocument does), qint64 ones exactly.
        constexpr qint64 NotInteger = std::numeric_limits<qint64>::min();
        const qint64 integer = value.toInteger(NotInteger);
        const double d = value.toDouble();
        if (integer != NotInteger)
            number(integer);
        else if (std::isfinite(d))
            m_out.append(QByteArray::number(d, 'g', 17));
        else
            m_out.append("null"); // JSON has no infinities; QJsonDocument writes null too
        break;
    }
    case QJsonValue::String:
        string(value.toString());
        break;
    case QJsonValue::Array: {
        m_out.append('[');
        bool first = true;
        for (const QJsonValue &element : value.toArray()) {
            if (!first)
                m_out.append(',');
            first = false;
            this->value(element);
        }
        m_out.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        m_out.append('{');
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first)
                m_out.append(',');
            first = false;
            string(it.key());
            m_out.append(':');
            this->value(it.value());
        }
        m_out.append('}');
        break;
    }
    }
}

void JsonOut::stringList(const QStringList &list) {
    m_out.append('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            m_out.append(',');
        string(list.at(i));
    }
    m_out.append(']');
}

void JsonOut::tagUpdate(const ica::TagUpdate &update) {
    m_out.append('{');
    if (!update.addTags.isEmpty()) {
        key("addTags");
        stringList(update.addTags);
    }
    if (!update.removeTags.isEmpty()) {
        if (!update.addTags.isEmpty())
            m_out.append(',');
        key("removeTags");
        stringList(update.removeTags);
    }
    m_out.append('}');
}

void JsonOut::dataTags(const ica::DataTags &tags) {
    m_out.append('{');
    key("userTags");
    stringList(tags.userTags);
    raw(',');
    key("technicalTags");
    stringList(tags.technicalTags);
    raw(',');
    key("connectorTags");
    stringList(tags.connectorTags);
    raw(',');
    key("runInTags");
    stringList(tags.runInTags);
    raw(',');
    key("runOutTags");
    stringList(tags.runOutTags);
    raw(',');
    key("referenceTags");
    stringList(tags.referenceTags);
    m_out.append('}');
}

// Mirrors ica::BatchItem::toJson(): the same fields, left out in the same cases.
void appendJson(QByteArray &out, const ica::BatchItem &item) {
    JsonOut json(out);
    const ica::BatchItemRequest &r = item.request;
    json.raw('{');
    json.key("id");
    json.string(item.id);
    json.raw(',');
    json.key("request");
    json.raw('{');
    json.key("dataId");
    json.string(r.dataId);
    if (!r.userTags.isEmpty()) {
        json.raw(',');
        json.key("userTags");
        json.tagUpdate(r.userTags);
    }
    if (!r.technicalTags.isEmpty()) {
        json.raw(',');
        json.key("technicalTags");
        json.tagUpdate(r.technicalTags);
    }
    if (r.willBeArchivedAt.isValid()) {
        json.raw(',');
        json.key("willBeArchivedAt");
        json.dateTime(r.willBeArchivedAt);
    }
    if (r.willBeDeletedAt.isValid()) {
        json.raw(',');
        json.key("willBeDeletedAt");
        json.dateTime(r.willBeDeletedAt);
    }
    json.raw("},");
    json.key("processing");
    json.raw('{');
    json.key("status");
    json.string(item.status.toString());
    if (!item.additionalStatusInformation.isEmpty()) {
        json.raw(',');
        json.key("additionalStatusInformation");
        json.string(item.additionalStatusInformation);
    }
    json.raw("}}");
}

// Mirrors ica::ProjectData::toJson().
void appendJson(QByteArray &out, const ica::ProjectData &d) {
    JsonOut json(out);
    json.raw('{');
    json.key("projectId");
    json.string(d.projectId);
    json.raw(',');
    json.key("data");
    json.raw('{');
    json.key("id");
    json.string(d.id);
    if (!d.urn.isEmpty()) {
        json.raw(',');
        json.key("urn");
        json.string(d.urn);
    }
    json.raw(',');
    json.key("details");
    json.raw('{');
    json.key("name");
    json.string(d.name);
    json.raw(',');
    json.key("dataType");
    json.string(d.typeText);
    json.raw(',');
    json.key("status");
    json.string(d.status);
    json.raw(',');
    json.key("tags");
    json.dataTags(d.tags);
    // formatDateTime() gives "" for a time not set, and toJson() writes that "".
    json.raw(',');
    json.key("timeCreated");
    json.dateTime(d.timeCreated);
    json.raw(',');
    json.key("timeModified");
    json.dateTime(d.timeModified);
    if (!d.path.isEmpty()) {
        json.raw(',');
        json.key("path");
        json.string(d.path);
    }
    if (!d.owningProjectId.isEmpty()) {
        json.raw(',');
        json.key("owningProjectId");
        json.string(d.owningProjectId);
    }
    if (d.sizeInBytes) {
        json.raw(',');
        json.key("fileSizeInBytes");
        json.number(*d.sizeInBytes);
    }
    if (!d.formatCode.isEmpty()) {
        json.raw(',');
        json.key("format");
        json.raw('{');
        json.key("code");
        json.string(d.formatCode);
        json.raw('}');
    }
    if (d.willBeArchivedAt.isValid()) {
        json.raw(',');
        json.key("willBeArchivedAt");
        json.dateTime(d.willBeArchivedAt);
    }
    if (d.willBeDeletedAt.isValid()) {
        json.raw(',');
        json.key("willBeDeletedAt");
        json.dateTime(d.willBeDeletedAt);
    }
    json.raw("}}}");
}

} // namespace ica
