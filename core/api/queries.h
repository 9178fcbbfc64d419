#pragma once

#include "core/api/apirequest.h"
#include "core/domain/statuses.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ica {

/// Which page to fetch. ICA has two paging modes: offset (pageOffset; can sort;
/// capped at 200,000 rows; may repeat rows) and cursor (pageToken; complete and
/// unique; cannot sort). The first cursor page has an empty token.
struct PageRequest {
    enum class Mode { Offset, Cursor };
    Mode mode = Mode::Cursor;
    qint64 offset = 0;
    QString pageToken;
    int pageSize = 100;

    static PageRequest atOffset(qint64 offset, int pageSize) {
        return PageRequest{Mode::Offset, offset, {}, pageSize};
    }
    static PageRequest cursor(const QString &token, int pageSize) {
        return PageRequest{Mode::Cursor, 0, token, pageSize};
    }
    /// Adds pageOffset or pageToken, pageSize, and (offset mode only) sort.
    void addTo(QueryParams &query, const QString &sort) const;
};

/// ICA's match modes for name and tag filters.
enum class MatchMode { Exact, Exclude, Fuzzy };
QString matchModeName(MatchMode mode);

/// Parameters of the batch items listing.
struct ItemsQuery {
    QList<ItemStatus> statuses; ///< empty: every status
    PageRequest page;
    /// v2 "sort": field names, optional " desc", comma-separated (offset mode only).
    QString sort;
};

/// Parameters of the projects listing.
struct ProjectsQuery {
    QString search;
    PageRequest page;
    QString sort; ///< name, shortDescription, information (offset mode only)
};

/// Parameters of the project data listing (a subset of what ICA offers).
struct DataQuery {
    enum class Type { Any, File, Folder };
    enum class PathMatch { StartsWith, Full };

    QString parentFolderPath; ///< non-recursive listing of this folder ("/a/b/")
    QStringList filenames;
    MatchMode filenameMatch = MatchMode::Fuzzy;
    QStringList filePaths;
    PathMatch filePathMatch = PathMatch::StartsWith;
    Type type = Type::Any;
    QStringList statuses;
    QStringList formatCodes;
    QStringList userTags;
    MatchMode userTagMatch = MatchMode::Exact;
    QStringList technicalTags;
    MatchMode technicalTagMatch = MatchMode::Exact;
    QStringList ids;
    PageRequest page;
    QString sort; ///< timeCreated, timeModified, name (offset mode only)

    void addTo(QueryParams &query) const;
};

} // namespace ica
