#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>

namespace ica {

/// Query parameters in order, repeated keys allowed (ICA takes arrays as repeated
/// parameters: status=FAILED&status=UPDATED). Values are percent-encoded fully, so
/// '+', '&' and '=' inside a tag or path survive the trip.
class QueryParams final {
public:
    QueryParams &add(const QString &key, const QString &value);
    QueryParams &addAll(const QString &key, const QStringList &values);
    /// Adds the pair only when value is not empty.
    QueryParams &addIfSet(const QString &key, const QString &value);
    [[nodiscard]] bool isEmpty() const { return m_items.isEmpty(); }
    [[nodiscard]] QByteArray encoded() const;
    [[nodiscard]] QStringList values(const QString &key) const;

private:
    QList<QPair<QString, QString>> m_items;
};

/// Everything that says which call to make; ApiClient adds the rest (base URL,
/// auth, headers, timeout, retries).
struct ApiRequest {
    QByteArray method = "GET";
    /// Path below the server base, with IDs already escaped (see pathSegment()).
    QString path;
    QueryParams query;
    QByteArray jsonBody; ///< sent as application/vnd.illumina.v3+json when not empty
    bool authenticated = true;
    /// Extra headers (the token exchange sends its own X-API-Key).
    QList<QPair<QByteArray, QByteArray>> headers;
    std::chrono::milliseconds timeout{
        0}; ///< no progress for this long fails; 0: the client's default
    /// Each try must be answered completely within this, from sending to the last
    /// byte; 0: the client's default deadline.
    std::chrono::milliseconds deadline{0};

    /// GET is safe to repeat after a dropped connection or a 5xx; a POST never is.
    [[nodiscard]] bool isIdempotent() const { return method == "GET"; }
};

/// Percent-encodes one path segment (an ID from user input may hold anything).
QString pathSegment(const QString &segment);

} // namespace ica
