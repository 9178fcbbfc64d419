#pragma once

#include "core/api/apiclient.h"
#include "core/api/apiresult.h"
#include "core/api/queries.h"
#include "core/domain/projectdata.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace ica {

/// Looks up many data items by ID or by path with as few listing calls as the URL
/// allows: the values go into repeated query parameters (id=...&id=..., or
/// filePath=...), split into chunks that keep each URL short (servers and proxies
/// refuse URLs past ~8 KB), each chunk read to its end with cursor paging. Up to
/// ParallelChunks chunks are in flight at once. Stateless; results arrive on
/// `context`'s thread, not at all when `context` is destroyed first.
class DataLookup final {
public:
    /// Budget for the encoded values of one chunk; the rest of the URL stays well
    /// below 2 KB, so the whole URL stays under 8 KB.
    static constexpr int MaxEncodedChars = 6000;
    /// At most this many values per chunk, whatever their length.
    static constexpr int MaxValuesPerChunk = 200;
    static constexpr int ParallelChunks = 3;

    using Done = std::function<void(const Result<QList<ProjectData>> &)>;
    /// The rows of each query, one list per query in query order (by value: the
    /// receiver may move them on to another thread).
    using PartsDone = std::function<void(Result<QList<QList<ProjectData>>>)>;
    /// Called after each chunk with the chunks done and the number of chunks.
    using Progress = std::function<void(int chunksDone, int chunkCount)>;

    /// Splits `values` (in order) into chunks whose "name=value&" parts, percent-
    /// encoded, fit in `maxChars` and that hold at most `maxCount` values each.
    [[nodiscard]] static QList<QStringList> chunk(const QStringList &values,
                                                  const QString &parameterName,
                                                  int maxChars = MaxEncodedChars,
                                                  int maxCount = MaxValuesPerChunk);

    /// The queries byIds() runs: `base` with `ids` split into chunks (chunk()).
    [[nodiscard]] static QList<DataQuery> idQueries(const DataQuery &base, const QStringList &ids);

    /// The data among `ids` that also match `base` (its paging and sort are ignored;
    /// an empty base: every ID that exists). IDs that do not exist are just absent.
    static void byIds(ApiClient *client, const QString &projectId, const DataQuery &base,
                      const QStringList &ids, QObject *context, Done done, Progress progress = {});
    /// The data whose path equals one of `paths` ignoring case (FULL_CASE_INSENSITIVE):
    /// a path may match several items that differ only in case.
    static void byPaths(ApiClient *client, const QString &projectId, const QStringList &paths,
                        QObject *context, Done done, Progress progress = {});
    /// Runs every query (all pages of each, cursor mode) and hands over all rows in
    /// query order. Stops at the first error.
    static void run(ApiClient *client, const QString &projectId, const QList<DataQuery> &queries,
                    QObject *context, Done done, Progress progress = {});
    /// As run(), but the rows are handed over per query, not joined on `context`'s
    /// thread, and the pages are decoded with `priority`: for 100,000 rows whose
    /// joining (and later freeing) costs milliseconds that belong off the GUI thread.
    static void runParts(ApiClient *client, const QString &projectId,
                         const QList<DataQuery> &queries, QObject *context, PartsDone done,
                         Progress progress = {}, WorkPriority priority = WorkPriority::Normal);
};

} // namespace ica
