#include "simulator/jsonwriter.h"

namespace ica::sim {

namespace {
const char kHex[] = "0123456789abcdef";
}

void JsonWriter::separate() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (m_first.back())
            m_first.back() = false;
        else
            m_out.append(',');
    }
}

void JsonWriter::open(char c) {
    separate();
    m_out.append(c);
    m_first.push_back(true);
}

void JsonWriter::close(char c) {
    m_out.append(c);
    m_first.pop_back();
}

void JsonWriter::key(const char *name) {
    separate();
    m_out.append('"');
    m_out.append(name);
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::key(const QString &name) {
    separate();
    m_out.append('"');
    appendEscaped(name);
    m_out.append("\":", 2);
    m_afterKey = true;
}

char *JsonWriter::tail(qsizetype extra) {
    const qsizetype size = m_out.size();
    if (m_out.capacity() < size + extra)
        m_out.reserve(qMax(size + extra, m_out.capacity() * 2));
    m_out.resize(size + extra);
    return m_out.data() + size;
}

void JsonWriter::appendEscaped(QStringView text) {
    // Worst case 6 output bytes per UTF-16 unit (\u00XX); written through a raw pointer,
    // because QByteArray::append per character dominated large pages.
    char *const begin = tail(text.size() * 6);
    char *out = begin;
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *out++ = char(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case u'"':
                *out++ = '"';
                break;
            case u'\\':
                *out++ = '\\';
                break;
            case u'\n':
                *out++ = 'n';
                break;
            case u'\r':
                *out++ = 'r';
                break;
            case u'\t':
                *out++ = 't';
                break;
            case u'\b':
                *out++ = 'b';
                break;
            case u'\f':
                *out++ = 'f';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = kHex[c >> 4];
                *out++ = kHex[c & 0xF];
            }
            continue;
        }
        char32_t cp = c;
        if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p))
            cp = QChar::surrogateToUcs4(c, *p++);
        else if (QChar::isSurrogate(c))
            cp = 0xFFFD; // lone surrogate
        if (cp < 0x800) {
            *out++ = char(0xC0 | (cp >> 6));
            *out++ = char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *out++ = char(0xE0 | (cp >> 12));
            *out++ = char(0x80 | ((cp >> 6) & 0x3F));
            *out++ = char(0x80 | (cp & 0x3F));
        } else {
            *out++ = char(0xF0 | (cp >> 18));
            *out++ = char(0x80 | ((cp >> 12) & 0x3F));
            *out++ = char(0x80 | ((cp >> 6) & 0x3F));
            *out++ = char(0x80 | (cp & 0x3F));
        }
    }
    m_out.resize(m_out.size() - (text.size() * 6 - (out - begin)));
}

void JsonWriter::value(QStringView text) {
    separate();
    m_out.append('"');
    appendEscaped(text);
    m_out.append('"');
}

void JsonWriter::value(QLatin1String text) {
    separate();
    m_out.append('"');
    bool plain = true;
    for (const char ch : text)
        plain = plain && uchar(ch) >= 0x20 && uchar(ch) < 0x80 && ch != '"' && ch != '\\';
    if (plain)
        m_out.append(text.data(), text.size());
    else
        appendEscaped(QString(text));
    m_out.append('"');
}

void JsonWriter::value(qint64 number) {
    separate();
    m_out.append(QByteArray::number(number));
}

void JsonWriter::value(bool flag) {
    separate();
    if (flag)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
}

void JsonWriter::value(const Uuid &uuid) {
    separate();
    m_out.append('"');
    uuid.appendTo(m_out);
    m_out.append('"');
}

void JsonWriter::nullValue() {
    separate();
    m_out.append("null", 4);
}

void JsonWriter::time(TimeMs ms) {
    separate();
    m_out.append('"');
    appendRfc3339(m_out, ms);
    m_out.append('"');
}

void JsonWriter::stringArray(const QStringList &values) {
    beginArray();
    for (const QString &v : values)
        value(QStringView(v));
    endArray();
}

void JsonWriter::raw(const QByteArray &json) {
    separate();
    m_out.append(json);
}

void JsonWriter::rawMembers(const QByteArray &members) {
    if (members.isEmpty())
        return;
    separate();
    m_out.append(members);
}

} // namespace ica::sim
