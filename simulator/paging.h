#pragma once

#include "simulator/jsonwriter.h"
#include "simulator/queryparams.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace ica::sim {

struct SortKey {
    QString field; ///< canonical field name as listed by the endpoint
    bool descending = false;
};

/// The paging part of a listing request, validated.
struct PageRequest {
    bool cursorMode = true; ///< false: offset paging
    int offset = 0;         ///< offset mode
    int size = 100;
    int after = -1;            ///< cursor mode: last position already returned (-1: none)
    std::vector<SortKey> sort; ///< offset mode only
};

/// One page: positions of the rows to serialize plus the paged-list footer fields.
struct PageResult {
    std::vector<int> rows;
    bool cursorMode = true;
    QString nextPageToken;       ///< cursor mode: empty at the end
    qint64 remainingRecords = 0; ///< cursor mode
    qint64 totalItemCount = 0;   ///< offset mode
};

/// Implements ICA's two paging modes for every listing. Positions are stable row
/// numbers in creation order (node index, item index...), so cursor pages stay complete
/// and unique while rows change. Page tokens are opaque, bound to the endpoint + query
/// they came from and authenticated with the simulator's secret.
///
/// Rules: cursor mode unless pageOffset or sort is given; pageToken with pageOffset or
/// sort -> 400; pageSize 1..1000 (default 100); offset paging is capped at 200,000 rows.
class Pager {
public:
    static constexpr int kDefaultPageSize = 100;
    static constexpr int kMaxPageSize = 1000;
    static constexpr int kMaxOffsetRows = 200000;

    /// Compares two rows on one field (<0, 0, >0).
    using RowCompare = std::function<int(int, int)>;
    /// Returns the comparator of a canonical sort field.
    using CompareFactory = std::function<RowCompare(const QString &field)>;

    explicit Pager(QByteArray secret)
        : m_secret(std::move(secret)) {}

    /// Validates pageOffset / pageToken / pageSize / sort; throws ApiError (400).
    /// scope names the listing (e.g. "items/<batchId>"), so tokens cannot cross listings.
    PageRequest parse(const QueryParams &query, const QString &scope,
                      const QStringList &sortableFields) const;

    /// Cuts a page from matching (ascending positions), sorting first in offset mode.
    PageResult page(std::vector<int> matching, const PageRequest &request, const QueryParams &query,
                    const QString &scope, const CompareFactory &compare) const;

    /// The token that continues after lastPosition.
    QString makeToken(const QueryParams &query, const QString &scope, int lastPosition) const;

    /// Writes nextPageToken / remainingRecords / totalItemCount into an open object.
    static void writeFooter(JsonWriter &w, const PageResult &result);
    /// The body of a paged list answer, {"items": [...], footer}: `writeRow(w, row)`
    /// writes the item of each row; `bytesPerRow` sizes the buffer once.
    template <typename WriteRow>
    static QByteArray listBody(const PageResult &result, qsizetype bytesPerRow, WriteRow writeRow) {
        JsonWriter w(qsizetype(result.rows.size()) * bytesPerRow + 256);
        w.beginObject();
        w.key("items");
        w.beginArray();
        for (int row : result.rows)
            writeRow(w, row);
        w.endArray();
        writeFooter(w, result);
        w.endObject();
        return w.take();
    }

private:
    QByteArray fingerprint(const QueryParams &query, const QString &scope) const;
    QByteArray mac(const QByteArray &payload) const;

    QByteArray m_secret;
};

} // namespace ica::sim
