#pragma once

#include "simulator/model.h"
#include "simulator/paging.h"

#include <optional>
#include <vector>

namespace ica::sim {

enum class MatchMode { Exact, Exclude, Fuzzy };

/// Filters of GET /api/projects/{projectId}/data. Empty lists mean "no filter".
struct DataFilter {
    std::optional<QString> parentFolderPath; ///< non-recursive listing of that folder
    QStringList parentFolderIds;             ///< non-recursive listing of these folders
    QStringList ids;
    QStringList filenames;
    MatchMode filenameMode = MatchMode::Exact;
    QStringList filePaths;
    bool filePathFullMatch = false; ///< FULL_CASE_INSENSITIVE; default STARTS_WITH_CASE_INSENSITIVE
    std::optional<bool> folders;    ///< type: FOLDER (true) / FILE (false)
    std::vector<DataStatus> statuses;
    QStringList formatCodes;
    QStringList userTags;
    MatchMode userTagMode = MatchMode::Exact;
    QStringList technicalTags;
    MatchMode technicalTagMode = MatchMode::Exact;
    QString fullText; ///< case-insensitive substring of name or path

    /// Reads the filter parameters; throws ApiError (400) on invalid enum values.
    static DataFilter fromQuery(const QueryParams &query);
};

/// Evaluates data listings: which nodes match, in which order.
class DataQuery {
public:
    /// Sort fields the data listing accepts.
    static const QStringList &sortableFields();

    /// Node indices matching filter, ascending (= default order, stable for cursors).
    static std::vector<int> select(const Project &project, const World &world,
                                   const DataFilter &filter);

    /// Comparator factory for Pager over a project's nodes.
    static Pager::CompareFactory comparator(const Project &project, const World &world);

    static bool matches(const DataNode &node, const World &world, const DataFilter &filter);
};

} // namespace ica::sim
