#include "simulator/dataquery.h"

#include "simulator/apierror.h"

#include <algorithm>

namespace ica::sim {

namespace {

MatchMode parseMatchMode(const QueryParams &query, const QString &name, MatchMode fallback) {
    const QString text = query.value(name).trimmed();
    if (text.isEmpty())
        return fallback;
    if (text == QLatin1String("EXACT"))
        return MatchMode::Exact;
    if (text == QLatin1String("EXCLUDE"))
        return MatchMode::Exclude;
    if (text == QLatin1String("FUZZY"))
        return MatchMode::Fuzzy;
    throw ApiError::badRequest(
        QStringLiteral("Invalid value '%1' for %2: expected EXACT, EXCLUDE or FUZZY.")
            .arg(text, name),
        {{QStringLiteral("parameter"), name}});
}

// EXACT: one of values equals one of candidates; FUZZY: one of candidates contains one of
// values (case-insensitive); EXCLUDE: no candidate equals any value.
bool matchAny(const QStringList &candidates, const QStringList &values, MatchMode mode) {
    bool found = false;
    for (const QString &value : values) {
        for (const QString &candidate : candidates) {
            if (mode == MatchMode::Fuzzy ? candidate.contains(value, Qt::CaseInsensitive)
                                         : candidate == value) {
                found = true;
                break;
            }
        }
        if (found)
            break;
    }
    return mode == MatchMode::Exclude ? !found : found;
}

bool matchName(const QString &name, const QStringList &values, MatchMode mode) {
    const auto hit = [&](const QString &value) {
        return mode == MatchMode::Fuzzy ? name.contains(value, Qt::CaseInsensitive) : name == value;
    };
    const bool found = std::any_of(values.begin(), values.end(), hit);
    return mode == MatchMode::Exclude ? !found : found;
}

int compareTimes(TimeMs a, TimeMs b) {
    return a < b ? -1 : (a > b ? 1 : 0);
}

} // namespace

DataFilter DataFilter::fromQuery(const QueryParams &query) {
    DataFilter f;
    if (query.has(QStringLiteral("parentFolderPath"))) {
        QString path = query.value(QStringLiteral("parentFolderPath")).trimmed();
        if (!path.startsWith(QLatin1Char('/')))
            throw ApiError::badRequest(
                QStringLiteral("parentFolderPath must start and end with '/'."),
                {{QStringLiteral("parameter"), QStringLiteral("parentFolderPath")}});
        if (!path.endsWith(QLatin1Char('/')))
            path += QLatin1Char('/');
        f.parentFolderPath = path;
    }
    f.parentFolderIds = query.listValues(QStringLiteral("parentFolderId"));
    f.ids = query.listValues(QStringLiteral("id"));
    f.filenames = query.values(QStringLiteral("filename"));
    f.filenameMode = parseMatchMode(query, QStringLiteral("filenameMatchMode"), MatchMode::Exact);
    f.filePaths = query.values(QStringLiteral("filePath"));
    const QString pathMode = query.value(QStringLiteral("filePathMatchMode")).trimmed();
    if (pathMode == QLatin1String("FULL_CASE_INSENSITIVE"))
        f.filePathFullMatch = true;
    else if (!pathMode.isEmpty() && pathMode != QLatin1String("STARTS_WITH_CASE_INSENSITIVE"))
        throw ApiError::badRequest(
            QStringLiteral("Invalid value '%1' for filePathMatchMode: expected "
                           "STARTS_WITH_CASE_INSENSITIVE or FULL_CASE_INSENSITIVE.")
                .arg(pathMode),
            {{QStringLiteral("parameter"), QStringLiteral("filePathMatchMode")}});
    const QString type = query.value(QStringLiteral("type")).trimmed();
    if (type == QLatin1String("FILE"))
        f.folders = false;
    else if (type == QLatin1String("FOLDER"))
        f.folders = true;
    else if (!type.isEmpty())
        throw ApiError::badRequest(
            QStringLiteral("Invalid value '%1' for type: expected FILE or FOLDER.").arg(type),
            {{QStringLiteral("parameter"), QStringLiteral("type")}});
    for (const QString &s : query.listValues(QStringLiteral("status"))) {
        DataStatus status;
        if (!parseDataStatus(s, &status))
            throw ApiError::badRequest(
                QStringLiteral("Invalid value '%1' for status: expected one of PARTIAL, "
                               "AVAILABLE, ARCHIVING, ARCHIVED, UNARCHIVING, DELETING.")
                    .arg(s),
                {{QStringLiteral("parameter"), QStringLiteral("status")}});
        f.statuses.push_back(status);
    }
    f.formatCodes = query.listValues(QStringLiteral("formatCode"));
    f.userTags = query.values(QStringLiteral("userTag"));
    f.userTagMode = parseMatchMode(query, QStringLiteral("userTagMatchMode"), MatchMode::Exact);
    f.technicalTags = query.values(QStringLiteral("technicalTag"));
    f.technicalTagMode =
        parseMatchMode(query, QStringLiteral("technicalTagMatchMode"), MatchMode::Exact);
    f.fullText = query.value(QStringLiteral("fullText")).trimmed();
    return f;
}

const QStringList &DataQuery::sortableFields() {
    static const QStringList fields{QStringLiteral("timeCreated"),
                                    QStringLiteral("timeModified"),
                                    QStringLiteral("name"),
                                    QStringLiteral("path"),
                                    QStringLiteral("fileSizeInBytes"),
                                    QStringLiteral("status"),
                                    QStringLiteral("format"),
                                    QStringLiteral("dataType"),
                                    QStringLiteral("willBeArchivedAt"),
                                    QStringLiteral("willBeDeletedAt")};
    return fields;
}

bool DataQuery::matches(const DataNode &node, const World &world, const DataFilter &f) {
    if (f.folders && *f.folders != node.folder)
        return false;
    if (!f.statuses.empty() &&
        std::find(f.statuses.begin(), f.statuses.end(), node.status) == f.statuses.end())
        return false;
    if (!f.ids.isEmpty() && !f.ids.contains(node.id))
        return false;
    if (!f.filenames.isEmpty() && !matchName(node.name, f.filenames, f.filenameMode))
        return false;
    if (!f.filePaths.isEmpty()) {
        const bool hit = std::any_of(f.filePaths.begin(), f.filePaths.end(), [&](const QString &p) {
            return f.filePathFullMatch ? node.path.compare(p, Qt::CaseInsensitive) == 0
                                       : node.path.startsWith(p, Qt::CaseInsensitive);
        });
        if (!hit)
            return false;
    }
    if (!f.formatCodes.isEmpty()) {
        if (node.format < 0)
            return false;
        const QString &code = world.formats[size_t(node.format)].code;
        if (std::none_of(f.formatCodes.begin(), f.formatCodes.end(), [&](const QString &c) {
                return c.compare(code, Qt::CaseInsensitive) == 0;
            }))
            return false;
    }
    if (!f.userTags.isEmpty() && !matchAny(node.userTags, f.userTags, f.userTagMode))
        return false;
    if (!f.technicalTags.isEmpty() &&
        !matchAny(node.technicalTags, f.technicalTags, f.technicalTagMode))
        return false;
    if (!f.fullText.isEmpty() && !node.name.contains(f.fullText, Qt::CaseInsensitive) &&
        !node.path.contains(f.fullText, Qt::CaseInsensitive))
        return false;
    return true;
}

std::vector<int> DataQuery::select(const Project &project, const World &world,
                                   const DataFilter &filter) {
    std::vector<int> result;
    const auto consider = [&](int index) {
        if (matches(project.nodes[size_t(index)], world, filter))
            result.push_back(index);
    };
    if (filter.parentFolderPath || !filter.parentFolderIds.isEmpty()) {
        std::vector<int> candidates;
        if (filter.parentFolderPath) {
            if (*filter.parentFolderPath == QLatin1String("/")) {
                candidates = project.rootNodes;
            } else {
                const int folder = project.folderByPath.value(*filter.parentFolderPath, -1);
                if (folder >= 0)
                    candidates = project.nodes[size_t(folder)].children;
            }
        }
        for (const QString &id : filter.parentFolderIds) {
            const int folder = project.nodeById.value(id, -1);
            if (folder >= 0) {
                const auto &children = project.nodes[size_t(folder)].children;
                candidates.insert(candidates.end(), children.begin(), children.end());
            }
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        for (int index : candidates)
            consider(index);
        return result;
    }
    if (!filter.ids.isEmpty()) {
        std::vector<int> candidates;
        for (const QString &id : filter.ids) {
            const int index = project.nodeById.value(id, -1);
            if (index >= 0)
                candidates.push_back(index);
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        for (int index : candidates)
            consider(index);
        return result;
    }
    result.reserve(project.nodes.size());
    for (int i = 0; i < int(project.nodes.size()); ++i)
        consider(i);
    return result;
}

Pager::CompareFactory DataQuery::comparator(const Project &project, const World &world) {
    const Project *p = &project;
    const World *w = &world;
    return [p, w](const QString &field) -> Pager::RowCompare {
        const auto node = [p](int i) -> const DataNode & { return p->nodes[size_t(i)]; };
        if (field == QLatin1String("timeCreated"))
            return [=](int a, int b) {
                return compareTimes(node(a).timeCreated, node(b).timeCreated);
            };
        if (field == QLatin1String("timeModified"))
            return [=](int a, int b) {
                return compareTimes(node(a).timeModified, node(b).timeModified);
            };
        if (field == QLatin1String("name"))
            return [=](int a, int b) {
                const int c = node(a).name.compare(node(b).name, Qt::CaseInsensitive);
                return c != 0 ? c : node(a).name.compare(node(b).name);
            };
        if (field == QLatin1String("path"))
            return [=](int a, int b) {
                return node(a).path.compare(node(b).path, Qt::CaseInsensitive);
            };
        if (field == QLatin1String("fileSizeInBytes"))
            return [=](int a, int b) { return compareTimes(node(a).size, node(b).size); };
        if (field == QLatin1String("status"))
            return [=](int a, int b) {
                return qstrcmp(dataStatusName(node(a).status), dataStatusName(node(b).status));
            };
        if (field == QLatin1String("format"))
            return [=](int a, int b) {
                const auto code = [&](int i) {
                    return node(i).format < 0 ? QString() : w->formats[size_t(node(i).format)].code;
                };
                return code(a).compare(code(b));
            };
        if (field == QLatin1String("dataType"))
            return [=](int a, int b) { return int(node(a).folder) - int(node(b).folder); };
        if (field == QLatin1String("willBeArchivedAt"))
            return [=](int a, int b) {
                return compareTimes(node(a).willBeArchivedAt, node(b).willBeArchivedAt);
            };
        return [=](int a, int b) {
            return compareTimes(node(a).willBeDeletedAt, node(b).willBeDeletedAt);
        };
    };
}

} // namespace ica::sim
