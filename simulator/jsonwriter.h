#pragma once

#include "simulator/timeutil.h"
#include "simulator/uuid.h"

#include <QByteArray>
#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <vector>

namespace ica::sim {

/// Streams compact JSON into a byte array. Several times faster than building a
/// QJsonObject tree for large pages; callers are responsible for balanced begin/end calls.
class JsonWriter {
public:
    explicit JsonWriter(qsizetype reserve = 1024) { m_out.reserve(reserve); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    /// Object key; keys given as char * must be ASCII.
    void key(const char *name);
    void key(const QString &name);

    void value(QStringView text);
    void value(QLatin1String text);
    void value(qint64 number);
    void value(bool flag);
    void value(const Uuid &uuid);
    void nullValue();
    /// An RFC 3339 UTC date-time string.
    void time(TimeMs ms);
    void stringArray(const QStringList &values);
    /// Inserts an already serialized JSON value (e.g. a cached fragment) as the next value.
    void raw(const QByteArray &json);
    /// Inserts pre-serialized object members ("\"a\":1,\"b\":2") into the open object.
    void rawMembers(const QByteArray &members);

    template <typename T> void field(const char *name, const T &v) {
        key(name);
        value(v);
    }
    void field(const char *name, const QString &v) {
        key(name);
        value(QStringView(v));
    }
    void field(const char *name, int v) {
        key(name);
        value(qint64(v));
    }
    /// A member whose value is an RFC 3339 UTC date-time string.
    void timeField(const char *name, TimeMs ms) {
        key(name);
        time(ms);
    }
    void field(const QString &name, const QString &v) {
        key(name);
        value(QStringView(v));
    }

    const QByteArray &data() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    void open(char c);
    void close(char c);
    void separate();
    void appendEscaped(QStringView text);
    /// Grows the buffer by extra bytes and returns where they start.
    char *tail(qsizetype extra);

    QByteArray m_out;
    std::vector<bool> m_first; ///< per open container: nothing written yet
    bool m_afterKey = false;
};

} // namespace ica::sim
