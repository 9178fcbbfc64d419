#pragma once

#include "core/domain/batch.h"
#include "core/domain/projectdata.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace ica {

/// Writes compact JSON straight into a byte buffer: what streamed listings use
/// instead of building a QJsonObject and a QJsonDocument for each row, which costs
/// several times more than fetching and decoding the row (see bench_icatag). The
/// text is UTF-8, with the escapes JSON requires and nothing else.
class JsonOut final {
public:
    explicit JsonOut(QByteArray &buffer)
        : m_out(buffer) {}

    void string(QStringView text);
    /// `"key":` (the key is plain ASCII, known to need no escapes).
    void key(const char *name);
    void number(qint64 value);
    /// Any JSON value (the generic path for rows without a writer of their own).
    void value(const QJsonValue &value);
    /// An ISO 8601 UTC time as ica::formatDateTime() spells it.
    void dateTime(const QDateTime &dateTime);
    void raw(char c) { m_out.append(c); }
    void raw(const char *text) { m_out.append(text); }

private:
    /// Appends `length` bytes with one resize and a copy.
    void put(const char *text, qsizetype length);
    /// The string's text from its first character that needs more than a copy.
    void escapeRest(QStringView text);
    void stringList(const QStringList &list);
    void tagUpdate(const ica::TagUpdate &update);
    void dataTags(const ica::DataTags &tags);

    friend void appendJson(QByteArray &out, const ica::BatchItem &item);
    friend void appendJson(QByteArray &out, const ica::ProjectData &data);

    QByteArray &m_out;
};

/// One row as compact JSON, in the API's shape: exactly what `row.toJson()` holds
/// (tst_clistream compares the two), written directly for the rows that are listed
/// by the 100,000.
void appendJson(QByteArray &out, const ica::BatchItem &item);
void appendJson(QByteArray &out, const ica::ProjectData &data);
/// Other rows (projects): through their toJson().
template <typename T> void appendJson(QByteArray &out, const T &row) {
    JsonOut(out).value(row.toJson());
}

} // namespace ica
